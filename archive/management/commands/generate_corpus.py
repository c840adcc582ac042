"""Fill the database with a deterministic synthetic corpus, for benchmarks.

    python manage.py generate_corpus --entries 10000 --seed 1

Entries, authors, outlets, tags and statements are written with bulk operations
through the project's models (no per-row signals), then the search index is rebuilt
in batches. The text comes from archive/bench/corpus.py (pure Python).
"""
import time
from itertools import islice

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
from archive.search.indexing import complete as complete_index, rebuild

BATCH = 1000
IMPORTER = "generate_corpus"


class Command(BaseCommand):
    help = "Generate a deterministic synthetic corpus of N entries (for benchmarks), then rebuild the search index."

    def add_arguments(self, parser):
        parser.add_argument("--entries", type=int, default=1000, help="Number of entries (default 1000).")
        parser.add_argument("--seed", type=int, default=1, help="Random seed (default 1): same seed, same corpus.")
        parser.add_argument("--no-index", action="store_true", help="Skip rebuilding the search index.")
        parser.add_argument("--resume", action="store_true",
                            help="Continue a generation of the same --entries and --seed that stopped part way: "
                                 "the entries already written are kept, the rest written, then names and index.")

    def handle(self, *args, entries=1000, seed=1, no_index=False, resume=False, verbosity=1, **options):
        if entries < 1:
            raise CommandError("--entries must be at least 1.")
        have = written_prefix(seed) if resume else 0
        if have > entries:
            raise CommandError(f"This database holds {have:,} entries of seed {seed}, more than --entries {entries:,}.")
        if not resume and Entry.objects.filter(source_name__startswith=f"corpus-{seed}-").exists():
            raise CommandError(f"This database already holds a corpus with seed {seed}; use another seed or "
                               "database (or --resume to finish one that stopped part way).")
        log = self.stdout.write if verbosity >= 2 else None
        started = time.perf_counter()
        stats = generate_into_database(entries, seed, log=log, start=have)
        written = time.perf_counter()
        name_counts.rebuild()  # bulk inserts send no signals
        counted = time.perf_counter()
        if log:
            log(f"  entries written in {written - started:.1f} s, names counted in {counted - written:.1f} s")
        if not no_index:
            # A resumed run completes the index (rows an earlier run, or an indexing pass
            # beside it, wrote are kept); a first run rebuilds it.
            (complete_index if have else rebuild)(
                progress=(lambda done, total, what: log(f"  index: {done:,}/{total:,} {what}")) if log else None)
        indexed = time.perf_counter()
        if connection.vendor == "postgresql" and not connection.in_atomic_block:
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")  # fresh planner statistics after bulk inserts
        elapsed = time.perf_counter() - started
        if verbosity:
            self.stdout.write(self.style.SUCCESS(
                f"Generated {stats['entries'] - have:,} entries"
                + (f" (after the {have:,} already written)" if have else "")
                + f", {stats['statements']:,} statements, {stats['agents']:,} names in {elapsed:.1f} s "
                f"(entries {written - started:.1f} s, names {counted - written:.1f} s"
                + ("" if no_index else f", search index {indexed - counted:.1f} s") + ")."
            ))


def written_prefix(seed):
    """How many entries of the corpus for ``seed`` are written: they must be its first
    ones (each batch is written in one transaction, so a stopped run leaves a prefix)."""
    source = f"corpus-{seed}-"
    written = Entry.objects.filter(source_name__startswith=source)
    have = written.count()
    if have and (written.order_by("-pk").values_list("source_name", flat=True)[0] != f"{source}{have - 1}.txt"
                 or written.filter(source_name=f"{source}{have}.txt").exists()):
        raise CommandError(f"The {have:,} entries of seed {seed} here are not the corpus's first ones; "
                           "generate into a new database.")
    return have


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


def _written_agents(corpus):
    """The ids of the names an earlier run of this corpus wrote, in the corpus's order.

    A name may also belong to an older record (the seeds'); the corpus's own was written
    after it, so the last of each name is the one.
    """
    wanted, ids = set(corpus.people), {}
    for pk, name in Agent.objects.order_by("pk").values_list("pk", "name").iterator(chunk_size=10_000):
        if name in wanted:
            ids[name] = pk
    missing = [name for name in corpus.people if name not in ids]
    if missing:
        raise CommandError(f"{len(missing):,} of the corpus's names are missing (e.g. {missing[0]!r}); "
                           "generate into a new database.")
    return [ids[name] for name in corpus.people]


def generate_into_database(entries, seed, log=None, start=0):
    """Write the corpus for (entries, seed) with bulk inserts; returns counts.

    ``start``: the number of its first entries already written (by a run that stopped);
    the generator still produces them (each entry's text depends on the ones before),
    but only the rest are written, with the slugs and source names an uninterrupted run
    gives them (primary keys may skip the values the stopped batch had taken).
    """
    corpus = generate(entries, seed)
    with transaction.atomic():
        agent_ids = _written_agents(corpus) if start else _agents(corpus, seed)
        outlet_ids = _outlets(corpus)
        tag_ids = _tags(corpus)
    content_type = ContentType.objects.get_for_model(Entry)
    now = timezone.now()
    counts = {"entries": start, "statements": 0, "agents": len(agent_ids)}
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

    for spec in islice(corpus.entries, start, None):
        batch.append(spec)
        if len(batch) >= BATCH:
            flush()
    if batch:
        flush()
    return counts
