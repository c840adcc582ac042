"""The admin's import page: same workflow, same summary, for editors only; run in the background (D4)."""
import pytest
from django.contrib.auth.models import Group, User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from archive.models import Entry

from .import_jobs_helpers import run_worker
from .importing_helpers import CHINA_DAILY_SEED, DATA, RSIS_SEED, SEEDS

pytestmark = pytest.mark.django_db
URL_NAME = "admin:archive_entry_import"


@pytest.fixture
def editor_client(client):
    user = User.objects.create_superuser("editor", "editor@example.org", "pw")
    client.force_login(user)
    return client


def imported(client, data):
    """Post the form, let the worker run the job, and return the job's page."""
    response = client.post(reverse(URL_NAME), data)
    if response.status_code != 302:
        return response  # the form again, with its errors
    assert "/admin/archive/importjob/" in response["Location"]
    queued = client.get(response["Location"])
    assert "Waiting for the worker" in queued.content.decode() and 'http-equiv="refresh"' in queued.content.decode()
    run_worker()
    return client.get(response["Location"])


def upload(path, name=None):
    return SimpleUploadedFile(name or path.name, path.read_bytes())


def test_form_renders(editor_client):
    response = editor_client.get(reverse(URL_NAME))
    assert response.status_code == 200
    assert b'type="file"' in response.content and b"multipart/form-data" in response.content


def test_upload_seeds_with_manifest_shows_summary(editor_client):
    response = imported(editor_client, {
        "files": [upload(RSIS_SEED), upload(CHINA_DAILY_SEED)],
        "manifest": upload(SEEDS / "manifest.toml"),
    })
    assert response.status_code == 200
    text = response.content.decode()
    assert "2 files: 2 created, 0 updated, 0 unchanged, 0 failed" in text
    assert "needs review: title, authors, date" in text
    assert Entry.objects.get(source_name=CHINA_DAILY_SEED.name).url == "https://chinadailyhk.com/hk/article/603444"
    again = imported(editor_client, {"files": [upload(RSIS_SEED)]})
    assert "0 created, 0 updated, 1 unchanged, 0 failed" in again.content.decode()
    assert Entry.objects.count() == 2


def test_bad_files_are_reported_and_change_nothing(editor_client):
    response = imported(editor_client, {
        "files": [SimpleUploadedFile("empty.txt", b""), upload(DATA / "no_article.html"),
                  upload(DATA / "unknown_outlet_plain.txt")],
    })
    text = response.content.decode()
    assert response.status_code == 200
    assert "1 created, 0 updated, 0 unchanged, 2 failed" in text
    assert "Failed: empty.txt — the file is empty" in text
    assert "no article was found in the HTML page" in text
    assert Entry.objects.count() == 1


def test_oversized_upload_is_refused(editor_client, settings):
    settings.ARCHIVE_IMPORT_MAX_BYTES = 200
    response = imported(editor_client, {"files": [upload(DATA / "unknown_outlet_plain.txt")]})
    assert "over the import limit" in response.content.decode()
    assert Entry.objects.count() == 0


def test_broken_manifest_is_a_form_error(editor_client):
    response = editor_client.post(reverse(URL_NAME), {
        "files": [upload(RSIS_SEED)], "manifest": SimpleUploadedFile("m.toml", b"[files.\"x\"\nbroken"),
    })
    assert response.status_code == 200
    assert "not valid TOML" in response.content.decode()
    assert Entry.objects.count() == 0


def test_dry_run_from_the_admin(editor_client):
    response = imported(editor_client, {"files": [upload(RSIS_SEED)], "dry_run": "on"})
    assert "dry run: nothing was saved" in response.content.decode()
    assert Entry.objects.count() == 0


def test_visitors_and_librarians_cannot_import(client):
    url = reverse(URL_NAME)
    response = client.post(url, {"files": [upload(RSIS_SEED)]})
    assert response.status_code == 302 and "login" in response["Location"]
    librarian = User.objects.create_user("lib", password="pw", is_staff=True)
    group = Group.objects.filter(name="Librarians").first()
    if group:
        librarian.groups.add(group)
    client.force_login(librarian)
    assert client.post(url, {"files": [upload(RSIS_SEED)]}).status_code == 403
    assert Entry.objects.count() == 0
