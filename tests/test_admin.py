"""The editors' admin: roles, publishing rules, merging names, history and edit tracking."""
import pytest
from django.urls import reverse

from archive.models import Agent, Alias, Authorship, Entry, EntryTombstone, MergeCandidate, Statement

from .admin_forms import admin_form_data, page_text
from .factories import make_agent, make_entry, make_outlet, make_user

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
        "needs_review": [], "language": "en", "date_precision": "unknown",
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
    # Revert: submit the old version's form as the page shows it.
    response = editor_client.post(url, admin_form_data(response))
    assert response.status_code == 302, response.context["adminform"].form.errors if response.context else ""
    entry.refresh_from_db()
    assert entry.title == "Original title"
    assert "title" in entry.edited_fields  # a revert is an editor's change: re-imports leave it alone
    latest = entry.history.first()
    assert entry.history.count() == 3
    assert latest.title == "Original title" and latest.history_user.username == "eddie"
    page = page_text(editor_client.get(reverse("admin:archive_entry_history", args=[entry.pk])))
    assert "Changed eddie" in page and "Title: Changed title → Original title" in page


def test_editor_completing_a_missing_title_clears_the_review_flag(editor_client):
    entry = make_entry("", status="draft", needs_review=["title"])
    entry.title = "Completed"
    from archive.models.entries import refresh_needs_review

    assert refresh_needs_review(entry) is True
    assert entry.needs_review == []
    assert entry.can_publish() is None


# Publishing through the forms follows the publish action's rule.

def test_the_change_form_refuses_to_publish_an_entry_that_needs_review(editor_client):
    entry = make_entry("Undated", authors=["Ada Lovelace"], status="draft", needs_review=["date"])
    page = editor_client.get(change_url(entry))
    response = editor_client.post(change_url(entry), admin_form_data(page, status="published"))
    assert response.status_code == 200
    text = page_text(response)
    assert "This entry cannot be published yet: it still needs review: date." in text
    entry.refresh_from_db()
    assert entry.status == "draft" and entry.published_at is None


def test_the_change_form_publishes_once_the_missing_fields_are_completed(editor_client):
    entry = make_entry("Undated", authors=["Ada Lovelace"], status="draft", needs_review=["date"])
    page = editor_client.get(change_url(entry))
    response = editor_client.post(change_url(entry), admin_form_data(
        page, status="published", published_on="2025-03-17", date_precision="day"))
    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.status == "published" and entry.needs_review == []


def test_the_change_form_counts_an_author_added_in_the_same_save(editor_client):
    entry = make_entry("No byline yet", status="draft", needs_review=["authors"])
    agent = make_agent("Grace Hopper")
    page = editor_client.get(change_url(entry))
    data = admin_form_data(page, status="published", **{
        "authorships-TOTAL_FORMS": "1", "authorships-0-agent": str(agent.pk),
        "authorships-0-position": "0", "authorships-0-role": "author", "authorships-0-entry": str(entry.pk),
    })
    assert editor_client.post(change_url(entry), data).status_code == 302
    entry.refresh_from_db()
    assert entry.status == "published" and entry.ordered_authors() == [agent]
    # Removing that author and publishing again from draft is refused.
    entry.status, entry.needs_review = "draft", ["authors"]
    entry.save()
    page = editor_client.get(change_url(entry))
    data = admin_form_data(page, status="published", **{"authorships-0-DELETE": "on"})
    response = editor_client.post(change_url(entry), data)
    assert "cannot be published yet: it still needs review: authors" in page_text(response)
    entry.refresh_from_db()
    assert entry.status == "draft"


