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


def rebuild(using="default", progress=None, batch=BATCH):
    """Empty the index and index every published entry and searchable statement.

    ``progress(done, total, what)`` is called after each batch when given.
    """
    backend = get_backend(connections[using])
    with connections[using].cursor() as cursor:
        backend.clear(cursor)
    entry_ids = list(Entry.objects.filter(status=EntryStatus.PUBLISHED).order_by("pk").values_list("pk", flat=True))
    for done, chunk in enumerate(_chunks(entry_ids, batch), 1):
        index_entries(chunk, with_statements=False, using=using)
        if progress:
            progress(min(done * batch, len(entry_ids)), len(entry_ids), "entries")
    statement_ids = list(searchable_statements().order_by("pk").values_list("pk", flat=True))
    for done, chunk in enumerate(_chunks(statement_ids, batch * 4), 1):
        index_statements(chunk, using=using)
        if progress:
            progress(min(done * batch * 4, len(statement_ids)), len(statement_ids), "statements")
    with connections[using].cursor() as cursor:
        backend.optimize(cursor)
    return len(entry_ids), len(statement_ids)


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
