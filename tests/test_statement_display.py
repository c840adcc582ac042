"""Honest statement display: a quotation is shown as one, reported speech never is, on every surface."""
import re

import pytest
import rispy

from archive.models import Agent
from archive.search.indexing import rebuild

from tests import site_data as make

pytestmark = pytest.mark.django_db

QUOTE = "Open models change everything for small labs."
REPORTED = "spending on open models will double by 2027"
BODY = [
    f"Harvard AI expert Louis Tompros remarked, “{QUOTE}” Investors were unconvinced.",
    f"The International Data Corporation predicts that {REPORTED}, a figure officials confirmed.",
]


@pytest.fixture
def page_data():
    author = make.agent("Qi Dapeng")
    tompros = make.agent("Louis Tompros", description="Harvard AI expert")
    idc = make.agent("International Data Corporation", kind=Agent.Kind.ORGANISATION)
    entry = make.entry("Open models and small labs", paragraphs=BODY, authors=[author])
    quote = make.statement(entry, QUOTE, tompros, cue="remarked", review_status="confirmed", verification="verified")
    reported = make.statement(entry, REPORTED, idc, cue="confirmed", kind="reported")
    rebuild()
    return entry, quote, reported, tompros, idc


def text_of(html):
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", html)).strip()


def assert_never_a_quotation(html):
    """The reported words never stand in quotation marks and are never called quoted."""
    text = text_of(html)
    for mark in ("“", "\"", "‘", "&quot;"):
        assert f"{mark}{REPORTED}" not in text and f"{mark}{REPORTED[:30]}" not in text
    assert not re.search(r"quoted in[^.]{0,80}" + re.escape(REPORTED[:20]), text, re.I)


def test_entry_page_marks_a_quotation_and_a_paraphrase_differently(client, page_data):
    entry, quote, reported, tompros, idc = page_data
    html = client.get(entry.get_absolute_url()).content.decode()
    body = re.search(r'<div class="body">(.*?)</div>', html, re.S).group(1)
    # The quotation: its speaker after the closing quotation mark, at reading size.
    assert re.search(r'<mark class="statement statement-quoted[^>]*>' + re.escape(QUOTE) + r'</mark>” <a class="speaker-ref"',
                     body)
    # The paraphrase: styled apart, labelled "according to", no quotation marks added.
    match = re.search(r'<mark class="statement statement-reported[^>]*>' + re.escape(REPORTED) +
                      r'</mark> (<a class="speaker-ref speaker-ref-reported speaker-ref-suggested".*?</a>)', body)
    assert match
    assert text_of(match.group(1)) == ("(paraphrase according to International Data Corporation, "
                                       "machine suggestion, not yet checked by an editor)")
    assert "according to International Data Corporation" in text_of(body)
    assert_never_a_quotation(html)


def test_entry_page_lists_paraphrases_as_such_with_status_apart_from_the_cue(client, page_data):
    entry, *_ = page_data
    html = client.get(entry.get_absolute_url()).content.decode()
    listing = text_of(re.search(r'<section class="quoted".*?</section>', html, re.S).group(0))
    assert listing.startswith("People quoted or paraphrased")
    assert (f"“{QUOTE}” introduced with “remarked” · checked by an editor · verified against the original source"
            in listing)
    assert (f"paraphrase: {REPORTED} introduced with “confirmed” · machine suggestion, not yet checked by an editor"
            in listing)
    assert "(confirmed)" not in listing and "Unverified" not in listing
    cite = text_of(re.search(r'<details class="cite-statements">.*?</details>', html, re.S).group(0))
    assert f"paraphrase: {REPORTED} (according to International Data Corporation)" in cite
    assert_never_a_quotation(html)


def test_person_page_shows_each_statement_in_its_sentence_with_cue_entry_date_and_cite(client, page_data):
    entry, quote, reported, tompros, idc = page_data
    html = client.get(tompros.get_absolute_url()).content.decode()
    item = re.search(r'<li id="s%d".*?</li>' % quote.pk, html, re.S).group(0)
    assert text_of(item).startswith(
        f"Harvard AI expert Louis Tompros remarked, “{QUOTE}” Quoted in Open models and small labs, 17 March 2025 "
        "· introduced with “remarked” · checked by an editor · verified against the original source · cite")
    assert f'href="/statements/{quote.pk}/cite.txt?style=chicago-notes"' in item
    html = client.get(idc.get_absolute_url()).content.decode()
    item = text_of(re.search(r'<li id="s%d".*?</li>' % reported.pk, html, re.S).group(0))
    assert item.startswith(f"paraphrase: The International Data Corporation predicts that {REPORTED}, a figure "
                           "officials confirmed. Paraphrased in Open models and small labs")
    assert "Quoted in" not in item
    assert_never_a_quotation(html)


def test_statement_search_labels_paraphrases(client, page_data):
    html = client.get("/statements/?q=double").content.decode()
    hit = text_of(re.search(r'<ol class="statement-results">.*?</ol>', html, re.S).group(0))
    assert hit.startswith("paraphrase: spending on open models will double by 2027 According to International Data "
                          "Corporation, paraphrased in Open models and small labs")
    assert_never_a_quotation(html)
    html = client.get("/statements/?q=labs").content.decode()
    assert "Louis Tompros, quoted in Open models and small labs" in text_of(html)


def test_statements_page_without_words_says_what_it_shows(client, page_data):
    text = text_of(client.get("/statements/").content.decode())
    assert "Searched for: all entries" not in text and "Showing every statement." in text


def test_a_paraphrase_is_cited_as_paraphrased_in_the_export_too(client, page_data):
    entry, quote, reported, *_ = page_data
    txt = client.get(f"/statements/{reported.pk}/cite.txt?style=chicago-notes").content.decode()
    assert txt.startswith("International Data Corporation, paraphrased in Qi Dapeng")
    ris = rispy.loads(client.get(f"/statements/{reported.pk}/cite.ris").content.decode())
    assert ris[0]["notes"] == [f"According to International Data Corporation (paraphrased): {REPORTED}"]
    assert "quoted in" in client.get(f"/statements/{quote.pk}/cite.txt?style=chicago-notes").content.decode()
    api = client.get(f"/api/entries/{entry.pk}/").json()
    assert {s["quote"]: s["kind"] for s in api["statements"]} == {QUOTE: "direct", REPORTED: "reported"}
