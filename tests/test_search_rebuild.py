"""The full index rebuild's faster path and a resumable corpus generation (issue 14).

A rebuild outside a transaction shares its batches among the backend's worker threads
(PostgreSQL: two, each with its own connection; SQLite: one). These tests commit
(``transaction=True``) so those threads see the rows, and compare the index row for
row, and search answers, with a rebuild done the plain way (one thread, inside a
transaction), on whichever engine the suite runs.
"""
import unicodedata

import pytest
from django.core.management import call_command
from django.db import connection, transaction

from archive.bench.corpus import COMMON_WORD, RARE_WORD
from archive.naming import strip_accents
from archive.search import search_entries, search_statements
from archive.search.backends import get_backend
from archive.search.indexing import complete, index_complete, rebuild


def _slow_strip_accents(text):
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


@pytest.mark.parametrize("text", ["", "plain ascii, with 'quotes' & digits 123", "Müller Dvořák São Paulo",
                                  "ﬁnance ½ ① Ångström", "mixed: café and policy", "\ue000marked\ue001"])
def test_strip_accents_fast_path_folds_as_before(text):
    assert strip_accents(text) == _slow_strip_accents(text)


def _index_rows():
    backend = get_backend()
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(f"SELECT entry_id, head::text, document::text, keys::text FROM {backend.entry_table} "
                           "ORDER BY entry_id")
            entries = cursor.fetchall()
            cursor.execute(f"SELECT statement_id, entry_id, document::text FROM {backend.statement_table} "
                           "ORDER BY statement_id")
        else:
            cursor.execute(f"SELECT rowid, * FROM {backend.entry_table} ORDER BY rowid")
            entries = cursor.fetchall()
            cursor.execute(f"SELECT rowid, * FROM {backend.statement_table} ORDER BY rowid")
        return entries, cursor.fetchall()


def _answers():
    queries = [COMMON_WORD, RARE_WORD, "trade", "supply chain", '"global policy"', "security -climate", "Müller"]
    return ([(q, search_entries(q).total, [h.entry.pk for h in search_entries(q).hits]) for q in queries],
            [(q, search_statements(q).total) for q in queries])


@pytest.mark.django_db(transaction=True)
def test_threaded_rebuild_gives_the_same_index_and_answers():
    call_command("generate_corpus", entries=60, seed=11, verbosity=0, no_index=True)
    with transaction.atomic():  # the plain way: one thread, GIN indexes kept
        assert rebuild(workers=1)[0] > 0
    plain_rows, plain_answers = _index_rows(), _answers()
    assert index_complete()

    entries, statements = rebuild(batch=7, workers=2)  # small batches: both threads take several
    assert (entries, statements) == (len(plain_rows[0]), len(plain_rows[1]))
    assert _index_rows() == plain_rows
    assert _answers() == plain_answers
    assert index_complete()


@pytest.mark.django_db(transaction=True)
def test_a_partial_index_is_not_complete_and_is_completed():
    call_command("generate_corpus", entries=12, seed=12, verbosity=0)
    assert index_complete()
    backend = get_backend()
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {backend.entry_table} WHERE {backend.index_key[0]} = "
                       "(SELECT max(id) FROM archive_entry WHERE status = 'published')")
    assert not index_complete()  # a row missing
    rebuild()
    assert index_complete()
    full = _index_rows()
    with connection.cursor() as cursor:  # a stopped rebuild: the newest half of each table missing
        for table, key in ((backend.entry_table, backend.index_key[0]), (backend.statement_table, backend.index_key[1])):
            cursor.execute(f"DELETE FROM {table} WHERE {key} > (SELECT avg({key}) FROM {table})")
    assert not index_complete()
    entries, statements = complete()
    assert entries > 0 and statements > 0
    assert index_complete() and _index_rows() == full
    assert complete() == (0, 0)  # nothing left to do
    from archive.models import Entry

    hidden = Entry.objects.filter(status="published").order_by("pk").first()
    Entry.objects.filter(pk=hidden.pk).update(status="draft")  # no signals: the index still has it
    assert not index_complete()
    complete()
    assert index_complete() and hidden.pk not in backend.indexed_ids(connection.cursor())[0]


@pytest.mark.django_db
def test_a_stopped_generation_resumes_into_the_same_corpus(monkeypatch):
    """A run stopped after 12 entries, then ``--resume``: the archive holds what one
    uninterrupted run writes (same texts, numbering, authors and statements)."""
    from archive.bench import corpus as corpus_module
    from archive.management.commands import generate_corpus as command
    from archive.models import Entry, Statement

    real = corpus_module.generate

    def stopped(entries, seed):
        corpus = real(entries, seed)
        corpus.entries = (spec for _, spec in zip(range(12), corpus.entries))
        return corpus

    monkeypatch.setattr(command, "BATCH", 5)
    monkeypatch.setattr(command, "generate", stopped)
    call_command("generate_corpus", entries=25, seed=13, verbosity=0, no_index=True)
    assert Entry.objects.count() == 12
    with pytest.raises(Exception):  # without --resume it is refused
        call_command("generate_corpus", entries=25, seed=13, verbosity=0)
    monkeypatch.setattr(command, "generate", real)
    call_command("generate_corpus", entries=25, seed=13, verbosity=0, resume=True)

    expected = real(25, 13)
    specs = list(expected.entries)
    entries = list(Entry.objects.order_by("pk"))
    assert [e.source_name for e in entries] == [f"corpus-13-{i}.txt" for i in range(25)]
    assert [(e.title, e.body) for e in entries] == [(s.title, s.body) for s in specs]
    assert [[a.name for a in e.authors.order_by("authorships__position")] for e in entries] == \
        [[expected.people[a] for a in s.authors] for s in specs]
    assert [(s.quote, s.speaker.name) for s in Statement.objects.order_by("pk").select_related("speaker")] == \
        [(st.quote, expected.people[st.speaker]) for s in specs for st in s.statements]
    assert index_complete()
    assert search_entries(COMMON_WORD).total > 0


@pytest.mark.django_db
def test_resume_refuses_entries_that_are_not_a_prefix():
    from django.core.management import CommandError

    from archive.models import Entry

    call_command("generate_corpus", entries=6, seed=14, verbosity=0, no_index=True)
    Entry.objects.filter(source_name="corpus-14-2.txt").delete()
    with pytest.raises(CommandError, match="not the corpus's first"):
        call_command("generate_corpus", entries=10, seed=14, verbosity=0, resume=True)
