"""Home, outlet, tag, people A–Z and year pages; 404 and 500 pages."""
import datetime
import re

import pytest

from archive.models import Agent
from tests import site_data as make

pytestmark = pytest.mark.django_db


def test_home_has_search_box_latest_entries_and_browse_links(client):
    rsis = make.outlet("RSIS")
    published = make.entry("Latest thinking", outlet_obj=rsis, tags=["Trade"])
    make.entry("Unfinished", status="draft")
    html = client.get("/").content.decode()
    assert '<label for="search-q">Search the archive</label>' in html
    assert 'role="search"' in html
    assert f'href="{published.get_absolute_url()}">Latest thinking</a>' in html
    assert "Unfinished" not in html
    assert f'href="{rsis.get_absolute_url()}">RSIS</a>' in html
    assert 'href="/years/2025/">2025</a>' in html
    assert 'href="/tags/trade/">Trade</a>' in html
    assert 'href="/people/"' in html


def test_outlet_page_lists_its_published_entries(client):
    rsis, other = make.outlet("RSIS"), make.outlet("China Daily")
    mine = make.entry("Ours", outlet_obj=rsis)
    make.entry("Theirs", outlet_obj=other)
    make.entry("Our draft", outlet_obj=rsis, status="draft")
    html = client.get(rsis.get_absolute_url()).content.decode()
    assert "<h1>RSIS</h1>" in html and "Ours" in html
    assert "Theirs" not in html and "Our draft" not in html
    assert client.get("/outlets/no-such-outlet/").status_code == 404


def test_tag_page_and_index(client):
    make.entry("Tagged one", tags=["Belt and Road"])
    make.entry("Tagged draft", tags=["Belt and Road"], status="draft")
    html = client.get("/tags/belt-and-road/").content.decode()
    assert "Tagged “Belt and Road”" in html and "Tagged one" in html and "Tagged draft" not in html
    index = client.get("/tags/").content.decode()
    assert 'href="/tags/belt-and-road/">Belt and Road</a> <span class="count">(1)</span>' in index
    assert client.get("/tags/nope/").status_code == 404


def test_people_index_files_by_family_name_with_counts(client):
    qi = make.agent("Qi Dapeng")
    vdl = make.agent("Ursula von der Leyen")
    org = make.agent("World Bank", kind=Agent.Kind.ORGANISATION)
    nobody = make.agent("Quiet Nobody")
    e = make.entry("E", authors=[qi], paragraphs=['Qi wrote "alpha words" and "beta words" and "gamma words".'])
    make.statement(e, "alpha words", vdl)
    make.statement(e, "beta words", vdl)
    make.statement(e, "gamma words", org)
    make.entry("Draft", authors=[nobody], status="draft")
    q_page = client.get("/people/?letter=Q").content.decode()
    assert "Qi, Dapeng" in q_page
    assert "Quiet Nobody" not in q_page and "Nobody, Quiet" not in q_page
    v_page = client.get("/people/?letter=v").content.decode()
    assert "von der Leyen, Ursula" in v_page
    assert '<td class="num">0</td><td class="num">2</td>' in v_page
    assert "World Bank" in client.get("/people/?letter=W").content.decode()
    assert client.get("/people/?letter=%00").status_code == 200
    assert client.get("/people/?letter=Zzz&page=-3").status_code == 200


def test_year_archive(client):
    make.entry("From 2024", published_on=datetime.date(2024, 6, 1))
    make.entry("From 2025", published_on=datetime.date(2025, 6, 1))
    html = client.get("/years/2024/").content.decode()
    assert "From 2024" in html and "From 2025" not in html
    index = client.get("/years/").content.decode()
    assert 'href="/years/2025/">2025</a>' in index and 'href="/years/2024/">2024</a>' in index
    assert client.get("/years/0/").status_code == 404


