"""Short-lived caching of the browse counts (outlets, years, tags, the people index).

Those counts aggregate the whole archive, which costs hundreds of milliseconds at
100,000 entries, on pages (home, years, tags, people) that change rarely. They are
cached for ``TTL`` seconds under a key that includes a fingerprint of the archive (the
newest entry change and the newest tagging), so publishing, editing or tagging an
entry shows at once; a change the fingerprint does not see (a tag renamed, an entry
deleted) shows within ``TTL``. Uses Django's default cache (per-process memory unless
CACHES says otherwise).
"""
import hashlib

from django.core.cache import cache
from django.db import connection
from taggit.models import TaggedItem

from archive.models import Authorship, Entry, Statement

TTL = 300


def archive_fingerprint():
    """A string that changes whenever an entry is saved or created, or gains a tag, an author or a statement.

    One query of five index-only maxima, so checking costs far less than counting.
    """
    tables = [m._meta.db_table for m in (Entry, Entry, TaggedItem, Authorship, Statement)]
    columns = ["updated_at", "id", "id", "id", "id"]
    q = connection.ops.quote_name
    sql = "SELECT " + ", ".join(f"(SELECT MAX({q(c)}) FROM {q(t)})" for t, c in zip(tables, columns))
    with connection.cursor() as cursor:
        cursor.execute(sql)
        row = cursor.fetchone()
    return hashlib.sha1(repr(row).encode()).hexdigest()[:16]


def cached(name, compute, fingerprint, *args):
    """``compute(*args)``, cached under ``name``, ``args`` and the archive ``fingerprint``."""
    key = "archive-browse:" + hashlib.sha1(repr((name, fingerprint, args)).encode()).hexdigest()
    value = cache.get(key)
    if value is None:
        value = compute(*args)
        cache.set(key, value, TTL)
    return value
