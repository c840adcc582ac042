"""Load benchmark: gunicorn (config/gunicorn.py) serving the corpus, loaded by wrk over loopback.

    make loadtest       # PostgreSQL at 100,000 entries (DATABASE_URL selects the server)
    make bench BENCH_ARGS="--sizes 100000 --only load"

A fixed mix of public URLs (home, search, entry, person, statements, API, citation),
the same for every run, is requested by 8 and 32 concurrent connections for
``BENCH_LOAD_SECONDS`` (default 60) each, with the public cache cold (emptied just
before), warm, and turned off (ARCHIVE_PUBLIC_CACHE=0); then the entry page alone,
uncached, one request at a time.

The exports row measures what the target "five concurrent whole-archive formatted
exports do not move the home page's p95 above 200 ms" means in this design: five
clients ask at once for the whole archive in five styles; each gets 503 with
Retry-After while the exports worker (as ``make serve`` runs it) builds the five files,
and asks again when told to, until its file is served. Meanwhile four clients load
the home page at a steady pace (``BENCH_HOME_PAUSE_MS`` between a response and the next
request, default 50: at most 80 requests/s), from before the first build starts until
the last file is served (at most ``BENCH_EXPORT_SECONDS``, default 2400). The row
reports the home page's latency alone at the same pace and during the builds, each
build's duration (from the task queue's own start and finish times) and whether
each export was then served from its stored file. A closed loop on the home page
(as fast as it answers) would starve the low-priority builds for hours instead. It reports requests/s, latency
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
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
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
#: The five whole-archive formatted exports the exports row asks for at once.
EXPORT_STYLES = ("chicago-notes", "apa", "mla", "harvard", "chicago-author-date")
#: A client told to come back later waits Retry-After, at most this long (seconds).
RETRY_CAP = 10


def _seconds():
    return int(os.environ.get("BENCH_LOAD_SECONDS", "60"))


def _export_seconds():
    return int(os.environ.get("BENCH_EXPORT_SECONDS", "2400"))


def _home_pause_ms():
    return int(os.environ.get("BENCH_HOME_PAUSE_MS", "50"))


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


def _wrk_command(base, urls_file, connections, seconds, pause_ms=0):
    env = {**os.environ, "WRK_URLS": str(urls_file), "WRK_PAUSE_MS": str(pause_ms or "")}
    threads = min(2, connections)
    return ["wrk", "-t", str(threads), "-c", str(connections), "-d", f"{seconds}s", "--timeout", "10s",
            "-s", str(SCRIPT), base], env


def _wrk_result(stdout, stderr=""):
    line = next((l for l in stdout.splitlines() if l.startswith("WRKJSON ")), None)
    if line is None:
        raise RuntimeError(f"wrk gave no result:\n{stdout}\n{stderr}")
    data = json.loads(line[len("WRKJSON "):])
    data["rps"] = data["requests"] / (data["duration_us"] / 1e6)
    data["errors"] = data["connect"] + data["read"] + data["write"] + data["status"] + data["timeout"]
    return data


def wrk(base, urls_file, connections, seconds, pause_ms=0):
    command, env = _wrk_command(base, urls_file, connections, seconds, pause_ms)
    out = subprocess.run(command, env=env, capture_output=True, text=True, timeout=seconds + 120)
    return _wrk_result(out.stdout, out.stderr)


# --- the exports row -----------------------------------------------------------------------

def http_get(base):
    """A ``get(path) -> (status, headers, bytes read)`` over HTTP, reading the body in
    pieces (a whole-archive file is tens of megabytes)."""
    def get(path):
        try:
            response = urllib.request.urlopen(base + path, timeout=120)
        except urllib.error.HTTPError as error:
            response = error
        with response:
            size = 0
            while chunk := response.read(1 << 20):
                size += len(chunk)
            return response.status if hasattr(response, "status") else response.code, response.headers, size
    return get


def fetch_when_built(get, path, deadline, wait=time.sleep, now=time.monotonic):
    """Ask for a long export as a well-behaved client does: on 503, again after its
    Retry-After (at most ``RETRY_CAP`` seconds), until another answer or ``deadline``.

    Returns what the client saw: the last status, how many times it asked, the seconds
    from the first request to the last answer, whether the answer came from the stored
    file (``X-Export: stored``) and its size in bytes."""
    started, asked = now(), 0
    while True:
        status, headers, size = get(path)
        asked += 1
        if status != 503 or now() >= deadline:
            return {"path": path, "status": status, "asked": asked, "seconds": now() - started,
                    "stored": headers.get("X-Export") == "stored", "bytes": size}
        try:
            pause = int(headers.get("Retry-After") or RETRY_CAP)
        except ValueError:
            pause = RETRY_CAP
        wait(max(1, min(pause, RETRY_CAP, deadline - now())))


def export_builds(since):
    """The export builds queued since ``since``, from the task queue's own records:
    [{"style", "status", "waited" (queued to started, s), "built" (started to finished, s)}]
    in the order they started."""
    from django_tasks_db.models import DBTaskResult

    builds = []
    for task in DBTaskResult.objects.filter(queue_name="exports", enqueued_at__gte=since).order_by("started_at"):
        try:
            spec = json.loads(task.args_kwargs["args"][0])
            style = spec["params"].get("style") or spec["ext"]
        except (KeyError, IndexError, TypeError, ValueError):
            style = "?"
        seconds = lambda a, b: (b - a).total_seconds() if a and b else None  # noqa: E731
        builds.append({"style": style, "status": task.status, "waited": seconds(task.enqueued_at, task.started_at),
                       "built": seconds(task.started_at, task.finished_at)})
    return builds


def _builds_text(builds):
    if not builds:
        return "no build was queued"
    parts = []
    for b in builds:
        took = f"{b['built']:,.0f} s" if b["built"] is not None else "not finished"
        parts.append(f"{b['style']} {took}" + ("" if b["status"] == "SUCCESSFUL" else f" ({b['status']})"))
    done = [b["built"] for b in builds if b["built"] is not None]
    total = f"; {sum(done):,.0f} s in all, one after another on the one exports worker" if done else ""
    return "; ".join(parts) + total


def _unfinished_text(folder):
    """How far the build still running had got: the lines (references) its part file holds."""
    parts = sorted(Path(folder).glob("*.part")) if Path(folder).is_dir() else []
    if not parts:
        return ""
    with parts[0].open("rb") as part:
        lines = sum(chunk.count(b"\n") for chunk in iter(lambda: part.read(1 << 20), b""))
    return f"; the build running had written {lines:,} references when the row ended"


def _exports_text(fetched):
    served = sum(1 for f in fetched if f["status"] == 200 and f["stored"])
    sizes = ", ".join(f"{f['bytes'] / 1e6:,.1f}" for f in fetched)
    waits = ", ".join(f"{f['seconds']:,.0f}" for f in fetched)
    statuses = ", ".join(str(f["status"]) for f in fetched)
    return (f"{served} of {len(fetched)} then served from the stored file (X-Export: stored); last statuses "
            f"{statuses}; MB {sizes}; first request to file served {waits} s")


def exports_row(base, workdir, seconds=None, pause_ms=None):
    """The rows of the exports measurement (see the module's docstring)."""
    seconds = seconds or _export_seconds()
    pause_ms = _home_pause_ms() if pause_ms is None else pause_ms
    home = workdir / "home.txt"
    home.write_text("/\n")
    pace = f"4 clients, {pause_ms} ms between a response and the next request"
    get = http_get(base)
    get("/")  # the home page computed once (a cold start is the cold row's business)
    rows = [(f"home page ({pace}), no export being built", _row(wrk(base, home, 4, 20, pause_ms)))]
    from django.utils import timezone

    since = timezone.now()
    command, env = _wrk_command(base, home, 4, seconds, pause_ms)
    loader = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    started = time.monotonic()
    try:
        deadline = started + seconds
        with ThreadPoolExecutor(len(EXPORT_STYLES)) as pool:
            fetched = list(pool.map(lambda style: fetch_when_built(get, f"/export/archive.txt?style={style}",
                                                                   deadline), EXPORT_STYLES))
    finally:
        if loader.poll() is None:
            loader.send_signal(signal.SIGINT)  # wrk stops and reports what it measured so far
        out, err = loader.communicate(timeout=120)
    elapsed = time.monotonic() - started
    served = all(f["status"] == 200 for f in fetched)
    until = "until the last file was served" if served else f"stopped at the {seconds:,} s limit"
    rows.append((f"home page ({pace}) while the exports worker builds 5 whole-archive formatted exports "
                 f"({elapsed:,.0f} s, {until})", _row(_wrk_result(out, err))))
    rows.append(("the 5 builds (exports worker, nice 10)",
                 _builds_text(export_builds(since)) + _unfinished_text(Path(workdir) / "media" / "exports")))
    rows.append(("the 5 exports (clients asking again after Retry-After)", _exports_text(fetched)))
    return rows


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
            rows += exports_row(base, workdir)
        _forget_unfinished_exports()
        with gunicorn(workdir, cache_on=False, exports_worker=False) as (base, env):
            rows.append(("8 clients, cache off", _row(wrk(base, urls_file, 8, seconds))))
            rows.append(("32 clients, cache off", _row(wrk(base, urls_file, 32, seconds))))
            entries = workdir / "entries.txt"
            entries.write_text("\n".join(u for u in urls if u.startswith("/entries/") and u.endswith("/")) + "\n")
            rows.append(("entry page alone, cache off, 1 client", _row(wrk(base, entries, 1, min(seconds, 30)))))
    return rows
