"""The read-only JSON API: stable fields, ISO dates, links, published data only."""
import datetime

import pytest

from archive.models import Alias
from archive.search.indexing import rebuild
from tests import site_data as make

pytestmark = pytest.mark.django_db


@pytest.fixture
def corpus():
    rsis = make.outlet("RSIS", slug="rsis")
    qi, tompros = make.agent("Qi Dapeng"), make.agent("Louis Tompros", wikidata="Q1")
    Alias.objects.create(agent=tompros, name="L. Tompros")
    grp = make.group("open weights change the economics", tompros)
    a = make.entry("DeepSeek and equity", outlet_obj=rsis, authors=[qi], tags=["AI"], synopsis="Open models.",
                   paragraphs=['Tompros said "open weights change the economics" plainly.'],
                   published_on=datetime.date(2025, 3, 17))
    s = make.statement(a, "open weights change the economics", tompros, group=grp, cue="said",
                       verification="verified", source_url="https://example.org/src")
    b = make.entry("Echoes of open weights", paragraphs=['Again: "open weights change the economics".'],
                   published_on=datetime.date(2024, 1, 2))
    make.statement(b, "open weights change the economics", tompros, group=grp)
    draft = make.entry("Open draft", status="draft", paragraphs=['Draft says "open weights change the economics".'])
    make.statement(draft, "open weights change the economics", tompros)
    rejected = make.statement(a, "plainly", tompros, review_status="rejected")
    rebuild()
    return {"rsis": rsis, "qi": qi, "tompros": tompros, "a": a, "b": b, "s": s, "draft": draft, "rejected": rejected}


def test_entries_search_returns_results_snippets_facets_and_links(client, corpus):
    response = client.get("/api/entries/?q=open")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    data = response.json()
    assert set(data) == {"query", "count", "count_is_capped", "count_display", "page", "per_page", "num_pages",
                         "ranked_limit", "links", "results", "facets", "facets_exact", "facet_sample",
                         "facet_sample_of", "facet_note"}
    assert data["count"] == 2 and data["count_is_capped"] is False and data["count_display"] == "2"
    assert data["ranked_limit"] is None and data["facets_exact"] is True and data["facet_sample"] is None
    assert data["query"]["ignored"] == [] and data["query"]["notes"] == []
    titles = {r["title"] for r in data["results"]}
    assert titles == {"DeepSeek and equity", "Echoes of open weights"}
    first = next(r for r in data["results"] if r["title"] == "DeepSeek and equity")
    assert first["published_on"] == "2025-03-17"
    assert first["outlet"]["slug"] == "rsis"
    assert first["authors"][0]["name"] == "Qi Dapeng" and first["authors"][0]["role"] == "author"
    assert first["tags"] == [{"slug": "ai", "name": "AI"}]
    assert first["api_url"] == f"http://testserver/api/entries/{corpus['a'].pk}/"
    assert "<mark>" in first["snippet_html"]
    outlets = data["facets"]["outlet"]
    assert outlets[0]["value"] == "rsis" and outlets[0]["count"] == 1
    assert outlets[0]["filter_url"] == "http://testserver/api/entries/?q=open&outlet=rsis"
    assert data["links"]["self"] == "http://testserver/api/entries/?q=open"
    assert data["links"]["next"] is None


def test_entries_filters_sort_and_pagination_links(client, corpus):
    data = client.get("/api/entries/?q=open&outlet=rsis").json()
    assert [r["title"] for r in data["results"]] == ["DeepSeek and equity"]
    assert data["query"]["filters"] == {"outlet": "rsis"}
    data = client.get("/api/entries/?sort=oldest&per_page=1").json()
    assert [r["title"] for r in data["results"]] == ["Echoes of open weights"]
    assert data["links"]["next"] == "http://testserver/api/entries/?sort=oldest&page=2&per_page=1"
    second = client.get(data["links"]["next"]).json()
    assert [r["title"] for r in second["results"]] == ["DeepSeek and equity"]
    assert second["links"]["previous"] == "http://testserver/api/entries/?sort=oldest&per_page=1"


def test_bad_parameters_are_reported_not_errors(client, corpus):
    response = client.get("/api/entries/?q=open&year=nope&per_page=abc&page=-1")
    assert response.status_code == 200
    assert any("year" in p for p in response.json()["query"]["problems"])


def test_entry_detail_with_statements_and_speakers(client, corpus):
    a, s, tompros = corpus["a"], corpus["s"], corpus["tompros"]
    data = client.get(f"/api/entries/{a.pk}/").json()
    assert data["title"] == "DeepSeek and equity"
    assert data["body"].startswith("Tompros said")
    assert data["updated_at"].startswith(str(datetime.date.today().year))
    assert [st["id"] for st in data["statements"]] == [s.pk]  # the rejected one is left out
    st = data["statements"][0]
    assert st["quote"] == "open weights change the economics"
    assert data["body"][st["start"]:st["end"]] == st["quote"]
    assert st["speaker"]["name"] == "Louis Tompros"
    assert st["verification"] == {"status": "verified", "source_url": "https://example.org/src", "note": ""}
    assert st["url"].endswith(f"{a.get_absolute_url()}#s{s.pk}")
    assert data["speakers"] == [{**st["speaker"], "statement_count": 1}]
    assert tompros.pk == data["speakers"][0]["id"]


