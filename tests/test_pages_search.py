"""The search pages through the HTTP client: results, filters, facets, sort, pages, empty state, hostile input."""
import datetime
import re

import pytest

from archive.search.indexing import rebuild
from tests import site_data as make

pytestmark = pytest.mark.django_db


@pytest.fixture
def corpus():
    rsis, cd = make.outlet("RSIS", slug="rsis"), make.outlet("China Daily", slug="china-daily")
    qi, tompros = make.agent("Qi Dapeng"), make.agent("Louis Tompros")
    a = make.entry("DeepSeek and technological equity", outlet_obj=rsis, authors=[qi], tags=["AI"],
                   published_on=datetime.date(2025, 3, 17),
                   paragraphs=['Open models are running ahead. Tompros said "open weights change the economics" plainly.'])
    make.statement(a, "open weights change the economics", tompros)
    b = make.entry("Tariffs and the trade war", outlet_obj=cd, tags=["Trade"], published_on=datetime.date(2024, 5, 2),
                   paragraphs=["The trade war runs on tariffs, and open markets suffer."])
    make.entry("Open secret draft", status="draft", paragraphs=["open draft text about tariffs"])
    rebuild()
    return rsis, cd, qi, tompros, a, b


def results_titles(html):
    """Titles of the hits in page order, without their <mark> highlighting."""
    return [re.sub(r"</?mark>", "", t) for t in re.findall(r'<h3><a href="/entries/[^"]+/">(.*?)</a></h3>', html)]


def test_search_finds_published_entries_with_highlighted_snippets(client, corpus):
    html = client.get("/search/?q=run").content.decode()
    assert "DeepSeek and technological equity" in html  # stemming: run finds running
    assert "Tariffs and the trade war" in html
    assert "<mark>" in html
    assert "Open secret draft" not in html
    assert "2 results" in html
    assert "<mark>Tariffs</mark>" not in html  # "run" is not in that title
    highlighted = client.get("/search/?q=tariffs").content.decode()
    assert "<mark>Tariffs</mark> and the trade war</a></h3>" in highlighted


def test_search_filters_and_facets(client, corpus):
    html = client.get("/search/?q=open").content.decode()
    assert re.search(r'<a href="\?q=open&amp;outlet=rsis">RSIS</a> <span class="count">\(1\)</span>', html)
    assert re.search(r'<a href="\?q=open&amp;year=2024">2024</a>', html)
    assert re.search(r'<a href="\?q=open&amp;speaker=louis-tompros">Louis Tompros</a>', html)
    filtered = client.get("/search/?q=open&outlet=rsis").content.decode()
    assert results_titles(filtered) == ["DeepSeek and technological equity"]
    assert ('outlet: RSIS <span aria-hidden="true">✕</span><span class="visually-hidden">(remove this filter)</span>'
            in filtered)
    assert results_titles(client.get("/search/?q=open&year=2024").content.decode()) == ["Tariffs and the trade war"]
    assert results_titles(client.get("/search/?q=open&has_statements=1").content.decode()) == [
        "DeepSeek and technological equity"]
    assert results_titles(client.get("/search/?q=open&author=qi-dapeng").content.decode()) == [
        "DeepSeek and technological equity"]
    assert results_titles(client.get("/search/?q=open&date_from=2025-01-01&date_to=2025-12-31").content.decode()) == [
        "DeepSeek and technological equity"]


def test_search_sort(client, corpus):
    newest = results_titles(client.get("/search/?q=open&sort=newest").content.decode())
    oldest = results_titles(client.get("/search/?q=open&sort=oldest").content.decode())
    assert newest == ["DeepSeek and technological equity", "Tariffs and the trade war"]
    assert oldest == list(reversed(newest))


def test_empty_state_explains_and_offers_to_drop_a_filter(client, corpus):
    html = client.get("/search/?q=tariffs&outlet=rsis").content.decode()
    assert "No results" in html
    assert "Nothing in the archive matches <strong>tariffs</strong>" in html
    assert '<a href="?q=tariffs">Search again without the outlet filter (RSIS)</a>' in html


def test_bad_filter_values_are_explained_not_errors(client, corpus):
    response = client.get("/search/?q=open&year=abc&date_from=yesterday&outlet=%3Cscript%3E&sort=weird&page=-5")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Ignored the year filter" in html
    assert "is not a date like 2025-03-17" in html
    assert "Ignored the outlet filter" in html
    assert "<script>" not in html
    assert len(results_titles(html)) == 2


HOSTILE = [
    '"', '""', "'", '"unbalanced', "((", ")", "AND(", "NEAR(a b)", "a NEAR b", "*", "-", "--", "OR", "a OR",
    ":", "title:foo", "'; DROP TABLE archive_entry; --", "x" * 2000, "open " * 400, "🙂🚀", "中国 贸易",
    "التجارة", "null\x00byte", "%", "_", "\\", "a -b -c", "-open", "open*", "*open", "{}[]^~", "<script>alert(1)</script>",
]