def test_list_pages_paginate(client):
    rsis = make.outlet("RSIS")
    for i in range(25):
        make.entry(f"Piece {i:02d}", outlet_obj=rsis, published_on=datetime.date(2025, 1, 1) + datetime.timedelta(days=i))
    first = client.get(rsis.get_absolute_url()).content.decode()
    second = client.get(rsis.get_absolute_url() + "?page=2").content.decode()
    assert "Piece 24" in first and "Piece 04" not in first
    assert "Piece 04" in second and "Piece 24" not in second
    assert 'rel="next"' in first and 'rel="prev"' in second
    assert client.get(rsis.get_absolute_url() + "?page=x").status_code == 200


def test_404_page_is_in_site_style(client):
    response = client.get("/no/such/page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Page not found" in html and '<a class="skip-link"' in html and 'role="search"' in html


def test_500_page_is_in_site_style(settings):
    from archive.views.errors import server_error
    from django.test import RequestFactory

    response = server_error(RequestFactory().get("/"))
    assert response.status_code == 500
    html = response.content.decode()
    assert "Something went wrong" in html and "site.css" in html and '<main id="main"' in html


def test_robots_txt_points_to_sitemap(client, settings):
    settings.ARCHIVE_BASE_URL = "https://archive.example"
    response = client.get("/robots.txt", HTTP_HOST="localhost:8100")
    assert response["Content-Type"].startswith("text/plain")
    text = response.content.decode()
    assert "Disallow: /admin/" in text
    assert "Sitemap: http://localhost:8100/sitemap.xml" in text  # the host it was asked on


def test_sitemap_lists_published_entries_and_people_only(client):
    author = make.agent("Qi Dapeng")
    shown = make.entry("Shown", authors=[author])
    hidden = make.entry("Hidden", status="draft")
    index = client.get("/sitemap.xml")
    assert index.status_code == 200 and b"sitemap-entries.xml" in index.content
    entries = client.get("/sitemap-entries.xml").content.decode()
    assert shown.get_absolute_url() in entries and hidden.get_absolute_url() not in entries
    assert author.get_absolute_url() in client.get("/sitemap-people.xml").content.decode()


# Ceilings on a first visit, when the browse counts are computed (a second visit makes fewer).
PAGES = {"/": 13, "/people/?letter=S": 5, "/people/": 5,  # people: + the letters' counts
         "/tags/": 5, "/tags/common/": 8, "/years/": 5, "/years/2025/": 10,
         "/outlets/rsis/": 8}


@pytest.mark.parametrize("n", [1, 50])
@pytest.mark.parametrize("url", PAGES)
def test_browse_pages_query_count_is_bounded(client, django_assert_max_num_queries, n, url):
    rsis = make.outlet("RSIS", slug="rsis")
    for i in range(n):
        author = make.agent(f"Author Surname{i}")
        speaker = make.agent(f"Said Someone{i}")
        e = make.entry(f"Entry {i}", outlet_obj=rsis, authors=[author], tags=["common", f"tag {i}"],
                       paragraphs=[f'"said thing {i}"'])
        make.statement(e, f"said thing {i}", speaker)
    with django_assert_max_num_queries(PAGES[url]):
        response = client.get(url)
    assert response.status_code == 200



@pytest.mark.parametrize("n", [1, 50])
def test_people_index_and_sitemap_query_counts_are_bounded(client, django_assert_max_num_queries, n):
    rsis = make.outlet("RSIS", slug="rsis")
    for i in range(n):  # everyone filed under A, the letter /people/ shows first
        author, speaker = make.agent(f"Writer Abbott{i}"), make.agent(f"Speaker Adams{i}")
        e = make.entry(f"Entry {i}", outlet_obj=rsis, authors=[author], paragraphs=[f'"said thing {i}"'])
        make.statement(e, f"said thing {i}", speaker)
    with django_assert_max_num_queries(4):
        response = client.get("/people/")
    assert response.content.decode().count("Abbott") >= n
    # Measured 5 / 0 / 2 / 1 (people cached by the index) / 2 on both engines, for 1 and 50.
    sections = {"/sitemap.xml": 5, "/sitemap-pages.xml": 0, "/sitemap-entries.xml": 2, "/sitemap-people.xml": 2,
                "/sitemap-outlets.xml": 2}
    for url, ceiling in sections.items():
        with django_assert_max_num_queries(ceiling):
            response = client.get(url)
        assert response.status_code == 200, url
    assert client.get("/sitemap-entries.xml").content.decode().count("<url>") == n
    assert client.get("/sitemap-people.xml").content.decode().count("<url>") == 2 * n


def test_cached_browse_counts_show_new_entries_at_once(client):
    make.entry("First", tags=["Old tag"], published_on=datetime.date(2023, 1, 1))
    assert "Old tag" in client.get("/").content.decode()
    make.entry("Second", tags=["Fresh tag"], published_on=datetime.date(2022, 1, 1))
    html = client.get("/").content.decode()
    assert "Fresh tag" in html and 'href="/years/2022/">2022</a>' in html
    assert 'href="/years/2022/">2022</a>' in client.get("/years/").content.decode()
    author = make.agent("Brand New")
    make.entry("Third", authors=[author])
    assert "New, Brand" in client.get("/people/?letter=N").content.decode()


def test_rejecting_a_statement_updates_the_cached_people_index(client):
    speaker = make.agent("Zed Quoted")
    e = make.entry("E", paragraphs=['"some words" said Zed.'])
    st = make.statement(e, "some words", speaker)
    assert "Quoted, Zed" in client.get("/people/?letter=Q").content.decode()
    st.review_status = "rejected"
    st.save()
    assert "Quoted, Zed" not in client.get("/people/?letter=Q").content.decode()


def test_browse_counts_leave_drafts_out(client):
    rsis = make.outlet("RSIS")
    make.entry("Public one", outlet_obj=rsis, tags=["Trade"], published_on=datetime.date(2021, 5, 1))
    make.entry("Draft one", outlet_obj=rsis, tags=["Trade"], status="draft", published_on=datetime.date(2021, 6, 1))
    make.entry("Draft only year", status="draft", published_on=datetime.date(1999, 6, 1))
    home = client.get("/").content.decode()
    assert f'href="{rsis.get_absolute_url()}">RSIS</a> <span class="count">(1)</span>' in home
    assert 'href="/years/2021/">2021</a> <span class="count">(1)</span>' in home
    assert 'href="/tags/trade/">Trade</a> <span class="count">(1)</span>' in home
    assert "/years/1999/" not in client.get("/years/").content.decode()


def test_names_not_starting_with_a_latin_letter_are_filed_under_hash(client):
    chinese = make.agent("张伟")
    accented = make.agent("Émile Zola")
    danish = make.agent("Søren Østergaard")
    make.entry("E", authors=[chinese, accented, danish])
    other = client.get("/people/?letter=%23").content.decode()
    assert "张伟" in other and "Zola" not in other and "Østergaard" not in other
    assert "Zola, Émile" in client.get("/people/?letter=Z").content.decode()
    assert "Østergaard, Søren" in client.get("/people/?letter=O").content.decode()


def test_people_opens_on_everyone_with_the_letters_that_have_names_marked(client):
    make.entry("E", authors=[make.agent("Qi Dapeng"), make.agent("Joseph Nye")])
    html = client.get("/people/").content.decode()
    assert "Qi, Dapeng" in html and "Nye, Joseph" in html  # not an empty "A"
    assert ('<a href="?letter=Q" class="has-names">Q<span class="letter-count"><span class="visually-hidden">: </span>1'
            '<span class="visually-hidden"> name</span></span></a>') in html
    assert '<span class="no-names" title="No names under A">A</span>' in html
    assert "Everyone, A–Z" in html


def test_year_index_counts_each_published_entry_in_its_year_including_the_first_and_last_day(client):
    for day in (datetime.date(2023, 12, 31), datetime.date(2024, 1, 1), datetime.date(2024, 12, 31),
                datetime.date(2025, 1, 1)):
        make.entry(f"On {day}", published_on=day)
    make.entry("A 2024 draft", published_on=datetime.date(2024, 6, 1), status="draft")
    make.entry("Long ago", published_on=datetime.date(2019, 6, 1))  # a gap of years with none between
    html = client.get("/years/").content.decode()
    shown = re.findall(r'href="/years/(\d+)/">\d+</a> <span class="count">\((\d+) entr', html)
    assert shown == [("2025", "1"), ("2024", "2"), ("2023", "1"), ("2019", "1")]
