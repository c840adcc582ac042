"""Warming a freshly started server process before its first visitor.

The first search in a new process pays for what every later one finds ready: Django's
URL resolver and compiled templates, the search modules, the database connection and
its settings, and, on SQLite, the full-text index's pages, read from disk or from the
operating system's file cache into the connection's own page cache. At 100,000 entries
that made the first search of a common word take 0.4-5 s (issue 14). ``warm()`` does
that work once at start-up (config/wsgi.py calls it, so only a server pays for it;
tests, migrations and management commands never import the WSGI module), then closes the
connection it used so a forking server never shares it with its workers.

Nothing here is needed for correctness: a failure is logged and the server starts
anyway, unwarmed.
"""
import logging
import os
import time

from django.db import DatabaseError, connections

logger = logging.getLogger(__name__)

#: The pages whose templates are compiled ahead (Django's cached loader keeps them).
TEMPLATES = ("archive/search.html", "archive/statements.html", "archive/person_detail.html",
             "archive/entry_detail.html", "archive/home.html")
#: How many of the newest entries' titles give the words searched while warming: words
#: the archive itself holds (no word list to keep), the kind visitors search.
TITLES = 3


def enabled():
    """False when ``ARCHIVE_WARM_START`` is 0/false/no/off (tests' server processes set it)."""
    return os.environ.get("ARCHIVE_WARM_START", "1").strip().lower() not in ("0", "false", "no", "off", "")


def warm(using="default", close=True):
    """Prepare this process for its first searches; returns {step: seconds}, or
    {step: None} for a step that failed (logged: the server starts anyway).

    ``close``: close the connection afterwards (a server process; a test keeps its own)."""
    took = {}
    for name, step in (("urls and templates", _urls_and_templates), ("index", _index),
                       ("searches", _searches)):
        started = time.perf_counter()
        try:
            step(using)
            took[name] = time.perf_counter() - started
        except Exception as error:  # noqa: BLE001 - an unmigrated or unreachable database: start anyway
            logger.warning("warm-up step %r skipped: %s", name, error, exc_info=not isinstance(error, DatabaseError))
            took[name] = None
    # A server that forks after loading the application must not hand this connection
    # to its workers (config/gunicorn.py closes it after the fork as well).
    if close:
        connections[using].close()
    logger.info("warmed in %.2f s (%s)", sum(v or 0 for v in took.values()),
                ", ".join(f"{k} {'failed' if v is None else f'{v:.2f} s'}" for k, v in took.items()))
    return took


def _urls_and_templates(using):
    from django.template.loader import get_template
    from django.urls import reverse

    reverse("archive:search")
    for name in TEMPLATES:
        get_template(name)


def _index(using):
    """SQLite: read the full-text index tables through once, so their pages are in the
    operating system's file cache (a fresh connection then reads them from memory; a
    server just restarted after a reboot would otherwise read them from disk, one page
    at a time, during its first searches). PostgreSQL keeps its own shared cache across
    connections: nothing to do."""
    connection = connections[using]
    if connection.vendor != "sqlite":
        return
    from .backends.sqlite import ENTRY_TABLE, STATEMENT_TABLE

    with connection.cursor() as cursor:
        for table in (ENTRY_TABLE, STATEMENT_TABLE):
            # The shadow table holding the index's b-tree segments, read in rowid order.
            cursor.execute(f"SELECT sum(length(block)) FROM {table}_data")
            cursor.fetchone()


def _searches(using):
    """Run the search the pages run (count, ranking, facets, hits, snippets) for words
    from the newest entries' titles."""
    from archive.models import Entry

    from . import search_entries, search_statements

    titles = list(Entry.objects.published().order_by("-pk").values_list("title", flat=True)[:TITLES])
    words = [w for title in titles for w in (title or "").split() if len(w) > 3 and w.isalpha()]
    for word in dict.fromkeys(words[:TITLES * 2]):
        search_entries(word, facets=True)
        search_statements(word)
