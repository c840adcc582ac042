"""The start-up warm-up of a server process (archive/search/warmup.py)."""
import logging

import pytest
from django.db import DatabaseError

from archive.search import search_entries, service, warmup
from archive.search.indexing import rebuild

from .test_search_backend import make_entry


@pytest.mark.django_db
def test_warm_up_searches_the_archive_and_leaves_it_searchable(django_capture_on_commit_callbacks, monkeypatch):
    with django_capture_on_commit_callbacks(execute=True):
        make_entry("Tariffs and the harbour economy", body="Harbour tariffs reshape regional trade.")
        make_entry("Quiet diplomacy", body="Nothing about ports here.")
    rebuild()
    searched = []
    monkeypatch.setattr(service, "search_entries", lambda q, **kw: searched.append(q) or search_entries(q, **kw))
    took = warmup.warm(close=False)
    assert set(took) == {"urls and templates", "index", "searches"}
    assert None not in took.values(), took
    # words of the newest titles, searched as the page searches them
    assert "diplomacy" in searched and "Tariffs" in searched
    assert search_entries("harbour").total == 1


@pytest.mark.django_db
def test_a_failed_warm_up_step_is_logged_and_the_rest_still_runs(monkeypatch, caplog):
    def broken(using):
        raise DatabaseError("no such table: search_entry_fts_data")

    monkeypatch.setattr(warmup, "_index", broken)
    with caplog.at_level(logging.WARNING, logger="archive.search.warmup"):
        took = warmup.warm(close=False)
    assert took["index"] is None
    assert took["searches"] is not None and took["urls and templates"] is not None
    assert "no such table" in caplog.text


@pytest.mark.parametrize("value, expected", [("0", False), ("off", False), ("1", True), (None, True)])
def test_warm_up_can_be_turned_off(monkeypatch, value, expected):
    if value is None:
        monkeypatch.delenv("ARCHIVE_WARM_START", raising=False)
    else:
        monkeypatch.setenv("ARCHIVE_WARM_START", value)
    assert warmup.enabled() is expected