def test_drafts_and_unknown_ids_are_404_json(client, corpus):
    response = client.get(f"/api/entries/{corpus['draft'].pk}/")
    assert response.status_code == 404 and response.json()["error"]
    assert client.get("/api/entries/999999/").status_code == 404
    assert client.get("/api/people/999999/").status_code == 404
    assert "Open draft" not in client.get("/api/entries/?q=open").content.decode()


def test_person_detail(client, corpus):
    tompros, a, b = corpus["tompros"], corpus["a"], corpus["b"]
    data = client.get(f"/api/people/{tompros.pk}/").json()
    assert data["name"] == "Louis Tompros" and data["kind"] == "person"
    assert data["aliases"] == ["L. Tompros"]
    assert data["identifiers"] == {"wikidata": "Q1", "orcid": None, "viaf": None}
    assert data["entries_written"]["count"] == 0
    assert data["statements"]["count"] == 1
    st = data["statements"]["results"][0]
    assert st["entry"]["id"] == a.pk
    assert [p["id"] for p in st["also_quoted_in"]] == [b.pk]


def test_statements_search(client, corpus):
    data = client.get("/api/statements/?q=economics").json()
    assert data["count"] == 2
    assert all("<mark>" in r["snippet_html"] for r in data["results"])
    assert {r["entry"]["title"] for r in data["results"]} == {"DeepSeek and equity", "Echoes of open weights"}
    assert client.get("/api/statements/?q=economics&speaker=qi-dapeng").json()["count"] == 0
    assert client.get("/api/statements/?speaker=%3Cbad%3E").json()["query"]["problems"] == ["ignored filter: speaker"]


def test_api_is_read_only(client, corpus):
    assert client.post("/api/entries/", {"q": "x"}).status_code == 405


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_writes_get_a_json_405_not_a_csrf_page(corpus, method):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)  # as a browser or a script without a token meets the API
    a, tompros = corpus["a"], corpus["tompros"]
    for url in ("/api/", "/api/entries/", f"/api/entries/{a.pk}/", f"/api/people/{tompros.pk}/", "/api/statements/"):
        response = getattr(client, method)(url, {"q": "x"})
        assert response.status_code == 405, (method, url)
        assert response["Content-Type"] == "application/json"
        assert response["Allow"] == "GET, HEAD"
        assert response.json() == {"error": f"{method.upper()} is not allowed: this API is read-only (GET, HEAD).",
                                   "status": 405}
    assert client.get("/api/entries/", {"q": "open"}).status_code == 200
    assert client.head("/api/entries/").status_code == 200


def test_a_failed_or_stopped_search_is_a_json_503(client, corpus, monkeypatch):
    from django.db import DatabaseError

    from archive.search import SearchTimeout, service

    def stopped(*args, **kwargs):
        raise SearchTimeout("stopped")

    def broken(*args, **kwargs):
        raise DatabaseError("broken")

    monkeypatch.setattr(service, "search_entries", stopped)
    monkeypatch.setattr(service, "search_statements", broken)
    response = client.get("/api/entries/?q=open")
    assert response.status_code == 503 and "took too long" in response.json()["error"]
    response = client.get("/api/statements/?q=open")
    assert response.status_code == 503 and response.json()["error"] == "The search could not be run just now."


def test_query_notes_and_ignored_words(client, corpus):
    data = client.get("/api/entries/", {"q": "the op* economics"}).json()
    assert data["query"]["understood_as"] == "op AND economics (ignored: the)"
    assert data["query"]["ignored"] == ["the"]
    assert data["query"]["notes"] == ["Word beginnings need at least 3 letters; searched as whole words: op."]
    data = client.get("/api/statements/", {"q": "of the"}).json()
    assert data["count"] == 0 and data["query"]["ignored"] == ["of", "the"]


@pytest.mark.parametrize("n", [1, 50])
def test_api_query_count_is_bounded(client, django_assert_max_num_queries, n):
    speaker = make.agent("Many Words")
    entry = None
    for i in range(n):
        entry = make.entry(f"Shared {i}", authors=[make.agent(f"Author {i}")], tags=["x", f"t{i}"],
                           paragraphs=[f'Shared text "saying number {i}" here.'])
        make.statement(entry, f"saying number {i}", speaker, group=make.group(f"saying number {i}", speaker))
    rebuild()
    with django_assert_max_num_queries(16):
        assert client.get("/api/entries/?q=shared&per_page=100").status_code == 200
    with django_assert_max_num_queries(6):
        assert client.get(f"/api/entries/{entry.pk}/").status_code == 200
    with django_assert_max_num_queries(10):
        assert client.get(f"/api/people/{speaker.pk}/").status_code == 200
    with django_assert_max_num_queries(10):
        assert client.get("/api/statements/?q=saying&per_page=100").status_code == 200


def test_api_index_lists_endpoints(client):
    data = client.get("/api/").json()
    assert data["entries"] == "http://testserver/api/entries/"
    assert data["entry"] == "http://testserver/api/entries/{id}/"
    assert "has_statements" in data["parameters"]["entries"]