def test_the_add_form_refuses_to_publish_an_incomplete_entry(editor_client):
    page = editor_client.get(reverse("admin:archive_entry_add"))
    outlet = make_outlet()
    base = admin_form_data(page, slug="new-entry", outlet=str(outlet.pk), body="Some text.", status="published")
    response = editor_client.post(reverse("admin:archive_entry_add"), {**base, "title": ""})
    assert "This entry cannot be published yet: it has no title." in page_text(response)
    response = editor_client.post(reverse("admin:archive_entry_add"),
                                  {**base, "title": "A title", "needs_review": ["date"]})
    assert "This entry cannot be published yet: it still needs review: date." in page_text(response)
    assert not Entry.objects.exists()
    response = editor_client.post(reverse("admin:archive_entry_add"), {**base, "title": "A title"})
    assert response.status_code == 302
    assert Entry.objects.get().status == "published"


def test_an_already_published_entry_can_still_be_edited(editor_client):
    entry = make_entry("Live", authors=["Ada Lovelace"], status="published", needs_review=["date"])
    page = editor_client.get(change_url(entry))
    assert editor_client.post(change_url(entry), admin_form_data(page, title="Live, retitled")).status_code == 302
    entry.refresh_from_db()
    assert entry.title == "Live, retitled"


# The entry list links to the import page for those who may import.

def test_the_entry_list_links_to_the_import_page_for_editors(editor_client):
    response = editor_client.get(reverse("admin:archive_entry_changelist"))
    assert f'href="{reverse("admin:archive_entry_import")}"' in response.content.decode()
    assert "Import commentaries" in page_text(response)


def test_the_entry_list_has_no_import_link_for_librarians(librarian_client):
    response = librarian_client.get(reverse("admin:archive_entry_changelist"))
    assert response.status_code == 200
    assert reverse("admin:archive_entry_import") not in response.content.decode()
    assert "Import commentaries" not in page_text(response)


# Byline and alias changes are in the history, with who made them.

def test_a_byline_change_appears_in_the_entry_history(editor_client):
    entry = make_entry("On computing", authors=["Ada Lovelace"])
    grace = make_agent("Grace Hopper")
    page = editor_client.get(change_url(entry))
    data = admin_form_data(page, **{
        "authorships-0-agent": str(grace.pk),
        "authorships-TOTAL_FORMS": "2", "authorships-1-agent": str(make_agent("Alan Turing").pk),
        "authorships-1-position": "1", "authorships-1-role": "author", "authorships-1-entry": str(entry.pk),
    })
    assert editor_client.post(change_url(entry), data).status_code == 302
    history = editor_client.get(reverse("admin:archive_entry_history", args=[entry.pk]))
    text = page_text(history)
    assert "Byline changes" in text
    assert "changed Grace Hopper (role: Author, position: 0) eddie agent: Ada Lovelace → Grace Hopper" in text
    assert "added Alan Turing (role: Author, position: 1) eddie" in text
    assert "added Ada Lovelace (role: Author, position: 0)" in text  # when the entry was made


def test_a_byline_keeps_the_name_of_a_record_merged_away(editor_client):
    keep, dup = make_agent("Joseph Nye"), make_agent("J. S. Nye")
    entry = make_entry("On power", authors=[dup])
    editor_client.post(reverse("admin:archive_agent_changelist"), {
        "action": "merge_selected", "_selected_action": [keep.pk, dup.pk], "apply": "1", "keep": keep.pk})
    text = page_text(editor_client.get(reverse("admin:archive_entry_history", args=[entry.pk])))
    assert "agent: J. S. Nye (record since merged or deleted) → Joseph Nye" in text


def test_an_alias_change_appears_in_the_name_record_history(editor_client):
    agent = make_agent("Joseph Nye")
    page = editor_client.get(change_url(agent))
    data = admin_form_data(page, **{"aliases-TOTAL_FORMS": "1", "aliases-0-name": "Joseph S. Nye Jr.",
                                    "aliases-0-agent": str(agent.pk)})
    assert editor_client.post(change_url(agent), data).status_code == 302
    text = page_text(editor_client.get(reverse("admin:archive_agent_history", args=[agent.pk])))
    assert "Alias changes" in text and "added Joseph S. Nye Jr. eddie" in text


