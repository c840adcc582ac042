"""PostgreSQL backend: stored weighted tsvectors with GIN indexes, in tables of their own.

The index lives in ``search_entry_index`` and ``search_statement_index`` (not in the
Entry model), so the admin and the history tables never see it. The text search
configuration is named explicitly ('english') on the vectors and on every query.

Queries are built from the parsed tree as a ``to_tsquery`` string in which every
lexeme is single-quoted; the parser only yields letters and digits, so no user text
can be read as tsquery syntax (``websearch_to_tsquery`` semantics, without handing raw
input to a PostgreSQL parser). Diacritics are folded in Python on both sides (as FTS5's
remove_diacritics does on SQLite), so no extension is needed.
"""
from contextlib import contextmanager

from django.db import OperationalError, transaction

from archive.naming import strip_accents

from ..snippets import START, STOP
from .base import CANDIDATES, SearchBackend, SearchTimeout

CONFIG = "english"
ENTRY_TABLE = "search_entry_index"
STATEMENT_TABLE = "search_statement_index"

SCHEMA = [
    f"""CREATE TABLE IF NOT EXISTS {ENTRY_TABLE} (
        entry_id bigint PRIMARY KEY,
        head tsvector NOT NULL,
        document tsvector NOT NULL,
        keys tsvector NOT NULL DEFAULT ''
    )""",
    f"CREATE INDEX IF NOT EXISTS {ENTRY_TABLE}_document ON {ENTRY_TABLE} USING gin (document)",
    f"CREATE INDEX IF NOT EXISTS {ENTRY_TABLE}_head ON {ENTRY_TABLE} USING gin (head)",
    f"CREATE INDEX IF NOT EXISTS {ENTRY_TABLE}_keys ON {ENTRY_TABLE} USING gin (keys)",
    f"""CREATE TABLE IF NOT EXISTS {STATEMENT_TABLE} (
        statement_id bigint PRIMARY KEY,
        entry_id bigint NOT NULL,
        document tsvector NOT NULL
    )""",
    f"CREATE INDEX IF NOT EXISTS {STATEMENT_TABLE}_document ON {STATEMENT_TABLE} USING gin (document)",
    f"CREATE INDEX IF NOT EXISTS {STATEMENT_TABLE}_entry ON {STATEMENT_TABLE} (entry_id)",
]
DROP = [f"DROP TABLE IF EXISTS {ENTRY_TABLE}", f"DROP TABLE IF EXISTS {STATEMENT_TABLE}"]

HEADLINE = f'StartSel="{START}", StopSel="{STOP}", MaxWords=35, MinWords=15, MaxFragments=2, FragmentDelimiter=" … "'
HEADLINE_ALL = f'StartSel="{START}", StopSel="{STOP}", HighlightAll=true'
#: ts_headline parses the whole text it is given and searches it for covers of the
#: query, work that grows with the text's length and, for ANDed OR-groups, far faster
#: with the number of terms (8 groups of 16 prefixes: 1.4 s for 20 bodies). Bodies
#: are highlighted over their first this many characters (the generated ones are
#: 4,000-9,000); a match only further on falls back to the synopsis snippet.
HEADLINE_BODY_CHARS = 20_000
#: SQLSTATE of a statement cancelled by statement_timeout (query_canceled).
QUERY_CANCELED = "57014"


def _lexeme(word):
    word = strip_accents(word).replace("'", "").replace("\\", "")
    return f"'{word}'" if word else None


def fold(text):
    return strip_accents(text or "")


