"""What every search backend shares: compiling the query tree, candidates, counts.

A vendor module only says how to spell a word, a phrase, OR, AND and NOT in its
engine's query language, how to match, rank and highlight with its index tables, and
how to write index rows. Everything else (filters, capped counts, date sorts, facets,
loading entries) is built here with the ORM, once, for both engines.
"""
from __future__ import annotations

from contextlib import nullcontext
from dataclasses import dataclass

from django.db import DatabaseError, connections

from ..query import Phrase, Query, Term


#: Rank every match when a query has at most this many (after filters) ...
EXACT_RANK_LIMIT = 1000
#: ... otherwise rank a bounded candidate set: up to this many matches in the
#: title, synopsis, names or tags, plus up to this many matches anywhere (see
#: docs/search.md, "The common-word problem"). Relevance pages stop there.
CANDIDATES = 200


class SearchTimeout(DatabaseError):
    """A search ran past its backend's ``time_budget`` and the engine stopped it.

    A DatabaseError, so code that already copes with a failed search copes with this;
    pages can tell it apart to say "try fewer words" rather than "try again later".
    """


@dataclass(frozen=True)
class Compiled:
    """A query in one engine's language.

    ``positive`` is what must match and ``negatives`` what must not; ``match``
    combines them. When the query only excludes (``-war``), ``match`` is None and
    ``excluded`` finds what to leave out.
    """

    query: Query
    match: str | None
    excluded: str | None
    positive: str | None = None
    negatives: tuple = ()

    @property
    def searches(self):
        return self.match is not None or self.excluded is not None


