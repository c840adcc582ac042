"""Zotero capture: the entry page's Highwire/DC tags and unAPI link, COinS on list pages.

The tags asserted are those Zotero's "Embedded Metadata.js" translator reads to build
a report (institution + number, never citation_journal_title) or a newspaper article.
"""
from html.parser import HTMLParser
from urllib.parse import parse_qs

import pytest

from archive.models import Authorship

from .citation_db import make_agent, make_op_ed, make_rsis_entry

pytestmark = pytest.mark.django_db


class PageReader(HTMLParser):
    def __init__(self):
        super().__init__()
        self.meta, self.links, self.coins, self.unapi_ids, self.in_head = [], [], [], [], False
        self.head_meta = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "head":
            self.in_head = True
        if tag == "meta" and "name" in attrs:
            self.meta.append((attrs["name"], attrs.get("content")))
            if self.in_head:
                self.head_meta.append(attrs["name"])
        if tag == "link":
            self.links.append(attrs)
        if tag == "span" and attrs.get("class") == "Z3988":
            self.coins.append(parse_qs(attrs["title"]))
        if tag == "abbr" and attrs.get("class") == "unapi-id":
            self.unapi_ids.append(attrs["title"])

    def handle_endtag(self, tag):
        if tag == "head":
            self.in_head = False


def read(client, url):
    response = client.get(url)
    assert response.status_code == 200
    reader = PageReader()
    reader.feed(response.content.decode())
    return reader


def test_report_page_tags(client):
    entry = make_rsis_entry()
    page = read(client, entry.get_absolute_url())
    meta = page.meta
    assert ("citation_title", entry.title) in meta
    assert [c for n, c in meta if n == "citation_author"] == ["Qi, Dapeng"]
    assert ("citation_publication_date", "2025/03/17") in meta
    assert ("citation_technical_report_institution", "S. Rajaratnam School of International Studies") in meta
    assert ("citation_technical_report_number", "CO25056") in meta
    assert ("z.seriesTitle", "RSIS Commentary") in meta
    assert ("citation_abstract", entry.synopsis) in meta
    assert ("citation_language", "en") in meta
    assert ("citation_public_url", f"http://testserver{entry.get_absolute_url()}") in meta
    assert not any(n == "citation_journal_title" for n, _ in meta)
    assert "citation_title" in page.head_meta  # in <head>, where the translator looks
    unapi = [link for link in page.links if link.get("rel") == "unapi-server"]
    assert unapi and unapi[0]["href"] == "/unapi"
    assert page.unapi_ids == [f"entry:{entry.pk}"]
    # Zotero prefers unAPI: what it serves for that id must be the complete record.
    ris = client.get("/unapi", {"id": page.unapi_ids[0], "format": "ris"}).content.decode()
    assert "SN  - CO25056" in ris and "PB  - S. Rajaratnam School of International Studies" in ris


def test_op_ed_page_tags_with_two_authors_and_a_particle(client):
    entry = make_op_ed(title="Europe’s Chips")
    for position, name in enumerate(["Ursula von der Leyen", "Søren Ågaard"]):
        Authorship.objects.create(entry=entry, agent=make_agent(name), position=position)
    page = read(client, entry.get_absolute_url())
    assert [c for n, c in page.meta if n == "citation_author"] == ["von der Leyen, Ursula", "Ågaard, Søren"]
    assert ("DC.type", "newspaperArticle") in page.meta
    assert ("DC.source", "China Daily") in page.meta
    assert not any(n.startswith("citation_technical_report") for n, _ in page.meta)
    assert not any(n == "citation_publication_date" for n, _ in page.meta)  # no date: none invented


def test_entry_page_has_a_cite_section(client):
    entry = make_rsis_entry()
    html = client.get(entry.get_absolute_url()).content.decode()
    assert 'id="cite"' in html
    assert "<i>DeepSeek: A seed for technological equity and a multipolar world</i> (RSIS Commentary No. CO25056)" in html
    for ext in ("bib", "ris", "json"):
        assert f'href="/entries/{entry.slug}/cite.{ext}"' in html
    statement = entry.statements.get()
    assert f'href="/statements/{statement.pk}/cite.ris"' in html
    # the statement itself, where the page lists who is quoted, links to its citation
    assert f'href="/statements/{statement.pk}/cite.txt?style=chicago-notes"' in html
    note = client.get(f"/statements/{statement.pk}/cite.txt", {"style": "chicago-notes"}).content.decode()
    assert note.startswith("Louis Tompros, quoted in Qi Dapeng, DeepSeek: A Seed")


