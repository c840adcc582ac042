"""Search benchmark: page latency through Django's full request path, and baselines.

For the database the bench command prepared (a generated corpus of ``scale``
entries), this measures, over a fixed mix of queries (a very common word, a rare word,
two words, a phrase, three words, with filters, with a facet):

- the search page, ``GET /search/?q=...`` through ``django.test.Client`` (URL
  resolution, middleware, view, search with facets, template);
- the search interface alone (``search_entries`` with facets, no page);
- the raw engine query for the same page of hits (count capped + ranked page);
- the textbook engine query (rank every match, exact count), the weak spot we avoid;
- the naive ``icontains`` search many Django apps use (count + first page);

then the statement search page, entry and person pages, and the SQL query count of
each page. Figures are p50/p95/p99 over all samples of the mix.
"""
import json
import os
import random
import subprocess
import sys
import time
from urllib.parse import urlencode

from django.conf import settings
from django.db import connection
from django.db.models import Count, Q
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings

from archive.bench import ms, percentile
from archive.bench.corpus import COMMON_WORD, RARE_WORD
from archive.models import Agent, Entry, EntryStatus, Outlet
from archive.search import parse_query, search_entries
from archive.search.backends import get_backend
from archive.search.backends.base import EXACT_RANK_LIMIT
from archive.search.filters import clean_filters, filtered_entries
from archive.search.keys import filter_tokens
from archive.search.service import _entry_match, first_matches
from archive.search.timing import PART_LABELS, PARTS, recording

REPEAT = 6          # samples per query for the fast measurements
SLOW_REPEAT = 2     # samples per query for the baselines
#: The two slow baselines (textbook query, icontains) are run up to this size only: at
#: 100,000 entries on PostgreSQL icontains takes 4-12 s a query and grows with the
#: archive, so at 1,000,000 the pair would take most of an hour to say what is known.
BASELINE_MAX_SCALE = 100_000
PAGE_SAMPLES = 30   # entry and person pages requested


def query_mix():
    """(label, q, filters): the fixed mix; filter values picked from the corpus itself."""
    outlet = Outlet.objects.annotate(n=Count("entries")).order_by("-n", "pk").first()
    return [
        ("very common word", COMMON_WORD, {}),
        ("rare word", RARE_WORD, {}),
        ("two words", "trade security", {}),
        ("phrase", '"supply chain"', {}),
        ("three words", "china trade growth", {}),
        ("with filters", "economy", {"outlet": outlet.slug if outlet else "", "year": 2019}),
        ("with a facet", "technology", {"tag": "trade"}),
    ]


def _timed(fn, repeat):
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - started)
    return samples


def _timed_cpu(fn, repeat, cpu):
    """Elapsed samples as ``_timed``, this thread's processor time of each appended to ``cpu``."""
    samples = []
    for _ in range(repeat):
        started, started_cpu = time.perf_counter(), time.thread_time()
        fn()
        samples.append(time.perf_counter() - started)
        cpu.append(time.thread_time() - started_cpu)
    return samples


def _load():
    return " / ".join(f"{x:.1f}" for x in os.getloadavg())


def _summary(samples):
    return f"{ms(percentile(samples, 50))} / {ms(percentile(samples, 95))} / {ms(percentile(samples, 99))}"


def _icontains(q, filters):
    """What a naive Django search does: every word in title, synopsis or body."""
    query = parse_query(q)
    qs = filtered_entries(clean_filters(filters)[0])
    for group in query.groups:
        cond = Q()
        for node in group:
            text = " ".join(node.words) if hasattr(node, "words") else node.word
            cond |= Q(title__icontains=text) | Q(synopsis__icontains=text) | Q(body__icontains=text)
        qs = qs.filter(cond)
    qs.count()
    list(qs.order_by("-published_on", "-pk")[:20].values_list("pk", "title"))


