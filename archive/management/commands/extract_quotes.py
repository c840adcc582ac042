"""Run the quote engine on one plain-text file (or standard input). Touches no database.

The contract and its output live in archive/quotes/cli.py, shared with ``python -m archive.quotes``.
"""
from django.core.management.base import BaseCommand, CommandError

from archive.quotes.cli import InputError, add_arguments, render


class Command(BaseCommand):
    help = ("Print the quoted statements, their speakers and the quoted non-statements of a UTF-8 text "
            "(FILE, or - for standard input). With --json: the JSON contract of docs/quotes.md.")
    requires_system_checks = []
    requires_migrations_checks = False

    def add_arguments(self, parser):
        add_arguments(parser)

    def handle(self, *args, **options):
        try:
            output = render(options["file"], options["author"], options["json"])
        except InputError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(output)
