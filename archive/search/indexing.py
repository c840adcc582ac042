"""Keeping the search index in step with the archive.

Reindexing an id is always the same operation, whatever happened to the record:
delete its index rows, then write a fresh row if it is (still) searchable. So an
edit, an unpublish and a delete need no separate code paths, and reindexing twice
does no harm.

Signal handlers (archive/search/signals.py) do not index straight away: they add ids
to a pending set and ask for a flush when the transaction commits
(``transaction.on_commit``), so an import touching one entry many times indexes it
once, and a rolled-back transaction indexes nothing it did.
"""
import threading
from concurrent.futures import ThreadPoolExecutor

from django.db import connections, transaction

from archive.models import EntryStatus, Entry, Statement

from .backends import get_backend
from .documents import entry_documents, searchable_statements, statement_documents

BATCH = 500

_pending = threading.local()


def _chunks(ids, size=BATCH):
    ids = list(ids)
    for start in range(0, len(ids), size):
        yield ids[start:start + size]


def index_entries(ids, with_statements=True, using="default"):
    """Bring the index rows of these entries (and their statements) up to date."""
    backend = get_backend(connections[using])
    for chunk in _chunks(set(ids)):
        with transaction.atomic(using=using), connections[using].cursor() as cursor:
            backend.delete_entries(cursor, chunk)
            backend.write_entries(cursor, entry_documents(chunk))
        if with_statements:
            index_statements(Statement.objects.filter(entry_id__in=chunk).values_list("pk", flat=True), using)


def index_statements(ids, using="default"):
    """Bring the index rows of these statements up to date."""
    backend = get_backend(connections[using])
    for chunk in _chunks(set(ids), BATCH * 2):
        with transaction.atomic(using=using), connections[using].cursor() as cursor:
            backend.delete_statements(cursor, chunk)
            backend.write_statements(cursor, statement_documents(chunk))


def _workers(backend, using, workers):
    """How many threads fill the index: the backend's default unless asked, and one inside a
    transaction (a second connection would not see its rows) or where the backend allows no more."""
    if connections[using].in_atomic_block or backend.rebuild_workers <= 1:
        return 1
    return backend.rebuild_workers if workers is None else workers


def rebuild(using="default", progress=None, batch=BATCH, workers=None):
    """Empty the index and index every published entry and searchable statement.

    ``progress(done, total, what)`` is called after each batch when given. Outside a
    transaction the batches are shared among ``workers`` threads (default: the
    backend's ``rebuild_workers``), each with its own connection, so on PostgreSQL
    several backends tokenize at once; inside one (tests, a migration) a second
    connection would not see the rows, so one thread does all.
    """
    backend = get_backend(connections[using])
    workers = _workers(backend, using, workers)
    with connections[using].cursor() as cursor:
        backend.clear(cursor)
    entry_ids = list(Entry.objects.filter(status=EntryStatus.PUBLISHED).order_by("pk").values_list("pk", flat=True))
    statement_ids = list(searchable_statements().order_by("pk").values_list("pk", flat=True))
    _fill(lambda chunk: index_entries(chunk, with_statements=False, using=using),
          list(_chunks(entry_ids, batch)), len(entry_ids), "entries", progress, workers, using)
    _fill(lambda chunk: index_statements(chunk, using=using),
          list(_chunks(statement_ids, batch * 4)), len(statement_ids), "statements", progress, workers, using)
    with connections[using].cursor() as cursor:
        backend.optimize(cursor)
    return len(entry_ids), len(statement_ids)


