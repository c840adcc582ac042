"""``manage.py import_commentaries PATH...``: import page dumps and saved pages into the archive."""
from django.core.management.base import BaseCommand, CommandError

from archive.importing import ManifestError
from archive.services.importer import ImportPathError, import_paths, max_import_bytes

PROGRESS_FROM = 5  # files; fewer finish before a bar would be read


class Command(BaseCommand):
    help = (
        "Import commentaries from files and folders (*.txt, *.html, *.htm, recursively). "
        "Each file is imported in its own transaction; re-importing changes nothing. "
        "A manifest.toml next to the files supplies known facts (see docs/importing.md)."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="PATH", help="files or folders to import")
        parser.add_argument("--dry-run", action="store_true", help="report what would happen; save nothing")
        parser.add_argument("--manifest", metavar="FILE",
                            help="manifest for every file (default: manifest.toml in each file's folder)")
        parser.add_argument("--max-bytes", type=int, metavar="N",
                            help="refuse files bigger than N bytes (default: ARCHIVE_IMPORT_MAX_BYTES, 10 MB)")
        parser.add_argument("--no-progress", action="store_true", help="no progress bar")

    def handle(self, *args, paths, dry_run, manifest, max_bytes, no_progress, **options):
        if max_bytes is not None and max_bytes <= 0:
            raise CommandError("--max-bytes must be a positive number of bytes")
        progress = None if no_progress else ProgressBar(self.stderr)
        try:
            summary = import_paths(paths, dry_run=dry_run, manifest=manifest,
                                   max_bytes=max_import_bytes(max_bytes), progress=progress)
        except ImportPathError as error:
            raise CommandError(str(error).capitalize()) from error
        except ManifestError as error:
            raise CommandError(f"The manifest cannot be used: {error}") from error
        if progress:
            progress.close()
        for line in summary.lines():
            self.stdout.write(line)
        if summary.failed:
            count = len(summary.failed)
            raise CommandError(f"{count} file{'s' if count != 1 else ''} failed to import; see the reasons above.")


def _unstyled(text):
    return text


class ProgressBar:
    """A plain progress bar on stderr, shown only for runs of several files.

    On a terminal it redraws one line; elsewhere (logs, CI) it prints a line every tenth.
    It writes unstyled: a command's stderr colours everything as an error (bold red)
    on a terminal, and progress is not an error.
    """

    def __init__(self, stream, width=30):
        """``stream`` is the command's stderr (a Django ``OutputWrapper``)."""
        self.stream, self.width, self.shown, self.last_tenth = stream, width, False, -1

    def _write(self, text, ending=None):
        self.stream.write(text, style_func=_unstyled, ending=ending)

    def __call__(self, done, total, name):
        if total < PROGRESS_FROM:
            return
        filled = self.width * done // total
        line = f"[{'#' * filled}{'.' * (self.width - filled)}] {done}/{total} {name[:40]}"
        if getattr(self.stream, "isatty", lambda: False)():
            self._write("\r" + line.ljust(self.width + 60), ending="")
        else:
            tenth = 10 * done // total
            if tenth == self.last_tenth:
                return
            self.last_tenth = tenth
            self._write(line)
        self.stream.flush()
        self.shown = True

    def close(self):
        if self.shown and getattr(self.stream, "isatty", lambda: False)():
            self._write("")
            self.stream.flush()
