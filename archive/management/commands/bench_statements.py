"""Measure the statement workflows on generated commentaries, leaving the database as it was.

    python manage.py bench_statements [--entries 300] [--seed 7]

Creates the entries inside one transaction, runs the quote engine and stores its
statements (``refresh_statements``) twice (first run, then a re-extraction), re-anchors
after body edits, prints the figures and rolls everything back.
"""
import time

from django.core.management.base import BaseCommand
from django.db import transaction

from archive.bench.corpus import generate
from archive.models import Agent, Entry, MergeCandidate, Statement, StatementGroup
from archive.services.statements import refresh_statements


class _Rollback(Exception):
    pass


class Command(BaseCommand):
    help = "Time statement extraction into the archive, re-extraction and re-anchoring (rolled back)."

    def add_arguments(self, parser):
        parser.add_argument("--entries", type=int, default=300)
        parser.add_argument("--seed", type=int, default=7)

    def handle(self, *args, entries, seed, **options):
        try:
            with transaction.atomic():
                self._run(entries, seed)
                raise _Rollback
        except _Rollback:
            pass

    def _timed(self, label, work, count, unit="entries"):
        started = time.perf_counter()
        for item in work:
            item()
        elapsed = time.perf_counter() - started
        self.stdout.write(f"{label}: {elapsed:.2f} s ({count / elapsed:.1f} {unit}/s)")

    def _run(self, count, seed):
        specs = list(generate(count, seed=seed).entries)
        entries = [Entry.objects.create(title=spec.title, body=spec.body) for spec in specs]
        chars = sum(len(entry.body) for entry in entries)
        self.stdout.write(f"{len(entries)} generated entries, {chars / 1e6:.2f} M characters")
        self._timed("first extraction into the archive", [lambda e=e: refresh_statements(e) for e in entries], count)
        self._timed("re-extraction (nothing changed)", [lambda e=e: refresh_statements(e) for e in entries], count)
        edited = entries[: max(1, count // 3)]

        def edit(entry):
            entry.body = "An editor's new opening paragraph.\n\n" + entry.body
            entry.save()

        self._timed("body edit + re-anchoring", [lambda e=e: edit(e) for e in edited], len(edited), "edits")
        self.stdout.write(
            f"{Statement.objects.count()} statements, {StatementGroup.objects.count()} groups, "
            f"{Agent.objects.count()} name records, {MergeCandidate.objects.count()} merge candidates"
        )
