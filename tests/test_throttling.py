"""Abuse limits: sign-in attempts and expensive requests per client answer 429 with Retry-After."""
import pytest
from django.test import override_settings

from . import site_data as sd
from .factories import make_user

pytestmark = pytest.mark.django_db


@override_settings(ARCHIVE_LOGIN_RATE="3/m")
def test_sign_in_attempts_are_throttled_per_address_and_per_account(client):
    make_user("eddie")
    for _ in range(3):
        response = client.post("/admin/login/", {"username": "eddie", "password": "wrong"})
        assert response.status_code == 200  # the form again, with its error
    blocked = client.post("/admin/login/", {"username": "eddie", "password": "pw-for-tests"})
    assert blocked.status_code == 429 and int(blocked["Retry-After"]) >= 1
    assert "Too many sign-in attempts" in blocked.content.decode()
    # The same account from another address is still limited (per-account count).
    other = client.post("/admin/login/", {"username": "EDDIE", "password": "pw-for-tests"}, REMOTE_ADDR="10.9.8.7")
    assert other.status_code == 429
    # Another account from another address signs in.
    make_user("ada")
    ok = client.post("/admin/login/", {"username": "ada", "password": "pw-for-tests"}, REMOTE_ADDR="10.9.8.6")
    assert ok.status_code == 302


@override_settings(ARCHIVE_EXPENSIVE_RATE="2/m")
def test_exports_are_limited_per_client_in_the_clients_format(client):
    sd.entry("Something to export")
    for _ in range(2):
        assert client.get("/export/archive.ris").status_code == 200
    blocked = client.get("/export/archive.ris")
    assert blocked.status_code == 429 and blocked["Content-Type"].startswith("text/plain")
    assert int(blocked["Retry-After"]) >= 1
    # Another client is not affected.
    assert client.get("/export/archive.ris", REMOTE_ADDR="10.1.2.3").status_code == 200


@override_settings(ARCHIVE_EXPENSIVE_RATE="2/m")
def test_deep_search_pages_are_limited_but_first_pages_are_not(client):
    sd.entry("Trade one")
    for _ in range(5):
        assert client.get("/search/?q=trade").status_code == 200
    for _ in range(2):
        assert client.get("/search/?q=trade&page=9").status_code == 200
    assert client.get("/search/?q=trade&page=9").status_code == 429
    api = client.get("/api/statements/?page=50")
    assert api.status_code == 429 and api.json()["status"] == 429
    assert client.get("/search/?q=trade").status_code == 200
