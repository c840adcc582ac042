"""Run the quote engine on one plain-text file (or standard input). Touches no database."""
import json
import sys

from django.core.management.base import BaseCommand, CommandError

from archive.quotes import extract


class Command(BaseCommand):
    help = ("Print the quoted statements, their speakers and the quoted non-statements of a UTF-8 text "
            "(FILE, or - for standard input). With --json: the JSON contract of docs/quotes.md.")
    requires_system_checks = []
    requires_migrations_checks = False

    def add_arguments(self, parser):
        parser.add_argument("file", metavar="FILE", help="UTF-8 text file, or - for standard input")
        parser.add_argument("--json", action="store_true", help="print one JSON object")
        parser.add_argument("--author", default=None, help="the commentary's author, credited with its own words")

    def handle(self, *args, **options):
        text = self.read(options["file"])
        result = extract(text, author=options["author"])
        if options["json"]:
            self.stdout.write(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
            return
        self.stdout.write(self.table(result))

    def read(self, name):
        try:
            if name == "-":
                data = sys.stdin.buffer.read()
            else:
                with open(name, "rb") as handle:
                    data = handle.read()
        except OSError as exc:
            raise CommandError(f"cannot read {name}: {exc.strerror or exc}") from exc
        try:
            return data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise CommandError(f"{name} is not UTF-8 text (byte {exc.start}): convert it first") from exc

    def table(self, result):
        lines = [f"{len(result.statements)} statements"]
        for n, s in enumerate(result.statements, 1):
            speaker = s.speaker or "(unknown)"
            lines.append(f"{n:>3}. [{s.kind}] {speaker} ({s.speaker_kind or '-'}) — {s.cue or '-'} "
                         f"— confidence {s.confidence:.2f}")
            if s.speaker_mention:
                lines.append(f"     mention: {s.speaker_mention}" + (f"; description: {s.description}"
                                                                        if s.description else ""))
            lines.append(f"     “{s.quote}”  @{s.start}-{s.end}")
        lines.append(f"{len(result.non_statements)} non-statements")
        for n in result.non_statements:
            lines.append(f"     “{n.text}”  @{n.start}-{n.end}  ({n.reason})")
        return "\n".join(lines)
