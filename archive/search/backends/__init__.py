"""Search backends, one module per database vendor, chosen by the connection's vendor.

A new engine is one new module plus one line in ``BACKENDS``.
"""
from importlib import import_module

from django.db import connection as default_connection

BACKENDS = {
    "sqlite": "archive.search.backends.sqlite.SQLiteBackend",
    "postgresql": "archive.search.backends.postgres.PostgresBackend",
}

_cache = {}


def backend_module(vendor):
    path = BACKENDS.get(vendor)
    if path is None:
        raise NotImplementedError(f"No search backend for the {vendor!r} database.")
    return import_module(path.rsplit(".", 1)[0])


def get_backend(connection=None):
    """The search backend for ``connection`` (the default database when omitted)."""
    connection = connection or default_connection
    key = (connection.alias, connection.vendor)
    if key not in _cache:
        module = backend_module(connection.vendor)
        backend_class = getattr(module, BACKENDS[connection.vendor].rsplit(".", 1)[1])
        _cache[key] = backend_class(connection.alias)
    return _cache[key]
