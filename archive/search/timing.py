"""Where a search page's time goes: named parts timed only when someone is listening.

The search service and the search views wrap each part of their work (the engine
query, facets, loading hits, snippets, template rendering) in ``part(name)``. Nothing is
recorded unless a caller opened ``recording()`` around the request, as the bench does;
otherwise ``part`` costs one context-variable look-up. Pure Python (no Django), so the
same names mean the same thing in the bench table, the service and the views.
"""
from __future__ import annotations

import time
from contextlib import contextmanager
from contextvars import ContextVar

#: The parts of a search page, in the order the bench reports them.
PARTS = ("engine", "facets", "hits", "snippets", "render")
PART_LABELS = {
    "engine": "engine query (count + ranked page)",
    "facets": "facets",
    "hits": "loading hits",
    "snippets": "snippets",
    "render": "template rendering",
}

_active: ContextVar[Timings | None] = ContextVar("search_timing", default=None)


class Timings:
    """Seconds per part: ``wall`` (elapsed) and ``cpu`` (this thread's processor time,
    which other work on a busy machine does not inflate; on SQLite it includes the
    engine, on PostgreSQL only the client's side). Summed when a part repeats."""

    def __init__(self):
        self.wall: dict = {}
        self.cpu: dict = {}

    def add(self, name, wall, cpu):
        self.wall[name] = self.wall.get(name, 0.0) + wall
        self.cpu[name] = self.cpu.get(name, 0.0) + cpu


@contextmanager
def recording():
    """Collect the parts timed inside the block into a ``Timings``."""
    found = Timings()
    token = _active.set(found)
    try:
        yield found
    finally:
        _active.reset(token)


@contextmanager
def part(name):
    """Time the block as part ``name`` when a recording is open; otherwise do nothing."""
    found = _active.get()
    if found is None:
        yield
        return
    wall, cpu = time.perf_counter(), time.thread_time()
    try:
        yield
    finally:
        found.add(name, time.perf_counter() - wall, time.thread_time() - cpu)
