"""The editors' review screen, through the admin as an editor uses it."""
import json

import pytest
from django.urls import reverse

from archive.models import Agent, Statement, StatementReview

from .admin_forms import admin_form_data
from .factories import make_agent, make_entry, make_outlet, make_user
from .statement_fakes import fake_engine
from archive.services.statements import add_statement, refresh_statements

pytestmark = pytest.mark.django_db

BODY = (
    "Markets fell sharply on Monday. Harvard AI expert Louis Tompros remarked, “DeepSeek shows "
    "that algorithmic innovation can bridge the hardware gap.” Investors were unconvinced.\n\n"
    "Scholar Joseph Nye noted, “AI equity is now a multipolar consensus.” The so-called "
    "“capital moat” is gone, and the “bigger is better” dogma with it."
)
TOMPROS = "DeepSeek shows that algorithmic innovation can bridge the hardware gap."
NYE = "AI equity is now a multipolar consensus."
LIST_URL = reverse("admin:archive_statementreview_changelist")
ADD_URL = reverse("admin:archive_statementreview_add")


def change_url(statement):
    return reverse("admin:archive_statementreview_change", args=[statement.pk])


@pytest.fixture
def editor_client(client):
    client.force_login(make_user("eddie", "Editors"))
    return client


@pytest.fixture
def entry():
    entry = make_entry("DeepSeek and the hardware gap", body=BODY, outlet=make_outlet("RSIS"))
    refresh_statements(entry, extractor=fake_engine([
        (TOMPROS, "Louis Tompros", "person", {"cue": "remarked", "mention": "Harvard AI expert Louis Tompros",
                                              "confidence": 0.95}),
        (NYE, "Joseph Nye", "person", {"cue": "noted", "mention": "Scholar Joseph Nye", "confidence": 0.4}),
    ], terms=["capital moat"]))
    return entry


def statement(entry, quote):
    return entry.statements.get(quote=quote)


def test_the_list_shows_each_quote_in_its_context_with_cue_mention_and_speaker(editor_client, entry):
    response = editor_client.get(LIST_URL)
    assert response.status_code == 200
    page = response.content.decode()
    assert "<mark>DeepSeek shows that algorithmic innovation can bridge the hardware gap.</mark>" in page
    assert "Harvard AI expert Louis Tompros remarked, “" in page  # the words before
    assert "” Investors were unconvinced." in page  # the words after
    assert "remarked" in page and "Scholar Joseph Nye" in page
    assert "Louis Tompros (Person)" in page


def test_the_list_makes_a_bounded_number_of_queries(editor_client, entry, django_assert_max_num_queries):
    for n in range(10):
        other = make_entry(f"More {n}", body=BODY)
        refresh_statements(other, extractor=fake_engine([(TOMPROS, f"Speaker {n}", "person")]))
    with django_assert_max_num_queries(25):
        response = editor_client.get(LIST_URL)
    assert response.status_code == 200
    assert response.content.decode().count("<mark>") == 12


@pytest.mark.parametrize("query, shown, hidden", [
    ("status=suggested", [TOMPROS, NYE], []),
    ("status=confirmed", [], [TOMPROS, NYE]),
    ("kind__exact=direct", [TOMPROS, NYE], []),
    ("confidence=low", [NYE], [TOMPROS]),
    ("confidence=high", [TOMPROS], [NYE]),
])
def test_filters(editor_client, entry, query, shown, hidden):
    page = editor_client.get(f"{LIST_URL}?{query}").content.decode()
    for quote in shown:
        assert f"<mark>{quote}</mark>" in page
    for quote in hidden:
        assert f"<mark>{quote}</mark>" not in page


def test_filter_by_outlet_and_speaker(editor_client, entry):
    other = make_entry("Elsewhere", body=f"Someone said, “{NYE}”", outlet=make_outlet("China Daily"))
    refresh_statements(other, extractor=fake_engine([(NYE, "Someone Else", "person")]))
    rsis = entry.outlet
    page = editor_client.get(f"{LIST_URL}?entry__outlet__id__exact={rsis.pk}").content.decode()
    assert page.count("<mark>") == 2
    speaker = Agent.objects.get(name="Someone Else")
    page = editor_client.get(f"{LIST_URL}?speaker={speaker.pk}").content.decode()
    assert page.count("<mark>") == 1 and "Elsewhere" in page
    assert "Someone Else (1)" in page  # the filter lists speakers with statements awaiting review
    add_statement(other, "said")
    page = editor_client.get(f"{LIST_URL}?speaker=none&status=all").content.decode()
    assert page.count("<mark>") == 1
    assert editor_client.get(f"{LIST_URL}?speaker=nonsense").status_code == 200


