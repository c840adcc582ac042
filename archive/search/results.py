"""What a search returns: one page of hits with counts, facets and paging facts.

Plain dataclasses (no Django), so pages, the JSON API and exports read the same shape.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

from .query import Query

#: The highest count any backend gives exactly (each backend has its own
#: ``count_cap``; above it the count reads "10,000+"). No page beyond it is served.
COUNT_CAP = 10_000
#: Largest page size a caller may ask for.
MAX_PER_PAGE = 100


@dataclass
class Hit:
    """One matching entry: the Entry (outlet, authors and tags loaded), a highlighted
    snippet (safe HTML: text escaped, matches in ``<mark>``), its rank (None when the
    results are not sorted by relevance) and its title as safe HTML with matches marked."""

    entry: Any
    snippet_html: str
    rank: float | None = None
    title_html: str = ""


@dataclass
class StatementHit:
    """One matching statement (entry and speaker loaded) with its words highlighted."""

    statement: Any
    snippet_html: str
    rank: float | None = None


@dataclass
class _Paged:
    hits: list
    total: int
    total_is_capped: bool
    page: int
    per_page: int
    query: Query
    #: How many results can be paged through, when fewer than ``total``: relevance
    #: ranking of a very common query stops after the bounded candidate set.
    reachable: int | None = field(default=None, kw_only=True)

    @property
    def num_pages(self):
        shown = self.total if self.reachable is None else min(self.total, self.reachable)
        return max(1, math.ceil(shown / self.per_page)) if shown else 1

    @property
    def has_next(self):
        return self.page < self.num_pages

    @property
    def has_previous(self):
        return self.page > 1

    @property
    def next_page_number(self):
        return self.page + 1 if self.has_next else None

    @property
    def previous_page_number(self):
        return self.page - 1 if self.has_previous else None

    @property
    def total_display(self):
        """The count as a visitor reads it: "1,234" or "10,000+"."""
        return f"{self.total:,}+" if self.total_is_capped else f"{self.total:,}"

    @property
    def start_index(self):
        """1-based position of the first hit on this page (0 when there is none)."""
        return (self.page - 1) * self.per_page + 1 if self.hits else 0


@dataclass
class EntryResults(_Paged):
    """A page of entry hits.

    ``facets`` maps a facet name (outlet, author, tag, year, speaker) to a list of
    ``(value, label, count)``, most frequent first; ``value`` is what the matching filter
    takes (a slug, or the year as an int). ``filters`` holds the filters applied, after
    cleaning; ``ignored_filters`` names those whose value could not be read.
    ``facet_sample`` is set when the facets were counted over only the first that
    many matches (a very common query); the page can say "in the first 2,000".
    """

    sort: str = "relevance"
    facet_sample: int | None = None
    facets: dict = field(default_factory=dict)
    filters: dict = field(default_factory=dict)
    ignored_filters: list = field(default_factory=list)


@dataclass
class StatementResults(_Paged):
    speaker: str | None = None


def clamp_paging(page, per_page):
    """Page and page size as ints in range, whatever was passed in."""
    try:
        per_page = int(per_page)
    except (TypeError, ValueError):
        per_page = 20
    per_page = min(max(per_page, 1), MAX_PER_PAGE)
    try:
        page = int(page)
    except (TypeError, ValueError):
        page = 1
    max_page = math.ceil(COUNT_CAP / per_page)
    return min(max(page, 1), max_page), per_page
