"""Backup and restore of the whole archive, one documented way per engine.

A backup is a folder:

- ``database.dump`` (PostgreSQL: ``pg_dump --format=custom``) or ``database.sqlite3``
  (SQLite: the online backup API, consistent while the site keeps serving and
  writing). Either holds every table: entries, names, statements, history, review
  decisions, tombstones, import jobs, and the search index (PostgreSQL's tsvector
  tables, SQLite's FTS5 tables), so search answers at once after a restore;
- ``media.tar.gz``: MEDIA_ROOT, without stored exports (they are rebuilt on demand);
- ``backup.json``: engine, time, the latest migration and a count of each kind of record.

``restore`` loads a backup into the configured database, which must hold no entries
(``force`` to replace an archive), applies newer migrations, rebuilds the search
index when asked (``rebuild_index``; the backup holds it), and empties the cache so no page from before is served.
A dumpdata/loaddata round trip is not used: it restores the records but not the
search index (and is slow).
"""
import datetime
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.db.migrations.recorder import MigrationRecorder


class BackupError(Exception):
    pass


def _counts():
    from archive.models import Agent, Entry, EntryTombstone, Statement

    return {"entries": Entry.objects.count(), "published": Entry.objects.filter(status="published").count(),
            "statements": Statement.objects.count(), "names": Agent.objects.count(),
            "history": Entry.history.count(), "tombstones": EntryTombstone.objects.count()}


def _pg_env():
    s = connection.settings_dict
    env = {**os.environ}
    if s.get("PASSWORD"):
        env["PGPASSWORD"] = str(s["PASSWORD"])
    args = ["-h", str(s.get("HOST") or "127.0.0.1"), "-p", str(s.get("PORT") or 5432),
            "-U", str(s.get("USER") or "postgres")]
    return env, args, str(s["NAME"])


def backup(folder):
    """Write a backup of the configured database and media into ``folder`` (created)."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    vendor = connection.vendor
    if vendor == "postgresql":
        env, args, name = _pg_env()
        result = subprocess.run(["pg_dump", "--format=custom", "--no-owner", "--no-privileges", *args,
                                 "-f", str(folder / "database.dump"), name], env=env, capture_output=True, text=True)
        if result.returncode:
            raise BackupError(f"pg_dump failed: {result.stderr.strip()}")
    elif vendor == "sqlite":
        connection.ensure_connection()
        target = sqlite3.connect(folder / "database.sqlite3")
        try:
            connection.connection.backup(target)
        finally:
            target.close()
    else:
        raise BackupError(f"no backup procedure for {vendor}")
    media = Path(settings.MEDIA_ROOT)
    if media.is_dir():
        with tarfile.open(folder / "media.tar.gz", "w:gz") as tar:
            tar.add(media, arcname="media", filter=lambda info: None if "/exports" in info.name else info)
    latest = MigrationRecorder.Migration.objects.filter(app="archive").order_by("-id").values_list("name", flat=True)
    manifest = {"engine": vendor, "created": datetime.datetime.now(datetime.timezone.utc).isoformat(),
                "archive_migration": latest.first(), "counts": _counts()}
    (folder / "backup.json").write_text(json.dumps(manifest, indent=2) + "\n")
    return manifest


def restore(folder, force=False, rebuild_index=False):
    """Load the backup in ``folder`` into the configured database; returns the record counts."""
    folder = Path(folder)
    try:
        manifest = json.loads((folder / "backup.json").read_text())
    except (OSError, ValueError) as error:
        raise BackupError(f"{folder} is not a backup (backup.json unreadable: {error})") from error
    vendor = connection.vendor
    if manifest.get("engine") != vendor:
        raise BackupError(f"this backup is of a {manifest.get('engine')} database; the configured one is {vendor}. "
                          "Move data between engines with dumpdata/loaddata, then rebuild_search_index.")
    if not force and _holds_entries():
        raise BackupError("the configured database already holds entries; restore into an empty database "
                          "(or pass --force to replace them)")
    if vendor == "postgresql":
        env, args, name = _pg_env()
        connection.close()
        result = subprocess.run(["pg_restore", "--clean", "--if-exists", "--no-owner", "--no-privileges",
                                 "--single-transaction", *args, "-d", name, str(folder / "database.dump")],
                                env=env, capture_output=True, text=True)
        if result.returncode:
            raise BackupError(f"pg_restore failed: {result.stderr.strip()}")
    else:
        connection.ensure_connection()
        source = sqlite3.connect(folder / "database.sqlite3")
        try:
            source.backup(connection.connection)
        finally:
            source.close()
        connection.close()
    media = folder / "media.tar.gz"
    if media.exists():
        target = Path(settings.MEDIA_ROOT)
        target.mkdir(parents=True, exist_ok=True)
        with tarfile.open(media) as tar:
            for member in tar.getmembers():
                if member.name.startswith("media/") and ".." not in member.name and member.isfile():
                    out = target / member.name[len("media/"):]
                    out.parent.mkdir(parents=True, exist_ok=True)
                    with tar.extractfile(member) as src, out.open("wb") as dst:
                        shutil.copyfileobj(src, dst)
    call_command("migrate", interactive=False, verbosity=0)
    if rebuild_index:  # the index is in the backup; this is for a backup made by other means
        from archive.search.indexing import rebuild

        rebuild()
    cache.clear()
    return _counts()


def _holds_entries():
    from archive.models import Entry

    try:
        return Entry.objects.exists()
    except Exception:  # no tables yet: an empty database
        return False
