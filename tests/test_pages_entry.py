"""The entry page: metadata, the marked body, the people quoted, drafts hidden."""
import datetime
import json
import re

import pytest

from tests import site_data as make

pytestmark = pytest.mark.django_db


@pytest.fixture
def quoted_entry():
    rsis = make.outlet("S. Rajaratnam School of International Studies", short_name="RSIS")
    author = make.agent("Qi Dapeng", description="Research fellow")
    speaker = make.agent("Louis Tompros", description="Harvard AI expert", wikidata="Q123")
    entry = make.entry(
        "DeepSeek: A Seed for Technological Equity",
        paragraphs=[
            "## Open models",
            'Harvard AI expert Louis Tompros said "this changes everything for small labs" last week.',
            'Critics called it a "capital moat" and moved on. <script>alert(1)</script>',
        ],
        authors=[author], tags=["Artificial intelligence", "China"], outlet_obj=rsis,
        synopsis="Open models lower the entry barrier.", url="https://example.org/co25056",
    )
    st = make.statement(entry, "this changes everything for small labs", speaker, cue="said",
                        verification="verified", source_url="https://example.org/interview",
                        verification_note="Checked against the interview transcript.")
    return entry, st, speaker, author


def test_entry_page_shows_metadata_with_links(client, quoted_entry):
    entry, st, speaker, author = quoted_entry
    html = client.get(entry.get_absolute_url()).content.decode()
    assert "<h1>DeepSeek: A Seed for Technological Equity</h1>" in html
    assert f'href="{author.get_absolute_url()}" rel="author">Qi Dapeng</a>' in html
    assert f'href="{entry.outlet.get_absolute_url()}"' in html
    assert '<time datetime="2025-03-17">17 March 2025</time>' in html
    assert 'href="/tags/artificial-intelligence/" rel="tag">Artificial intelligence</a>' in html
    assert "Open models lower the entry barrier." in html
    assert "<h2>Open models</h2>" in html


def test_statement_is_marked_with_anchor_and_speaker_link(client, quoted_entry):
    entry, st, speaker, _ = quoted_entry
    html = client.get(entry.get_absolute_url()).content.decode()
    mark = re.search(r'<mark class="statement statement-quoted statement-verified" data-kind="direct" '
                     r'data-verification="verified" id="s(\d+)">([^<]*)</mark>&quot;( <a[^>]*>(.*?)</a>)', html)
    assert mark, html
    assert mark.group(1) == str(st.pk)
    assert mark.group(2) == "this changes everything for small labs"
    # The speaker follows the closing quotation mark, as a link to their page.
    assert f'href="{speaker.get_absolute_url()}#s{st.pk}"' in mark.group(3)
    assert re.sub(r"<[^>]+>", "", mark.group(4)) == (
        "(statement by Louis Tompros, machine suggestion, not yet checked by an editor; "
        "verified against the original source)")
    # the people quoted list, with verification facts
    assert "People quoted" in html
    assert "Checked against the interview transcript." in html
    assert 'href="https://example.org/interview"' in html


def test_body_text_is_escaped(client, quoted_entry):
    entry, *_ = quoted_entry
    html = client.get(entry.get_absolute_url()).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_rejected_statement_is_never_shown(client, quoted_entry):
    entry, st, speaker, _ = quoted_entry
    st.review_status = "rejected"
    st.save()
    html = client.get(entry.get_absolute_url()).content.decode()
    assert f'id="s{st.pk}"' not in html
    assert "People quoted" not in html


def test_draft_entry_is_not_found_for_visitors(client):
    draft = make.entry("Secret draft", status="draft")
    response = client.get(draft.get_absolute_url())
    assert response.status_code == 404
    assert "Secret draft" not in response.content.decode()
    assert "Page not found" in response.content.decode()


def test_entry_page_has_jsonld_canonical_and_opengraph(client, quoted_entry, settings):
    settings.ARCHIVE_BASE_URL = "https://archive.example"  # not used inside a request: its own host is
    entry, st, speaker, author = quoted_entry
    html = client.get(entry.get_absolute_url(), HTTP_HOST="localhost:8100").content.decode()
    url = "http://localhost:8100" + entry.get_absolute_url()
    assert "archive.example" not in html
    assert f'<link rel="canonical" href="{url}">' in html
    assert f'<meta property="og:url" content="{url}">' in html
    assert '<meta property="og:type" content="article">' in html
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))
    assert data["@type"] == "AnalysisNewsArticle"
    assert data["headline"] == entry.title
    assert data["datePublished"] == "2025-03-17"
    assert data["author"][0]["name"] == "Qi Dapeng"
    assert data["mentions"][0]["sameAs"] == ["https://www.wikidata.org/wiki/Q123"]
    assert data["url"] == url and data["author"][0]["url"].startswith("http://localhost:8100/people/")


