"""Build the demo database: generated commentaries, clearly marked, plus the seeds.

    DATABASE_URL=sqlite:///var/demo.sqlite3 python manage.py build_demo --entries 3000

(``make demo`` does this on its own database and serves it.) A newcomer sees the
public pages at work: pagination, facets, people quoted many times. The generated
entries come from the benchmark corpus (``archive/bench/corpus.py``); here their
titles say "[Generated]", their outlets "(generated)" and their synopses that they are
not real commentaries. Their machine suggestions get varied confidences, kinds and
alternative speakers, so the review desk has a real queue. Run again, it only says
the demo is there: it never adds a second corpus.
"""
import random
import secrets

from django.contrib.auth.models import Group, User
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction
from django.db.models import Value
from django.db.models.functions import Concat

from archive.management.commands.generate_corpus import IMPORTER, generate_into_database
from archive.models import Agent, Entry, Outlet, Statement
from archive.search.indexing import rebuild
from archive.services.statements import clean_alternatives

TITLE_MARK = "[Generated] "
OUTLET_MARK = " (generated)"
SYNOPSIS_MARK = "Generated demo text, not a real commentary. "
EDITOR = "demo-editor"


class Command(BaseCommand):
    help = "Fill this database with generated commentaries (marked as such) and the seeds, for a demo."

    def add_arguments(self, parser):
        parser.add_argument("--entries", type=int, default=3000)
        parser.add_argument("--seed", type=int, default=7)
        parser.add_argument("--seeds-dir", default="seeds/", help="Real commentaries to import too (default seeds/).")
        parser.add_argument("--password-file", default="var/demo-editor.txt",
                            help="Where the demo editor's password is written (git-ignored var/).")

    def handle(self, *args, entries=3000, seed=7, seeds_dir="seeds/", password_file="var/demo-editor.txt", **options):
        if Entry.objects.filter(importer_version=IMPORTER).exists():
            self.stdout.write("The demo database is already built.")
        else:
            self.stdout.write(f"Generating {entries:,} commentaries (a minute or two) ...")
            generate_into_database(entries, seed)
            mark_generated()
            vary_suggestions(seed)
            rebuild()
            if seeds_dir:
                call_command("import_commentaries", seeds_dir, verbosity=0)
        self._editor(password_file)
        total = Entry.objects.count()
        waiting = Statement.objects.filter(review_status=Statement.Review.SUGGESTED).count()
        self.stdout.write(self.style.SUCCESS(
            f"Demo database: {total:,} entries ({total - Entry.objects.filter(importer_version=IMPORTER).count()} "
            f"real, the rest marked “{TITLE_MARK.strip()}”), {waiting:,} statements waiting at the review desk."))

    def _editor(self, password_file):
        """An Editors account for the demo, its password in a git-ignored file (made once)."""
        from pathlib import Path

        path = Path(password_file)
        user = User.objects.filter(username=EDITOR).first()
        if user is None or not path.exists():
            password = secrets.token_urlsafe(9)
            user = user or User(username=EDITOR, is_staff=True)
            user.set_password(password)
            user.save()
            user.groups.add(Group.objects.get(name="Editors"))
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(f"{EDITOR}\n{password}\n", encoding="utf-8")
        username, password = path.read_text(encoding="utf-8").split()[:2]
        self.stdout.write(f"Editor sign-in for the demo: {username} / {password}  (in {path})")


@transaction.atomic
def mark_generated():
    """Say on every generated entry and outlet that it is generated."""
    generated = Entry.objects.filter(importer_version=IMPORTER)
    generated.exclude(title__startswith=TITLE_MARK).update(title=Concat(Value(TITLE_MARK), "title"))
    generated.update(synopsis=Concat(Value(SYNOPSIS_MARK), "synopsis"))
    outlet_ids = generated.values_list("outlet_id", flat=True).distinct()
    Outlet.objects.filter(pk__in=outlet_ids).exclude(name__endswith=OUTLET_MARK).update(
        name=Concat("name", Value(OUTLET_MARK)))


def vary_suggestions(seed):
    """Machine suggestions as the engine leaves them: spread confidences and next-best speakers,
    so the review desk's order and alternatives can be seen. (The kinds stay as generated: the
    generated text puts every statement in quotation marks.)"""
    rng = random.Random(seed)
    names = list(Agent.objects.filter(statements__entry__importer_version=IMPORTER).distinct()
                 .values_list("name", "kind")[:2000])
    batch = []
    suggestions = Statement.objects.filter(entry__importer_version=IMPORTER).select_related("speaker")
    for statement in suggestions.iterator(chunk_size=2000):
        if statement.review_status != Statement.Review.SUGGESTED:
            continue
        statement.confidence = round(rng.betavariate(5, 2), 3)
        if names and rng.random() < 0.6:
            picks = rng.sample(names, k=min(len(names), rng.randint(1, 3)))
            scores = sorted((round(rng.uniform(0.05, statement.confidence), 3) for _ in picks), reverse=True)
            statement.alternatives = clean_alternatives(
                [{"speaker": name, "speaker_kind": kind, "speaker_mention": name.split()[-1], "score": score}
                 for (name, kind), score in zip(picks, scores)],
                speaker_name=statement.speaker.name if statement.speaker else None)
        batch.append(statement)
        if len(batch) >= 2000:
            Statement.objects.bulk_update(batch, ["confidence", "alternatives"])
            batch = []
    if batch:
        Statement.objects.bulk_update(batch, ["confidence", "alternatives"])
