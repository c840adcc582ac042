"""Score the quote engine against annotated cases; --min-f1 makes it a CI gate. No database."""
import json

from django.core.management.base import BaseCommand, CommandError

from pathlib import Path

from archive.quotes.evaluate import CaseError, evaluate, format_score, pinned_outcomes, thresholds_failed


class Command(BaseCommand):
    help = ("Score the quote engine on GOLD.jsonl files (format of tests/data/seed-quotes.jsonl) or the real "
            "corpus's splits: precision, recall, F1, speaker accuracy, end to end, fields, reliability by "
            "confidence band, errors by class, and every miss.")
    requires_system_checks = []
    requires_migrations_checks = False

    def add_arguments(self, parser):
        parser.add_argument("gold", nargs="+", metavar="GOLD.jsonl",
                            help="gold files, or real:train, real:dev, real:test for the real corpus's splits")
        parser.add_argument("--min-f1", type=float, default=None, help="exit non-zero when statement F1 is lower")
        parser.add_argument("--min-speaker-accuracy", type=float, default=None,
                            help="exit non-zero when speaker accuracy is lower")
        parser.add_argument("--json", action="store_true", help="print the scores as JSON")
        parser.add_argument("--summary", action="store_true", help="the figures only, without every miss")
        parser.add_argument("--pin", metavar="FILE", help="write every gold quote's outcome to FILE")

    def handle(self, *args, **options):
        try:
            score = evaluate(options["gold"])
        except CaseError as exc:
            raise CommandError(str(exc)) from exc
        if options["json"]:
            self.stdout.write(json.dumps(score.as_dict(), ensure_ascii=False, indent=2))
        else:
            self.stdout.write(format_score(score, ", ".join(options["gold"]), problems=not options["summary"]))
        if options["pin"]:
            Path(options["pin"]).write_text("\n".join(pinned_outcomes(score)) + "\n", encoding="utf-8")
        failures = thresholds_failed(score, options["min_f1"], options["min_speaker_accuracy"])
        if failures:
            raise CommandError("; ".join(failures))
