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
    def ranked_limit(self):
        """The number of best results relevance ranking shows, when it shows fewer than
        there are (None otherwise): the page says so and offers a date sort."""
        if self.reachable is not None and self.total > self.reachable:
            return self.reachable
        return None

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
    ``facet_sample`` is set when the facets were counted over only that many of the
    matches: a sample spread evenly over all ``facet_sample_of`` matches, or (when
    ``total_is_capped``) the first ``facet_sample`` found, which lean towards the
    entries added first. ``facet_note`` says so in words.
    """

    sort: str = "relevance"
    facet_sample: int | None = None
    facet_sample_of: int | None = None
    facets: dict = field(default_factory=dict)
    filters: dict = field(default_factory=dict)
    ignored_filters: list = field(default_factory=list)

    @property
    def facets_exact(self):
        """Whether every facet count covers every match."""
        return self.facet_sample is None

    @property
    def facet_note(self):
        """How the facet counts were made, when they are not exact (None when they are)."""
        if self.facet_sample is None:
            return None
        size, of = f"{self.facet_sample:,}", f"{self.facet_sample_of or 0:,}"
        if not self.total_is_capped:
            return (f"Counts from a sample of {size} of the {of} matches, spread evenly over them; "
                    "choosing one shows its exact number of results.")
        return (f"Counts from the first {size} matches found (mostly the entries added earliest), not from all "
                f"{self.total_display}; choosing one shows its number of results.")


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