def _raw_engine(q, filters):
    """The engine's own work for one page: capped count and the ranked top 20."""
    backend = get_backend()
    compiled = backend.compile(parse_query(q))
    cleaned, _ = clean_filters(filters)
    with backend.session():
        match = _entry_match(backend, compiled, cleaned)
        first, total, capped = first_matches(backend, match, 0)
        backend.ranked_entries(compiled, filter_tokens(cleaned), None, 20, 0, not capped and total <= EXACT_RANK_LIMIT,
                               pool=first)


def _textbook(q, filters):
    """The textbook query: filters as a join, exact count, every match ranked, the
    engine's default plan (PostgreSQL: ts_rank_cd over the stored vector, as in the
    issue's measurement)."""
    backend = get_backend()
    compiled = backend.compile(parse_query(q))
    cleaned, _ = clean_filters(filters)
    filtered, fparams = filtered_entries(cleaned).order_by().values("pk").query.sql_with_params()
    sql, params = backend.entry_match_sql(compiled.match, (), (filtered, fparams))
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COUNT(*) FROM ({sql}) m", params)
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT i.entry_id, ts_rank_cd(i.document, q) AS r FROM search_entry_index i, "
                f"to_tsquery('english', %s) q WHERE i.document @@ q AND i.entry_id IN ({filtered}) "
                "ORDER BY r DESC LIMIT 20", [compiled.match, *fparams],
            )
        else:
            cursor.execute(
                "SELECT rowid, bm25(search_entry_fts, 10, 5, 3, 3, 1, 0) AS r FROM search_entry_fts "
                f"WHERE search_entry_fts MATCH %s AND +rowid IN ({filtered}) ORDER BY r LIMIT 20",
                [compiled.match, *fparams],
            )
        cursor.fetchall()


def breakdown(client, mix, repeat=REPEAT):
    """Where the search page's time goes: for each part (archive.search.timing.PARTS) and
    for the rest of the request (URL resolution, middleware, reading parameters, the
    view's own Python), p50 / p95 of elapsed time over every sample of the mix, and p50
    of processor time (the figure a busy machine inflates least; on PostgreSQL the
    server's share is not in it)."""
    names = (*PARTS, "other", "page")
    wall = {name: [] for name in names}
    cpu = {name: [] for name in names}
    for _, q, filters in mix:
        url = _page_url(q, filters)
        for _ in range(repeat):
            with recording() as parts:
                started, started_cpu = time.perf_counter(), time.thread_time()
                _get(client, url)
                total, total_cpu = time.perf_counter() - started, time.thread_time() - started_cpu
            for name in PARTS:
                wall[name].append(parts.wall.get(name, 0.0))
                cpu[name].append(parts.cpu.get(name, 0.0))
            wall["other"].append(max(0.0, total - sum(parts.wall.values())))
            cpu["other"].append(max(0.0, total_cpu - sum(parts.cpu.values())))
            wall["page"].append(total)
            cpu["page"].append(total_cpu)
    rows = []
    for name in names:
        label = PART_LABELS.get(name) or {"other": "the rest (URL resolution, middleware, view)",
                                          "page": "whole page, same samples"}[name]
        rows.append((f"search page part: {label} p50 / p95 (CPU p50)",
                     f"{ms(percentile(wall[name], 50))} / {ms(percentile(wall[name], 95))} "
                     f"({ms(percentile(cpu[name], 50))})"))
    return rows


_COLD = '''
import json, time, django
django.setup()
from django.test import Client
from django.test.utils import override_settings
from archive.bench.search import SETTINGS
warmed = None
if %r:
    from archive.search.warmup import warm
    started = time.perf_counter()
    warm()
    warmed = time.perf_counter() - started
with override_settings(**SETTINGS):
    client = Client()
    started, cpu = time.perf_counter(), time.thread_time()
    status = client.get("/search/", {"q": %r}).status_code
    first, first_cpu = time.perf_counter() - started, time.thread_time() - cpu
    started = time.perf_counter()
    client.get("/search/", {"q": %r})
    print(json.dumps({"status": status, "first": first, "first_cpu": first_cpu,
                      "second": time.perf_counter() - started, "warmed": warmed}))
'''