class SearchBackend:
    """Base class; subclasses set ``vendor`` and implement the engine-specific parts."""

    vendor = None
    #: Matches are counted exactly up to this many ("10,000+" above it) ...
    count_cap = 10_000
    #: ... and facets count at most this many of them (exact below it).
    facet_sample = 1_000
    #: Seconds one search may run before the engine stops it (SearchTimeout). The
    #: query caps (archive/search/query.py) keep ordinary searches far below this;
    #: it is the backstop for whatever they miss.
    time_budget = 15.0
    #: Whether ``ranked_entries``/``ranked_statements`` rank from ``pool`` (the first
    #: ``count_cap + 1`` matches); when they do not, a search counts its matches without
    #: fetching them (see ``count_matches``).
    ranks_from_pool = False

    #: Threads (each with its own connection) a full rebuild may fill the index with
    #: when it runs outside a transaction; engines that write one at a time keep 1.
    rebuild_workers = 1

    def __init__(self, alias="default"):
        self.alias = alias

    def indexed_ids(self, cursor):
        """(entry ids, statement ids) the index holds rows for, as two sets."""
        key = self.index_key
        cursor.execute(f"SELECT {key[0]} FROM {self.entry_table}")
        entries = {row[0] for row in cursor.fetchall()}
        cursor.execute(f"SELECT {key[1]} FROM {self.statement_table}")
        return entries, {row[0] for row in cursor.fetchall()}

    def index_counts(self, cursor):
        """(entry rows, statement rows) in the index."""
        cursor.execute(f"SELECT (SELECT count(*) FROM {self.entry_table}), (SELECT count(*) FROM {self.statement_table})")
        return tuple(cursor.fetchone())

    @property
    def connection(self):
        # Looked up on every use: Django connections are per thread.
        return connections[self.alias]

    # -- query language --------------------------------------------------------------
    def word(self, word, prefix=False):  # pragma: no cover - abstract
        raise NotImplementedError

    def phrase(self, words):  # pragma: no cover - abstract
        raise NotImplementedError

    def any_of(self, parts):  # pragma: no cover - abstract
        raise NotImplementedError

    def all_of(self, parts):  # pragma: no cover - abstract
        raise NotImplementedError

    def but_not(self, positive, negatives):  # pragma: no cover - abstract
        raise NotImplementedError

    def node(self, node):
        if isinstance(node, Term):
            return self.word(node.word, node.prefix)
        if isinstance(node, Phrase):
            return self.phrase(node.words)
        raise TypeError(node)

    def _nodes(self, nodes):
        return [part for part in (self.node(n) for n in nodes) if part]

    def compile(self, query: Query) -> Compiled:
        """The engine's query for ``query``; every word is quoted by the vendor module."""
        groups = [self.any_of(parts) for parts in (self._nodes(g) for g in query.groups) if parts]
        negatives = self._nodes(query.excluded)
        if groups:
            positive = self.all_of(groups)
            match = self.but_not(positive, negatives) if negatives else positive
            return Compiled(query, match, None, positive, tuple(negatives))
        if negatives:
            return Compiled(query, None, self.any_of(negatives))
        return Compiled(query, None, None)

    # -- matching ------------------------------------------------------------------
    def session(self):
        """A context in which the search's queries run: planner settings, if any, and
        ``time_budget``; a search stopped for taking too long raises SearchTimeout."""
        return nullcontext()

    def entry_match_sql(self, expr, keys=(), extra=None):  # pragma: no cover - abstract
        """(sql, params) selecting the ids (column ``id``) of indexed entries matching
        ``expr``, carrying every filter token in ``keys``, and (when given) among the
        ids ``extra`` = (sql, params) selects."""
        raise NotImplementedError

    def statement_match_sql(self, expr, extra=None):  # pragma: no cover - abstract
        raise NotImplementedError

    def first_matches(self, match, n):
        """The ids of the first ``n`` rows ``match`` = (sql, params) selects, in the
        engine's cheapest order. Fetched once per search: the count, the facets and
        (on PostgreSQL) the ranking all start from this list."""
        sql, params = match
        with self.connection.cursor() as cursor:
            cursor.execute(f"{sql} LIMIT {int(n)}", params)
            return [row[0] for row in cursor.fetchall()]

    def count_matches(self, match, n):
        """How many rows ``match`` = (sql, params) selects, counting at most ``n``.

        Counted by the engine: fetching the ids only to count them cost more than the
        engine's own work for a common word (SQLite, 10,001 ids: about 2 ms of building
        rows in Python against 0.5 ms for the count, more through Django's cursor).
        """
        sql, params = match
        with self.connection.cursor() as cursor:
            cursor.execute(f"SELECT COUNT(*) FROM ({sql} LIMIT {int(n)}) counted", params)
            return cursor.fetchone()[0]

    def ids_sql(self, ids):  # pragma: no cover - abstract
        """(sql, params) selecting the given ids as one column."""
        raise NotImplementedError

    def ranked_entries(self, compiled, keys, extra, limit, offset, exact, pool=None):  # pragma: no cover
        """[(entry id, score)] best first (higher is better), for a query with a
        ``match``. ``exact``: rank every match; otherwise the bounded candidate set.
        ``pool``: the first matches, already fetched (a backend may start from them)."""
        raise NotImplementedError

    def ranked_statements(self, compiled, extra, limit, offset, exact, pool=None):  # pragma: no cover
        raise NotImplementedError

    def entry_snippets(self, compiled, ids):  # pragma: no cover - abstract
        """{entry id: (title, synopsis, body)} with matches between snippet markers."""
        raise NotImplementedError

    def statement_snippets(self, compiled, ids):  # pragma: no cover - abstract
        """{statement id: quote} with matches between snippet markers."""
        raise NotImplementedError

    def year_sql(self, column):  # pragma: no cover - abstract
        """SQL for the year of a date column, as text."""
        raise NotImplementedError

    # -- index writes --------------------------------------------------------------
    def delete_entries(self, cursor, ids):  # pragma: no cover - abstract
        raise NotImplementedError

    def write_entries(self, cursor, documents):  # pragma: no cover - abstract
        raise NotImplementedError

    def delete_statements(self, cursor, ids):  # pragma: no cover - abstract
        raise NotImplementedError

    def write_statements(self, cursor, documents):  # pragma: no cover - abstract
        raise NotImplementedError

    def clear(self, cursor):  # pragma: no cover - abstract
        raise NotImplementedError

    @staticmethod
    def placeholders(values):
        return ", ".join(["%s"] * len(values))