@pytest.mark.parametrize("page", ["home", "outlet", "tag"])
def test_list_pages_carry_coins(client, page):
    entry = make_rsis_entry()
    op_ed = make_op_ed()
    url = {"home": "/", "outlet": entry.outlet.get_absolute_url(), "tag": "/tags/east-asia/"}[page]
    coins = read(client, url).coins
    expected = {"home": 2, "outlet": 1, "tag": 1}[page]
    assert len(coins) == expected
    report = next(c for c in coins if c.get("rft.genre") == ["report"])
    assert report["rft.btitle"] == [entry.title]
    assert report["rft.au"] == ["Qi, Dapeng"]
    assert report["rft.date"] == ["2025-03-17"]
    assert report["rft_val_fmt"] == ["info:ofi/fmt:kev:mtx:book"]
    if page == "home":
        article = next(c for c in coins if c.get("rft.type") == ["newspaperArticle"])
        assert article["rft.source"] == ["China Daily"] and article["rft.title"] == [op_ed.title]


def test_coins_add_no_queries_per_entry(client, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    make_rsis_entry()
    with CaptureQueriesContext(connection) as few:
        client.get("/")
    for n in range(5):
        make_rsis_entry(title=f"Commentary number {n}", number=f"CO2510{n}")
    with CaptureQueriesContext(connection) as many:
        client.get("/")
    assert len(many) == len(few)


def test_export_links_tag_keeps_the_search(rf):
    from django.template import Context, Template

    request = rf.get("/search/", {"q": "deepseek", "outlet": "rsis", "page": "2"})
    html = Template('{% load citation_tags %}{% export_links "search" %}').render(Context({"request": request}))
    assert 'href="/export/search.bib?q=deepseek&amp;outlet=rsis"' in html
    assert 'href="/export/search.txt?q=deepseek&amp;outlet=rsis&amp;style=apa"' in html
    html = Template('{% load citation_tags %}{% export_links "outlet" "rsis" %}').render(Context({}))
    assert 'href="/export/outlets/rsis.ris"' in html


def test_list_pages_link_their_exports(client):
    entry = make_rsis_entry()
    outlet_html = client.get(entry.outlet.get_absolute_url()).content.decode()
    assert f'href="/export/outlets/{entry.outlet.slug}.bib"' in outlet_html
    assert 'href="/export/tags/east-asia.ris"' in client.get("/tags/east-asia/").content.decode()
    speaker = entry.statements.get().speaker
    person_html = client.get(speaker.get_absolute_url()).content.decode()
    assert f'href="/export/people/{speaker.slug}.json"' in person_html
    assert client.get(f"/export/people/{speaker.slug}.json").status_code == 200


def test_list_page_coins_name_the_series(client):
    entry = make_rsis_entry()
    report = next(c for c in read(client, "/").coins if c.get("rft.genre") == ["report"])
    assert report["rft.series"] == ["RSIS Commentary"]
    assert report["rft.pub"] == ["S. Rajaratnam School of International Studies"]
    assert entry.title in report["rft.btitle"]


def _count_queries(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_search_page_coins_with_series_and_no_query_per_entry(client):
    from archive.search.indexing import rebuild

    make_rsis_entry()
    rebuild()
    coins = read(client, "/search/?q=DeepSeek").coins
    assert len(coins) == 1
    [report] = coins
    assert (report["rft.btitle"], report["rft.series"], report["rft.au"]) == (
        ["DeepSeek: A Seed for Technological Equity and a Multipolar World"], ["RSIS Commentary"], ["Qi, Dapeng"])
    few = _count_queries(client, "/search/?q=DeepSeek")
    for n in range(5):
        make_rsis_entry(title=f"DeepSeek number {n}", number=f"CO2510{n}")
    rebuild()
    assert len(read(client, "/search/?q=DeepSeek").coins) == 6
    assert _count_queries(client, "/search/?q=DeepSeek") == few


@pytest.mark.parametrize("page", ["person", "statements"])
def test_a_speakers_page_and_the_statement_search_carry_coins(client, page):
    """A speaker who wrote nothing still has a page of what they said: each entry quoting
    them is offered to Zotero, once, with its authors and series, read in one query."""
    from archive.search.indexing import rebuild

    entry = make_rsis_entry()
    speaker = entry.statements.get().speaker
    url = speaker.get_absolute_url() if page == "person" else "/statements/?q=corner"
    rebuild()
    [report] = read(client, url).coins
    assert report["rft.genre"] == ["report"] and report["rft.btitle"] == [entry.title]
    assert report["rft.au"] == ["Qi, Dapeng"] and report["rft.series"] == ["RSIS Commentary"]
    few = _count_queries(client, url)
    for n in range(4):
        other = make_rsis_entry(title=f"Another corner {n}", number=f"CO2520{n}")
        Authorship.objects.create(entry=other, agent=make_agent(f"Second Author{n}"), position=1)
    rebuild()
    coins = read(client, url).coins
    assert len(coins) == 5
    assert sorted(len(c["rft.au"]) for c in coins) == [1, 2, 2, 2, 2]
    assert _count_queries(client, url) == few


def test_meta_tags_keep_a_keyword_with_a_comma(client):
    entry = make_rsis_entry()
    entry.tags.add("Conflict, Security and Human Rights")
    meta = read(client, entry.get_absolute_url()).meta
    assert ("citation_keywords", "Conflict, Security and Human Rights") in meta


def test_every_style_has_a_visible_plain_text_block_and_a_copy_button(client):
    """Issue 11, defect 8: the plain text is on the page, readable and selectable without
    JavaScript, with a copy button (shown by the script) beside each style; the text link opens
    in the browser instead of downloading."""
    import html as html_lib
    import re

    from archive.citations import styles

    entry = make_rsis_entry()
    page = client.get(entry.get_absolute_url()).content.decode()
    blocks = dict(re.findall(r'<textarea id="plain-([\w-]+)" class="cite-text-block" readonly rows="3">([^<]*)'
                             r'</textarea>', page))
    assert set(blocks) == {"apa", "chicago-author-date", "chicago-notes-note", "chicago-notes", "mla", "harvard"}
    for form in blocks:
        assert f'<label for="plain-{form}">' in page
        assert f'<button type="button" class="copy-citation" data-copy="plain-{form}" hidden>Copy</button>' in page
    apa = client.get(f"/entries/{entry.slug}/cite.txt", {"style": "apa"}).content.decode().strip()
    assert html_lib.unescape(blocks["apa"]) == apa
    assert html_lib.unescape(blocks["chicago-notes-note"]).startswith("Qi Dapeng, DeepSeek: A Seed")
    assert f'href="/entries/{entry.slug}/cite.txt?style=apa">Plain text file</a>' in page
    assert not re.search(r'cite\.txt\?style=[\w-]+" download', page)
    assert len(styles.STYLES) == 5


def test_entries_have_a_chicago_note_and_an_italic_report_title(client):
    """Issue 11, defect 6: a commentary in a numbered series is a report, its title italic as
    CMOS and the official CSL Chicago styles have it (not a working paper in quotation marks),
    and the Cite section gives the note form as well as the bibliography entry."""
    entry = make_rsis_entry()
    page = client.get(entry.get_absolute_url()).content.decode()
    title = "<i>DeepSeek: A Seed for Technological Equity and a Multipolar World</i>"
    note = page.split('data-style="chicago-notes-note">')[1].split("</p>")[0]
    assert note.startswith(f"Qi Dapeng, {title}, RSIS Commentary CO25056 (S. Rajaratnam School of International "
                           "Studies, 2025), ")
    for form in ("chicago-notes", "chicago-author-date"):
        cited = page.split(f'data-style="{form}">')[1].split("</p>")[0]
        assert title in cited and "“DeepSeek" not in cited


def test_cite_this_list_offers_every_style(client):
    """Issue 11, defect 6: the outlet, search and person pages left out Chicago notes and Harvard."""
    from archive.search.indexing import rebuild

    entry = make_rsis_entry()
    rebuild()
    speaker = entry.statements.get().speaker
    for url, export in ((entry.outlet.get_absolute_url(), f"/export/outlets/{entry.outlet.slug}.txt?"),
                        ("/search/?q=DeepSeek", "/export/search.txt?q=DeepSeek&amp;"),
                        (speaker.get_absolute_url(), f"/export/people/{speaker.slug}.txt?")):
        page = client.get(url).content.decode()
        for style in ("apa", "chicago-author-date", "chicago-notes", "mla", "harvard"):
            assert f'href="{export}style={style}"' in page, (url, style)
