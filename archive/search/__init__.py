"""Full-text search over the archive: one interface, one backend per database.

    from archive.search import search_entries, search_statements, parse_query

See docs/search.md for the query language, the design and measured figures.

The parser, result types and snippet helpers are pure Python; the functions that
touch the database are loaded on first use, so ``archive.search.query`` can be
imported (and tested) without Django.
"""
from .query import Query, parse_query
from .results import COUNT_CAP, EntryResults, Hit, StatementHit, StatementResults

_SERVICE = ("entry_facets", "entry_ids_matching", "search_entries", "search_statements")
_BACKEND = ("SearchTimeout",)

__all__ = [
    "COUNT_CAP", "EntryResults", "Hit", "Query", "StatementHit", "StatementResults",
    "parse_query", *_SERVICE, *_BACKEND,
]


def __getattr__(name):
    if name in _SERVICE:
        from . import facets, service

        return getattr(facets if name == "entry_facets" else service, name)
    if name in _BACKEND:
        from .backends import base

        return getattr(base, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
