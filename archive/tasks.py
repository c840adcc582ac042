"""Background tasks (django-tasks): run by ``manage.py db_worker`` (make serve starts one)."""
from django_tasks import task


@task(queue_name="default")
def run_import_job(job_id):
    """Import the files of an ImportJob uploaded in the admin."""
    from archive.services.import_jobs import run

    return run(job_id)


@task(queue_name="exports")
def build_stored_export(name):
    """Build a whole-archive export file (see archive.caching.exports)."""
    from archive.caching.exports import build

    return build(name)
