"""SQLite backend: FTS5 tables with the porter stemmer over unicode61 (diacritics folded).

Every word is emitted as an FTS5 string ("word"), so no user text is ever read as
FTS5 syntax; the parser only yields letters and digits, and a stray double quote
could not reach here anyway (we would double it if it did).
Ranking is FTS5's bm25 with per-column weights; snippets come from snippet()/highlight().
"""
import json
import time
from contextlib import contextmanager

from django.db import OperationalError

from ..snippets import ELLIPSIS, START, STOP
from .base import CANDIDATES, SearchBackend, SearchTimeout

ENTRY_TABLE = "search_entry_fts"
STATEMENT_TABLE = "search_statement_fts"
TOKENIZE = "porter unicode61 remove_diacritics 2"
# Column order of ENTRY_TABLE and the bm25 weight of each: title > synopsis > names,
# tags > body; ``keys`` holds the filter tokens (archive/search/keys.py) and weighs 0.
ENTRY_COLUMNS = ("title", "synopsis", "names", "tags", "body", "keys")
ENTRY_WEIGHTS = (10.0, 5.0, 3.0, 3.0, 1.0, 0.0)
HEAD_COLUMNS = "{title synopsis names tags}"
STATEMENT_COLUMNS = ("quote", "speaker")
STATEMENT_WEIGHTS = (2.0, 1.0)
#: SQLite calls the time-budget check every this many virtual-machine steps (a few
#: thousand times a second at most: no measurable cost).
PROGRESS_STEPS = 100_000

