"""The editors' admin: roles, publishing rules, merging names, history and edit tracking."""
import pytest
from django.urls import reverse

from archive.models import Agent, Alias, Authorship, Entry, Statement

from .factories import make_agent, make_entry, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client):
    client.force_login(make_user("eddie", "Editors"))
    return client


@pytest.fixture
def librarian_client(client):
    client.force_login(make_user("libby", "Librarians"))
    return client


def change_url(obj):
    return reverse(f"admin:archive_{obj._meta.model_name}_change", args=[obj.pk])


def test_editor_sees_every_admin_list(editor_client):
    for model in ["entry", "agent", "statement", "outlet", "series", "mergecandidate", "quotedterm", "statementgroup"]:
        response = editor_client.get(reverse(f"admin:archive_{model}_changelist"))
        assert response.status_code == 200, model


def test_editor_can_change_an_entry_and_the_change_is_tracked(editor_client):
    entry = make_entry("Old title", authors=["Ada Lovelace"], status="draft")
    response = editor_client.get(change_url(entry))
    assert response.status_code == 200
    form = response.context["adminform"].form
    data = {k: v for k, v in form.initial.items() if v is not None and not isinstance(v, (list, dict))}
    data.update({
        "title": "New title", "slug": entry.slug, "genre": entry.genre, "status": "draft",
        "needs_review": "[]", "body_blocks": '[]', "language": "en", "date_precision": "unknown",
        "body": entry.body, "outlet": entry.outlet_id, "tags": "",
        "authorships-TOTAL_FORMS": "1", "authorships-INITIAL_FORMS": "1",
        "authorships-0-id": entry.authorships.get().pk, "authorships-0-entry": entry.pk,
        "authorships-0-agent": entry.authorships.get().agent_id, "authorships-0-position": "0",
        "authorships-0-role": "author",
        "statements-TOTAL_FORMS": "0", "statements-INITIAL_FORMS": "0",
    })
    response = editor_client.post(change_url(entry), data)
    assert response.status_code == 302, response.context["adminform"].form.errors if response.context else ""
    entry.refresh_from_db()
    assert entry.title == "New title"
    assert "title" in entry.edited_fields
    # The change is in the history, with who made it.
    latest = entry.history.first()
    assert latest.title == "New title" and latest.history_user.username == "eddie"


def test_librarian_can_view_but_not_change(librarian_client):
    entry = make_entry("Viewable", status="draft")
    assert librarian_client.get(reverse("admin:archive_entry_changelist")).status_code == 200
    assert librarian_client.get(change_url(entry)).status_code == 200
    response = librarian_client.post(change_url(entry), {"title": "Vandalised"})
    assert response.status_code == 403
    entry.refresh_from_db()
    assert entry.title == "Viewable"
    assert librarian_client.get(reverse("admin:archive_entry_add")).status_code == 403
    response = librarian_client.post(reverse("admin:archive_entry_changelist"),
                                     {"action": "publish", "_selected_action": [entry.pk]})
    entry.refresh_from_db()
    assert entry.status == "draft"


def test_visitor_without_account_is_sent_to_login(client):
    response = client.get(reverse("admin:archive_entry_changelist"))
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_anonymous_visitors_never_see_drafts(client):
    draft = make_entry("A secret draft", status="draft")
    published = make_entry("An open entry", status="published")
    home = client.get("/").content.decode()
    assert "An open entry" in home and "A secret draft" not in home
    assert client.get(published.get_absolute_url()).status_code == 200
    assert client.get(draft.get_absolute_url()).status_code == 404


def test_publishing_an_entry_that_needs_review_is_refused(editor_client):
    incomplete = make_entry("", status="draft", needs_review=["title", "date"])
    complete = make_entry("Ready to go", status="draft")
    response = editor_client.post(
        reverse("admin:archive_entry_changelist"),
        {"action": "publish", "_selected_action": [incomplete.pk, complete.pk]},
        follow=True,
    )
    messages = [str(m) for m in response.context["messages"]]
    assert any("not published" in m and "title" in m for m in messages)
    incomplete.refresh_from_db()
    complete.refresh_from_db()
    assert incomplete.status == "draft"
    assert complete.status == "published" and complete.published_at is not None


def test_unpublish_returns_entries_to_draft(editor_client):
    entry = make_entry("Live", status="published")
    editor_client.post(reverse("admin:archive_entry_changelist"), {"action": "unpublish", "_selected_action": [entry.pk]})
    entry.refresh_from_db()
    assert entry.status == "draft"


def test_merge_names_moves_everything_and_keeps_the_names_as_aliases(editor_client):
    keep = make_agent("Joseph Nye", wikidata="")
    dup = make_agent("J. S. Nye", wikidata="Q1340208")
    Alias.objects.create(agent=dup, name="Joseph S. Nye Jr.")
    entry = make_entry("On power", authors=[dup])
    statement = Statement.objects.create(entry=entry, speaker=dup, quote="Soft power matters", start=0, end=5)
    url = reverse("admin:archive_agent_changelist")
    # First step: the action asks which record to keep.
    response = editor_client.post(url, {"action": "merge_selected", "_selected_action": [keep.pk, dup.pk]})
    assert response.status_code == 200 and b"Keep this record" in response.content
    # Second step: merge.
    response = editor_client.post(url, {
        "action": "merge_selected", "_selected_action": [keep.pk, dup.pk], "apply": "1", "keep": keep.pk,
    }, follow=True)
    assert not Agent.objects.filter(pk=dup.pk).exists()
    keep.refresh_from_db()
    assert set(keep.aliases.values_list("name", flat=True)) == {"J. S. Nye", "Joseph S. Nye Jr."}
    assert keep.wikidata == "Q1340208"
    assert Authorship.objects.get(entry=entry).agent == keep
    statement.refresh_from_db()
    assert statement.speaker == keep


def test_merge_needs_two_records(editor_client):
    a = make_agent("Solo Person")
    response = editor_client.post(reverse("admin:archive_agent_changelist"),
                                  {"action": "merge_selected", "_selected_action": [a.pk]}, follow=True)
    assert any("at least two" in str(m) for m in response.context["messages"])


def test_history_can_revert_an_entry(editor_client):
    entry = make_entry("Original title")
    first = entry.history.earliest()
    entry.title = "Changed title"
    entry.save()
    url = reverse("admin:archive_entry_simple_history", args=[entry.pk, first.history_id])
    response = editor_client.get(url)
    assert response.status_code == 200
    assert b"Original title" in response.content
    history = editor_client.get(reverse("admin:archive_entry_history", args=[entry.pk]))
    assert history.status_code == 200
    assert len(history.context["page_obj"].object_list) == 2


def test_editor_completing_a_missing_title_clears_the_review_flag(editor_client):
    entry = make_entry("", status="draft", needs_review=["title"])
    entry.title = "Completed"
    from archive.models.entries import refresh_needs_review

    assert refresh_needs_review(entry) is True
    assert entry.needs_review == []
    assert entry.can_publish() is None
