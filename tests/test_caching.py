"""Anonymous public pages come from the cache, and a change invalidates exactly what it changes.

These tests commit (``transaction=True``) as production does, so invalidation runs
when each change commits, exactly as after an editor's save.
"""
import pytest
from django.test import Client
from django.urls import reverse

from archive.models import Entry, Statement
from archive.services.importer import import_paths

from . import site_data as sd
from .admin_forms import admin_form_data
from .factories import make_user
from .importing_helpers import SEEDS

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def archive():
    outlet = sd.outlet("Institute of Policy Studies", slug="ips")
    other_outlet = sd.outlet("Harbour Review", slug="harbour")
    ann, bob, sam = sd.agent("Ann Author"), sd.agent("Bob Writer"), sd.agent("Sam Speaker")
    first = sd.entry("Trade winds over the strait", outlet_obj=outlet, authors=[ann], tags=["Trade"],
                     paragraphs=["The minister said “we will not yield” on Monday.", "More text here."])
    second = sd.entry("Harbours and their keepers", outlet_obj=other_outlet, authors=[bob], tags=["Ports"],
                      paragraphs=["Nothing quoted in this one at all.", "A second paragraph."])
    statement = sd.statement(first, "we will not yield", sam)
    return {"first": first, "second": second, "statement": statement, "ann": ann, "bob": bob, "sam": sam}


def _editor():
    # transaction=True empties the tables migrations filled (the Editors group): a superuser.
    user = make_user("eddie")
    user.is_superuser = True
    user.save()
    return user


def get(client, url, **headers):
    response = client.get(url, **headers)
    assert response.status_code in (200, 304), (url, response.status_code)
    return response


def test_a_second_request_is_a_hit_with_an_etag_and_a_304(client, archive):
    url = archive["first"].get_absolute_url()
    first = get(client, url)
    assert first["X-Cache"] == "miss" and first["ETag"]
    again = get(client, url)
    assert again["X-Cache"] == "hit" and again.content == first.content and again["ETag"] == first["ETag"]
    not_modified = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert not_modified.status_code == 304 and not_modified.content == b""
    changed = client.get(url, HTTP_IF_NONE_MATCH='"something-else"')
    assert changed.status_code == 200


def test_exports_and_api_records_answer_conditional_gets(client, archive):
    for url in [f"/entries/{archive['first'].slug}/cite.bib", f"/entries/{archive['first'].slug}/cite.txt?style=apa",
                f"/api/entries/{archive['first'].pk}/", f"/statements/{archive['statement'].pk}/cite.ris"]:
        etag = get(client, url)["ETag"]
        assert client.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 304, url


def test_an_editors_save_in_the_admin_shows_at_once_and_only_where_it_should(client, archive):
    first, second = archive["first"], archive["second"]
    urls = {
        "entry": first.get_absolute_url(), "other entry": second.get_absolute_url(), "home": "/",
        "outlet": "/outlets/ips/", "other outlet": "/outlets/harbour/", "author": "/people/ann-author/",
        "other author": "/people/bob-writer/", "speaker": "/people/sam-speaker/",
        "bibtex": f"/entries/{first.slug}/cite.bib", "other bibtex": f"/entries/{second.slug}/cite.bib",
        "api": f"/api/entries/{first.pk}/", "search": "/search/?q=strait",
    }
    before = {name: get(client, url) for name, url in urls.items()}
    assert all(get(client, url)["X-Cache"] == "hit" for url in urls.values())

    editor = Client()
    editor.force_login(_editor())
    change = reverse("admin:archive_entry_change", args=[first.pk])
    response = editor.post(change, admin_form_data(editor.get(change), title="Tide turns over the strait"))
    assert response.status_code == 302

    after = {name: get(client, url) for name, url in urls.items()}
    for name in ("entry", "home", "outlet", "author", "speaker", "bibtex", "api", "search"):
        assert after[name]["X-Cache"] == "miss", f"{name} was not invalidated"
        assert b"Tide turns" in after[name].content, name
    for name in ("other entry", "other outlet", "other author", "other bibtex"):
        assert after[name]["X-Cache"] == "hit", f"{name} was invalidated by an unrelated edit"
        assert after[name].content == before[name].content


def test_unpublishing_removes_the_page_at_once(client, archive):
    url = archive["first"].get_absolute_url()
    get(client, url)
    entry = Entry.objects.get(pk=archive["first"].pk)
    entry.status = "draft"
    entry.save()
    assert client.get(url).status_code == 404
    assert b"Trade winds" not in client.get("/").content


def test_a_review_decision_shows_at_once(client, archive):
    url = archive["first"].get_absolute_url()
    assert b"Sam Speaker" in get(client, url).content
    statement = Statement.objects.get(pk=archive["statement"].pk)
    statement.review_status = Statement.Review.REJECTED
    statement.save()
    assert b"Sam Speaker" not in get(client, url).content
    assert client.get("/people/sam-speaker/").status_code == 404


def test_renaming_a_person_changes_the_pages_that_name_them(client, archive):
    entry_url, other_url = archive["first"].get_absolute_url(), archive["second"].get_absolute_url()
    get(client, entry_url), get(client, other_url)
    sam = archive["sam"]
    sam.name = "Samantha Speaker"
    sam.save()
    assert b"Samantha Speaker" in get(client, entry_url).content
    assert get(client, other_url)["X-Cache"] == "hit"


def test_an_import_shows_at_once(client, archive):
    home = get(client, "/")
    assert get(client, "/")["X-Cache"] == "hit"
    assert import_paths([SEEDS]).ok
    fresh = get(client, "/")
    assert fresh["X-Cache"] == "miss" and fresh.content != home.content
    assert b"DeepSeek" in fresh.content


def test_signed_in_editors_are_never_served_the_public_copy(client, archive):
    draft = sd.entry("A draft only editors see", status="draft")
    get(client, "/")
    editor = Client()
    editor.force_login(_editor())
    response = editor.get(draft.get_absolute_url())
    assert response.status_code == 200 and "X-Cache" not in response
    assert client.get(draft.get_absolute_url()).status_code == 404
