"""The load benchmark's exports row (archive/bench/load.py): a client that asks for a
whole-archive export again when Retry-After says, against the real view, stored-file
path and background worker; and the builds read back from the task queue."""
import itertools
import time

import pytest
from django.utils import timezone

from archive.bench import load
from archive.caching import exports

from . import site_data as sd
from .import_jobs_helpers import run_worker

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def long_lists(monkeypatch, settings, tmp_path):
    """Five entries, and a live limit under them: the whole archive is a 'long' list."""
    settings.MEDIA_ROOT = tmp_path
    monkeypatch.setattr(exports, "LIVE_LIMIT", {"data": 3, "styled": 3})
    outlet = sd.outlet("Institute of Policy Studies", slug="ips")
    return [sd.entry(f"Commentary on trade number {n}", outlet_obj=outlet, authors=[sd.agent(f"Author Number{n}")])
            for n in range(5)]


def _get(client):
    def get(path):
        response = client.get(path)
        body = b"".join(response.streaming_content) if response.streaming else response.content
        return response.status_code, response.headers, len(body)
    return get


def test_a_client_asks_again_after_retry_after_and_gets_the_stored_file(client, long_lists):
    since = timezone.now()
    waited = []

    def wait(seconds):  # the client's pause: the worker builds the file meanwhile
        waited.append(seconds)
        run_worker()

    got = load.fetch_when_built(_get(client), "/export/archive.txt?style=apa", time.monotonic() + 60, wait=wait)
    assert got["status"] == 200 and got["stored"] and got["asked"] == 2 and got["bytes"] > 0
    assert waited == [load.RETRY_CAP]  # Retry-After (at least 10 s) capped
    builds = load.export_builds(since)
    assert [(b["style"], b["status"]) for b in builds] == [("apa", "SUCCESSFUL")]
    assert builds[0]["built"] >= 0 and builds[0]["waited"] >= 0
    assert "apa" in load._builds_text(builds) and "1 of 1 then served" in load._exports_text([got])


def test_a_client_gives_up_at_its_deadline_while_the_file_is_still_being_built(client, long_lists):
    clock = itertools.count(0, 4)  # four seconds pass at every look at the clock
    got = load.fetch_when_built(_get(client), "/export/archive.txt?style=mla", deadline=20,
                                wait=lambda seconds: None, now=lambda: next(clock))
    assert got["status"] == 503 and not got["stored"] and got["asked"] >= 2
    builds = load.export_builds(timezone.now() - timezone.timedelta(minutes=5))
    assert [(b["style"], b["status"], b["built"]) for b in builds] == [("mla", "READY", None)]
    assert "not finished" in load._builds_text(builds)


def test_the_uncached_bench_names_each_kind_of_page_of_the_mix():
    from archive.bench.uncached import by_kind, url_kind

    assert [url_kind(u) for u in ("/", "/entries/a-b/", "/entries/a-b/cite.txt?style=apa", "/entries/a-b/cite.bib",
                                  "/api/entries/12/", "/api/entries/?q=x", "/search/?q=x", "/statements/?q=x",
                                  "/statements/?speaker=qi", "/people/qi/", "/people/", "/feeds/entries/")] == [
        "home", "entry", "cite.txt", "cite.bib", "API record", "API list or search", "search", "statements",
        "statements by speaker", "person", "browse, feed", "browse, feed"]
    timed = [(0, 0.030, "/entries/a/", 200), (0, 0.010, "/entries/b/", 200), (0, 0.015, "/", 200)]
    assert by_kind(timed) == "entry 20 ms (2), home 15 ms (1)"


def test_the_row_says_how_far_an_unfinished_build_had_got(tmp_path):
    assert load._unfinished_text(tmp_path / "missing") == "" and load._unfinished_text(tmp_path) == ""
    (tmp_path / "abc-123.txt.4242.part").write_text("one\ntwo\nthree\n")
    assert load._unfinished_text(tmp_path) == "; the build running had written 3 references when the row ended"