def test_the_queue_shows_statements_awaiting_review_unless_asked_otherwise(editor_client, entry):
    tompros = statement(entry, TOMPROS)
    tompros.review_status = Statement.Review.CONFIRMED
    tompros.save()
    page = editor_client.get(LIST_URL).content.decode()
    assert f"<mark>{NYE}</mark>" in page and f"<mark>{TOMPROS}</mark>" not in page
    page = editor_client.get(f"{LIST_URL}?status=all").content.decode()
    assert f"<mark>{NYE}</mark>" in page and f"<mark>{TOMPROS}</mark>" in page
    page = editor_client.get(f"{LIST_URL}?status=confirmed").content.decode()
    assert f"<mark>{NYE}</mark>" not in page and f"<mark>{TOMPROS}</mark>" in page
    # An editor changes their mind from the confirmed list.
    editor_client.post(f"{LIST_URL}?status=confirmed", {"action": "reject_selected", "_selected_action": [tompros.pk]})
    tompros.refresh_from_db()
    assert tompros.review_status == Statement.Review.REJECTED


def test_bulk_confirm_and_reject_are_recorded_in_the_history(editor_client, entry):
    tompros, nye = statement(entry, TOMPROS), statement(entry, NYE)
    response = editor_client.post(LIST_URL, {"action": "confirm_selected", "_selected_action": [tompros.pk]})
    assert response.status_code == 302
    response = editor_client.post(LIST_URL, {"action": "reject_selected", "_selected_action": [nye.pk]})
    assert response.status_code == 302
    tompros.refresh_from_db()
    nye.refresh_from_db()
    assert tompros.review_status == Statement.Review.CONFIRMED and tompros.is_protected
    assert nye.review_status == Statement.Review.REJECTED and nye.group is None
    latest = tompros.history.first()
    assert latest.review_status == "confirmed" and latest.history_user.username == "eddie"
    history_page = editor_client.get(reverse("admin:archive_statementreview_history", args=[tompros.pk]))
    assert history_page.status_code == 200 and "eddie" in history_page.content.decode()
    record_page = editor_client.get(reverse("admin:archive_statementreview_simple_history",
                                            args=[tompros.pk, latest.history_id]))
    assert record_page.status_code == 200


def _change_data(response, **changes):
    form = response.context["adminform"].form
    data = {name: form.initial.get(name) for name in form.fields}
    data = {k: ("" if v is None else v) for k, v in data.items()}
    data.update(changes)
    return data


