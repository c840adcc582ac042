"""Benchmark: citation exports (BibTeX, RIS, CSL-JSON, formatted styles, JSON Lines).

Two measurements, ``run(scale)`` returning (metric label, value string) rows:

``scale`` is the size of the corpus the ``bench`` command generated into the database.

1. Formats alone (pure Python, no database): 10,000 entries (drawn from 1,000
   records built from the deterministic benchmark corpus), each mapped to CSL-JSON and
   written in every format and style; entries/s of CPU time (the machine's own rate,
   whatever else runs) and of wall time, and peak memory (tracemalloc) of a tenth of
   the export and of all of it: a streamed export's peak must not grow with its size.
2. Through the database and the view (when the database holds published entries,
   e.g. after ``generate_corpus``): the streamed whole-archive download in every format
   and style and the JSON Lines dump, time to first byte, entries/s, and peak memory
   while tracing a tenth of the entries and all of them (at most 10,000).
"""
import time
import tracemalloc
from dataclasses import replace

from archive.bench.corpus import generate
from archive.citations import csl, formats, styles
from archive.citations.items import COMMENTARY, OP_ED, EntryRecord, Name
from archive.naming import split_name

ENTRIES = 10_000
STYLE_ENTRIES = 10_000  # formatted styles are ~20x slower: about 20 s each


def records(count, seed=1):
    """``count`` entry records shaped like the archive's (corpus titles, names, outlets, dates)."""
    corpus = generate(count, seed)
    outlets = corpus.outlets
    for n, spec in enumerate(corpus.entries):
        name, short, kind = outlets[spec.outlet]
        genre = COMMENTARY if kind == "think_tank" else OP_ED
        authors = []
        for a in spec.authors:
            display = corpus.people[a]
            if corpus.kinds[a] == "person":
                family, given = split_name(display)
                authors.append(Name(family, given))
            else:
                authors.append(Name(literal=display))
        url = f"https://archive.example.org/entries/bench-{n}/"
        yield EntryRecord(
            id=n + 1, title=spec.title, genre=genre, authors=authors, outlet=name, outlet_short=short,
            place="Singapore", accessed=(2026, 12, 1),
            series=f"{short} Commentary" if genre == COMMENTARY else "", number=f"CO{n:05d}" if genre == COMMENTARY else "",
            date=(spec.published_on.year, spec.published_on.month, spec.published_on.day), url=url, archive_url=url,
            abstract=spec.synopsis, language="en", keywords=[corpus.tags[t] for t in spec.tags],
        )


def _export(fmt, items):
    size = 0
    for chunk in fmt.write(csl.to_csl(r) for r in items):
        size += len(chunk)
    return size


def _cycle(base, count):
    """``count`` records drawn from ``base`` without holding them: the source costs no memory."""
    for n in range(count):
        yield replace(base[n % len(base)], id=n + 1)


def _rate(fmt, base, count):
    """(entries/s of CPU time, entries/s of wall time, bytes written)."""
    wall, cpu = time.perf_counter(), time.process_time()
    size = _export(fmt, _cycle(base, count))
    return count / (time.process_time() - cpu), count / (time.perf_counter() - wall), size


def _peak(fmt, base, count):
    """Peak memory (tracemalloc) of a streamed export of ``count`` entries."""
    tracemalloc.start()
    _export(fmt, _cycle(base, count))
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak


def _stream(ext, queryset=None, style=None):
    """(time to first byte, total seconds, bytes, CPU seconds) of a streamed list download."""
    from django.test import RequestFactory

    from archive.citations import views

    request = RequestFactory().get(f"/export/archive.{ext}", {"style": style} if style else {})
    started, cpu = time.perf_counter(), time.process_time()
    if queryset is None:
        response = views.list_export(request, scope="archive", ext=ext)
    else:  # the same view machinery over a subset, for the memory comparison
        from django.http import StreamingHttpResponse

        from archive.citations.exports import write_entries

        fmt = views.BY_EXTENSION[ext]
        response = StreamingHttpResponse(c.encode() for c in write_entries(fmt, queryset, request))
    stream = iter(response.streaming_content)
    first = next(stream, b"")
    ttfb = time.perf_counter() - started
    size = len(first) + sum(len(chunk) for chunk in stream)
    return ttfb, time.perf_counter() - started, size, time.process_time() - cpu


def _dump(queryset=None):
    """The same for the JSON Lines dump (what ``export_citations --format jsonl`` writes)."""
    from archive.citations import jsonl
    from archive.citations.records import iter_dump

    started, cpu = time.perf_counter(), time.process_time()
    lines = jsonl.export(iter_dump(queryset))
    first = next(lines, "")
    ttfb = time.perf_counter() - started
    size = len(first.encode()) + sum(len(line.encode()) for line in lines)
    return ttfb, time.perf_counter() - started, size, time.process_time() - cpu


