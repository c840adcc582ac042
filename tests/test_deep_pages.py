"""D3: search and statement lists are paged to a bounded depth, with a message beyond it
(an OFFSET of 10,000 results took 10-14 s on SQLite at 100,000 entries)."""
import pytest

from archive.views import params

from . import site_data as sd

pytestmark = pytest.mark.django_db


@pytest.fixture
def many(monkeypatch):
    monkeypatch.setattr(params, "MAX_RESULT_DEPTH", 40)
    speaker = sd.agent("Sam Speaker")
    for n in range(70):
        entry = sd.entry(f"Trade commentary {n}", paragraphs=[f"He said “we trade {n}” today.", "More."])
        sd.statement(entry, f"we trade {n}", speaker)


def test_search_pages_stop_at_the_cap_with_a_message(client, many):
    response = client.get("/search/?sort=newest&page=3")
    text = response.content.decode()
    assert response.status_code == 200
    assert "Only the first 40 results can be paged through, so this is page 2" in text
    assert response.context["pager"]["num_pages"] == 2 and response.context["pager"]["next"] is None
    assert len(response.context["entries"]) == 20
    assert "Only the first" not in client.get("/search/?sort=newest&page=2").content.decode()


def test_statement_pages_stop_at_the_cap(client, many):
    response = client.get("/statements/?page=4")
    assert "so this is page 2" in response.content.decode()
    assert response.context["results"].page == 2


def test_api_pages_stop_at_the_cap_whatever_per_page(client, many):
    data = client.get("/api/statements/?page=50&per_page=10").json()
    assert data["page"] == 4 and data["links"]["next"] is None
    assert any("Only the first 40 results" in p for p in data["query"]["problems"])
    data = client.get("/api/entries/?sort=newest&page=9").json()
    assert data["page"] == 2 and data["links"]["last"].endswith("page=2")


def test_statement_browse_walks_entries_newest_first_in_the_same_order(client, many):
    """The browse order (newest entry first, then by place) without sorting every statement."""
    import datetime

    from django.db.models import F

    from archive.models import Entry, Statement

    Entry.objects.filter(pk__in=list(Entry.objects.order_by("pk").values_list("pk", flat=True)[:10])).update(
        published_on=datetime.date(2026, 1, 1))
    Statement.objects.filter(pk=Statement.objects.order_by("pk").first().pk).update(review_status="rejected")
    expected = list(
        Statement.objects.filter(entry__status="published").exclude(review_status="rejected")
        .order_by(F("entry__published_on").desc(nulls_last=True), "-entry_id", "start", "pk")
        .values_list("pk", flat=True)[:40])
    shown = []
    for page in (1, 2):
        shown += [s["id"] for s in client.get(f"/api/statements/?page={page}").json()["results"]]
    assert shown == expected
