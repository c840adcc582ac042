"""Run the benchmarks in archive/bench/ and write their table to a file.

    python manage.py bench                      # 10,000 and 100,000 entries
    python manage.py bench --sizes 10000 --only search

For each size the command uses a database of its own holding a generated corpus
(SQLite: var/bench/corpus-<size>-seed<seed>.sqlite3; PostgreSQL, when DATABASE_URL
points at one: a database named <name>_bench_<size>). It is generated the first time
(``generate_corpus``) and reused by later runs (a generation that stopped part way is
resumed, and the search index completed first if one stopped while indexing); ``--regenerate`` starts afresh.
"""
import datetime
import os
import platform
import sqlite3
import time
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from archive import bench
from archive.models import Entry
from archive.search.indexing import complete as complete_index, index_complete
from archive.services import name_counts

DEFAULT_OUTPUT = "bench-results/bench.md"


class Command(BaseCommand):
    help = "Run the benchmarks (archive/bench/) on generated corpora and write a table to bench-results/."

    def add_arguments(self, parser):
        parser.add_argument("--sizes", default="10000,100000",
                            help="Comma-separated corpus sizes in entries (default 10000,100000).")
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument("--only", default="", help="Comma-separated benchmark modules to run (default: all).")
        parser.add_argument("--output", default=DEFAULT_OUTPUT, help=f"Where to write the table (default {DEFAULT_OUTPUT}).")
        parser.add_argument("--regenerate", action="store_true", help="Generate the corpora again even if present.")

    def handle(self, *args, sizes, seed, only, output, regenerate, verbosity=1, **options):
        try:
            sizes = [int(s.replace("_", "")) for s in sizes.split(",") if s.strip()]
        except ValueError:
            raise CommandError("--sizes takes numbers separated by commas, e.g. 10000,100000.")
        if not sizes or min(sizes) < 1:
            raise CommandError("--sizes needs at least one positive size.")
        modules = bench.discover(set(filter(None, only.split(","))) or None)
        if not modules:
            raise CommandError("No benchmark module matched --only.")
        vendor = connection.vendor
        columns = {}
        labels = []
        for size in sizes:
            self.stdout.write(f"== {size:,} entries on {vendor} ==")
            with _corpus_database(size, seed, regenerate, self.stdout.write):
                for name, run in modules:
                    started = time.perf_counter()
                    self.stdout.write(f"  running {name} ...")
                    for label, value in run(size):
                        key = f"{name}: {label}"
                        if key not in labels:
                            labels.append(key)
                        columns.setdefault(size, {})[key] = value
                    self.stdout.write(f"  {name} done in {time.perf_counter() - started:.0f} s")
        table = _table(vendor, sizes, labels, columns, seed)
        path = Path(output)
        if not path.is_absolute():
            path = Path(settings.BASE_DIR) / path
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(table)
        self.stdout.write(table)
        self.stdout.write(self.style.SUCCESS(f"Table written to {path}"))


def analyse():
    """Refresh the planner's statistics for the corpus just generated or reused.

    A freshly generated corpus has none (PostgreSQL's autovacuum gets to it minutes
    later, SQLite never), and plans made without them are not the plans a running
    archive gets: the search page's p95 was 229 ms before ANALYZE and 201 ms after.
    """
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("VACUUM ANALYZE") if connection.get_autocommit() else cursor.execute("ANALYZE")
        else:
            cursor.execute("ANALYZE")
            cursor.execute("PRAGMA optimize")


def _machine(vendor):
    parts = [f"{os.cpu_count()} CPUs", f"Python {platform.python_version()}"]
    if vendor == "sqlite":
        parts.append(f"SQLite {sqlite3.sqlite_version}")
    else:
        with connection.cursor() as cursor:
            cursor.execute("SHOW server_version")
            parts.append(f"PostgreSQL {cursor.fetchone()[0]}")
    return ", ".join(parts)


def _table(vendor, sizes, labels, columns, seed):
    head = [
        f"# Benchmarks ({vendor})", "",
        f"{datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC; {_machine(vendor)}; "
        f"corpus seed {seed}. Latencies are p50 / p95 / p99.", "",
        "| Metric | " + " | ".join(f"{s:,} entries" for s in sizes) + " |",
        "|---|" + "---|" * len(sizes),
    ]
    for label in labels:
        cells = [columns.get(size, {}).get(label, "") for size in sizes]
        head.append(f"| {label} | " + " | ".join(cells) + " |")
    return "\n".join(head) + "\n"


class _corpus_database:
    """Point the default connection at the corpus database for one size, then back."""

    def __init__(self, size, seed, regenerate, log):
        self.size, self.seed, self.regenerate, self.log = size, seed, regenerate, log

    def __enter__(self):
        self.original = connection.settings_dict["NAME"]
        if connection.vendor == "sqlite":
            directory = Path(settings.BASE_DIR) / "var" / "bench"
            directory.mkdir(parents=True, exist_ok=True)
            name = str(directory / f"corpus-{self.size}-seed{self.seed}.sqlite3")
            if self.regenerate:
                for suffix in ("", "-wal", "-shm"):
                    Path(name + suffix).unlink(missing_ok=True)
        else:
            name = f"{self.original}_bench_{self.size}"
            if self.seed != 1:
                name += f"_seed{self.seed}"
            self._ensure_postgres_database(name)
        self._switch(name)
        call_command("migrate", verbosity=0, interactive=False)
        have = Entry.objects.filter(source_name__startswith=f"corpus-{self.seed}-").count()
        if have != self.size:
            if 0 < have < self.size and Entry.objects.count() == have:
                # A generation that stopped part way (each batch commits whole): finish it.
                self.log(f"  resuming the generation: {have:,} of {self.size:,} entries already written ...")
                call_command("generate_corpus", entries=self.size, seed=self.seed, resume=True, verbosity=1)
            elif have or Entry.objects.exists():
                raise CommandError(f"{name} holds a different corpus; run again with --regenerate.")
            else:
                self.log(f"  generating {self.size:,} entries (first run; reused afterwards) ...")
                call_command("generate_corpus", entries=self.size, seed=self.seed, verbosity=1)
        elif not index_complete():
            # Generation stopped while indexing: the entries are all there, the index is
            # not, and a benchmark on it would measure a partial index.
            self.log(f"  the corpus in {name} is not fully indexed: recounting names and completing the index ...")
            started = time.perf_counter()
            name_counts.rebuild()
            complete_index()
            self.log(f"  index completed in {time.perf_counter() - started:.1f} s")
        else:
            self.log(f"  reusing the corpus in {name}")
        started = time.perf_counter()
        analyse()
        self.log(f"  planner statistics refreshed (ANALYZE) in {time.perf_counter() - started:.1f} s")
        return name

    def __exit__(self, *exc):
        self._switch(self.original)

    @staticmethod
    def _switch(name):
        connection.close()
        connection.settings_dict["NAME"] = name
        settings.DATABASES[connection.alias]["NAME"] = name

    def _ensure_postgres_database(self, name):
        with connection.cursor() as cursor:
            if self.regenerate:
                cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
            cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
            if not cursor.fetchone():
                cursor.execute(f'CREATE DATABASE "{name}"')
