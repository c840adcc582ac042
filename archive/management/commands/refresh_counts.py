"""Recount what the index pages read from kept counts (``NameCount``).

    python manage.py refresh_counts

The counts follow every write made through the models; run this after writes that send
no signals (SQL by hand, ``QuerySet.update()`` of an entry's status, ``loaddata``).
"""
from django.core.management.base import BaseCommand

from archive.models import NameCount
from archive.services import name_counts


class Command(BaseCommand):
    help = "Recount the people index's counts (after bulk writes that send no signals)."

    def handle(self, *args, verbosity=1, **options):
        name_counts.rebuild()
        if verbosity:
            self.stdout.write(self.style.SUCCESS(f"Counted {NameCount.objects.count():,} public name records."))
