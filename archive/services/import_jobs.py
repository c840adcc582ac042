"""Imports from the admin run in the background (D4): a large upload no longer holds a
web worker until it is killed, and the editor sees progress and the outcome.

``start_import`` stores the uploaded files with a new ``ImportJob`` and enqueues
``archive.tasks.run_import_job`` (django-tasks, database backend); a worker
(``manage.py db_worker``) runs ``run`` with the very same workflow as
``manage.py import_commentaries`` and writes progress and the summary on the job.
"""
import logging
from dataclasses import asdict

from django.db import transaction
from django.utils import timezone

from archive.importing import ManifestError, parse_manifest
from archive.models import ImportJob, ImportUpload
from archive.services.importer import Source, import_sources, max_import_bytes

logger = logging.getLogger(__name__)


def start_import(files, *, user=None, manifest_text="", manifest_name="", dry_run=False):
    """Store ``files`` ([(name, size, read)]) as a queued job and enqueue it; returns the job."""
    from archive.tasks import run_import_job

    limit = max_import_bytes()
    with transaction.atomic():
        job = ImportJob.objects.create(created_by=user if user and user.pk else None, dry_run=dry_run,
                                       manifest=manifest_text, manifest_name=manifest_name, total=len(files))
        for position, (name, size, read) in enumerate(files):
            # A file over the limit is not stored: the importer refuses it by its size.
            data = read() if size <= limit else b""
            ImportUpload.objects.create(job=job, position=position, name=name, size=size, data=data)
    result = run_import_job.enqueue(job.pk)
    ImportJob.objects.filter(pk=job.pk).update(task_id=str(result.id))
    job.task_id = str(result.id)
    return job


def run(job_id):
    """Import a queued job's files, recording progress; returns the job's headline."""
    job = ImportJob.objects.filter(pk=job_id).first()
    if job is None or job.finished:
        return job.headline if job else "no such import"
    uploads = list(job.uploads.order_by("position").values_list("pk", "name", "size"))
    ImportJob.objects.filter(pk=job.pk).update(status=ImportJob.Status.RUNNING, started_at=timezone.now(),
                                               total=len(uploads), done=0)
    try:
        manifest = parse_manifest(job.manifest, origin=job.manifest_name or "manifest") if job.manifest else None
        sources = [Source(name=name, size=size, read=_reader(pk), manifest=manifest) for pk, name, size in uploads]

        def progress(done, total, name):
            ImportJob.objects.filter(pk=job.pk).update(done=done, current=name)

        summary = import_sources(sources, dry_run=job.dry_run, progress=progress)
    except ManifestError as error:
        return _finish(job, ImportJob.Status.FAILED, error=str(error))
    except Exception as error:  # the job says what went wrong; the traceback goes to the log
        logger.exception("Import job %s failed", job.pk)
        return _finish(job, ImportJob.Status.FAILED, error=f"{error.__class__.__name__}: {error}")
    results = [asdict(result) for result in summary.results]
    return _finish(job, ImportJob.Status.DONE, headline=summary.headline(), results=results)


def _reader(upload_pk):
    def read():
        return bytes(ImportUpload.objects.values_list("data", flat=True).get(pk=upload_pk))
    return read


def _finish(job, status, *, headline="", results=(), error=""):
    ImportJob.objects.filter(pk=job.pk).update(
        status=status, finished_at=timezone.now(), headline=headline or error[:300], results=list(results),
        error=error, current="", done=len(results) or job.total if status == ImportJob.Status.DONE else 0,
    )
    # The files are not needed any more: the entries hold the text, the job the summary.
    ImportUpload.objects.filter(job=job).update(data=b"")
    return headline or error