# Merge candidates are kept as the record of a merge.

def make_pairs():
    keep, dup, third = make_agent("Joseph Nye"), make_agent("J. Nye"), make_agent("Joe Nye")
    MergeCandidate.objects.all().delete()  # drop the ones proposed on creation; set up our own
    pair = MergeCandidate.objects.create(first=keep, second=dup, reason="initials")
    other = MergeCandidate.objects.create(first=dup, second=third, reason="nickname")
    return keep, dup, third, pair, other


def test_merging_marks_the_pair_merged_and_moves_other_pairs_to_the_kept_record(editor_client):
    keep, dup, third, pair, other = make_pairs()
    editor_client.post(reverse("admin:archive_mergecandidate_changelist"),
                       {"action": "merge_into_first", "_selected_action": [pair.pk]})
    pair.refresh_from_db()
    other.refresh_from_db()
    assert pair.status == "merged" and pair.first == keep and pair.second is None
    assert str(pair) == "Joseph Nye ≟ J. Nye"
    # The suspicion about J. Nye and Joe Nye now concerns the kept record; still the editors' call.
    assert (other.first, other.second, other.status) == (keep, third, "open")
    listing = page_text(editor_client.get(reverse("admin:archive_mergecandidate_changelist") + "?status__exact=merged"))
    assert "Joseph Nye ≟ J. Nye" in listing


def test_merging_overlapping_pairs_at_once(editor_client):
    keep, dup, third, pair, other = make_pairs()
    response = editor_client.post(reverse("admin:archive_mergecandidate_changelist"),
                                  {"action": "merge_into_first", "_selected_action": [pair.pk, other.pk]}, follow=True)
    assert "2 pair(s) merged." in page_text(response)
    assert list(Agent.objects.filter(pk__in=[keep.pk, dup.pk, third.pk])) == [keep]
    assert set(keep.aliases.values_list("name", flat=True)) == {"J. Nye", "Joe Nye"}
    assert set(MergeCandidate.objects.values_list("status", flat=True)) == {"merged"}


def test_deleting_a_name_record_drops_its_open_pairs_and_keeps_decided_ones(editor_client):
    keep, dup, third, pair, other = make_pairs()
    other.status = MergeCandidate.Status.DISMISSED
    other.save()
    response = editor_client.post(reverse("admin:archive_agent_delete", args=[dup.pk]), {"post": "yes"})
    assert response.status_code == 302
    assert not MergeCandidate.objects.filter(pk=pair.pk).exists()  # open: moot now
    other.refresh_from_db()
    assert other.first is None and str(other) == "J. Nye ≟ Joe Nye"  # the decision stays on record


# Deleted entries' tombstones and aliases have their own (simple) admin pages.

def test_tombstones_are_view_only(editor_client):
    entry = make_entry("Soon gone")
    slug = entry.slug
    entry.delete()
    tombstone = EntryTombstone.objects.get(slug=slug)
    listing = editor_client.get(reverse("admin:archive_entrytombstone_changelist"))
    assert slug in page_text(listing)
    assert editor_client.get(reverse("admin:archive_entrytombstone_add")).status_code == 403
    assert editor_client.post(change_url(tombstone), {"slug": "rewritten"}).status_code == 403
    assert editor_client.post(reverse("admin:archive_entrytombstone_delete", args=[tombstone.pk]),
                              {"post": "yes"}).status_code == 403
    tombstone.refresh_from_db()
    assert tombstone.slug == slug


def test_aliases_are_listed_with_their_name_records(editor_client):
    Alias.objects.create(agent=make_agent("Joseph Nye"), name="Joseph S. Nye Jr.")
    Alias.objects.create(agent=make_agent("Qi Dapeng"), name="Dapeng Qi")
    text = page_text(editor_client.get(reverse("admin:archive_alias_changelist") + "?q=Nye"))
    assert "Joseph S. Nye Jr. Joseph Nye" in text and "Dapeng Qi" not in text
