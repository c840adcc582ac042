"""Every URL of the load mix, alone and uncached: what each page costs when computed.

    make bench BENCH_ARGS="--sizes 100000 --only uncached"

Requests each URL of ``load.url_mix()`` (home, entries, searches, citations, API,
people, statements, browse) once through ``django.test.Client`` with the public page
cache off, twice over: the first pass starts from an empty cache and fills the
per-entry citation cache and the browse counts, the second is what an uncached page
costs afterwards. Reports the entry pages' p50 / p95 (target: p50 at most 40 ms at
100,000 entries), the slowest URL of each pass (target: none over 2 s), and processor
time per request, overall and by kind of page (what bounds throughput with the cache
off: two cores divided by it).
Elapsed figures include whatever else the machine runs; processor time does not.
"""
import re
import time

from django.core.cache import cache
from django.test import Client
from django.test.utils import override_settings

from archive.bench import percentile
from archive.bench.load import url_mix
from archive.bench.search import SETTINGS


def url_kind(url):
    """The kind of page ``url`` is, for processor time by kind ("entry", "cite.txt", "API record", ...)."""
    path = url.split("?")[0]
    if path == "/":
        return "home"
    if path.startswith("/entries/"):
        return "cite." + path.rsplit(".", 1)[1] if "/cite." in path else "entry"
    if re.fullmatch(r"/api/entries/\d+/", path):
        return "API record"
    if path.startswith("/api/"):
        return "API list or search"
    if path == "/search/":
        return "search"
    if path == "/statements/":
        return "statements by speaker" if "speaker=" in url else "statements"
    if path.startswith("/people/") and path != "/people/":
        return "person"
    return "browse, feed"


def by_kind(timed):
    """"entry 25 ms (46), person 50 ms (20), ...": mean processor time per request of each kind, largest total first."""
    kinds = {}
    for _, cpu, url, _ in timed:
        kinds.setdefault(url_kind(url), []).append(cpu)
    ordered = sorted(kinds.items(), key=lambda kv: -sum(kv[1]))
    return ", ".join(f"{kind} {_ms(sum(v) / len(v))} ({len(v)})" for kind, v in ordered)


def _pass(client, urls):
    timed = []
    for url in urls:
        started, cpu = time.perf_counter(), time.process_time()
        status = client.get(url).status_code
        timed.append((time.perf_counter() - started, time.process_time() - cpu, url, status))
    return timed


def _ms(seconds):
    return f"{seconds * 1000:,.0f} ms"


@override_settings(**SETTINGS)
def run(scale):
    urls = list(dict.fromkeys(url_mix()))
    cache.clear()  # the first pass starts cold (formatted references, browse counts)
    client = Client()
    rows = []
    for label, timed in (("first pass", _pass(client, urls)), ("second pass", _pass(client, urls))):
        bad = [(url, status) for _, _, url, status in timed if status >= 400]
        entries = [wall for wall, _, url, _ in timed if url.startswith("/entries/") and url.endswith("/")]
        wall, cpu, url, _ = max(timed)
        rows += [
            (f"entry page uncached, {label}", f"p50 / p95 {_ms(percentile(entries, 50))} / "
                                              f"{_ms(percentile(entries, 95))} ({len(entries)} pages)"),
            (f"slowest URL, {label}", f"{_ms(wall)} ({_ms(cpu)} processor) {url}"),
            (f"processor time per request, {label}",
             f"{_ms(sum(t[1] for t in timed) / len(timed))} over {len(timed)} URLs"
             + (f"; errors: {bad[:3]}" if bad else "")),
            (f"processor time per request by kind, {label}", by_kind(timed)),
        ]
    return rows
