"""Reading search parameters and cutting bodies into marked runs: pure functions, tested directly."""
import datetime

from hypothesis import given, settings, strategies as st

from archive.templatetags.statement_marks import Segment, choose_marks, segment_block
from archive.views.params import page_window, parse_page, parse_search_params


def test_filters_are_cleaned_and_bad_values_explained():
    p = parse_search_params({"q": "  trade\x00 war ", "outlet": "rsis", "author": "<b>", "year": "20x5",
                             "date_from": "2025-02-30", "date_to": "2025-12-31", "has_statements": "yes",
                             "sort": "oldest", "page": "3"})
    assert p.q == "trade war"
    assert p.filters == {"outlet": "rsis", "date_to": datetime.date(2025, 12, 31), "has_statements": True}
    assert p.sort == "oldest" and p.page == 3
    assert len(p.problems) == 3


def test_dates_in_the_wrong_order_are_swapped():
    p = parse_search_params({"date_from": "2025-12-31", "date_to": "2025-01-01"})
    assert p.filters["date_from"] == datetime.date(2025, 1, 1)
    assert p.raw_filters["date_to"] == "2025-12-31"


def test_no_query_sorts_newest_and_querystring_is_canonical():
    assert parse_search_params({}).sort == "newest"
    p = parse_search_params({"q": "war", "tag": "ai", "page": "1", "sort": "relevance", "junk": "x"})
    assert p.querystring() == "q=war&tag=ai"
    assert p.querystring(page=2) == "q=war&tag=ai&page=2"
    assert p.active_filters() == [("tag", "tag", "ai", "q=war")]


def test_page_numbers():
    assert parse_page("x") == 1 and parse_page("-4") == 1 and parse_page("7") == 7 and parse_page(None) == 1
    assert page_window(1, 1) == [1]
    assert page_window(6, 20) == [1, None, 4, 5, 6, 7, 8, None, 20]
    assert page_window(2, 4) == [1, 2, 3, 4]


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(st.sampled_from(["q", "outlet", "author", "speaker", "tag", "year", "date_from", "date_to",
                                        "has_statements", "sort", "page"]), st.text(max_size=80)))
def test_any_parameters_parse(values):
    p = parse_search_params(values)
    assert p.sort in ("relevance", "newest", "oldest") and p.page >= 1
    assert "\x00" not in p.q
    p.querystring()


BODY = "One two three.\n\nFour five six."


def test_statement_inside_a_block_is_cut_out():
    marks = choose_marks([(4, 7, "s")], len(BODY))
    assert segment_block("One two three.", 0, marks) == [Segment("One "), Segment("two", "s"), Segment(" three.")]
    assert segment_block("Four five six.", 16, marks) == [Segment("Four five six.")]


def test_statement_across_blocks_is_marked_in_both_with_one_anchor():
    marks = choose_marks([(8, 20, "s")], len(BODY))
    first = segment_block("One two three.", 0, marks)
    second = segment_block("Four five six.", 16, marks)
    assert first[-1] == Segment("three.", "s", first=True, last=False)
    assert second[0] == Segment("Four", "s", first=False, last=True)


def test_overlapping_and_out_of_range_spans_are_left_unmarked():
    kept = choose_marks([(0, 7, "a"), (4, 9, "b"), (90, 99, "c"), (5, 5, "d"), (8, 13, "e")], len(BODY))
    assert [s for _, _, s in kept] == ["a", "e"]


def test_accented_names_are_filed_under_their_letter():
    from archive.views.params import filed_under

    assert filed_under("Álvarez") == "A" and filed_under("al-Sisi") == "A"
    assert filed_under("Østergaard") == "O" and filed_under("Łukasz") == "L"
    assert filed_under("Baker") == "B"
    assert filed_under("张伟") == "#" and filed_under("3M") == "#" and filed_under("") == "#"
