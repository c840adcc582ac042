"""Load benchmark: gunicorn (config/gunicorn.py) serving the corpus, loaded by wrk over loopback.

    make loadtest       # PostgreSQL at 100,000 entries (DATABASE_URL selects the server)
    make bench BENCH_ARGS="--sizes 100000 --only load"

A fixed mix of public URLs (home, search, entry, person, statements, API, citation),
the same for every run, is requested by 8 and 32 concurrent connections for
``BENCH_LOAD_SECONDS`` (default 60) each, with the public cache cold (emptied just
before), warm, and turned off (ARCHIVE_PUBLIC_CACHE=0); then five connections
downloading whole-archive formatted exports while four load the home page; then the
entry page alone, uncached, one request at a time. It reports requests/s, latency
p50/p95/p99/max and errors (anything but 2xx, 3xx). Loopback only, bounded in time;
the load generator shares the machine's cores with the server. The exports worker runs
beside gunicorn at low CPU priority, as in ``make serve``; the cache-off rows run without
it (the builds the export row queued are dropped first), so they measure the pages alone.

Needs wrk (Debian: apt-get install wrk) and, for the shared cache, Redis at
BENCH_REDIS_URL (default redis://127.0.0.1:6379/12, emptied before the cold runs); the
throttles are raised for the run (all the load comes from one address).
"""
import json
import os
import random
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote, urlencode

from django.conf import settings
from django.db import connection

from archive.bench.corpus import COMMON_WORD, RARE_WORD
from archive.models import Agent, Entry, EntryStatus, Statement

ROOT = Path(settings.BASE_DIR)
SCRIPT = Path(__file__).parent / "wrk" / "mix.lua"
SEED = 7
#: As in ``make serve``: a whole-archive export built in the background takes a core for
#: minutes, and at normal priority it slowed every page the web workers served meanwhile.
EXPORTS_NICENESS = 10


def _seconds():
    return int(os.environ.get("BENCH_LOAD_SECONDS", "60"))


def url_mix(count=140, seed=SEED):
    """The fixed mix: about one in four an entry page, the rest spread over the other kinds."""
    rng = random.Random(seed)
    published = Entry.objects.filter(status=EntryStatus.PUBLISHED)
    top = published.order_by("-pk").values_list("pk", flat=True).first() or 0
    picks = []
    while len(picks) < count // 3 and top:
        pk = rng.randint(1, top)
        slug = published.filter(pk__gte=pk).order_by("pk").values_list("slug", "pk").first()
        if slug:
            picks.append(slug)
    speakers = list(Statement.objects.filter(entry__status=EntryStatus.PUBLISHED).exclude(review_status="rejected")
                    .values_list("speaker__slug", flat=True)[:2000:40])
    authors = list(Agent.objects.filter(authorships__entry__status=EntryStatus.PUBLISHED)
                   .values_list("slug", flat=True)[:2000:40])
    queries = [COMMON_WORD, RARE_WORD, "trade growth", '"supply chain"', "regional security cooperation",
               "energy", "digital economy", "sanction*"]
    urls = ["/"] * 6
    for slug, pk in picks:
        urls.append(f"/entries/{slug}/")
    for slug, pk in picks[::3]:
        urls += [f"/entries/{slug}/cite.bib", f"/entries/{slug}/cite.txt?style=apa", f"/api/entries/{pk}/"]
    for q in queries:
        urls += [f"/search/?{urlencode({'q': q})}", f"/api/entries/?{urlencode({'q': q})}",
                 f"/statements/?{urlencode({'q': q})}"]
    urls += [f"/search/?{urlencode({'q': queries[0], 'page': n})}" for n in (2, 3)]
    urls += [f"/people/{quote(s)}/" for s in (speakers[:10] + authors[:10]) if s]
    urls += [f"/statements/?{urlencode({'speaker': s})}" for s in speakers[:6] if s]
    urls += ["/statements/", "/api/statements/", "/people/", "/tags/", "/years/", "/feeds/entries/"]
    rng.shuffle(urls)
    return urls


