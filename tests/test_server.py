"""The production server: gunicorn with config/gunicorn.py, DEBUG off, /healthz, and error
responses in the client's format when the database is down (D7)."""
import pytest

from .importing_helpers import SEEDS
from .processes import base_env, manage, new_database
from .server import Server

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    from django.test.utils import setup_databases  # noqa: F401  (the suite's engine decides)

    tmp = tmp_path_factory.mktemp("served")
    env, drop = new_database(tmp, "served")
    manage(env, "import_commentaries", SEEDS)
    server = Server(env, tmp)
    yield server
    server.stop()
    drop()


@pytest.fixture(scope="module")
def database_down(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("down")
    # A PostgreSQL URL on a port where nothing listens: every query fails to connect.
    env = base_env(DATABASE_URL="postgres://postgres@127.0.0.1:9/archive", CACHE_URL=f"file://{tmp / 'cache'}")
    server = Server(env, tmp)
    yield server
    server.stop()


def test_healthz_answers_when_the_database_does(served, django_db_blocker):
    status, headers, data = served.json("/healthz")
    assert (status, data) == (200, {"status": "ok", "database": "ok"})
    assert "no-cache" in headers["Cache-Control"] or "max-age=0" in headers["Cache-Control"]


def test_pages_are_served_with_debug_off_and_a_strict_csp(served):
    status, headers, body = served.get("/")
    assert status == 200 and b"DeepSeek" in body
    csp = headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "object-src 'none'" in csp
    status, headers, body = served.get("/static/archive/site.css")
    assert status == 200 and b"{" in body
    status, _, body = served.get("/no/such/page/")
    assert status == 404 and b"Traceback" not in body


def test_healthz_is_503_when_the_database_is_down(database_down):
    status, headers, data = database_down.json("/healthz")
    assert status == 503 and data["database"] == "unreachable" and headers["Retry-After"]


@pytest.mark.parametrize("path, content_type, marker", [
    ("/api/entries/", "application/json", b'"status": 503'),
    ("/api/entries/1/", "application/json", b'"status": 503'),
    ("/export/archive.bib", "text/plain", b"cannot be reached"),
    ("/export/archive.txt?style=chicago-notes", "text/plain", b"cannot be reached"),
    ("/entries/some-entry/cite.ris", "text/plain", b"cannot be reached"),
    ("/feeds/entries/", "text/plain", b"cannot be reached"),
    ("/", "text/html", b"<h1>Temporarily unavailable</h1>"),
    ("/search/?q=trade", "text/html", b"The search could not be run just now"),
])
def test_with_the_database_down_every_error_is_in_the_clients_format(database_down, path, content_type, marker):
    status, headers, body = database_down.get(path)
    assert status == 503, (path, status, body[:300])
    assert headers["Content-Type"].startswith(content_type), headers["Content-Type"]
    assert marker in body.replace(b'"status":503', b'"status": 503'), body[:300]
    assert headers["Retry-After"] and b"Traceback" not in body and b"OperationalError" not in body
