"""The review desk: the queue of machine suggestions, one decision per request, as an editor uses it."""
import re

import pytest
from django.urls import reverse

from archive.models import Agent, Statement
from archive.services.statements import clean_alternatives, refresh_statements

from .factories import make_agent, make_entry, make_outlet, make_user
from .statement_fakes import fake_engine

pytestmark = pytest.mark.django_db

DESK = reverse("admin:archive_review_desk")
BODY = (
    "Markets fell sharply on Monday.\n\n"
    "Harvard AI expert Louis Tompros remarked, “DeepSeek shows that algorithmic innovation can bridge "
    "the hardware gap.” Investors were unconvinced.\n\n"
    "Scholar Joseph Nye noted, “AI equity is now a multipolar consensus.” According to IDC, "
    "spending will double by 2027.\n\n"
    "A third paragraph, where Mary Chen said, “The chips will come from elsewhere.”"
)
TOMPROS = "DeepSeek shows that algorithmic innovation can bridge the hardware gap."
NYE = "AI equity is now a multipolar consensus."
IDC = "spending will double by 2027"
CHEN = "The chips will come from elsewhere."


def decide_url(statement):
    return reverse("admin:archive_review_decide", args=[statement.pk])


@pytest.fixture
def editor(client):
    client.force_login(make_user("eddie", "Editors"))
    return client


@pytest.fixture
def entry():
    make_agent("Joseph S. Nye")  # an existing record one alternative names
    entry = make_entry("DeepSeek and the hardware gap", body=BODY, outlet=make_outlet("RSIS"))
    refresh_statements(entry, extractor=fake_engine([
        (TOMPROS, "Louis Tompros", "person", {"cue": "remarked", "mention": "Harvard AI expert Louis Tompros",
                                              "confidence": 0.95}),
        (NYE, "Joseph Nye", "person", {"cue": "noted", "mention": "Scholar Joseph Nye", "confidence": 0.40,
                                        "alternatives": [
                                            {"speaker": "Joseph S. Nye", "speaker_kind": "person",
                                             "speaker_mention": "Scholar Joseph Nye", "score": 0.35},
                                            {"speaker": "Louis Tompros", "speaker_kind": "person",
                                             "speaker_mention": "Louis Tompros", "score": 0.2},
                                            {"speaker": "Harvard University", "speaker_kind": "organisation",
                                             "speaker_mention": "Harvard", "score": 0.1},
                                        ]}),
        (IDC, "IDC", "organisation", {"cue": "According to", "mention": "IDC", "kind": "reported",
                                      "confidence": 0.7}),
        (CHEN, "Mary Chen", "person", {"cue": "said", "mention": "Mary Chen", "confidence": 0.55}),
    ]))
    return entry


def st(entry, quote):
    return entry.statements.get(quote=quote)


def shown(response):
    """The quote the desk shows as its current item."""
    match = re.search(r'<blockquote class="desk-paragraph">.*?<mark>(.*?)</mark>', response.content.decode(), re.S)
    return match.group(1) if match else None


# -- storing the machine's alternatives ----------------------------------------------------------

def test_the_engines_alternatives_are_stored_best_first(entry):
    nye = st(entry, NYE)
    assert [a["speaker"] for a in nye.alternatives] == ["Joseph S. Nye", "Louis Tompros", "Harvard University"]
    assert nye.alternatives[0] == {"speaker": "Joseph S. Nye", "speaker_kind": "person",
                                   "speaker_mention": "Scholar Joseph Nye", "score": 0.35}
    assert st(entry, TOMPROS).alternatives == []


def test_alternatives_are_cleaned_to_three_distinct_other_speakers():
    raw = [{"speaker": "Joseph Nye", "score": 0.9}, {"speaker": "  A   B "}, {"speaker": "a b", "score": "x"},
           {"speaker": ""}, "junk", {"speaker": "C", "speaker_kind": "martian", "score": 0.1},
           {"speaker": "D"}, {"speaker": "E"}]
    cleaned = clean_alternatives(raw, speaker_name="Joseph Nye")
    assert [c["speaker"] for c in cleaned] == ["A B", "C", "D"]
    assert cleaned[1]["speaker_kind"] is None and cleaned[0]["score"] == 0.0