SCHEMA = [
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {ENTRY_TABLE} USING fts5("
    f"{', '.join(ENTRY_COLUMNS)}, tokenize='{TOKENIZE}')",
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {STATEMENT_TABLE} USING fts5("
    f"{', '.join(STATEMENT_COLUMNS)}, tokenize='{TOKENIZE}')",
]
DROP = [f"DROP TABLE IF EXISTS {ENTRY_TABLE}", f"DROP TABLE IF EXISTS {STATEMENT_TABLE}"]


def _string(text):
    return '"' + text.replace('"', '""') + '"'


class SQLiteBackend(SearchBackend):
    vendor = "sqlite"
    entry_table, statement_table = ENTRY_TABLE, STATEMENT_TABLE
    index_key = ("rowid", "rowid")  # the id column of each index table

    # -- query language --------------------------------------------------------------
    def word(self, word, prefix=False):
        return _string(word) + (" *" if prefix else "") if word else None

    def phrase(self, words):
        words = [w for w in words if w]
        return _string(" ".join(words)) if words else None

    def any_of(self, parts):
        return parts[0] if len(parts) == 1 else "(" + " OR ".join(parts) + ")"

    def all_of(self, parts):
        return parts[0] if len(parts) == 1 else "(" + " AND ".join(parts) + ")"

    def but_not(self, positive, negatives):
        return f"({positive})" + "".join(f" NOT ({n})" for n in negatives)

    # -- matching ------------------------------------------------------------------
    @contextmanager
    def session(self):
        """Stop the search's queries once ``time_budget`` has passed.

        SQLite has no statement timeout; a progress handler that asks it to give up
        does the same (the query fails with "interrupted", reported as SearchTimeout).
        """
        self.connection.ensure_connection()
        raw = self.connection.connection
        deadline = time.monotonic() + self.time_budget
        raw.set_progress_handler(lambda: int(time.monotonic() > deadline), PROGRESS_STEPS)
        try:
            yield
        except OperationalError as error:
            if "interrupted" in str(error):
                raise SearchTimeout(f"search stopped after {self.time_budget} s") from error
            raise
        finally:
            raw.set_progress_handler(None, 0)

    @staticmethod
    def _rowid_filter(compiled):
        """How to pick a few rows of a MATCH: "rowid IN" makes FTS5 run the MATCH once per
        id, cheap for words and phrases; a prefix is expanded again on every run (20
        results x 16 prefixes: 0.9 s at 10,000 entries), so "+rowid IN" runs it once."""
        return "+rowid" if compiled.query.has_prefix else "rowid"

    def _with_keys(self, expr, keys):
        return self.all_of([expr, *(_string(k) for k in keys)]) if keys else expr

    @staticmethod
    def _extra(extra, column="rowid"):
        # "+rowid": the ids are checked as rows come, never pushed into FTS5 as rowid
        # lookups (which re-run the MATCH per id).
        if extra is None:
            return "", []
        return f" AND +{column} IN ({extra[0]})", list(extra[1])

    def entry_match_sql(self, expr, keys=(), extra=None):
        extra_sql, extra_params = self._extra(extra)
        return (
            f"SELECT rowid AS id FROM {ENTRY_TABLE} WHERE {ENTRY_TABLE} MATCH %s{extra_sql}",
            [self._with_keys(expr, keys), *extra_params],
        )

    def statement_match_sql(self, expr, extra=None):
        extra_sql, extra_params = self._extra(extra)
        return (
            f"SELECT rowid AS id FROM {STATEMENT_TABLE} WHERE {STATEMENT_TABLE} MATCH %s{extra_sql}",
            [expr, *extra_params],
        )

    def _tier(self, table, weights, expr, extra, limit):
        """The newest ``limit`` matches of ``expr`` with their bm25 (lower is better)."""
        extra_sql, extra_params = self._extra(extra)
        return (
            f"SELECT * FROM (SELECT rowid AS id, bm25({table}, {weights}) AS score FROM {table} "
            f"WHERE {table} MATCH %s{extra_sql} ORDER BY rowid DESC LIMIT {int(limit)})",
            [expr, *extra_params],
        )

    def _ranked(self, table, weights, tiers, extra, limit, offset, exact):
        weights = ", ".join(str(w) for w in weights)
        if exact:
            extra_sql, extra_params = self._extra(extra)
            sql = (f"SELECT rowid, bm25({table}, {weights}) AS score FROM {table} "
                   f"WHERE {table} MATCH %s{extra_sql} ORDER BY score, rowid DESC LIMIT %s OFFSET %s")
            params = [tiers[-1], *extra_params, limit, offset]
        else:
            if len(tiers) > 1:
                # When the first tier (title, synopsis, names, tags) alone fills the
                # candidate set, body-only matches, weighted 1 against 3-10, would not
                # reach the reachable pages: skip walking the body tier.
                sql, params = self._tier(table, weights, tiers[0], extra, CANDIDATES)
                with self.connection.cursor() as cursor:
                    cursor.execute(sql, params)
                    rows = cursor.fetchall()
                if len(rows) >= CANDIDATES:
                    rows.sort(key=lambda row: (row[1], -row[0]))
                    return [(row[0], -row[1]) for row in rows[offset:offset + limit]]
            parts = [self._tier(table, weights, expr, extra, CANDIDATES) for expr in tiers]
            sql = (
                "SELECT id, MIN(score) AS score FROM (" + " UNION ALL ".join(p[0] for p in parts) + ") "
                "GROUP BY id ORDER BY score, id DESC LIMIT %s OFFSET %s"
            )
            params = [x for p in parts for x in p[1]] + [limit, offset]
        with self.connection.cursor() as cursor:
            cursor.execute(sql, params)
            # bm25 is lower-is-better; callers expect higher-is-better.
            return [(row[0], -row[1]) for row in cursor.fetchall()]

    def ids_sql(self, ids):
        return "SELECT value FROM json_each(%s)", [json.dumps([int(i) for i in ids])]

    def ranked_entries(self, compiled, keys, extra, limit, offset, exact, pool=None):
        # FTS5 computes bm25 while it walks the index newest-first, so the tiers below
        # are cheaper than re-matching ``pool``: it is not used here.
        full = self._with_keys(compiled.match, keys)
        # The head tier: matches in title, synopsis, names or tags. Exclusions still
        # apply to every column, so each candidate is a real match of the query.
        head = self._with_keys(f"{HEAD_COLUMNS} : ({compiled.positive})", keys)
        if compiled.negatives:
            head = self.but_not(head, list(compiled.negatives))
        return self._ranked(ENTRY_TABLE, ENTRY_WEIGHTS, [head, full], extra, limit, offset, exact)

    def ranked_statements(self, compiled, extra, limit, offset, exact, pool=None):
        return self._ranked(STATEMENT_TABLE, STATEMENT_WEIGHTS, [compiled.match], extra, limit, offset, exact)

    def year_sql(self, column):
        return f"strftime('%%Y', {column})"

    def entry_snippets(self, compiled, ids):
        if not ids or compiled.match is None:
            return {}
        marks = f"'{START}', '{STOP}'"
        with self.connection.cursor() as cursor:
            cursor.execute(
                f"SELECT rowid, highlight({ENTRY_TABLE}, 0, {marks}), "
                f"snippet({ENTRY_TABLE}, 1, {marks}, '{ELLIPSIS}', 40), "
                f"snippet({ENTRY_TABLE}, 4, {marks}, '{ELLIPSIS}', 32) "
                f"FROM {ENTRY_TABLE} WHERE {ENTRY_TABLE} MATCH %s "
                f"AND {self._rowid_filter(compiled)} IN ({self.placeholders(ids)})",
                [compiled.match, *ids],
            )
            return {row[0]: tuple(row[1:]) for row in cursor.fetchall()}

    def statement_snippets(self, compiled, ids):
        if not ids or compiled.match is None:
            return {}
        with self.connection.cursor() as cursor:
            cursor.execute(
                f"SELECT rowid, highlight({STATEMENT_TABLE}, 0, '{START}', '{STOP}') "
                f"FROM {STATEMENT_TABLE} WHERE {STATEMENT_TABLE} MATCH %s "
                f"AND {self._rowid_filter(compiled)} IN ({self.placeholders(ids)})",
                [compiled.match, *ids],
            )
            return {row[0]: row[1] for row in cursor.fetchall()}

    # -- index writes --------------------------------------------------------------
    def delete_entries(self, cursor, ids):
        if ids:
            cursor.execute(f"DELETE FROM {ENTRY_TABLE} WHERE rowid IN ({self.placeholders(ids)})", list(ids))

    def write_entries(self, cursor, documents):
        rows = [(d.id, d.title, d.synopsis, d.names, d.tags, d.body, d.keys) for d in documents]
        if rows:
            cursor.executemany(
                f"INSERT INTO {ENTRY_TABLE} (rowid, {', '.join(ENTRY_COLUMNS)}) VALUES (%s, %s, %s, %s, %s, %s, %s)",
                rows,
            )

    def delete_statements(self, cursor, ids):
        if ids:
            cursor.execute(f"DELETE FROM {STATEMENT_TABLE} WHERE rowid IN ({self.placeholders(ids)})", list(ids))

    def write_statements(self, cursor, documents):
        rows = [(d.id, d.quote, d.speaker) for d in documents]
        if rows:
            cursor.executemany(
                f"INSERT INTO {STATEMENT_TABLE} (rowid, quote, speaker) VALUES (%s, %s, %s)", rows,
            )

    def clear(self, cursor):
        cursor.execute(f"DELETE FROM {ENTRY_TABLE}")
        cursor.execute(f"DELETE FROM {STATEMENT_TABLE}")

    def optimize(self, cursor):
        """Merge the FTS5 b-trees after a bulk rebuild (faster queries, smaller file)."""
        cursor.execute(f"INSERT INTO {ENTRY_TABLE}({ENTRY_TABLE}) VALUES ('optimize')")
        cursor.execute(f"INSERT INTO {STATEMENT_TABLE}({STATEMENT_TABLE}) VALUES ('optimize')")


def create_schema(cursor):
    for sql in SCHEMA:
        cursor.execute(sql)


def drop_schema(cursor):
    for sql in DROP:
        cursor.execute(sql)