def complete(using="default", progress=None, batch=BATCH, workers=None):
    """Index what a stopped rebuild left out, without emptying the index first.

    Writes rows for the published entries and searchable statements the index lacks and
    deletes rows of ids no longer searchable; rows already there are kept as they are
    (a rebuild refreshes those). So a rebuild of a large archive that was stopped, or
    the index of a corpus still being generated, is finished rather than started again.
    Returns the numbers of entries and statements indexed.
    """
    backend = get_backend(connections[using])
    workers = _workers(backend, using, workers)
    with connections[using].cursor() as cursor:
        indexed_entries, indexed_statements = backend.indexed_ids(cursor)
    entry_ids = set(Entry.objects.using(using).filter(status=EntryStatus.PUBLISHED).values_list("pk", flat=True))
    statement_ids = set(searchable_statements().using(using).values_list("pk", flat=True))
    gone_entries, gone_statements = indexed_entries - entry_ids, indexed_statements - statement_ids
    with transaction.atomic(using=using), connections[using].cursor() as cursor:
        for chunk in _chunks(sorted(gone_entries), BATCH * 10):
            backend.delete_entries(cursor, chunk)
        for chunk in _chunks(sorted(gone_statements), BATCH * 10):
            backend.delete_statements(cursor, chunk)
    entry_ids, statement_ids = sorted(entry_ids - indexed_entries), sorted(statement_ids - indexed_statements)
    _fill(lambda chunk: index_entries(chunk, with_statements=False, using=using),
          list(_chunks(entry_ids, batch)), len(entry_ids), "entries", progress, workers, using)
    _fill(lambda chunk: index_statements(chunk, using=using),
          list(_chunks(statement_ids, batch * 4)), len(statement_ids), "statements", progress, workers, using)
    if entry_ids or statement_ids or gone_entries or gone_statements:
        with connections[using].cursor() as cursor:
            backend.optimize(cursor)
    return len(entry_ids), len(statement_ids)


def _fill(index, chunks, total, what, progress, workers, using):
    """Run ``index`` over ``chunks``, in this thread or shared among ``workers`` threads."""
    lock = threading.Lock()
    done = [0]

    def work(chunk):
        index(chunk)
        if progress:
            with lock:
                done[0] += len(chunk)
                progress(done[0], total, what)

    if workers <= 1:
        for chunk in chunks:
            work(chunk)
        return
    queue = iter(chunks)

    def worker():
        try:
            while True:
                with lock:
                    chunk = next(queue, None)
                if chunk is None:
                    return
                work(chunk)
        finally:
            connections[using].close()  # this thread's own connection

    with ThreadPoolExecutor(max_workers=workers) as pool:
        for future in [pool.submit(worker) for _ in range(workers)]:
            future.result()  # re-raises a worker's error


def index_complete(using="default"):
    """Whether the index holds a row for every published entry and searchable statement,
    as a rebuild that ran to the end leaves it (one stopped part way leaves rows out)."""
    backend = get_backend(connections[using])
    with connections[using].cursor() as cursor:
        counts = backend.index_counts(cursor)
    return counts == (Entry.objects.using(using).filter(status=EntryStatus.PUBLISHED).count(),
                      searchable_statements().using(using).count())


# -- deferred indexing for signal handlers ------------------------------------------

def _sets():
    if not hasattr(_pending, "entries"):
        _pending.entries, _pending.statements = set(), set()
    return _pending.entries, _pending.statements


def schedule(entry_ids=(), statement_ids=()):
    """Reindex these ids once the current transaction commits (now, outside one)."""
    entries, statements = _sets()
    entry_ids = {pk for pk in entry_ids if pk is not None}
    statement_ids = {pk for pk in statement_ids if pk is not None}
    if not entry_ids and not statement_ids:
        return
    entries.update(entry_ids)
    statements.update(statement_ids)
    # Every call registers a flush; the first to run after the commit does the work
    # for all, the others find nothing pending. Ids left over from a rolled-back
    # transaction are simply reindexed at the next flush (harmless).
    transaction.on_commit(flush)


def flush():
    entries, statements = _sets()
    if not entries and not statements:
        return
    entry_ids, statement_ids = set(entries), set(statements)
    entries.clear()
    statements.clear()
    if entry_ids:
        index_entries(entry_ids)
    if statement_ids:
        index_statements(statement_ids)
