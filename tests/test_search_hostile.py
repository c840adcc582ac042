"""Whatever a visitor types, search answers with a valid page and never an error.

Runs on the engine of this test run (SQLite or PostgreSQL), through the parser and the
backend together: every token is quoted by our code, never by the engine.
"""
import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from archive.search import search_entries, search_statements

from .test_search_backend import archive, committed  # noqa: F401  (fixtures)

pytestmark = pytest.mark.django_db

HOSTILE = [
    '"', '""', '"""', '"china', 'china"', '"china trade', "'", "''", "'china'", "china's",
    "(", ")", "((china", "china)", "[", "]", "{", "}", "{title}: china", "title:china",
    ":", "::", "china:", "*", "**", "china*", "*china", "-", "--", "- china", "-china", "-\"",
    "+", "^", "~", "!", "&", "|", "||", "&&", "<->", "<2>", "!china", "china & trade",
    "china | trade", "OR", "OR OR", "china OR", "OR china", "AND", "NOT", "NOT china",
    "china NOT", "NEAR", "NEAR(", "NEAR(china trade)", "NEAR(china trade, 2)", "AND(",
    "china AND(", "china:*", "'china':*", "china:A", "\\", "\\\\", "china\\", "%", "_",
    "'; DROP TABLE archive_entry; --", "1' OR '1'='1", "\" OR 1=1 --", "SELECT * FROM x",
    "x" * 2000, "china " * 400, "\"" * 2000, "-" * 2000, "a" * 3000,
    "😀", "china 😀", "🇨🇳🇸🇬", "中文", "中国的技术", "العربية", "مرحبا بالعالم", "עברית",
    "\x00", "china\x00trade", "\x00\x00\"", "\t\n\r", "\u200b", "\ufeff", "\ue000", "\ue001china",
    "ǅ", "ﬁnance", "Ⅻ", "①②", "é" * 10, "e\u0301", "<mark>", "</mark>", "<script>alert(1)</script>",
    "&lt;", "%s", "%(name)s", "{}", "$1", "?", "@@", "@@ to_tsquery('x')",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_input_gives_a_valid_page(archive, text):  # noqa: F811
    results = search_entries(text, filters={"outlet": text, "tag": text, "year": text, "date_from": text})
    assert results.total >= len(results.hits) and results.page >= 1
    assert bool(results.total) == bool(results.hits)  # one small archive: a count means hits on page 1
    assert isinstance(results.query.understood_as, str)
    for hit in results.hits:
        assert "<script>" not in hit.snippet_html
    statements = search_statements(text, speaker=text)
    assert statements.total >= len(statements.hits) and bool(statements.total) == bool(statements.hits)


def test_hostile_input_still_finds_its_words(archive):  # noqa: F811
    assert search_entries('"coffee prices').total == 1
    assert search_entries("NEAR(coffee prices)").total == 0  # "near coffee" is a phrase
    assert search_entries("(tariff)").total == 1
    assert search_entries("tariff:").total == 1
    assert search_entries("tariff'").total == 1


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(max_size=200), sort=st.sampled_from(["relevance", "newest", "oldest", "junk"]),
       page=st.integers(min_value=-5, max_value=10))
def test_random_strings_give_a_valid_page(archive, text, sort, page):  # noqa: F811
    results = search_entries(text, sort=sort, page=page, per_page=2)
    assert 0 <= len(results.hits) <= 2
    assert results.total >= len(results.hits)
    assert 1 <= results.page <= results.num_pages
    assert set(results.facets) == {"outlet", "author", "tag", "year", "speaker"}
    statements = search_statements(text, page=page)
    assert statements.total >= len(statements.hits)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(alphabet=st.sampled_from(list('"\'-*:()^&|!<> ORANDNEARchina')), max_size=40))
def test_operator_soup_gives_a_valid_page(archive, text):  # noqa: F811
    results = search_entries(text)
    assert results.total >= len(results.hits) and bool(results.total) == bool(results.hits)


#: The most SQL queries one search page may make (SQLite makes 7-9, PostgreSQL a few more
#: for its session settings); a hostile query must not make more.
PAGE_QUERIES = 20


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_input_page_shows_results_or_says_why_not(client, archive, text,  # noqa: F811
                                                         django_assert_max_num_queries):
    """What a visitor sees: a page (never an error) with results, or the empty-state
    message; a filter it could not read is named as ignored; nothing they typed runs as
    markup; the page's queries stay bounded."""
    from archive.views.params import parse_slug

    with django_assert_max_num_queries(PAGE_QUERIES):
        response = client.get("/search/", {"q": text, "outlet": text, "year": text})
    assert response.status_code == 200
    html = response.content.decode()
    assert "<script>alert(1)</script>" not in html
    assert html.count('class="entry-item"') > 0 or 'class="empty-state"' in html
    assert "Ignored the year filter" in html
    if parse_slug(text) is None:
        assert "Ignored the outlet filter" in html