def cold_start(q=COMMON_WORD, other="economy", warm=False):
    """{first, first_cpu, second, warmed}: the search page for ``q`` in a process just started
    (the database connection, the engine's caches and the templates all cold), then
    another search. ``warm``: the process first runs the start-up warm-up a server runs
    (archive/search/warmup.py, from config/wsgi.py); ``warmed`` is how long it took.

    The operating system's file cache is left as it is (emptying it needs root and
    slows everyone else on the machine): this is a server restart, not a machine boot.
    """
    db = connection.settings_dict
    if connection.vendor == "sqlite":
        url = f"sqlite:///{db['NAME']}"
    else:
        auth = db["USER"] + (f":{db['PASSWORD']}" if db.get("PASSWORD") else "")
        url = f"postgres://{auth}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"
    env = {**os.environ, "DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "config.settings"}
    done = subprocess.run([sys.executable, "-c", _COLD % (warm, q, other)], env=env, cwd=settings.BASE_DIR,
                          capture_output=True, text=True, timeout=600)
    if done.returncode:
        raise RuntimeError(done.stderr.strip().splitlines()[-1] if done.stderr.strip() else "failed")
    found = json.loads(done.stdout.strip().splitlines()[-1])
    if found["status"] != 200:
        raise RuntimeError(f"the page answered {found['status']}")
    return found


def _client():
    return Client()


def _page_url(q, filters):
    params = {"q": q, **{k: v for k, v in filters.items() if v not in ("", None)}}
    return "/search/?" + urlencode(params)


def _get(client, url):
    response = client.get(url)
    if response.status_code != 200:
        raise RuntimeError(f"GET {url} answered {response.status_code}")
    return response


def _queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        _get(client, url)
    return len(captured.captured_queries)


SETTINGS = {
    # The bench runs with DEBUG=0; it talks to the app in-process, not over HTTPS.
    "ALLOWED_HOSTS": ["testserver"], "SECURE_SSL_REDIRECT": False,
    # The pages themselves are measured, below the public page cache (a repeated request
    # would be a cache hit) and the per-client limit on expensive requests.
    "ARCHIVE_PUBLIC_CACHE": False, "ARCHIVE_EXPENSIVE_RATE": "1000000/m",
    "STORAGES": {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    },
}


@override_settings(**SETTINGS)
def run(scale):
    rows = []
    load_before = _load()
    for warm in (False, True):
        label = "search page in a fresh process" + (" after the start-up warm-up" if warm else "")
        try:
            found = cold_start(warm=warm)
            rows.append((f"{label}: first ({COMMON_WORD}, CPU), then a second word",
                         f"{ms(found['first'])} ({ms(found['first_cpu'])}), then {ms(found['second'])}"
                         + (f"; warm-up {found['warmed']:.1f} s" if warm else "")))
        except Exception as exc:  # noqa: BLE001 - reported in the table, the rest still runs
            rows.append((label, f"not measured ({exc})"))
    client = _client()
    mix = query_mix()
    page_ok = True
    try:
        _get(client, _page_url(COMMON_WORD, {}))
    except Exception as exc:  # the page is another module's; measure the interface then
        page_ok = False
        rows.append(("search page", f"not measured ({exc}); search_entries() timed instead"))

    # Warm every path once (caches, statistics), then measure.
    for _, q, filters in mix:
        search_entries(q, filters=filters)
        _raw_engine(q, filters)

    page, interface, raw, textbook, naive = [], [], [], [], []
    per_query = []
    for label, q, filters in mix:
        if page_ok:
            samples = _timed(lambda: _get(client, _page_url(q, filters)), REPEAT)
        else:
            samples = _timed(lambda: search_entries(q, filters=filters), REPEAT)
        page.extend(samples)
        interface.extend(_timed(lambda: search_entries(q, filters=filters), REPEAT))
        raw.extend(_timed(lambda: _raw_engine(q, filters), REPEAT))
        baselines = scale <= BASELINE_MAX_SCALE
        textbook_samples = _timed(lambda: _textbook(q, filters), SLOW_REPEAT) if baselines else []
        textbook.extend(textbook_samples)
        naive_samples = _timed(lambda: _icontains(q, filters), SLOW_REPEAT) if baselines else []
        naive.extend(naive_samples)
        total = search_entries(q, filters=filters, facets=False).total_display
        per_query.append((label, q, filters, total, percentile(samples, 50), percentile(naive_samples, 50)))

    parts = breakdown(client, mix) if page_ok else []
    what = "search page (GET /search/, facets)" if page_ok else "search_entries() with facets"
    rows.append((f"{what} p50 / p95 / p99", _summary(page)))
    rows.append(("search interface, no page, p50 / p95 / p99", _summary(interface)))
    rows.append(("raw engine query (capped count + ranked page) p50 / p95 / p99", _summary(raw)))
    if textbook:
        rows.append(("textbook engine query (exact count, rank all) p50 / p95 / p99", _summary(textbook)))
        rows.append(("naive icontains (count + page) p50 / p95 / p99", _summary(naive)))
        rows.append(("icontains p50 ÷ search page p50",
                     f"{percentile(naive, 50) / max(percentile(page, 50), 1e-9):.1f}×"))
    else:
        rows.append(("textbook engine query, naive icontains", f"not run above {BASELINE_MAX_SCALE:,} entries"))
    rows.extend(parts)
    for label, q, filters, total, p50, naive_p50 in per_query:
        shown = q + (" + " + ", ".join(sorted(filters)) if filters else "")
        naive_text = f" (icontains {ms(naive_p50)})" if textbook else ""
        rows.append((f"p50 {label}: {shown}", f"{ms(p50)}, {total} hits{naive_text}"))

    statement_urls = [f"/statements/?{urlencode({'q': q})}" for q in (COMMON_WORD, "trade security", '"supply chain"')]
    try:
        samples, cpu = [], []
        for url in statement_urls:
            _get(client, url)
            samples.extend(_timed_cpu(lambda: _get(client, url), REPEAT, cpu))
        rows.append(("statement search page p50 / p95 / p99 (CPU p50)",
                     f"{_summary(samples)} ({ms(percentile(cpu, 50))})"))
        rows.append(("SQL queries: statement search page", str(_queries(client, statement_urls[0]))))
    except Exception as exc:
        rows.append(("statement search page", f"not measured ({exc})"))

    rng = random.Random(scale)
    published = Entry.objects.filter(status=EntryStatus.PUBLISHED)
    max_pk = published.order_by("-pk").values_list("pk", flat=True).first() or 0
    entry_urls = []
    for _ in range(PAGE_SAMPLES):
        entry = published.filter(pk__gte=rng.randint(1, max_pk)).order_by("pk").first()
        if entry:
            entry_urls.append(entry.get_absolute_url())
    busiest = Agent.objects.annotate(n=Count("statements")).order_by("-n")[:5]
    person_urls = [a.get_absolute_url() for a in busiest]
    quoted = Agent.objects.filter(statements__entry__status=EntryStatus.PUBLISHED).distinct()
    person_urls += [a.get_absolute_url() for a in quoted.order_by("?")[:PAGE_SAMPLES - len(person_urls)]]
    for name, urls in (("entry page", entry_urls), ("person page", person_urls)):
        try:
            samples, cpu = [], []
            for url in urls:
                samples.extend(_timed_cpu(lambda: _get(client, url), 1, cpu))
            rows.append((f"{name} p50 / p95 / p99 (CPU p50)", f"{_summary(samples)} ({ms(percentile(cpu, 50))})"))
            rows.append((f"SQL queries: {name}", str(max(_queries(client, url) for url in urls[:5]))))
        except Exception as exc:
            rows.append((name, f"not measured ({exc})"))
    if page_ok:
        counts = [_queries(client, _page_url(q, f)) for _, q, f in mix]
        rows.append(("SQL queries: search page", f"{min(counts)}–{max(counts)}"))
    # Elapsed times on a shared machine grow with the load; processor times much less.
    rows.append(("load average (1 / 5 / 15 min) before, after", f"{load_before}, {_load()}"))
    return rows
