"""Short-lived caching of the browse counts (outlets, years, tags, the people index).

Those counts aggregate the whole archive, which costs hundreds of milliseconds at
100,000 entries, on pages (home, years, tags, people) that change rarely. They are
cached for ``TTL`` seconds under a key that includes a fingerprint of the archive
(see ``archive_fingerprint``), so publishing, editing or tagging an entry, or
rejecting a statement, shows at once; a change the fingerprint does not see (a tag
renamed, a bulk ``update()``) shows within ``TTL``. Uses Django's default cache
(per-process memory unless CACHES says otherwise).
"""
import hashlib

from django.core.cache import cache
from django.db import connection
from taggit.models import TaggedItem

from archive.models import Agent, Authorship, Entry, Statement

TTL = 300


def archive_fingerprint():
    """A string that changes whenever an entry, statement or name record is saved, created or
    deleted, or an entry gains a tag or an author.

    One query of index-only maxima: the newest entry change and id, the newest tagging
    and authorship, and the newest history record of entries, statements and name
    records (django-simple-history writes one on every save and delete, so a statement
    rejected or an entry unpublished changes the fingerprint too).
    """
    with connection.cursor() as cursor:
        cursor.execute(_fingerprint_sql(connection.vendor))
        row = cursor.fetchone()
    return hashlib.sha1(repr(row).encode()).hexdigest()[:16]


_FINGERPRINT_SQL = {}


def _fingerprint_sql(vendor):
    """The fingerprint's query, written once per database engine: reaching a history
    model (``Entry.history.model``) builds a manager class each time, three of them
    about a millisecond of every page that asks for the fingerprint."""
    sql = _FINGERPRINT_SQL.get(vendor)
    if sql is None:
        sources = [
            (Entry, "updated_at"), (Entry, "id"), (TaggedItem, "id"), (Authorship, "id"), (Statement, "id"),
            (Entry.history.model, "history_id"), (Statement.history.model, "history_id"),
            (Agent.history.model, "history_id"),
        ]
        q = connection.ops.quote_name
        sql = _FINGERPRINT_SQL[vendor] = "SELECT " + ", ".join(
            f"(SELECT MAX({q(column)}) FROM {q(model._meta.db_table)})" for model, column in sources)
    return sql


def cached(name, compute, fingerprint, *args):
    """``compute(*args)``, cached under ``name``, ``args`` and the archive ``fingerprint``."""
    key = "archive-browse:" + hashlib.sha1(repr((name, fingerprint, args)).encode()).hexdigest()
    value = cache.get(key)
    if value is None:
        value = compute(*args)
        cache.set(key, value, TTL)
    return value
