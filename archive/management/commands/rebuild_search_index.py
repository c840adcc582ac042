"""Rebuild the full-text search index from the archive's records."""
import time

from django.core.management.base import BaseCommand

from archive.search.indexing import rebuild


class Command(BaseCommand):
    help = "Empty the search index and index every published entry and public statement again."

    def add_arguments(self, parser):
        parser.add_argument("--database", default="default", help="Database alias (default: default).")

    def handle(self, *args, database="default", verbosity=1, **options):
        started = time.perf_counter()

        def progress(done, total, what):
            if verbosity >= 2:
                self.stdout.write(f"  {what}: {done:,}/{total:,}")

        entries, statements = rebuild(using=database, progress=progress)
        elapsed = time.perf_counter() - started
        if verbosity:
            self.stdout.write(self.style.SUCCESS(
                f"Indexed {entries:,} published entries and {statements:,} statements in {elapsed:.1f} s."
            ))
