"""Atom feeds: all entries, per outlet, per tag, per person; parsed as XML."""
import xml.etree.ElementTree as ET

import pytest

from tests import site_data as make

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


def feed_titles(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)
    return root, [e.find(f"{ATOM}title").text for e in root.findall(f"{ATOM}entry")]


@pytest.fixture
def archive():
    rsis, cd = make.outlet("RSIS"), make.outlet("China Daily")
    qi, tompros = make.agent("Qi Dapeng"), make.agent("Louis Tompros")
    a = make.entry("By Qi", outlet_obj=rsis, authors=[qi], tags=["AI"], synopsis="About DeepSeek.")
    b = make.entry("Quoting Tompros", outlet_obj=cd, paragraphs=['He said "it matters a lot" there.'])
    make.statement(b, "it matters a lot", tompros)
    make.entry("Draft by Qi", outlet_obj=rsis, authors=[qi], tags=["AI"], status="draft")
    return rsis, cd, qi, tompros, a, b


def test_all_entries_feed(client, archive):
    root, titles = feed_titles(client, "/feeds/entries/")
    assert sorted(titles) == ["By Qi", "Quoting Tompros"]
    entry = [e for e in root.findall(f"{ATOM}entry") if e.find(f"{ATOM}title").text == "By Qi"][0]
    assert entry.find(f"{ATOM}author/{ATOM}name").text == "Qi Dapeng"
    assert entry.find(f"{ATOM}summary").text == "About DeepSeek."
    assert entry.find(f"{ATOM}category").get("term") == "AI"
    assert entry.find(f"{ATOM}published").text.startswith("2025-03-17")


def test_outlet_tag_and_person_feeds(client, archive):
    rsis, cd, qi, tompros, a, b = archive
    assert feed_titles(client, f"/feeds/outlets/{rsis.slug}/")[1] == ["By Qi"]
    assert feed_titles(client, "/feeds/tags/ai/")[1] == ["By Qi"]
    assert feed_titles(client, f"/feeds/people/{qi.slug}/")[1] == ["By Qi"]
    assert feed_titles(client, f"/feeds/people/{tompros.slug}/")[1] == ["Quoting Tompros"]


def test_unknown_feed_is_404(client):
    assert client.get("/feeds/outlets/nope/").status_code == 404
    assert client.get("/feeds/people/nope/").status_code == 404


def test_no_feed_for_a_name_found_only_in_drafts_or_rejected_statements(client, archive):
    # The person page's rule: such a name has no public page, so no feed to leak it either.
    hidden = make.agent("Drafted Only")
    make.entry("Unpublished piece", authors=[hidden], status="draft")
    rejected = make.agent("Rejected Only")
    public = make.entry("Public piece", paragraphs=['He said "wrongly attributed" once.'])
    make.statement(public, "wrongly attributed", rejected, review_status="rejected")
    for agent in (hidden, rejected):
        assert client.get(agent.get_absolute_url()).status_code == 404
        assert client.get(f"/feeds/people/{agent.slug}/").status_code == 404
    assert feed_titles(client, f"/feeds/people/{archive[2].slug}/")[1] == ["By Qi"]


def test_pages_advertise_their_feeds(client, archive):
    rsis, cd, qi, *_ = archive
    html = client.get(rsis.get_absolute_url()).content.decode()
    assert f'type="application/atom+xml" title="RSIS" href="/feeds/outlets/{rsis.slug}/"' in html


@pytest.mark.parametrize("n", [1, 50])
def test_feed_query_count_is_bounded(client, django_assert_max_num_queries, n):
    rsis = make.outlet("RSIS")
    for i in range(n):
        make.entry(f"Entry {i}", outlet_obj=rsis, authors=[make.agent(f"Author {i}")], tags=["x"])
    with django_assert_max_num_queries(6):
        assert client.get("/feeds/entries/").status_code == 200
    with django_assert_max_num_queries(6):
        assert client.get(f"/feeds/outlets/{rsis.slug}/").status_code == 200
    with django_assert_max_num_queries(5):  # measured 4
        assert len(feed_titles(client, "/feeds/tags/x/")[1]) == min(n, 30)


@pytest.mark.parametrize("n", [1, 50])
def test_person_feed_query_count_is_bounded(client, django_assert_max_num_queries, n):
    person = make.agent("Busy Writer")
    for i in range(n):
        e = make.entry(f"Entry {i}", authors=[person, make.agent(f"Co Author {i}")], tags=["x", f"t{i}"],
                       paragraphs=[f'Busy said "words number {i}" here.'])
        make.statement(e, f"words number {i}", person)
    with django_assert_max_num_queries(5):  # measured 4: the person, the entries, authors, tags
        assert len(feed_titles(client, f"/feeds/people/{person.slug}/")[1]) == min(n, 30)