FAILURE_MESSAGES = ("could not be run", "took too long")


def assert_a_real_page(response, url, params):
    """A 200 that is not the friendly failure page (which would hide an engine crash)."""
    assert response.status_code == 200, (url, params)
    text = response.content.decode()
    for message in FAILURE_MESSAGES:
        assert message not in text, (url, params)


@pytest.mark.parametrize("q", HOSTILE)
def test_hostile_queries_never_error(client, corpus, q):
    for url in ("/search/", "/statements/", "/api/entries/", "/api/statements/"):
        assert_a_real_page(client.get(url, {"q": q}), url, q)
    assert "<script>alert(1)</script>" not in client.get("/search/", {"q": q}).content.decode()


@pytest.mark.parametrize("url", ["/search/", "/statements/"])
def test_a_failed_search_is_a_503_with_a_friendly_message(client, corpus, monkeypatch, url):
    from django.db import DatabaseError

    from archive.search import SearchTimeout, service

    def broken(*args, **kwargs):
        raise DatabaseError("the engine fell over")

    name = "search_entries" if url == "/search/" else "search_statements"
    monkeypatch.setattr(service, name, broken)
    response = client.get(url, {"q": "open"})
    assert response.status_code == 503
    assert "The search could not be run just now" in response.content.decode()

    def too_slow(*args, **kwargs):
        raise SearchTimeout("stopped")

    monkeypatch.setattr(service, name, too_slow)
    response = client.get(url, {"q": "open"})
    assert response.status_code == 503
    assert "This search took too long and was stopped" in response.content.decode()


def test_nothing_to_search_for_is_explained(client, corpus):
    html = client.get("/search/", {"q": "the of"}).content.decode()
    assert "Nothing was searched for: the, of are too common to search for on their own." in html
    assert "matches nothing" not in html and "nothing to search for" not in html
    html = client.get("/search/", {"q": '"the"'}).content.decode()
    assert "Nothing was searched for: &quot;the&quot; is too common to search for on its own." in html
    html = client.get("/search/", {"q": "!!!"}).content.decode()
    assert "“!!!” holds no letters or digits to search for." in html
    html = client.get("/statements/", {"q": "of the"}).content.decode()
    assert "Nothing was searched for: of, the are too common" in html


def test_the_page_says_what_it_ignored_and_why(client, corpus):
    html = client.get("/search/", {"q": "op* tariffs"}).content.decode()
    assert "Word beginnings need at least 3 letters; searched as whole words: op." in html
    long = client.get("/search/", {"q": "tariffs " * 200}).content.decode()
    assert results_titles(long) == ["Tariffs and the trade war"]
    assert "A search reads the first 1,000 characters; the rest were ignored." in long


def test_relevance_ranking_that_stops_early_says_so_and_links_the_date_sort(client, corpus, monkeypatch):
    from archive.search import service
    from archive.search.backends import postgres, sqlite

    monkeypatch.setattr(service, "EXACT_RANK_LIMIT", 0)
    for module in (service, sqlite, postgres):
        monkeypatch.setattr(module, "CANDIDATES", 1)
    html = client.get("/search/", {"q": "open"}).content.decode()
    assert "2 results" in html
    assert ("Showing the 1 most relevant of the 2 results. To page through all of them, sort by "
            '<a href="?q=open&amp;sort=newest">newest</a> or <a href="?q=open&amp;sort=oldest">oldest</a> first.') in html
    assert len(results_titles(client.get("/search/", {"q": "open", "sort": "newest"}).content.decode())) == 2
    assert "most relevant" not in client.get("/search/", {"q": "open", "sort": "newest"}).content.decode()
    data = client.get("/api/entries/", {"q": "open"}).json()
    assert (data["count"], data["ranked_limit"], data["num_pages"]) == (2, 1, 1)
    assert data["links"]["by_date"] == "http://testserver/api/entries/?q=open&sort=newest"
    by_date = client.get(data["links"]["by_date"]).json()
    assert by_date["ranked_limit"] is None and len(by_date["results"]) == 2
    statements = client.get("/statements/", {"q": "open"}).content.decode()
    assert "most relevant" not in statements  # one statement: nothing cut
    assert client.get("/api/entries/", {"q": "open", "sort": "newest"}).json()["links"]["by_date"] is None