def _database_url():
    s = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{s['NAME']}"
    auth = s.get("USER") or "postgres"
    if s.get("PASSWORD"):
        auth += f":{s['PASSWORD']}"
    return f"postgres://{auth}@{s.get('HOST') or '127.0.0.1'}:{s.get('PORT') or 5432}/{s['NAME']}"


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def gunicorn(workdir, cache_on=True, workers=None, exports_worker=True):
    port = _free_port()
    env = {**os.environ, "DEBUG": "0", "SECRET_KEY": settings.SECRET_KEY, "ALLOWED_HOSTS": "127.0.0.1",
           "SECURE_SSL_REDIRECT": "0", "DATABASE_URL": _database_url(), "BIND": f"127.0.0.1:{port}",
           "ACCESS_LOG": "", "GUNICORN_LOG_LEVEL": "warning", "STATIC_ROOT": str(workdir / "static"),
           "CACHE_URL": os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/12"),
           "ARCHIVE_PUBLIC_CACHE": "1" if cache_on else "0", "ARCHIVE_EXPENSIVE_RATE": "1000000/m",
           "ARCHIVE_MEDIA_ROOT": str(workdir / "media"), "ARCHIVE_BASE_URL": f"http://127.0.0.1:{port}"}
    if workers:
        env["WEB_CONCURRENCY"] = str(workers)
    subprocess.run([sys.executable, str(ROOT / "manage.py"), "collectstatic", "--noinput", "-v0"], env=env,
                   check=True, cwd=ROOT)
    log = open(workdir / f"gunicorn-{port}.log", "w")
    process = subprocess.Popen([sys.executable, "-m", "gunicorn", "-c", str(ROOT / "config" / "gunicorn.py"),
                                "config.wsgi"], env=env, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT)
    # The exports worker, as make serve runs it (at low CPU priority): long list exports are built there.
    # Without it (the cache-off rows) the rows measure the pages alone, not the builds the
    # export row before them queued (minutes of a core each at 100,000 entries).
    worker = subprocess.Popen(["nice", "-n", str(EXPORTS_NICENESS), sys.executable, str(ROOT / "manage.py"),
                               "db_worker", "--queue-name", "exports"],
                              env=env, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT) if exports_worker else None
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(base + "/healthz", timeout=5) as response:
                    if response.status == 200:
                        break
            except OSError:
                if time.monotonic() > deadline or process.poll() is not None:
                    raise RuntimeError(f"gunicorn did not start; see {log.name}")
                time.sleep(0.3)
        yield base, env
    finally:
        children = [child for child in (process, worker) if child is not None]
        for child in children:
            child.send_signal(signal.SIGTERM)
        for child in children:
            try:
                child.wait(timeout=30)
            except subprocess.TimeoutExpired:
                child.kill()
        log.close()


def wrk(base, urls_file, connections, seconds):
    env = {**os.environ, "WRK_URLS": str(urls_file)}
    threads = min(2, connections)
    out = subprocess.run(["wrk", "-t", str(threads), "-c", str(connections), "-d", f"{seconds}s", "--timeout", "10s",
                          "-s", str(SCRIPT), base], env=env, capture_output=True, text=True, timeout=seconds + 120)
    line = next((l for l in out.stdout.splitlines() if l.startswith("WRKJSON ")), None)
    if line is None:
        raise RuntimeError(f"wrk gave no result:\n{out.stdout}\n{out.stderr}")
    data = json.loads(line[len("WRKJSON "):])
    data["rps"] = data["requests"] / (data["duration_us"] / 1e6)
    data["errors"] = data["connect"] + data["read"] + data["write"] + data["status"] + data["timeout"]
    return data


def _row(data):
    ms = lambda us: f"{us / 1000:,.0f}"  # noqa: E731
    return (f"{data['rps']:,.0f} req/s; p50 / p95 / p99 / max {ms(data['p50'])} / {ms(data['p95'])} / "
            f"{ms(data['p99'])} / {ms(data['max'])} ms; {data['errors']} errors")


