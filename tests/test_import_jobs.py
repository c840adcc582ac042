"""D4: admin imports run as background jobs, with progress and outcome; two jobs of the
same file at once give one entry and two honest summaries."""
import subprocess

import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from archive.models import Entry, ImportJob
from archive.services.import_jobs import start_import

from .import_jobs_helpers import run_worker
from .importing_helpers import RSIS_SEED
from .processes import PYTHON, ROOT, new_database, shell

pytestmark = pytest.mark.django_db


def _file(path):
    data = path.read_bytes()
    return (path.name, len(data), lambda: data)


def test_the_upload_answers_at_once_and_the_job_page_follows_the_import(client):
    client.force_login(User.objects.create_superuser("editor", "e@example.org", "pw"))
    response = client.post(reverse("admin:archive_entry_import"),
                           {"files": [SimpleUploadedFile(RSIS_SEED.name, RSIS_SEED.read_bytes())]})
    assert response.status_code == 302
    assert Entry.objects.count() == 0  # nothing was imported inside the request
    job = ImportJob.objects.get()
    assert (job.status, job.total, job.done) == ("queued", 1, 0)
    run_worker()
    job.refresh_from_db()
    assert job.status == "done" and job.done == 1 and job.finished_at
    assert job.headline == "1 file: 1 created, 0 updated, 0 unchanged, 0 failed"
    assert job.results[0]["outcome"] == "created" and job.results[0]["entry_id"] == Entry.objects.get().pk
    page = client.get(response["Location"]).content.decode()
    assert "1 file: 1 created" in page and 'http-equiv="refresh"' not in page
    listing = client.get(reverse("admin:archive_importjob_changelist")).content.decode()
    assert "1 of 1" in listing


def test_a_job_that_cannot_run_says_why_and_changes_nothing(client):
    job = start_import([_file(RSIS_SEED)], manifest_text='[files."x"\nbroken', manifest_name="bad.toml")
    run_worker()
    job.refresh_from_db()
    assert job.status == "failed" and "not valid TOML" in job.error
    assert Entry.objects.count() == 0
    client.force_login(User.objects.create_superuser("editor", "e@example.org", "pw"))
    page = client.get(reverse("admin:archive_importjob_change", args=[job.pk])).content.decode()
    assert "The import stopped" in page and "not valid TOML" in page


def test_visitors_cannot_see_jobs(client):
    job = start_import([_file(RSIS_SEED)])
    response = client.get(reverse("admin:archive_importjob_change", args=[job.pk]))
    assert response.status_code == 302 and "login" in response["Location"]


@pytest.fixture
def database(tmp_path):
    env, drop = new_database(tmp_path, "jobs")
    yield env
    drop()


def test_the_same_file_in_two_jobs_run_by_two_workers_at_once(database):
    shell(database, (
        "from pathlib import Path\n"
        "from archive.services.import_jobs import start_import\n"
        f"p = Path({str(RSIS_SEED)!r}); d = p.read_bytes()\n"
        "for _ in range(2): start_import([(p.name, len(d), lambda: d)])\n"
    ))
    workers = [subprocess.Popen([PYTHON, str(ROOT / "manage.py"), "db_worker", "--batch", "--max-tasks", "1",
                                 "--no-startup-delay", "--queue-name", "*"], env=database, cwd=ROOT,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    for worker in workers:
        out, err = worker.communicate(timeout=300)
        assert worker.returncode == 0, out + err
    lines = shell(database, (
        "from archive.models import Entry, ImportJob\n"
        "print(Entry.objects.count())\n"
        "for job in ImportJob.objects.order_by('pk'): print(job.status, '|', job.headline)\n"
    )).splitlines()
    assert lines[0] == "1"
    assert sorted(lines[1:]) == sorted([
        "done | 1 file: 1 created, 0 updated, 0 unchanged, 0 failed",
        "done | 1 file: 0 created, 0 updated, 1 unchanged, 0 failed",
    ])
