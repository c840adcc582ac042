"""Dependency tags: each cached response records the version token of every tag it
depends on; a change replaces the tokens of the tags it touches, and a response whose
recorded tokens are no longer current is recomputed.

Tags name what a response shows:

- ``entry:<id>``    one entry's own page, API record and citation files;
- ``statement:<id>`` one statement's citation files;
- ``person:<id>``   a name record's page, feed and lists (bumped by any change to an
                    entry they wrote or are quoted in) — entry pages of their entries
                    depend on it too, for the names and citation keys they show;
- ``name:<id>``     how a name record reads (entry pages quoting them);
- ``outlet:<id>``   an outlet's page, feed and export, and its name on entry pages;
- ``tag:<id>``      a tag's page, feed and export, and its name on entry pages;
- ``lists``         everything that lists or counts across the archive (home, search,
                    statements, browse pages, the API's lists, feeds, sitemaps, OAI,
                    whole-archive exports): bumped by every public change.

Tokens are random, never counters: a token evicted from the cache reads as missing,
which makes every response depending on it stale (never wrongly fresh).

Bumps happen twice: at once (so a page read later in the same transaction, or in a
test, sees the change) and again when the transaction commits (so a reader who
rendered the old rows between the two cannot keep them: see ``middleware``).
"""
import threading
import uuid

from django.core.cache import cache
from django.db import transaction

LISTS = "lists"
PREFIX = "v:"

_pending = threading.local()


def key(tag):
    return PREFIX + tag


def token():
    return uuid.uuid4().hex[:12]


def current(tags):
    """{tag: token} for ``tags``; a missing token is created (first use, or evicted)."""
    keys = [key(t) for t in tags]
    found = cache.get_many(keys)
    missing = [k for k in keys if k not in found]
    for k in missing:
        cache.add(k, token(), None)
    if missing:
        found.update(cache.get_many(missing))
    return {t: found.get(key(t)) for t in tags}


def still_current(recorded):
    """True when every recorded token is the tag's current one (one cache round trip)."""
    if not recorded:
        return True
    found = cache.get_many([key(t) for t in recorded])
    return all(found.get(key(t)) == v and v is not None for t, v in recorded.items())


def bump(tags):
    """Replace the tokens of ``tags`` now and again when the transaction commits.

    Within one transaction a tag is replaced at once only the first time (an import
    saving hundreds of statements of one entry writes its tokens once), and all are
    replaced again after the commit.
    """
    tags = set(tags)
    if not tags:
        return
    connection = transaction.get_connection()
    if not connection.in_atomic_block:
        _replace(tags)
        return
    outermost = id(connection.atomic_blocks[0]) if connection.atomic_blocks else None
    if getattr(_pending, "transaction", None) != outermost:
        # A transaction we saw before ended (committed and flushed, or rolled back).
        _pending.transaction, _pending.tags = outermost, set()
    new = tags - _pending.tags
    if new:
        _replace(new)
        _pending.tags |= new
    _pending.tags |= tags
    transaction.on_commit(_flush)


def bump_group_entries(group_id):
    """Bump, when the transaction commits, the entries quoting statement group ``group_id``
    (one query for all the groups touched, however many of their statements were saved;
    a flush is registered every time, as one from a rolled-back transaction never runs)."""
    if not hasattr(_pending, "groups"):
        _pending.groups = set()
    _pending.groups.add(group_id)

    def flush():
        from archive.models import Statement

        ids = getattr(_pending, "groups", set())
        _pending.groups = set()
        if ids:
            entries = Statement.objects.filter(group_id__in=ids).values_list("entry_id", flat=True).distinct()
            _replace({f"entry:{pk}" for pk in entries})

    transaction.on_commit(flush)


def writing():
    """True while this thread's open transaction has changed public data: what it reads
    may be newer than the tokens (replaced once per transaction), so nothing it renders
    is stored until the commit replaces them again."""
    connection = transaction.get_connection()
    if not connection.in_atomic_block or not connection.atomic_blocks:
        return False
    return bool(getattr(_pending, "tags", None)) and \
        getattr(_pending, "transaction", None) == id(connection.atomic_blocks[0])


def _replace(tags):
    """New tokens for ``tags``; ``lists`` first (a reader compares it before and after
    computing a response and stores nothing if it moved: see ``middleware``)."""
    tags = set(tags)
    if LISTS in tags:
        cache.set(key(LISTS), token(), None)
        tags.discard(LISTS)
    if tags:
        cache.set_many({key(t): token() for t in tags}, None)


def _flush():
    tags = getattr(_pending, "tags", set())
    _pending.transaction, _pending.tags = None, set()
    if tags:
        _replace(tags)
