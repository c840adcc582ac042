"""Restore a backup made by backup_archive into the configured (empty) database.

    python manage.py restore_archive backups/2026-12-07
"""
from django.core.management.base import BaseCommand, CommandError

from archive.services.backup import BackupError, restore


class Command(BaseCommand):
    help = "Restore a backup folder (backup_archive) into the configured database, which must hold no entries."

    def add_arguments(self, parser):
        parser.add_argument("folder")
        parser.add_argument("--force", action="store_true", help="Replace an archive that holds entries.")
        parser.add_argument("--rebuild-index", action="store_true",
                            help="Rebuild the search index after restoring (the backup already holds it).")

    def handle(self, *args, folder, force, rebuild_index, **options):
        try:
            counts = restore(folder, force=force, rebuild_index=rebuild_index)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS(
            "Restored: " + ", ".join(f"{v:,} {k}" for k, v in counts.items()) + "."))