def test_also_quoted_in_links_other_entries(client):
    speaker = make.agent("Ursula von der Leyen")
    grp = make.group("Europe must act now", speaker)
    first = make.entry("First take", paragraphs=['She said "Europe must act now" today.'])
    second = make.entry("Second take", paragraphs=['Again: "Europe must act now" she said.'],
                        published_on=datetime.date(2025, 4, 1))
    make.statement(first, "Europe must act now", speaker, group=grp)
    other = make.statement(second, "Europe must act now", speaker, group=grp)
    html = client.get(first.get_absolute_url()).content.decode()
    assert f'href="{second.get_absolute_url()}#s{other.pk}">Second take</a>' in html


def test_page_is_accessible_scaffolding(client, quoted_entry):
    entry, *_ = quoted_entry
    html = client.get(entry.get_absolute_url()).content.decode()
    assert '<a class="skip-link" href="#main">' in html
    assert '<main id="main"' in html and "<nav" in html and "<footer" in html
    assert '<html lang="en">' in html
    # No third-party script: the only script is the Cite section's copy buttons, served by the
    # site itself, and the page does without it (the citations are visible text blocks).
    assert [src.split("/")[-1] for src in re.findall(r'<script src="(/static/[^"]+)"', html)] == ["copy-citation.js"]
    assert html.count("<script") == 1 + html.count('<script type="application/ld+json"')


@pytest.mark.parametrize("n", [1, 50])
def test_entry_page_query_count_is_bounded(client, django_assert_max_num_queries, n):
    speakers = [make.agent(f"Speaker Number{i}") for i in range(n)]
    paragraphs = [f'Speaker{i} said "statement number {i} is here" firmly.' for i in range(n)]
    entry = make.entry("Many quotes", paragraphs=paragraphs, authors=speakers[:min(n, 5)], tags=["a", "b"])
    for i in range(n):
        grp = make.group(f"statement number {i} is here", speakers[i])
        make.statement(entry, f"statement number {i} is here", speakers[i], group=grp)
        other = make.entry(f"Echo {i}", paragraphs=[f'"statement number {i} is here"'])
        make.statement(other, f"statement number {i} is here", speakers[i], group=grp)
    with django_assert_max_num_queries(8):
        response = client.get(entry.get_absolute_url())
    assert response.status_code == 200
    assert response.content.decode().count('<mark class="statement') == n


def test_editors_may_preview_a_draft(client, django_user_model):
    draft = make.entry("Work in progress", status="draft", needs_review=["date"])
    editor = django_user_model.objects.create_user("ed", password="pw", is_staff=True)
    client.force_login(editor)
    response = client.get(draft.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    assert "Draft preview for editors" in html and "(date)" in html
    assert '<meta name="robots" content="noindex, follow">' in html


def test_body_without_blocks_is_shown_as_paragraphs(client):
    from archive.models import Entry

    entry = make.entry("Legacy body")
    Entry.objects.filter(pk=entry.pk).update(body="First para.\n\nSecond para.", body_blocks=[])
    html = client.get(entry.get_absolute_url()).content.decode()
    assert "<p>First para.</p>" in html and "<p>Second para.</p>" in html


def test_absolute_links_use_the_configured_base_only_outside_a_request(settings):
    from archive.base_url import absolute
    settings.ARCHIVE_BASE_URL = "https://archive.example"
    assert absolute("/people/") == "https://archive.example/people/"


def test_a_synopsis_that_repeats_the_first_paragraph_is_printed_once(client):
    # many outlets' standfirst is their first paragraph; the page shows those words once
    lead = "Beijing's new export rules will test the region's supply chains before they test Washington."
    entry = make.entry("Export rules", paragraphs=[lead, "A second paragraph follows here."], synopsis=lead)
    html = client.get(entry.get_absolute_url()).content.decode()
    article = html[html.index("<article"):html.index("</article>")]
    assert article.count("test the region") == 1
    assert 'id="synopsis-heading"' not in html
    other = make.entry("Other rules", paragraphs=[lead, "More."], synopsis="A short summary of the piece.")
    html = client.get(other.get_absolute_url()).content.decode()
    assert 'id="synopsis-heading"' in html and "A short summary of the piece." in html
