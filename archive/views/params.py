"""Reading search and browse parameters from a query string.

Pure Python (no Django): the search page, the statement page and the JSON API all
read their filters here, so a bad value means the same thing everywhere: it is
dropped with a message the page shows, never a server error.
"""
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from urllib.parse import urlencode

SORTS = ("relevance", "newest", "oldest")
SLUG_FILTERS = ("outlet", "author", "speaker", "tag")
FILTER_KEYS = SLUG_FILTERS + ("year", "date_from", "date_to", "has_statements")
FILTER_LABELS = {
    "outlet": "outlet", "author": "author", "speaker": "speaker", "tag": "tag",
    "year": "year", "date_from": "from", "date_to": "to", "has_statements": "contains statements",
}
MAX_QUERY_CHARS = 2000
MAX_PAGE = 10_000
_SLUG = re.compile(r"^[-\w]{1,200}$")
_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off"}


def clean_text(value, limit=MAX_QUERY_CHARS):
    """A query as typed, without null bytes and control characters, at most ``limit`` characters."""
    value = "".join(ch if ch >= " " or ch in "\t\n" else " " for ch in (value or ""))
    return " ".join(value.split())[:limit]


def parse_page(value):
    """A page number from 1 to MAX_PAGE; anything else is page 1."""
    try:
        page = int(str(value).strip())
    except (TypeError, ValueError):
        return 1
    return min(max(page, 1), MAX_PAGE)


#: How deep a search or statement list may be paged (D3): an OFFSET walks every row
#: before it, which took 10-14 s at 10,000 results on SQLite at 100,000 entries.
MAX_RESULT_DEPTH = 1000


