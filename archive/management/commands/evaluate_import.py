"""Score the importer on the real page corpus (or any corpus in its format); thresholds make it a gate."""
import json

from django.core.management.base import BaseCommand, CommandError

from archive.importing import corpus
from archive.importing.evaluation import evaluate, format_score


class Command(BaseCommand):
    help = ("Import each page of a corpus (pages.jsonl + gold.jsonl, format of tests/data/importing/real/) "
            "and print, per field, right / wrong / invented / missed with precision and recall.")
    requires_system_checks = []
    requires_migrations_checks = False

    def add_arguments(self, parser):
        parser.add_argument("--pages", default=str(corpus.PAGES), help="pages.jsonl (default: the real corpus)")
        parser.add_argument("--gold", default=str(corpus.GOLD), help="gold.jsonl (default: the real corpus)")
        parser.add_argument("--split", choices=[*corpus.SPLITS, *corpus.SELECTIONS, "all"], default="train+dev",
                            help="score one split only: train, dev, test (the locked test split, scored once "
                                 "at first sight), retired (the earlier test splits, now in train and dev), "
                                 "train+dev (what the reader is developed on; the default, so that no run "
                                 "scores the locked test split unasked), all")
        parser.add_argument("--batch", default=None,
                            help="score only the pages of one collection batch (e.g. b or d; never y, the test split)")
        parser.add_argument("--errors", action="store_true", help="list every wrong, invented and missed value")
        parser.add_argument("--json", action="store_true", help="print the scores as JSON")
        parser.add_argument("--min-precision", type=float, default=None,
                            help="exit non-zero when any field's precision is lower")
        parser.add_argument("--min-recall", action="append", default=[], metavar="FIELD=VALUE",
                            help="exit non-zero when FIELD's recall is lower (repeatable), e.g. title=0.85")

    def handle(self, *args, **options):
        split = None if options["split"] == "all" else options["split"]
        try:
            pairs = corpus.load(options["pages"], options["gold"], split=split)
            if options["batch"]:
                pairs = [(p, g) for p, g in pairs if p.get("batch") == options["batch"]]
            problems = corpus.check(options["pages"], options["gold"])
        except corpus.CorpusError as exc:
            raise CommandError(str(exc)) from exc
        if problems:
            raise CommandError("the corpus does not pass its checker:\n  " + "\n  ".join(problems[:20]))
        if not pairs:
            raise CommandError(f"no pages in split {options['split']!r}")
        score = evaluate(pairs, label=f"{options['pages']} [{options['split']}]")
        if options["json"]:
            self.stdout.write(json.dumps(score.as_dict(), ensure_ascii=False, indent=2))
        else:
            self.stdout.write(format_score(score, show_errors=options["errors"]))
        failures = []
        if options["min_precision"] is not None:
            failures += [f"{name} precision {f.precision:.3f} < {options['min_precision']}"
                         for name, f in score.fields.items() if f.precision < options["min_precision"]]
        for spec in options["min_recall"]:
            name, _, value = spec.partition("=")
            if name not in score.fields:
                raise CommandError(f"--min-recall: unknown field {name!r} (one of {', '.join(score.fields)})")
            try:
                wanted = float(value)
            except ValueError:
                raise CommandError(f"--min-recall {spec!r}: not FIELD=NUMBER") from None
            if score.fields[name].recall < wanted:
                failures.append(f"{name} recall {score.fields[name].recall:.3f} < {wanted}")
        if failures:
            raise CommandError("; ".join(failures))
