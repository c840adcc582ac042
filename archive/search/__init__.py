"""Full-text search over the archive: one interface, one backend per database.

    from archive.search import search_entries, search_statements, parse_query

See docs/search.md for the query language, the design and measured figures.
"""
from .query import Query, parse_query
from .results import COUNT_CAP, EntryResults, Hit, StatementHit, StatementResults
from .service import entry_facets, entry_ids_matching, search_entries, search_statements

__all__ = [
    "COUNT_CAP", "EntryResults", "Hit", "Query", "StatementHit", "StatementResults",
    "entry_facets", "entry_ids_matching", "parse_query", "search_entries", "search_statements",
]
