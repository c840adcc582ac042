"""One import writes at a time: a second import waits its turn instead of failing (D5).

Two imports of the same file at once used to race: both found no entry with the
file's checksum, both created one, and the second died on the unique slug
(PostgreSQL) or on "database is locked" (SQLite), exiting 1 although nothing was
wrong. Each file is now stored while holding the archive's import lock, so the
second import finds the first one's entry and reports it "unchanged".

- PostgreSQL: a transaction-level advisory lock, released when the file's
  transaction commits or rolls back (also across machines).
- SQLite: an exclusive ``flock`` on a file beside the database (SQLite lives on one
  machine, so every process that writes it sees the same lock file), released when
  the file's transaction ends; SQLite's own write lock has a timeout, this one waits.
"""
import fcntl
import os
import zlib
from contextlib import contextmanager
from pathlib import Path

from django.db import connection, transaction

#: The advisory lock key: any fixed 64-bit number other code does not use.
ADVISORY_KEY = zlib.crc32(b"commentary-archive:import")


@contextmanager
def import_turn():
    """Wait for the import lock, then run the body in a transaction that holds it.

    On SQLite the file lock is taken before the transaction begins: a process that
    held SQLite's write lock while waiting for ours would block the one we wait for.
    """
    if connection.vendor == "sqlite" and _database_file():
        with _file_lock(_database_file() + ".import-lock"), transaction.atomic():
            yield
        return
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_xact_lock(%s)", [ADVISORY_KEY])
        yield  # an in-memory SQLite database: one process, nothing to wait for


def _database_file():
    name = str(connection.settings_dict["NAME"])
    if not name or name == ":memory:" or name.startswith("file:") or "mode=memory" in name:
        return ""
    return name


@contextmanager
def _file_lock(path):
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)
