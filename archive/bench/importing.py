"""Benchmark: importing generated commentaries, quote extraction and search indexing included.

The files are page dumps in the plain layout the generic profile reads (title, byline,
date, paragraphs under headings, a "Tags:" line), written from the corpus generator with
a seed of their own, so they are new to the archive being measured. They go through the
importer's own entry point (``import_paths``, as the command and the admin do): decoding,
profile parsing, storing, the quote engine and name records; then the search index is
written for them.

The import runs against the benchmark's corpus database, so look-ups (checksums, name
records, outlets) meet an archive of the measured size, inside one outer transaction
that is rolled back at the end: the corpus stays as it was generated, and the per-file
transactions are savepoints here. Figures are wall-clock and CPU time of this process.
"""
import tempfile
import time
from pathlib import Path

from django.db import transaction

from archive.bench.corpus import generate
from archive.search import indexing
from archive.services.importer import import_paths

FILES = 1000


class _Rollback(Exception):
    pass


def write_files(folder, count, seed=1):
    """Write ``count`` commentary dumps into ``folder``; return the number of statements in them."""
    corpus = generate(count, seed=10_000 + seed)
    statements = 0
    for i, spec in enumerate(corpus.entries):
        names = [corpus.people[a] for a in spec.authors]
        byline = " and ".join([", ".join(names[:-1]), names[-1]]) if len(names) > 1 else names[0]
        blocks = [spec.body[b["start"]:b["end"]] for b in spec.blocks]
        tags = ", ".join(corpus.tags[t] for t in spec.tags)
        text = "\n\n".join([
            spec.title, f"By {byline}", f"{spec.published_on.day} {spec.published_on:%B %Y}",
            *blocks, f"Tags: {tags}",
        ]) + "\n"
        (Path(folder) / f"bench-import-{i:04d}.txt").write_text(text, encoding="utf-8")
        statements += len(spec.statements)
    return statements


def measure(count=FILES, seed=1):
    """Import ``count`` generated files and roll back; a dict of what was measured."""
    with tempfile.TemporaryDirectory(prefix="bench-import-") as folder:
        quoted = write_files(folder, count, seed)
        figures = {"files": count, "quoted": quoted}
        try:
            with transaction.atomic():
                wall, cpu = time.perf_counter(), time.process_time()
                summary = import_paths([folder])
                figures["import_wall"] = time.perf_counter() - wall
                figures["import_cpu"] = time.process_time() - cpu
                index_wall = time.perf_counter()
                indexing.flush()
                figures["index_wall"] = time.perf_counter() - index_wall
                figures["wall"] = time.perf_counter() - wall
                figures["cpu"] = time.process_time() - cpu
                from archive.models import Statement
                created = [r.entry_id for r in summary.created]
                figures["created"] = len(created)
                figures["failed"] = len(summary.failed)
                figures["statements"] = Statement.objects.filter(entry_id__in=created).count()
                raise _Rollback
        except _Rollback:
            pass
    return figures


def run(scale=None):
    """Rows for the ``bench`` command (``scale``, the corpus size, is the archive imported into)."""
    f = measure()
    return [
        ("files", f"{f['files']:,} generated commentaries ({f['created']:,} created, {f['failed']} failed), "
                  f"{f['statements']:,} statements stored of {f['quoted']:,} quoted"),
        ("time to import them, extraction and indexing included",
         f"{f['wall']:.1f} s wall ({f['cpu']:.1f} s CPU); search index {f['index_wall']:.1f} s of it"),
        ("import throughput", f"{f['files'] / f['wall']:,.1f} entries/s wall ({f['files'] / f['cpu']:,.1f}/s CPU)"),
    ]


if __name__ == "__main__":
    import os

    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    django.setup()
    for label, value in run():
        print(f"importing: {label:55} {value}")