def test_facet_counts_from_a_sample_say_so(client, corpus, monkeypatch):
    from archive.search.backends import get_backend

    monkeypatch.setattr(get_backend(), "facet_sample", 1)
    html = client.get("/search/", {"q": "open"}).content.decode()
    note = "Counts from a sample of 1 of the 2 matches, spread evenly over them; choosing one shows its exact number"
    assert note in html
    data = client.get("/api/entries/", {"q": "open"}).json()
    assert (data["facets_exact"], data["facet_sample"], data["facet_sample_of"]) == (False, 1, 2)
    assert data["facet_note"].startswith("Counts from a sample of 1 of the 2 matches")
    monkeypatch.undo()
    assert "Counts from" not in client.get("/search/", {"q": "open"}).content.decode()
    data = client.get("/api/entries/", {"q": "open"}).json()
    assert (data["facets_exact"], data["facet_sample"], data["facet_note"]) == (True, None, None)


def test_statement_search_shows_speaker_entry_and_date(client, corpus):
    rsis, cd, qi, tompros, a, b = corpus
    html = client.get("/statements/?q=economics").content.decode()
    assert "<mark>" in html
    assert f'<a href="{tompros.get_absolute_url()}">Louis Tompros</a>' in html
    assert f'href="{a.get_absolute_url()}#s' in html
    assert '<time datetime="2025-03-17">' in html
    by_speaker = client.get(f"/statements/?q=economics&speaker={qi.slug}").content.decode()
    assert "No statements" in by_speaker
    assert "Search every speaker" in by_speaker
    unknown = client.get("/statements/?speaker=nobody-at-all").content.decode()
    assert "No one called “nobody-at-all”" in unknown


def test_capped_result_count_reads_10000_plus(rf):
    """Above the count cap the page says "10,000+ results", not a made-up exact number."""
    from django.template.loader import render_to_string

    from archive.search import EntryResults, parse_query
    from archive.views.params import parse_search_params

    results = EntryResults(hits=[], total=10_000, total_is_capped=True, page=1, per_page=20, query=parse_query("war"))
    html = render_to_string("archive/search.html", {
        "params": parse_search_params({"q": "war"}), "results": results, "entries": [],
    }, rf.get("/search/?q=war"))
    assert "10,000+ results for “war”" in html


def test_search_pages_are_stable_and_paginated(client):
    for i in range(45):
        make.entry(f"Common piece {i:02d}", paragraphs=["common words here"],
                   published_on=datetime.date(2020, 1, 1) + datetime.timedelta(days=i))
    rebuild()
    pages = [results_titles(client.get(f"/search/?q=common&sort=newest&page={n}").content.decode()) for n in (1, 2, 3)]
    assert [len(p) for p in pages] == [20, 20, 5]
    assert len(set(sum(pages, []))) == 45
    again = results_titles(client.get("/search/?q=common&sort=newest&page=2").content.decode())
    assert again == pages[1]
    html = client.get("/search/?q=common&sort=newest&page=2").content.decode()
    assert 'href="?q=common&amp;sort=newest&amp;page=3" rel="next"' in html
    assert 'href="?q=common&amp;sort=newest" rel="prev"' in html


@pytest.mark.parametrize("n", [1, 50])
def test_search_pages_query_count_is_bounded(client, django_assert_max_num_queries, n):
    rsis = make.outlet("RSIS", slug="rsis")
    for i in range(n):
        author, speaker = make.agent(f"Author Surname{i}"), make.agent(f"Speaker Surname{i}")
        e = make.entry(f"Shared topic {i}", outlet_obj=rsis, authors=[author], tags=["common", f"t{i}"],
                       paragraphs=[f'The shared topic: "shared saying {i}" here.'])
        make.statement(e, f"shared saying {i}", speaker)
    rebuild()
    with django_assert_max_num_queries(16):
        response = client.get("/search/?q=shared&outlet=rsis&author=author-surname0")
    assert response.status_code == 200
    with django_assert_max_num_queries(16):
        response = client.get("/search/?q=shared")
    assert len(results_titles(response.content.decode())) == min(n, 20)
    with django_assert_max_num_queries(10):
        response = client.get("/statements/?q=shared")
    assert response.status_code == 200


@pytest.fixture
def small_corpus():
    make.entry("Trade and tariffs", paragraphs=['He said "tariffs hurt" and “中国 贸易” moved.'])
    rebuild()


from hypothesis import HealthCheck, given, settings as hsettings, strategies as st  # noqa: E402


@hsettings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(q=st.text(max_size=120), extra=st.dictionaries(
    st.sampled_from(["outlet", "author", "speaker", "tag", "year", "date_from", "date_to", "has_statements",
                     "sort", "page", "per_page"]), st.text(max_size=30), max_size=4))
def test_random_input_always_gives_a_page(client, small_corpus, q, extra):
    params = {"q": q, **extra}
    for url in ("/search/", "/statements/", "/api/entries/", "/api/statements/"):
        assert_a_real_page(client.get(url, params), url, params)
