"""Real processes against a real database file or server, for what one process cannot show.

Concurrent imports, a gunicorn server, a background worker and a backup/restore all
need other processes to see the same database. The test database of pytest-django is
an in-memory SQLite database (invisible to other processes) or sits inside a
transaction, so ``process_database`` makes a database of its own: a migrated SQLite
file, or a fresh PostgreSQL database beside the test database when the suite runs on
PostgreSQL. The environment it yields points ``manage.py`` and gunicorn at it.
"""
import os
import subprocess
import sys
import uuid
from pathlib import Path

from django.db import connection

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable


def base_env(**extra):
    # Not the browser tests' DJANGO_ALLOW_ASYNC_UNSAFE, nor a developer's local.env.
    env = {k: v for k, v in os.environ.items() if k not in ("DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE")}
    env["ARCHIVE_LOCAL_ENV"] = ""
    env.update({"DEBUG": "0", "SECRET_KEY": "process-test-" + "x" * 50, "ALLOWED_HOSTS": "127.0.0.1,localhost",
                "SECURE_SSL_REDIRECT": "0", "PYTHONPATH": str(ROOT), "LOG_LEVEL": "WARNING",
                # No start-up warm-up in the tests' servers (archive/search/warmup.py).
                "ARCHIVE_WARM_START": "0"})
    env.update(extra)
    return env


def manage(env, *args, check=True, timeout=300, **kwargs):
    """Run ``manage.py`` with ``args``; returns the CompletedProcess (text)."""
    result = subprocess.run([PYTHON, str(ROOT / "manage.py"), *map(str, args)], env=env, cwd=ROOT,
                            capture_output=True, text=True, timeout=timeout, **kwargs)
    if check and result.returncode != 0:
        raise AssertionError(f"manage.py {' '.join(map(str, args))} exited {result.returncode}:\n"
                             f"{result.stdout}\n{result.stderr}")
    return result


def shell(env, code):
    """Run Python ``code`` in ``manage.py shell`` and return what it printed."""
    return manage(env, "shell", "--no-imports", "-c", code).stdout.strip()


def new_database(tmp_dir, label="proc"):
    """(env, drop) for an empty, migrated database of the suite's engine."""
    if connection.vendor == "postgresql":
        settings = connection.settings_dict
        name = f"{settings['NAME']}_{label}_{uuid.uuid4().hex[:6]}"[:60]
        user, host, port = settings.get("USER") or "postgres", settings.get("HOST") or "127.0.0.1", \
            settings.get("PORT") or 5432
        password = settings.get("PASSWORD") or ""
        auth = f"{user}:{password}@" if password else f"{user}@"
        url = f"postgres://{auth}{host}:{port}/{name}"
        admin_url = f"postgres://{auth}{host}:{port}/postgres"

        def admin(sql):
            import psycopg

            with psycopg.connect(admin_url, autocommit=True) as conn:
                conn.execute(sql)

        admin(f'CREATE DATABASE "{name}"')

        def drop():
            admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    else:
        path = Path(tmp_dir) / f"{label}.sqlite3"
        url = f"sqlite:///{path}"

        def drop():
            for suffix in ("", "-wal", "-shm", ".import-lock"):
                Path(str(path) + suffix).unlink(missing_ok=True)
    env = base_env(DATABASE_URL=url, CACHE_URL=f"file://{Path(tmp_dir) / (label + '-cache')}",
                   ARCHIVE_MEDIA_ROOT=str(Path(tmp_dir) / (label + "-media")))
    manage(env, "migrate", "--noinput", "-v0")
    return env, drop
