"""What each group may do in the admin: Editors change everything, Librarians only look."""
import pytest
from django.apps import apps
from django.contrib import admin
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from simple_history.utils import get_history_model_for_model

from archive.models import Agent, Entry, Outlet, Statement

from .factories import make_agent, make_entry, make_outlet, make_user

pytestmark = pytest.mark.django_db

ACTIONS = ("add", "change", "delete", "view")
# Every archive model in the admin, and the history tables behind its history pages.
REGISTERED = [model for model in apps.get_app_config("archive").get_models() if admin.site.is_registered(model)]
HISTORIES = list(dict.fromkeys(
    [get_history_model_for_model(m) for m in REGISTERED if hasattr(m._meta, "simple_history_manager_attribute")]
    + [apps.get_model("archive", "HistoricalAuthorship")]  # the byline's, shown on the entry's history
))


def perms(model, actions=ACTIONS):
    return {f"archive.{action}_{model._meta.model_name}" for action in actions}


def test_the_admin_registry_covers_the_archive():
    names = {model._meta.model_name for model in REGISTERED}
    assert {"entry", "agent", "alias", "statement", "statementreview", "outlet", "series", "mergecandidate",
            "entrytombstone", "quotedterm", "statementgroup"} <= names


@pytest.mark.parametrize("model", REGISTERED + HISTORIES, ids=lambda m: m._meta.model_name)
def test_editors_may_do_everything_and_librarians_only_look(model):
    editor, librarian = make_user("eddie", "Editors"), make_user("libby", "Librarians")
    assert editor.has_perms(perms(model)), model
    assert librarian.has_perm(f"archive.view_{model._meta.model_name}")
    assert not any(librarian.has_perm(p) for p in perms(model, ("add", "change", "delete")))


@pytest.fixture
def librarian_client(client):
    client.force_login(make_user("libby", "Librarians"))
    return client


def make_statement():
    entry = make_entry("Quoted", body="He said “soft power matters” today.")
    return Statement.objects.create(entry=entry, quote="soft power matters", start=9, end=27)


RECORDS = {
    "entry": lambda: make_entry("Librarian-proof", authors=["Ada Lovelace"]),
    "agent": lambda: make_agent("Grace Hopper"),
    "statement": make_statement,
    "outlet": lambda: make_outlet("Proof Institute"),
}
# The field each attempt would change, and its value as made.
FIELDS = {"entry": "title", "agent": "name", "statement": "quote", "outlet": "name"}


@pytest.mark.parametrize("kind", RECORDS)
def test_librarians_cannot_change_or_delete(librarian_client, kind):
    record = RECORDS[kind]()
    field = FIELDS[kind]
    before = getattr(record, field)
    change = reverse(f"admin:archive_{kind}_change", args=[record.pk])
    delete = reverse(f"admin:archive_{kind}_delete", args=[record.pk])
    assert librarian_client.get(change).status_code == 200  # they may look
    assert librarian_client.post(change, {field: "Vandalised"}).status_code == 403
    assert librarian_client.get(delete).status_code == 403
    assert librarian_client.post(delete, {"post": "yes"}).status_code == 403
    assert librarian_client.get(reverse(f"admin:archive_{kind}_add")).status_code == 403
    record.refresh_from_db()
    assert getattr(record, field) == before


def test_librarians_cannot_import(librarian_client):
    url = reverse("admin:archive_entry_import")
    assert librarian_client.get(url).status_code == 403
    upload = SimpleUploadedFile("a.txt", b"A paragraph of running text that would become an entry if imported.\n")
    assert librarian_client.post(url, {"files": [upload]}).status_code == 403
    assert not Entry.objects.exists()


@pytest.mark.parametrize("model", [Entry, Agent, Outlet, Statement], ids=lambda m: m._meta.model_name)
def test_librarians_bulk_actions_change_nothing(librarian_client, model):
    record = {Entry: RECORDS["entry"], Agent: RECORDS["agent"], Outlet: RECORDS["outlet"],
              Statement: make_statement}[model]()
    url = reverse(f"admin:archive_{model._meta.model_name}_changelist")
    response = librarian_client.post(url, {"action": "delete_selected", "_selected_action": [record.pk], "post": "yes"})
    assert response.status_code in (200, 302, 403)
    assert model.objects.filter(pk=record.pk).exists()