def _traced_peak(measure):
    tracemalloc.start()
    measure()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak


def _database_rows():
    from django.test.utils import override_settings

    from archive.models import Entry

    published = Entry.objects.published().count()
    if not published:
        return [("streamed download from the database",
                 "skipped (no published entries: run generate_corpus first)")]
    rows = []
    with override_settings(ALLOWED_HOSTS=["*"]):
        # A running server is warm (URLs resolved, regular expressions compiled): so is the
        # process measured, after a short export; the cold first byte is reported too.
        first = Entry.objects.published().order_by("pk").values_list("pk", flat=True)[199:200]
        cold_ttfb = _stream("bib", Entry.objects.filter(pk__lte=first[0]) if first else None)[0]
        rows.append(("first byte of the first download in a fresh process (BibTeX)", f"{cold_ttfb * 1000:.0f} ms"))
        for ext in ("bib", "ris", "json"):
            ttfb, seconds, size, cpu = _stream(ext)
            rows.append((f"/export/archive.{ext}, {published:,} entries from the database",
                         f"first byte {ttfb * 1000:.0f} ms, {published / cpu:,.0f} entries/s CPU "
                         f"({published / seconds:,.0f}/s wall), {size / 1e6:.1f} MB"))
        ttfb, seconds, size, cpu = _dump()
        rows.append((f"JSON Lines dump, {published:,} entries with statements",
                     f"first line {ttfb * 1000:.0f} ms, {published / cpu:,.0f} entries/s CPU "
                     f"({published / seconds:,.0f}/s wall), {size / 1e6:.1f} MB"))
        for style in styles.STYLES:
            ttfb, seconds, size, cpu = _stream("txt", style=style)
            rows.append((f"/export/archive.txt?style={style}, {published:,} entries",
                         f"first byte {ttfb * 1000:.0f} ms, {published / cpu:,.0f} entries/s CPU "
                         f"({published / seconds:,.0f}/s wall)"))
        ids = list(Entry.objects.published().order_by("pk").values_list("pk", flat=True)[:ENTRIES])
        sizes = (max(1, len(ids) // 10), len(ids))  # traced runs are slow: at most 10,000 entries
        for label, measure in (
            ("streamed RIS", lambda subset: _stream("ris", subset)),
            ("streamed BibTeX", lambda subset: _stream("bib", subset)),
            ("JSON Lines dump", lambda subset: _dump(subset)),
        ):
            peaks = [_traced_peak(lambda: measure(Entry.objects.filter(pk__lte=ids[size - 1]))) for size in sizes]
            rows.append((f"{label} from the database, peak memory {sizes[0]:,} vs {sizes[1]:,} entries",
                         f"{peaks[0] / 1e6:.1f} MB vs {peaks[1] / 1e6:.1f} MB"))
    return rows


def run(scale=ENTRIES):
    """``scale``: the corpus size the bench command prepared (entries). The format
    figures use 10,000 entries (fewer for a smaller corpus), whatever the corpus size."""
    count = min(ENTRIES, max(500, int(scale or ENTRIES)))
    style_count = min(STYLE_ENTRIES, count)
    base = list(records(1000))
    rows = []
    for name in ("bibtex", "ris", "csl-json"):
        fmt = formats.get_format(name)
        cpu_rate, wall_rate, size = _rate(fmt, base, count)
        peak_tenth, peak_full = _peak(fmt, base, count // 10), _peak(fmt, base, count)
        rows.append((f"{fmt.label} export of {count:,} entries",
                     f"{cpu_rate:,.0f} entries/s CPU ({wall_rate:,.0f}/s wall), {size / 1e6:.1f} MB"))
        rows.append((f"{fmt.label} peak memory, {count // 10:,} vs {count:,} entries",
                     f"{peak_tenth / 1e6:.2f} MB vs {peak_full / 1e6:.2f} MB"))
    for key in styles.STYLES:
        for csl_type in ("report", "article-newspaper", "post-weblog", "article"):
            styles.compiled(key, csl_type)  # parsed once, as in a running server
        fmt = formats.get_format(key)
        cpu_rate, wall_rate, _ = _rate(fmt, base, style_count)
        rows.append((f"{fmt.label}, {style_count:,} entries",
                     f"{cpu_rate:,.0f} entries/s CPU ({wall_rate:,.0f}/s wall)"))
    try:
        rows += _database_rows()
    except Exception as exc:  # the database part is optional; say why it did not run
        rows.append(("streamed download from the database", f"skipped ({exc.__class__.__name__}: {exc})"))
    return rows


if __name__ == "__main__":
    import os

    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    django.setup()
    for label, value in run(1000):
        print(f"{label:60} {value}")