def _empty_cache(env):
    subprocess.run([sys.executable, str(ROOT / "manage.py"), "shell", "--no-imports", "-c",
                    "from django.core.cache import cache; cache.clear()"], env=env, check=True, cwd=ROOT)


def _forget_unfinished_exports():
    """Export builds a previous run queued or left half done wrote to its own temporary
    folder, now gone: left in the queue, the next run's worker would spend its first
    minutes on them while the cold-cache row is measured."""
    from django_tasks_db.models import DBTaskResult

    DBTaskResult.objects.filter(queue_name="exports", status__in=["READY", "RUNNING"]).delete()


def run(scale):
    if shutil.which("wrk") is None:
        return [("load", "skipped: wrk is not installed (apt-get install wrk)")]
    seconds = _seconds()
    rows = []
    _forget_unfinished_exports()
    with tempfile.TemporaryDirectory(prefix="archive-load-") as tmp:
        workdir = Path(tmp)
        urls = url_mix()
        urls_file = workdir / "urls.txt"
        urls_file.write_text("\n".join(urls) + "\n")
        rows.append(("URL mix", f"{len(urls)} URLs: {sum(u.startswith('/entries/') and u.endswith('/') for u in urls)} "
                                f"entry pages, {sum(u.startswith('/search/') for u in urls)} searches, "
                                f"{sum('/cite.' in u for u in urls)} citations, "
                                f"{sum(u.startswith('/api/') for u in urls)} API, the rest home, people, statements, browse"))
        with gunicorn(workdir, cache_on=True) as (base, env):
            _empty_cache(env)
            rows.append(("32 clients, cache cold at start", _row(wrk(base, urls_file, 32, seconds))))
            wrk(base, urls_file, 8, 10)  # every URL of the mix cached
            rows.append(("8 clients, cache warm", _row(wrk(base, urls_file, 8, seconds))))
            rows.append(("32 clients, cache warm", _row(wrk(base, urls_file, 32, seconds))))
            exports = workdir / "exports.txt"
            exports.write_text("\n".join(f"/export/archive.txt?style={s}" for s in
                                         ("chicago-notes", "apa", "mla", "harvard", "chicago-author-date")) + "\n")
            home = workdir / "home.txt"
            home.write_text("/\n")
            load = subprocess.Popen(["wrk", "-t", "1", "-c", "5", "-d", f"{seconds}s", "--timeout", "10s", "-s",
                                     str(SCRIPT), base], env={**os.environ, "WRK_URLS": str(exports)},
                                    stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            home_result = wrk(base, home, 4, seconds)
            out, _ = load.communicate(timeout=seconds + 120)
            line = next((l for l in out.splitlines() if l.startswith("WRKJSON ")), "WRKJSON {}")
            export_data = json.loads(line[8:] or "{}")
            rows.append(("home page (4 clients) during 5 concurrent whole-archive formatted exports",
                         _row(home_result)))
            rows.append(("the 5 export connections", f"{export_data.get('requests', 0):,} responses, "
                                                     f"statuses {export_data.get('codes')}, p95 "
                                                     f"{export_data.get('p95', 0) / 1000:,.0f} ms (503 = being built by "
                                                     "the exports worker, 200 = served from its file)"))
        _forget_unfinished_exports()
        with gunicorn(workdir, cache_on=False, exports_worker=False) as (base, env):
            rows.append(("8 clients, cache off", _row(wrk(base, urls_file, 8, seconds))))
            rows.append(("32 clients, cache off", _row(wrk(base, urls_file, 32, seconds))))
            entries = workdir / "entries.txt"
            entries.write_text("\n".join(u for u in urls if u.startswith("/entries/") and u.endswith("/")) + "\n")
            rows.append(("entry page alone, cache off, 1 client", _row(wrk(base, entries, 1, min(seconds, 30)))))
    return rows