def max_page(per_page):
    """The deepest page of ``per_page`` results that may be asked for."""
    return max(1, -(-MAX_RESULT_DEPTH // max(1, per_page)))


def cap_page(page, per_page):
    """(page, note): ``page`` limited to ``max_page(per_page)``, and what to tell the reader."""
    deepest = max_page(per_page)
    if page <= deepest:
        return page, None
    return deepest, (f"Only the first {MAX_RESULT_DEPTH:,} results can be paged through, so this is page {deepest}. "
                     "Add a word, a filter or a date range to reach the others.")


def parse_slug(value):
    value = (value or "").strip()
    return value if _SLUG.match(value) else None


def parse_year(value):
    try:
        year = int(str(value).strip())
    except (TypeError, ValueError):
        return None
    return year if 1 <= year <= 9999 else None


def parse_date(value):
    try:
        return date.fromisoformat(str(value).strip())
    except (TypeError, ValueError):
        return None


@dataclass
class SearchParams:
    """What a visitor asked for, cleaned: the query, the filters that make sense, sort and page."""

    q: str = ""
    filters: dict = field(default_factory=dict)
    sort: str = "relevance"
    page: int = 1
    problems: list = field(default_factory=list)
    raw_filters: dict = field(default_factory=dict)

    def querystring(self, **changes):
        """The query string for these parameters with ``changes`` applied (None drops a key).

        Page 1 and the default sort are left out so that every result page has one address.
        """
        values = {"q": self.q, **{k: v for k, v in self.raw_filters.items()}, "sort": self.sort, "page": self.page}
        values.update(changes)
        items = []
        for key in ("q", *FILTER_KEYS, "sort", "page"):
            value = values.get(key)
            if value in (None, "", False):
                continue
            if key == "sort" and value == "relevance":
                continue
            if key == "page" and int(value) == 1:
                continue
            items.append(_pair(key, "1" if value is True else str(value)))
        return "&".join(items)

    def active_filters(self):
        """(key, label, value, query string without this filter) for each filter in use."""
        return [
            (key, FILTER_LABELS[key], self.raw_filters[key], self.querystring(**{key: None, "page": None}))
            for key in FILTER_KEYS
            if key in self.raw_filters
        ]


@lru_cache(maxsize=4096)
def _pair(key, value):
    """``key=value`` encoded as ``urlencode`` does. A search page writes about 80 query
    strings (facet links, filter chips, pages, sorts) from the same few pairs: each pair is
    encoded once, not once per link (urlencode was a tenth of the page's rendering)."""
    return urlencode([(key, value)])


def parse_search_params(get, *, default_sort="relevance"):
    """Read q, the filters, sort and page from a mapping of query-string values.

    Unknown keys are ignored; a malformed value is dropped and described in ``problems``.
    """
    params = SearchParams(q=clean_text(get.get("q", "")))
    for key in SLUG_FILTERS:
        raw = get.get(key)
        if raw in (None, ""):
            continue
        slug = parse_slug(raw)
        if slug is None:
            params.problems.append(f"Ignored the {FILTER_LABELS[key]} filter: “{clean_text(raw, 60)}” is not a valid name.")
        else:
            params.filters[key] = slug
            params.raw_filters[key] = slug
    raw = get.get("year")
    if raw not in (None, ""):
        year = parse_year(raw)
        if year is None:
            params.problems.append(f"Ignored the year filter: “{clean_text(raw, 60)}” is not a year.")
        else:
            params.filters["year"] = year
            params.raw_filters["year"] = year
    for key in ("date_from", "date_to"):
        raw = get.get(key)
        if raw in (None, ""):
            continue
        value = parse_date(raw)
        if value is None:
            params.problems.append(
                f"Ignored the “{FILTER_LABELS[key]}” date: “{clean_text(raw, 60)}” is not a date like 2025-03-17."
            )
        else:
            params.filters[key] = value
            params.raw_filters[key] = value.isoformat()
    if "date_from" in params.filters and "date_to" in params.filters and params.filters["date_from"] > params.filters["date_to"]:
        params.problems.append("The “from” date is after the “to” date, so they were swapped.")
        params.filters["date_from"], params.filters["date_to"] = params.filters["date_to"], params.filters["date_from"]
        params.raw_filters["date_from"], params.raw_filters["date_to"] = (
            params.raw_filters["date_to"], params.raw_filters["date_from"])
    raw = (get.get("has_statements") or "").strip().lower()
    if raw in _TRUE:
        params.filters["has_statements"] = True
        params.raw_filters["has_statements"] = True
    elif raw and raw not in _FALSE:
        params.problems.append("Ignored the “contains statements” filter: use 1 or 0.")
    sort = (get.get("sort") or "").strip().lower()
    if sort in SORTS:
        params.sort = sort
    else:
        if sort:
            params.problems.append(f"Unknown sort “{clean_text(sort, 30)}”; sorted by {default_sort}.")
        params.sort = default_sort
    if not params.q and params.sort == "relevance":
        params.sort = "newest"
    params.page = parse_page(get.get("page", 1))
    return params


LETTERS = tuple("ABCDEFGHIJKLMNOPQRSTUVWXYZ") + ("#",)


# Letters Unicode does not decompose into a base letter, filed where readers look for them.
_NO_DECOMPOSITION = {
    "Ø": "O", "ø": "O", "Æ": "A", "æ": "A", "Œ": "O", "œ": "O", "Ł": "L", "ł": "L", "Đ": "D", "đ": "D",
    "Ð": "D", "ð": "D", "Þ": "T", "þ": "T", "ß": "S", "Ħ": "H", "ħ": "H", "ı": "I", "Ŋ": "N", "ŋ": "N",
    "Ŧ": "T", "ŧ": "T",
}


def _latin_letters():
    """{"A": "AaÀàÁá…", …}: each letter with its accented forms (Latin-1 and Latin Extended-A)."""
    forms = {letter: letter + letter.lower() for letter in LETTERS[:-1]}
    for code in range(0xC0, 0x250):
        ch = chr(code)
        base = _NO_DECOMPOSITION.get(ch) or unicodedata.normalize("NFKD", ch)[0].upper()
        if ch.isalpha() and base in forms and ch not in forms[base]:
            forms[base] += ch
    return forms


LATIN_LETTERS = _latin_letters()


_FILED_UNDER = {ch: letter for letter, chars in LATIN_LETTERS.items() for ch in chars}


def filed_under(name):
    """The A–Z index letter for a sort name: "Álvarez" -> "A", "Østergaard" -> "O", "张伟" -> "#"."""
    name = (name or "").strip()
    return _FILED_UNDER.get(name[:1], "#")


def page_window(page, num_pages, around=2):
    """Page numbers to link, with None where a run is skipped: 1 … 4 5 [6] 7 8 … 20."""
    wanted = {1, num_pages, *range(page - around, page + around + 1)}
    numbers = sorted(n for n in wanted if 1 <= n <= num_pages)
    window, previous = [], 0
    for n in numbers:
        if n - previous > 1:
            window.append(None)
        window.append(n)
        previous = n
    return window


def pagination_links_data(page_number, num_pages, make_qs):
    """Links for a pager: ``make_qs(n)`` returns the query string of page ``n``."""
    def href(n):
        return "?" + make_qs(n)

    return {
        "number": page_number,
        "num_pages": num_pages,
        "previous": href(page_number - 1) if page_number > 1 else None,
        "next": href(page_number + 1) if page_number < num_pages else None,
        "pages": [(n, href(n) if n else None) for n in page_window(page_number, num_pages)],
    }