def test_editor_changes_the_speaker_and_verification(editor_client, entry):
    nye = statement(entry, NYE)
    right = make_agent("Joseph S. Nye")
    response = editor_client.get(change_url(nye))
    assert response.status_code == 200
    page = response.content.decode()
    assert "<mark>AI equity is now a multipolar consensus.</mark>" in page
    # The speaker field is an autocomplete with a "+" to create a new name record in place.
    assert "admin-autocomplete" in page and reverse("admin:archive_agent_add") in page
    data = _change_data(response, speaker=right.pk, verification="verified",
                        source_url="https://example.org/nye-speech", verification_note="Checked the transcript.")
    response = editor_client.post(change_url(nye), data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    nye.refresh_from_db()
    assert nye.speaker == right and nye.edited and nye.is_protected
    assert (nye.verification, nye.source_url) == ("verified", "https://example.org/nye-speech")
    assert nye.history.first().history_user.username == "eddie"
    # Re-extraction leaves the editor's answer alone.
    refresh_statements(entry, extractor=fake_engine([(NYE, "Joseph Nye", "person")]))
    nye.refresh_from_db()
    assert nye.speaker == right and entry.statements.filter(quote=NYE).count() == 1


def test_a_bad_source_url_is_a_form_error_not_a_crash(editor_client, entry):
    nye = statement(entry, NYE)
    response = editor_client.get(change_url(nye))
    response = editor_client.post(change_url(nye), _change_data(response, source_url="not a url"))
    assert response.status_code == 200
    assert "source_url" in response.context["adminform"].form.errors


def test_the_speaker_autocomplete_finds_name_records(editor_client, entry):
    response = editor_client.get(reverse("admin:autocomplete"), {
        "term": "Tompros", "app_label": "archive", "model_name": "statementreview", "field_name": "speaker",
    })
    assert response.status_code == 200
    assert [r["text"] for r in response.json()["results"]] == ["Louis Tompros"]


def test_adding_a_missed_statement_by_its_words(editor_client, entry):
    speaker = make_agent("An Analyst")
    response = editor_client.get(ADD_URL)
    assert response.status_code == 200
    response = editor_client.post(ADD_URL, {
        "entry": entry.pk, "words": "“capital moat”", "occurrence": "1", "speaker": speaker.pk,
        "speaker_mention": "", "cue": "", "kind": "partial", "description": "",
        "verification": "unverified", "source_url": "", "verification_note": "",
    })
    assert response.status_code == 302, response.context["adminform"].form.errors
    added = entry.statements.get(quote="capital moat")
    assert (added.start, added.end) == (BODY.index("capital moat"), BODY.index("capital moat") + len("capital moat"))
    assert added.origin == Statement.Origin.EDITOR and added.review_status == Statement.Review.CONFIRMED
    assert added.speaker == speaker
    assert added.history.first().history_user.username == "eddie"


@pytest.mark.parametrize("words, message", [
    ("capital ditch", "do not occur"),
    ("", "This field is required"),
    (NYE, "already a statement"),
])
def test_adding_words_that_are_not_in_the_text_is_refused_clearly(editor_client, entry, words, message):
    before = Statement.objects.count()
    response = editor_client.post(ADD_URL, {
        "entry": entry.pk, "words": words, "occurrence": "1", "kind": "direct", "verification": "unverified",
    })
    assert response.status_code == 200
    assert message in response.content.decode()
    assert Statement.objects.count() == before


def test_re_extract_action_on_entries_keeps_decisions(editor_client, entry, monkeypatch):
    tompros = statement(entry, TOMPROS)
    tompros.review_status = Statement.Review.CONFIRMED
    tompros.save()
    engine = fake_engine([(TOMPROS, "Someone Else", "person"), (NYE, "J. Nye", "person")])
    monkeypatch.setattr("archive.services.statements._default_extractor", lambda: engine)
    response = editor_client.post(reverse("admin:archive_entry_changelist"),
                                  {"action": "reextract_statements", "_selected_action": [entry.pk]}, follow=True)
    assert response.status_code == 200
    assert "Statements re-extracted for 1 entry." in response.content.decode()
    tompros.refresh_from_db()
    assert tompros.speaker.name == "Louis Tompros"
    assert statement(entry, NYE).speaker.name == "J. Nye"


def test_an_engine_failure_is_reported_not_a_server_error(editor_client, entry, monkeypatch):
    def broken(text, author=None):
        raise ValueError("unbalanced quotation marks")

    monkeypatch.setattr("archive.services.statements._default_extractor", lambda: broken)
    response = editor_client.post(reverse("admin:archive_entry_changelist"),
                                  {"action": "reextract_statements", "_selected_action": [entry.pk]}, follow=True)
    assert response.status_code == 200
    assert "could not be extracted" in response.content.decode()
    assert entry.statements.count() == 2


def test_people_outside_editors_cannot_review(client, entry):
    client.force_login(make_user("libby", "Librarians"))
    assert client.get(LIST_URL).status_code == 200  # librarians may look
    nye = statement(entry, NYE)
    response = client.post(LIST_URL, {"action": "confirm_selected", "_selected_action": [nye.pk]})
    nye.refresh_from_db()
    assert nye.review_status == Statement.Review.SUGGESTED
    assert client.get(ADD_URL).status_code == 403
    client.force_login(make_user("visitor", staff=False))
    assert client.get(LIST_URL).status_code == 302  # to the login page
    assert StatementReview.objects.count() == 2


def test_the_add_form_can_be_prefilled_from_a_link(editor_client, entry):
    response = editor_client.get(ADD_URL, {"entry": entry.pk, "words": "capital moat"})
    assert response.status_code == 200
    form = response.context["adminform"].form
    assert form.initial["words"] == "capital moat" and str(form.initial["entry"]) == str(entry.pk)


def _entry_page_data(client, entry):
    """What the entry's admin page would post back unchanged."""
    url = reverse("admin:archive_entry_change", args=[entry.pk])
    return url, admin_form_data(client.get(url))


def test_a_statement_an_editor_saved_without_the_edited_flag_is_protected_too(entry):
    """A save whose history names a person (any admin page, the shell with a user) is an editor's correction."""
    nye = statement(entry, NYE)
    nye.speaker_mention = "the Harvard scholar"
    nye._history_user = make_user("eddie2", "Editors")
    nye.save()
    refresh_statements(entry, extractor=fake_engine([(NYE, "Somebody Else", "person")]))
    nye.refresh_from_db()
    assert nye.edited and nye.speaker_mention == "the Harvard scholar" and nye.speaker.name == "Joseph Nye"


def test_re_extraction_started_by_an_editor_is_recorded_as_the_machines(editor_client, entry, monkeypatch):
    engine = fake_engine([(TOMPROS, "Louis Tompros", "person"), (NYE, "J. Nye", "person")])
    monkeypatch.setattr("archive.services.statements._default_extractor", lambda: engine)
    editor_client.post(reverse("admin:archive_entry_changelist"),
                       {"action": "reextract_statements", "_selected_action": [entry.pk]})
    nye = statement(entry, NYE)
    assert nye.speaker.name == "J. Nye" and nye.history.first().history_user is None
    # So a later re-extraction may still refresh it.
    refresh_statements(entry, extractor=fake_engine([(NYE, "Joseph Nye", "person")]))
    assert statement(entry, NYE).speaker.name == "Joseph Nye"


def test_promoting_a_quoted_term_makes_a_statement_to_attribute(editor_client, entry):
    term = entry.quoted_terms.get(text="capital moat")
    response = editor_client.post(reverse("admin:archive_quotedterm_changelist"),
                                  {"action": "promote_terms", "_selected_action": [term.pk]}, follow=True)
    assert response.status_code == 200
    assert "1 term promoted." in response.content.decode()
    promoted = entry.statements.get(quote="capital moat")
    assert promoted.origin == Statement.Origin.EDITOR and promoted.speaker is None and promoted.is_protected
    term.refresh_from_db()
    assert term.promoted
    # Promoting again does not duplicate it, and re-extraction keeps both.
    editor_client.post(reverse("admin:archive_quotedterm_changelist"),
                       {"action": "promote_terms", "_selected_action": [term.pk]})
    refresh_statements(entry, extractor=fake_engine([(NYE, "Joseph Nye", "person")], terms=["capital moat"]))
    assert entry.statements.filter(quote="capital moat").count() == 1
    assert entry.quoted_terms.filter(text="capital moat").count() == 1


@pytest.mark.parametrize("query", [
    "confidence=very", "speaker=-1", "status=maybe", "needs_anchor__exact=perhaps",
    "entry__outlet__id__exact=abc", "q=%22unbalanced", "o=99",
])
def test_odd_filter_values_never_give_a_server_error(editor_client, entry, query):
    assert editor_client.get(f"{LIST_URL}?{query}").status_code in (200, 302)


def test_a_statement_added_over_a_machine_suggestion_replaces_it(editor_client, entry):
    response = editor_client.post(ADD_URL, {
        "entry": entry.pk, "words": "AI equity is now a multipolar consensus", "occurrence": "1",
        "kind": "direct", "verification": "unverified",
    }, follow=True)
    assert "It replaces 1 machine suggestion" in response.content.decode()
    assert list(entry.statements.filter(quote__contains="multipolar").values_list("quote", "origin")) == [
        ("AI equity is now a multipolar consensus", "editor")]


def test_changing_the_body_on_the_entry_page_keeps_each_statement_on_its_words(editor_client, entry):
    url, data = _entry_page_data(editor_client, entry)
    data["body"] = "A paragraph the editor added first.\n\n" + entry.body
    response = editor_client.post(url, data)
    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.statements.count() == 2
    for each in entry.statements.all():
        assert entry.body[each.start:each.end] == each.quote and not each.needs_anchor
    assert entry.blocks()[0] == ("paragraph", "A paragraph the editor added first.", 0)


def test_a_statement_whose_words_left_the_text_is_shown_flagged(editor_client, entry):
    entry.body = entry.body.replace("multipolar consensus", "bipolar rivalry")
    entry.save()
    page = editor_client.get(f"{LIST_URL}?needs_anchor__exact=1").content.decode()
    assert f"<mark>{NYE}</mark>" in page and "words no longer in the text" in page
    assert f"<mark>{TOMPROS}</mark>" not in page
