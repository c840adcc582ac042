"""Back up the archive (database with its search index, and media) into a folder.

    python manage.py backup_archive backups/2026-12-07

PostgreSQL: pg_dump (custom format); SQLite: the online backup API, safe while the
site runs. See README, "Backup and restore".
"""
from django.core.management.base import BaseCommand, CommandError

from archive.services.backup import BackupError, backup


class Command(BaseCommand):
    help = "Back up the database (search index included) and media into FOLDER."

    def add_arguments(self, parser):
        parser.add_argument("folder")

    def handle(self, *args, folder, **options):
        try:
            manifest = backup(folder)
        except BackupError as error:
            raise CommandError(str(error)) from error
        counts = ", ".join(f"{v:,} {k}" for k, v in manifest["counts"].items())
        self.stdout.write(self.style.SUCCESS(f"Backed up the {manifest['engine']} archive to {folder}: {counts}."))