def test_a_refresh_updates_a_suggestions_alternatives_but_never_an_editors_decision(editor, entry):
    nye, chen = st(entry, NYE), st(entry, CHEN)
    editor.post(decide_url(nye), {"decision": "alt:1"})
    findings = [(NYE, "Someone Else", "person", {"alternatives": [{"speaker": "X Y", "score": 0.5}]}),
                (CHEN, "Mary Chen", "person", {"alternatives": [{"speaker": "Li Wei", "score": 0.3}]})]
    refresh_statements(entry, extractor=fake_engine(findings))
    nye.refresh_from_db()
    chen.refresh_from_db()
    assert nye.speaker.name == "Joseph S. Nye" and nye.review_status == "confirmed"
    assert [a["speaker"] for a in nye.alternatives] == ["Joseph S. Nye", "Louis Tompros", "Harvard University"]
    assert chen.alternatives == [{"speaker": "Li Wei", "speaker_kind": None, "speaker_mention": "", "score": 0.3}]


# -- what an item shows --------------------------------------------------------------------------

def test_an_item_shows_its_paragraph_cue_mention_speaker_alternatives_kind_and_confidence(editor, entry):
    nye = st(entry, NYE)
    page = editor.get(f"{DESK}?item={nye.pk}").content.decode()
    paragraph = re.search(r'<blockquote class="desk-paragraph">(.*?)</blockquote>', page, re.S).group(1)
    assert paragraph == ("Scholar Joseph Nye noted, “<mark>AI equity is now a multipolar consensus.</mark>” "
                         "According to IDC, spending will double by 2027.")
    facts = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", re.search(r'<dl class="desk-facts">(.*?)</dl>', page, re.S)
                                       .group(1))).strip()
    assert facts == ("Cue noted Mention as written Scholar Joseph Nye Proposed speaker Joseph Nye (Person) "
                     "Kind Direct quote Confidence 0.40 Status machine suggestion, not yet checked")
    candidates = re.search(r'<fieldset class="desk-candidates">(.*?)</fieldset>', page, re.S).group(1)
    buttons = re.findall(r'<button[^>]*value="(alt:\d)"[^>]*>(.*?)</button>', candidates, re.S)
    labels = [re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", text)).strip() for _, text in buttons]
    assert labels == [
        "1 Joseph S. Nye as “Scholar Joseph Nye”, score 0.35",  # an existing record
        "2 Louis Tompros as “Louis Tompros”, score 0.20",
        "3 Harvard University as “Harvard”, score 0.10, new name record",  # none yet: picking creates it
    ]


def test_the_queue_starts_with_the_least_confident_and_can_go_entry_by_entry(editor, entry):
    assert shown(editor.get(DESK)) == NYE  # 0.40
    page = editor.get(DESK).content.decode()
    following = re.findall(r'<li><a href="\?[^"]*">“(.*?)”</a>', page)
    assert following == ["The chips will come from elsewhere.", "spending will double by 2027",
                         "DeepSeek shows that algorithmic innovation can bridge the hardware gap."]
    assert shown(editor.get(f"{DESK}?order=entry")) == TOMPROS


@pytest.mark.parametrize("query, first, total", [
    ("speaker_kind=organisation", IDC, 1),
    ("speaker_kind=none", None, 0),
    ("status=confirmed", None, 0),
    ("status=all&order=entry", TOMPROS, 4),
])
def test_filters(editor, entry, query, first, total):
    response = editor.get(f"{DESK}?{query}")
    assert shown(response) == first
    assert response.context["total"] == total


def test_filter_by_outlet_and_entry(editor, entry):
    other = make_entry("Elsewhere", body=f"Someone said, “{NYE}”", outlet=make_outlet("China Daily"))
    refresh_statements(other, extractor=fake_engine([(NYE, "Someone Else", "person", {"confidence": 0.01})]))
    assert editor.get(DESK).context["total"] == 5
    assert shown(editor.get(DESK)).startswith("AI equity") and editor.get(DESK).context["statement"].entry == other
    response = editor.get(f"{DESK}?outlet={entry.outlet_id}")
    assert response.context["total"] == 4 and response.context["statement"].entry == entry
    response = editor.get(f"{DESK}?entry={other.pk}")
    assert response.context["total"] == 1 and "Elsewhere" in response.content.decode()


@pytest.mark.parametrize("query", ["order=sideways", "status=maybe", "outlet=abc", "entry=99999999",
                                   "speaker_kind=<script>", "item=-1", "item=99999999999999999999999"])
def test_bad_parameters_are_ignored_with_a_note_never_an_error(editor, entry, query):
    response = editor.get(f"{DESK}?{query}")
    assert response.status_code == 200
    assert "<script>" not in response.content.decode()


# -- decisions -----------------------------------------------------------------------------------

def test_confirm_is_one_request_that_answers_with_the_next_item(editor, entry):
    nye = st(entry, NYE)
    response = editor.post(decide_url(nye), {"decision": "confirm", "kind": "direct", "queue": ""},
                           HTTP_X_REVIEW_DESK="1")
    assert response.status_code == 200
    assert shown(response) == CHEN  # the next least confident
    assert "Confirmed “AI equity is now a multipolar consensus.” (Joseph Nye)." in response.content.decode()
    assert response["X-Review-Desk-Url"] == f"{DESK}?item={st(entry, CHEN).pk}"
    nye.refresh_from_db()
    assert nye.review_status == "confirmed" and nye.is_protected and not nye.edited
    record = nye.history.first()
    assert record.history_user.username == "eddie" and record.history_change_reason == "Review desk: confirmed"


def test_without_javascript_a_decision_redirects_to_the_next_item(editor, entry):
    chen = st(entry, CHEN)
    response = editor.post(decide_url(st(entry, TOMPROS)), {"decision": "reject", "queue": "order=entry"})
    assert response.status_code == 303
    assert response["Location"] == f"{DESK}?order=entry&item={st(entry, NYE).pk}"
    assert st(entry, TOMPROS).review_status == "rejected"
    # Deciding the queue's last item goes back to the first one still waiting.
    response = editor.post(decide_url(chen), {"decision": "confirm", "queue": "order=entry"})
    assert response["Location"] == f"{DESK}?order=entry"
    assert shown(editor.get(response["Location"])) == NYE


def test_picking_an_alternative_links_its_record_or_creates_one(editor, entry):
    nye = st(entry, NYE)
    editor.post(decide_url(nye), {"decision": "alt:3", "kind": "partial"})
    nye.refresh_from_db()
    assert nye.speaker.name == "Harvard University" and nye.speaker.kind == "organisation"
    assert (nye.kind, nye.review_status, nye.edited) == ("partial", "confirmed", True)
    assert nye.history.first().history_change_reason == "Review desk: corrected and confirmed"
    assert not Agent.objects.filter(name="Joseph Nye").exists()  # the machine's record, now unused, is gone
    other = st(entry, CHEN)
    other.alternatives = [{"speaker": "Joseph S. Nye", "speaker_kind": "person", "speaker_mention": "", "score": 0.1}]
    other.save()
    editor.post(decide_url(other), {"decision": "alt:1"})
    other.refresh_from_db()
    assert other.speaker == Agent.objects.get(name="Joseph S. Nye")
    assert Agent.objects.filter(normalized_name="joseph s nye").count() == 1


def test_an_alternative_that_does_not_exist_is_a_clear_error_that_changes_nothing(editor, entry):
    tompros = st(entry, TOMPROS)
    response = editor.post(decide_url(tompros), {"decision": "alt:2"}, HTTP_X_REVIEW_DESK="1")
    assert response.status_code == 400
    assert "This statement has no alternative 2." in response.content.decode()
    assert shown(response) == TOMPROS
    assert st(entry, TOMPROS).review_status == "suggested"
    assert editor.post(decide_url(tompros), {"decision": "maybe"}).status_code == 303
    assert st(entry, TOMPROS).review_status == "suggested"


def test_search_any_name_record_then_confirm_with_it(editor, entry):
    nye = st(entry, NYE)
    wanted = make_agent("Joseph Samuel Nye Jr.")
    page = editor.get(f"{DESK}?item={nye.pk}&who=samuel").content.decode()
    assert f'value="speaker:{wanted.pk}"' in page
    assert "Joseph Samuel Nye Jr." in page
    editor.post(decide_url(nye), {"decision": f"speaker:{wanted.pk}"})
    nye.refresh_from_db()
    assert nye.speaker == wanted and nye.review_status == "confirmed"
    assert "No name record matches “zzz”" in editor.get(f"{DESK}?who=zzz").content.decode()


def test_create_a_new_name_record_and_confirm_with_it(editor, entry):
    idc = st(entry, IDC)
    editor.post(decide_url(idc), {"decision": "new", "new_name": "International  Data Corporation",
                                  "new_kind": "organisation"})
    idc.refresh_from_db()
    assert idc.speaker.name == "International Data Corporation" and idc.speaker.kind == "organisation"
    assert idc.review_status == "confirmed"
    response = editor.post(decide_url(st(entry, CHEN)), {"decision": "new", "new_name": " ", "new_kind": "person"})
    assert st(entry, CHEN).review_status == "suggested"
    assert "Give the new name record" in editor.get(response["Location"]).content.decode()


def test_every_decision_survives_a_reimport(editor, entry):
    editor.post(decide_url(st(entry, NYE)), {"decision": "alt:1"})
    editor.post(decide_url(st(entry, TOMPROS)), {"decision": "reject"})
    editor.post(decide_url(st(entry, IDC)), {"decision": "confirm", "kind": "partial"})
    before = {s.pk: (s.speaker_id, s.kind, s.review_status) for s in entry.statements.all()}
    refresh_statements(entry, extractor=fake_engine([
        (q, "Somebody New", "person", {"kind": "direct", "confidence": 0.99}) for q in (TOMPROS, NYE, IDC, CHEN)
    ]))
    after = {s.pk: (s.speaker_id, s.kind, s.review_status) for s in entry.statements.all()}
    chen = st(entry, CHEN).pk
    assert {pk: v for pk, v in after.items() if pk != chen} == {pk: v for pk, v in before.items() if pk != chen}
    assert Agent.objects.get(pk=after[chen][0]).name == "Somebody New"  # only the suggestion changed


# -- who may do what -----------------------------------------------------------------------------

def test_librarians_see_the_desk_but_cannot_decide(client, entry):
    client.force_login(make_user("libby", "Librarians"))
    response = client.get(DESK)
    assert response.status_code == 200
    page = response.content.decode()
    assert "<mark>" in page and 'value="confirm"' not in page and "needs an editor" in page
    assert client.post(decide_url(st(entry, NYE)), {"decision": "confirm"}).status_code == 403
    assert st(entry, NYE).review_status == "suggested"


def test_visitors_are_sent_to_sign_in(client, entry):
    response = client.get(DESK)
    assert response.status_code == 302 and "/login/" in response["Location"]
    response = client.post(decide_url(st(entry, NYE)), {"decision": "confirm"})
    assert response.status_code == 302 and st(entry, NYE).review_status == "suggested"


def test_a_get_does_not_decide(editor, entry):
    assert editor.get(decide_url(st(entry, NYE))).status_code == 405


# -- cost --------------------------------------------------------------------------------------

def test_the_desk_and_a_decision_make_a_bounded_number_of_queries(editor, entry, django_assert_max_num_queries):
    for n in range(20):
        other = make_entry(f"More {n}", body=BODY, outlet=make_outlet(f"Outlet {n % 4}"))
        refresh_statements(other, extractor=fake_engine([(NYE, f"Speaker {n}", "person", {
            "alternatives": [{"speaker": f"Alt {n} {i}", "score": 0.1} for i in range(3)]})]))
    with django_assert_max_num_queries(20):
        assert editor.get(DESK).status_code == 200
    # 49 since the people index keeps its counts: reassigning recounts both speakers (one
    # query), writes the gainer's row and deletes the loser's, and the orphan record's row
    # goes with it (four queries the index no longer spends on every visit).
    with django_assert_max_num_queries(49):
        response = editor.post(decide_url(st(entry, NYE)), {"decision": "alt:1"}, HTTP_X_REVIEW_DESK="1")
    assert response.status_code == 200


def test_the_admin_index_says_what_waits_for_review(editor, entry):
    make_entry("Half imported", status="draft", needs_review=["date", "authors"])
    page = editor.get(reverse("admin:index")).content.decode()
    summary = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", re.search(
        r'<div class="module to-review".*?</div>', page, re.S).group(0))).strip()
    assert summary == ("To review 4 statements suggested by the machine 1 of them with low confidence (below 0.5) "
                       "1 entry with fields to complete")
    assert f'href="{DESK}"' in page and f'href="{DESK}?order=entry"' not in page
    assert reverse("admin:archive_entry_changelist") + "?needs_review=yes" in page


def test_search_follows_each_decision(editor, entry, django_capture_on_commit_callbacks):
    from archive.search.indexing import rebuild
    rebuild()

    def hits(words):
        return editor.get("/statements/", {"q": words}).content.decode().count('class="entry-item"')

    def post(statement, **data):
        with django_capture_on_commit_callbacks(execute=True):  # the index is written at commit
            editor.post(decide_url(statement), data)

    post(st(entry, NYE), decision="confirm")  # same words, same speaker: nothing to reindex
    assert hits("multipolar") == 1
    post(st(entry, CHEN), decision="reject")
    assert hits("chips") == 0  # a rejected statement leaves search
    post(st(entry, TOMPROS), decision="new", new_name="Louise Tomlin", new_kind="person")
    assert hits("Tomlin") == 1  # found by its new speaker's name
    post(st(entry, CHEN), decision="confirm")
    assert hits("chips") == 1  # no longer rejected: back in search
