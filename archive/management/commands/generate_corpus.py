"""Fill the database with a deterministic synthetic corpus, for benchmarks.

    python manage.py generate_corpus --entries 10000 --seed 1

Entries, authors, outlets, tags and statements are written with bulk operations
through the project's models (no per-row signals), then the search index is rebuilt
in batches. The text comes from archive/bench/corpus.py (pure Python).
"""
import time

from django.contrib.contenttypes.models import ContentType
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.utils import timezone
from django.utils.text import slugify
from taggit.models import Tag, TaggedItem

from archive.bench.corpus import generate
from archive.models import Agent, Authorship, DatePrecision, Entry, EntryStatus, Outlet, Statement
from archive.citations.records import agent_key_token
from archive.naming import normalize_name, split_name
from archive.services import name_counts
from archive.search.indexing import rebuild

BATCH = 1000
IMPORTER = "generate_corpus"


class Command(BaseCommand):
    help = "Generate a deterministic synthetic corpus of N entries (for benchmarks), then rebuild the search index."

    def add_arguments(self, parser):
        parser.add_argument("--entries", type=int, default=1000, help="Number of entries (default 1000).")
        parser.add_argument("--seed", type=int, default=1, help="Random seed (default 1): same seed, same corpus.")
        parser.add_argument("--no-index", action="store_true", help="Skip rebuilding the search index.")

    def handle(self, *args, entries=1000, seed=1, no_index=False, verbosity=1, **options):
        if entries < 1:
            raise CommandError("--entries must be at least 1.")
        source = f"corpus-{seed}-"
        if Entry.objects.filter(source_name__startswith=source).exists():
            raise CommandError(f"This database already holds a corpus with seed {seed}; use another seed or database.")
        started = time.perf_counter()
        stats = generate_into_database(entries, seed, log=self.stdout.write if verbosity >= 2 else None)
        name_counts.rebuild()  # bulk inserts send no signals
        if not no_index:
            rebuild()
        if connection.vendor == "postgresql" and not connection.in_atomic_block:
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")  # fresh planner statistics after bulk inserts
        elapsed = time.perf_counter() - started
        if verbosity:
            self.stdout.write(self.style.SUCCESS(
                f"Generated {stats['entries']:,} entries, {stats['statements']:,} statements, "
                f"{stats['agents']:,} names in {elapsed:.1f} s"
                + ("" if no_index else " (search index rebuilt)") + "."
            ))


def _agents(corpus, seed):
    existing = set(Agent.objects.values_list("slug", flat=True))
    agents = []
    for i, (name, kind) in enumerate(zip(corpus.people, corpus.kinds)):
        slug = base = slugify(name)[:120] or f"name-{i}"
        n = 2
        while slug in existing:
            slug, n = f"{base}-{n}", n + 1
        existing.add(slug)
        if kind == "person":
            family, given = split_name(name)
        else:
            family, given = name, ""
        agents.append(Agent(name=name, slug=slug, kind=kind, family_name=family, given_name=given,
                            normalized_name=normalize_name(name),
                            citation_token=agent_key_token(kind, name, family, given)))
    created = Agent.objects.bulk_create(agents, batch_size=BATCH)
    return [agent.pk for agent in created]


def _outlets(corpus):
    """The corpus's outlets, reusing one of the same name; a new one gets a free slug
    (the seeds' "RSIS" outlet already has the slug "rsis" under a longer name)."""
    ids = []
    taken = set(Outlet.objects.values_list("slug", flat=True))
    for name, short, kind in corpus.outlets:
        outlet = Outlet.objects.filter(name=name).first()
        if outlet is None:
            slug = base = slugify(short or name)[:110] or "outlet"
            n = 2
            while slug in taken:
                slug, n = f"{base}-{n}", n + 1
            taken.add(slug)
            outlet = Outlet.objects.create(name=name, short_name=short, kind=kind, slug=slug)
        ids.append(outlet.pk)
    return ids


def _tags(corpus):
    ids = []
    for name in corpus.tags:
        tag = Tag.objects.filter(name=name).first() or Tag.objects.create(name=name)
        ids.append(tag.pk)
    return ids


def generate_into_database(entries, seed, log=None):
    """Write the corpus for (entries, seed) with bulk inserts; returns counts."""
    corpus = generate(entries, seed)
    with transaction.atomic():
        agent_ids = _agents(corpus, seed)
        outlet_ids = _outlets(corpus)
        tag_ids = _tags(corpus)
    content_type = ContentType.objects.get_for_model(Entry)
    now = timezone.now()
    counts = {"entries": 0, "statements": 0, "agents": len(agent_ids)}
    batch = []

    def flush():
        with transaction.atomic():
            objs = Entry.objects.bulk_create([
                Entry(
                    title=spec.title, slug=f"{slugify(spec.title)[:150]}-{seed}-{counts['entries'] + i}",
                    outlet_id=outlet_ids[spec.outlet], published_on=spec.published_on,
                    date_precision=DatePrecision.DAY, synopsis=spec.synopsis, body=spec.body,
                    body_blocks=spec.blocks,
                    status=EntryStatus.PUBLISHED if spec.published else EntryStatus.DRAFT,
                    published_at=now if spec.published else None,
                    source_name=f"corpus-{seed}-{counts['entries'] + i}.txt", imported_at=now,
                    importer_version=IMPORTER, created_at=now, updated_at=now,
                )
                for i, spec in enumerate(batch)
            ], batch_size=BATCH)
            authorships, tagged, statements = [], [], []
            for entry, spec in zip(objs, batch):
                authorships.extend(
                    Authorship(entry_id=entry.pk, agent_id=agent_ids[a], position=p)
                    for p, a in enumerate(spec.authors)
                )
                tagged.extend(
                    TaggedItem(tag_id=tag_ids[t], content_type_id=content_type.pk, object_id=entry.pk)
                    for t in spec.tags
                )
                for n, s in enumerate(spec.statements):
                    review = Statement.Review.CONFIRMED if n % 3 == 0 else Statement.Review.SUGGESTED
                    if (entry.pk + n) % 29 == 0:
                        review = Statement.Review.REJECTED
                    statements.append(Statement(
                        entry_id=entry.pk, speaker_id=agent_ids[s.speaker], quote=s.quote, start=s.start,
                        end=s.end, cue=s.cue, speaker_mention=s.mention, review_status=review,
                        confidence=0.9, created_at=now, updated_at=now,
                    ))
            Authorship.objects.bulk_create(authorships, batch_size=BATCH * 2)
            TaggedItem.objects.bulk_create(tagged, batch_size=BATCH * 2)
            Statement.objects.bulk_create(statements, batch_size=BATCH * 2)
        counts["entries"] += len(batch)
        counts["statements"] += len(statements)
        batch.clear()
        if log:
            log(f"  {counts['entries']:,} entries")

    for spec in corpus.entries:
        batch.append(spec)
        if len(batch) >= BATCH:
            flush()
    if batch:
        flush()
    return counts
