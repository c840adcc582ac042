"""Rebuild the full-text search index from the archive's records."""
import time

from django.core.management.base import BaseCommand

from archive.search.indexing import complete, rebuild


class Command(BaseCommand):
    help = "Empty the search index and index every published entry and public statement again."

    def add_arguments(self, parser):
        parser.add_argument("--database", default="default", help="Database alias (default: default).")
        parser.add_argument("--missing", action="store_true",
                            help="Only index what the index lacks (and drop rows no longer searchable), "
                                 "without emptying it: finishes a rebuild that was stopped.")
        parser.add_argument("--workers", type=int, default=None,
                            help="Threads filling the index, each with its own connection (default: 2 on "
                                 "PostgreSQL, 1 on SQLite, which writes one at a time).")

    def handle(self, *args, database="default", workers=None, missing=False, verbosity=1, **options):
        started = time.perf_counter()

        def progress(done, total, what):
            if verbosity >= 2:
                self.stdout.write(f"  {what}: {done:,}/{total:,}")

        entries, statements = (complete if missing else rebuild)(using=database, progress=progress, workers=workers)
        elapsed = time.perf_counter() - started
        if verbosity:
            self.stdout.write(self.style.SUCCESS(
                f"Indexed {entries:,} published entries and {statements:,} statements in {elapsed:.1f} s."
            ))