class PostgresBackend(SearchBackend):
    vendor = "postgresql"
    entry_table, statement_table = ENTRY_TABLE, STATEMENT_TABLE
    index_key = ("entry_id", "statement_id")  # the id column of each index table
    # Counting a match here can mean decompressing its stored vector (phrases are
    # rechecked against positions), which SQLite's FTS5 index avoids: count fewer rows
    # so a common phrase stays within the page budget.
    count_cap = 1_000
    # The ranking starts from the first matches (newest of them, and every one when
    # they are few), so they are fetched whole.
    ranks_from_pool = True

    # -- query language --------------------------------------------------------------
    def word(self, word, prefix=False):
        lexeme = _lexeme(word)
        return (lexeme + (":*" if prefix else "")) if lexeme else None

    def phrase(self, words):
        lexemes = [x for x in (_lexeme(w) for w in words) if x]
        return "(" + " <-> ".join(lexemes) + ")" if lexemes else None

    def any_of(self, parts):
        return parts[0] if len(parts) == 1 else "(" + " | ".join(parts) + ")"

    def all_of(self, parts):
        return parts[0] if len(parts) == 1 else "(" + " & ".join(parts) + ")"

    def but_not(self, positive, negatives):
        return f"({positive})" + "".join(f" & !({n})" for n in negatives)

    # -- matching ------------------------------------------------------------------
    @contextmanager
    def session(self):
        """Run the search's queries with sequential scans discouraged, in one order,
        and within ``time_budget``.

        The planner does not count the cost of detoasting: for a common word it
        prefers a sequential scan that decompresses every stored vector (about 0.6 s
        at 100,000 entries) to the GIN bitmap scan that answers from the index
        (a few ms). Parallel workers would return the first matches in a different
        order on each visit (and with them the count's sample, the candidates and the
        facets), so there are none. ``statement_timeout`` stops any one query that
        runs past the budget; SearchTimeout says so. SET LOCAL lasts until the end of
        this transaction only (the caller's, when the search runs inside one, as in
        tests).
        """
        timeout_ms = max(1, int(self.time_budget * 1000))
        try:
            with transaction.atomic(using=self.alias):
                with self.connection.cursor() as cursor:
                    cursor.execute(
                        "SET LOCAL enable_seqscan = off; SET LOCAL jit = off; "
                        f"SET LOCAL max_parallel_workers_per_gather = 0; SET LOCAL statement_timeout = {timeout_ms}"
                    )
                yield
        except OperationalError as error:
            cause = error.__cause__
            if getattr(cause, "sqlstate", None) == QUERY_CANCELED or getattr(cause, "pgcode", None) == QUERY_CANCELED:
                raise SearchTimeout(f"search stopped after {self.time_budget} s") from error
            raise

    @staticmethod
    def _keys(keys):
        if not keys:
            return "", []
        return " AND i.keys @@ to_tsquery('simple', %s)", [" & ".join(f"'{k}'" for k in keys)]

    @staticmethod
    def _extra(extra, column):
        if extra is None:
            return "", []
        return f" AND {column} IN ({extra[0]})", list(extra[1])

    def _entry_where(self, expr, keys, extra):
        keys_sql, keys_params = self._keys(keys)
        extra_sql, extra_params = self._extra(extra, "i.entry_id")
        return (f"i.document @@ to_tsquery('{CONFIG}', %s){keys_sql}{extra_sql}",
                [expr, *keys_params, *extra_params])

    def entry_match_sql(self, expr, keys=(), extra=None):
        where, params = self._entry_where(expr, keys, extra)
        return f"SELECT i.entry_id AS id FROM {ENTRY_TABLE} i WHERE {where}", params

    def statement_match_sql(self, expr, extra=None):
        extra_sql, extra_params = self._extra(extra, "i.statement_id")
        return (
            f"SELECT i.statement_id AS id FROM {STATEMENT_TABLE} i "
            f"WHERE i.document @@ to_tsquery('{CONFIG}', %s){extra_sql}",
            [expr, *extra_params],
        )

    def ids_sql(self, ids):
        return "SELECT unnest(%s::bigint[])", [[int(i) for i in ids]]

    def _ranked(self, table, id_column, candidates, expr, limit, offset):
        sql, params = candidates
        with self.connection.cursor() as cursor:
            cursor.execute(
                f"SELECT i.{id_column}, ts_rank(i.document, to_tsquery('{CONFIG}', %s)) AS score "
                f"FROM {table} i WHERE i.{id_column} IN ({sql}) "
                f"ORDER BY score DESC, i.{id_column} DESC LIMIT %s OFFSET %s",
                [expr, *params, limit, offset],
            )
            return cursor.fetchall()

    def ranked_entries(self, compiled, keys, extra, limit, offset, exact, pool=None):
        if pool is None:
            pool = self.first_matches(self.entry_match_sql(compiled.match, keys, extra), self.count_cap + 1)
        if exact:
            return self._rank_pool(pool, compiled, limit, offset)
        # Bounded: the newest CANDIDATES of the first matches already fetched, and the
        # newest CANDIDATES entries whose small head vector (title, synopsis, names,
        # tags) matches, as SQLite's tiers are (newest first). A head match of the
        # positive query is a match of the whole document; exclusions are checked when
        # ranking. Both sets are ordered by id, so they are the same on every visit
        # and the pages of a ranking stay stable.
        keys_sql, keys_params = self._keys(keys)
        extra_sql, extra_params = self._extra(extra, "i.entry_id")
        with self.connection.cursor() as cursor:
            cursor.execute(
                f"SELECT i.entry_id FROM {ENTRY_TABLE} i WHERE i.head @@ to_tsquery('{CONFIG}', %s)"
                f"{keys_sql}{extra_sql} ORDER BY i.entry_id DESC LIMIT {CANDIDATES}",
                [compiled.positive, *keys_params, *extra_params],
            )
            head = [row[0] for row in cursor.fetchall()]
        newest = sorted(pool, reverse=True)[:CANDIDATES]
        return self._rank_pool(list(dict.fromkeys(newest + head)), compiled, limit, offset)

    def _rank_pool(self, pool, compiled, limit, offset):
        # Ranked on the positive part only: ts_rank scores any query with a NOT as ~0.
        with self.connection.cursor() as cursor:
            cursor.execute(
                f"SELECT i.entry_id, ts_rank(i.document, to_tsquery('{CONFIG}', %s)) AS score "
                f"FROM {ENTRY_TABLE} i WHERE i.entry_id = ANY(%s) AND i.document @@ to_tsquery('{CONFIG}', %s) "
                f"ORDER BY score DESC, i.entry_id DESC LIMIT %s OFFSET %s",
                [compiled.positive, [int(i) for i in pool], compiled.match, limit, offset],
            )
            return cursor.fetchall()

    def ranked_statements(self, compiled, extra, limit, offset, exact, pool=None):
        if pool is None:
            match_sql, match_params = self.statement_match_sql(compiled.match, extra)
            if not exact:
                match_sql = f"{match_sql} ORDER BY i.statement_id DESC LIMIT {CANDIDATES * 2}"
            return self._ranked(STATEMENT_TABLE, "statement_id", (match_sql, match_params),
                                compiled.positive, limit, offset)
        pool = pool if exact else sorted(pool, reverse=True)[: CANDIDATES * 2]
        with self.connection.cursor() as cursor:
            cursor.execute(
                f"SELECT i.statement_id, ts_rank(i.document, to_tsquery('{CONFIG}', %s)) AS score "
                f"FROM {STATEMENT_TABLE} i WHERE i.statement_id = ANY(%s) "
                f"ORDER BY score DESC, i.statement_id DESC LIMIT %s OFFSET %s",
                [compiled.positive, [int(i) for i in pool], limit, offset],
            )
            return cursor.fetchall()

    def year_sql(self, column):
        return f"to_char({column}, 'YYYY')"

    def entry_snippets(self, compiled, ids):
        if not ids or compiled.match is None:
            return {}
        with self.connection.cursor() as cursor:
            cursor.execute(
                f"SELECT e.id, ts_headline('{CONFIG}', e.title, q, %s), ts_headline('{CONFIG}', e.synopsis, q, %s), "
                f"ts_headline('{CONFIG}', left(e.body, {HEADLINE_BODY_CHARS}), q, %s) "
                f"FROM archive_entry e, to_tsquery('{CONFIG}', %s) q WHERE e.id IN ({self.placeholders(ids)})",
                [HEADLINE_ALL, HEADLINE, HEADLINE, compiled.match, *ids],
            )
            return {row[0]: tuple(row[1:]) for row in cursor.fetchall()}

    def statement_snippets(self, compiled, ids):
        if not ids or compiled.match is None:
            return {}
        with self.connection.cursor() as cursor:
            cursor.execute(
                f"SELECT s.id, ts_headline('{CONFIG}', s.quote, q, %s) "
                f"FROM archive_statement s, to_tsquery('{CONFIG}', %s) q WHERE s.id IN ({self.placeholders(ids)})",
                [HEADLINE_ALL, compiled.match, *ids],
            )
            return {row[0]: row[1] for row in cursor.fetchall()}

    # -- index writes --------------------------------------------------------------
    def delete_entries(self, cursor, ids):
        if ids:
            cursor.execute(f"DELETE FROM {ENTRY_TABLE} WHERE entry_id = ANY(%s)", [list(ids)])

    def write_entries(self, cursor, documents):
        rows = [
            (d.id, d.keys, fold(d.body), fold(d.title), fold(d.synopsis), fold(d.names + " ; " + d.tags))
            for d in documents
        ]
        if rows:
            cursor.executemany(
                f"INSERT INTO {ENTRY_TABLE} (entry_id, keys, head, document) "
                f"SELECT %s, to_tsvector('simple', %s), h, h || setweight(to_tsvector('{CONFIG}', %s), 'D') FROM ("
                f"SELECT setweight(to_tsvector('{CONFIG}', %s), 'A') || setweight(to_tsvector('{CONFIG}', %s), 'B')"
                f" || setweight(to_tsvector('{CONFIG}', %s), 'C') AS h) x",
                rows,
            )

    def delete_statements(self, cursor, ids):
        if ids:
            cursor.execute(f"DELETE FROM {STATEMENT_TABLE} WHERE statement_id = ANY(%s)", [list(ids)])

    def write_statements(self, cursor, documents):
        rows = [(d.id, d.entry_id, fold(d.quote), fold(d.speaker)) for d in documents]
        if rows:
            cursor.executemany(
                f"INSERT INTO {STATEMENT_TABLE} (statement_id, entry_id, document) VALUES (%s, %s, "
                f"setweight(to_tsvector('{CONFIG}', %s), 'A') || setweight(to_tsvector('{CONFIG}', %s), 'B'))",
                rows,
            )

    def clear(self, cursor):
        cursor.execute(f"TRUNCATE {ENTRY_TABLE}, {STATEMENT_TABLE}")

    # Several backends tokenize at once: to_tsvector is a rebuild's main cost (about
    # 5 ms per generated 6,000-character body on this shared machine; docs/search.md).
    rebuild_workers = 2

    def optimize(self, cursor):
        # VACUUM fills the visibility map (bitmap scans then skip heap pages); it
        # cannot run inside a transaction, where ANALYZE alone still helps the planner.
        verb = "ANALYZE" if self.connection.in_atomic_block else "VACUUM ANALYZE"
        cursor.execute(f"{verb} {ENTRY_TABLE}")
        cursor.execute(f"{verb} {STATEMENT_TABLE}")


def create_schema(cursor):
    for sql in SCHEMA:
        cursor.execute(sql)


def drop_schema(cursor):
    for sql in DROP:
        cursor.execute(sql)
