"""The entry list's filters, date hierarchy and search, and the autocomplete boxes."""
import datetime
import warnings

import pytest
from django.core.paginator import UnorderedObjectListWarning
from django.urls import reverse

from archive.models import Alias

from .admin_forms import page_text
from .factories import make_agent, make_entry, make_outlet, make_user

pytestmark = pytest.mark.django_db
LIST_URL = reverse("admin:archive_entry_changelist")


@pytest.fixture
def editor_client(client):
    client.force_login(make_user("eddie", "Editors"))
    return client


@pytest.fixture
def entries():
    rsis = make_outlet("S. Rajaratnam School of International Studies", short_name="RSIS")
    daily = make_outlet("China Daily")
    river = make_entry("Rivers of the Mekong", authors=["Tan Mei Ling"], outlet=rsis, status="published",
                       published_on=datetime.date(2024, 3, 5), number="CO24001")
    river.tags.add("water")
    chips = make_entry("Draft on chips", outlet=daily, status="draft", needs_review=["authors"],
                       published_on=datetime.date(2023, 11, 20), synopsis="Semiconductor supply chains.")
    chips.tags.add("technology")
    untitled = make_entry("", outlet=daily, status="draft", needs_review=["title", "date"], source_name="mystery.txt")
    return {"river": river, "chips": chips, "untitled": untitled, "rsis": rsis, "daily": daily}


SHOWN = {"river": "Rivers of the Mekong", "chips": "Draft on chips", "untitled": "(untitled entry from mystery.txt)"}


@pytest.mark.parametrize("query, shown", [
    (lambda e: "status__exact=published", {"river"}),
    (lambda e: "status__exact=draft", {"chips", "untitled"}),
    (lambda e: "needs_review=yes", {"chips", "untitled"}),
    (lambda e: "needs_review=no", {"river"}),
    (lambda e: f"outlet__id__exact={e['rsis'].pk}", {"river"}),
    (lambda e: f"outlet__id__exact={e['daily'].pk}", {"chips", "untitled"}),
    (lambda e: f"tags__id__exact={e['river'].tags.get().pk}", {"river"}),
    (lambda e: f"tags__id__exact={e['chips'].tags.get().pk}", {"chips"}),
    (lambda e: "published_on__year=2024", {"river"}),
    (lambda e: "published_on__year=2023&published_on__month=11", {"chips"}),
    (lambda e: "published_on__year=2023&published_on__month=11&published_on__day=20", {"chips"}),
    (lambda e: "published_on__isnull=True", {"untitled"}),
    (lambda e: "q=Mekong", {"river"}),  # title
    (lambda e: "q=semiconductor", {"chips"}),  # synopsis
    (lambda e: "q=CO24001", {"river"}),  # number
    (lambda e: "q=Tan+Mei+Ling", {"river"}),  # an author's name
    (lambda e: "q=mystery.txt", {"untitled"}),  # the source file
    (lambda e: "status__exact=draft&needs_review=yes&q=chips", {"chips"}),
], ids=lambda value: None if callable(value) else "-".join(sorted(value)))
def test_entry_list_filters(editor_client, entries, query, shown):
    response = editor_client.get(f"{LIST_URL}?{query(entries)}")
    assert response.status_code == 200
    rows = page_text(response)
    assert {key for key, title in SHOWN.items() if title in rows} == shown
    assert f"{len(shown)} result" in rows


def test_date_hierarchy_offers_the_years_with_entries(editor_client, entries):
    links = page_text(editor_client.get(LIST_URL))
    assert "2023" in links and "2024" in links
    response = editor_client.get(f"{LIST_URL}?published_on__year=2024")
    assert "March" in page_text(response)


def autocomplete(client, model_name, field_name, term):
    url = reverse("admin:autocomplete")
    with warnings.catch_warnings():
        warnings.simplefilter("error", UnorderedObjectListWarning)  # pages must be stable
        response = client.get(url, {"app_label": "archive", "model_name": model_name,
                                    "field_name": field_name, "term": term})
    assert response.status_code == 200
    return [result["text"] for result in response.json()["results"]]


def test_author_autocomplete_finds_names_and_aliases(editor_client):
    nye = make_agent("Joseph Nye")
    Alias.objects.create(agent=nye, name="J. S. Nye Jr.")
    make_agent("Qi Dapeng")
    make_agent("Joseph Stiglitz")
    assert autocomplete(editor_client, "authorship", "agent", "Nye") == ["Joseph Nye"]
    assert autocomplete(editor_client, "authorship", "agent", "Jr.") == ["Joseph Nye"]  # by alias
    assert autocomplete(editor_client, "authorship", "agent", "Joseph") == ["Joseph Nye", "Joseph Stiglitz"]
    assert autocomplete(editor_client, "authorship", "agent", "Dapeng") == ["Qi Dapeng"]


def test_author_autocomplete_pages_in_a_stable_order(editor_client):
    for n in range(25):
        make_agent(f"Speaker Number{n:02d}")
    first_page = autocomplete(editor_client, "authorship", "agent", "Speaker")
    assert first_page == [f"Speaker Number{n:02d}" for n in range(20)]


def test_outlet_autocomplete(editor_client, entries):
    assert autocomplete(editor_client, "entry", "outlet", "RSIS") == ["S. Rajaratnam School of International Studies"]
    assert autocomplete(editor_client, "entry", "outlet", "daily") == ["China Daily"]
    assert autocomplete(editor_client, "entry", "outlet", "Reuters") == []


def test_entry_autocomplete_for_statements(editor_client, entries):
    assert autocomplete(editor_client, "statement", "entry", "Mekong") == ["Rivers of the Mekong"]
