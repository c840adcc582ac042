"""Issue 11, defects 3 and 4: what Zotero's COinS translator saves from the list pages.

``tests/zotero_coins.py`` reads COinS spans as Zotero's translator does (its
parseContextObject rules), so these tests assert the Zotero item a librarian gets.
"""
import pytest

from archive.models import Agent, Authorship, Statement
from archive.search.indexing import rebuild

from .citation_db import make_agent, make_op_ed, make_rsis_entry
from .zotero_coins import detect_web, page_items, parse_context_object

pytestmark = pytest.mark.django_db


def items_on(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return page_items(response.content.decode())


@pytest.fixture
def archive_entries():
    report = make_rsis_entry()
    op_ed = make_op_ed()
    Authorship.objects.create(entry=op_ed, agent=make_agent("Ursula von der Leyen"), position=0)
    Statement.objects.create(entry=op_ed, speaker=Agent.objects.get(name="Qi Dapeng"), quote="a lesson",
                             start=4, end=12, cue="said", review_status=Statement.Review.CONFIRMED)
    rebuild()
    return report, op_ed


@pytest.mark.parametrize("page", ["home", "search", "outlet", "person", "tag", "statements"])
def test_op_eds_are_newspaper_articles_in_zotero(client, archive_entries, page):
    report, op_ed = archive_entries
    url = {"home": "/", "search": "/search/?q=DeepSeek", "outlet": op_ed.outlet.get_absolute_url(),
           "person": Agent.objects.get(name="Ursula von der Leyen").get_absolute_url(),
           "tag": None, "statements": "/statements/?q=lesson"}[page]
    if url is None:
        op_ed.tags.add("East Asia")
        url = "/tags/east-asia/"
    [article] = [i for i in items_on(client, url) if i.get("title") == op_ed.title]
    assert article["itemType"] == "newspaperArticle"
    assert article["publicationTitle"] == "China Daily"
    assert article["creators"] == [{"lastName": "von der Leyen", "firstName": "Ursula", "creatorType": "author"}]
    assert article["url"] == "https://chinadailyhk.com/hk/article/603444"


def test_reports_keep_their_zotero_fields(client, archive_entries):
    report, _ = archive_entries
    [saved] = [i for i in items_on(client, "/") if i["itemType"] == "report"]
    assert (saved["title"], saved["seriesTitle"], saved["publisher"], saved["place"], saved["date"]) == (
        report.title, "RSIS Commentary", "S. Rajaratnam School of International Studies", "Singapore", "2025-03-17")
    assert saved["creators"] == [{"lastName": "Qi", "firstName": "Dapeng", "creatorType": "author"}]


def test_blog_posts_are_blog_posts():
    from archive.citations import csl, zotero

    from .citation_shapes import organisation_blog_post

    item = parse_context_object(zotero.coins(csl.to_csl(organisation_blog_post())))
    assert (item["itemType"], item["title"], item["publicationTitle"]) == (
        "blogPost", "What the Numbers Say about AI Chips", "IEA Commentary Blog")


def test_a_person_page_offers_each_entry_once(client, archive_entries):
    """Qi Dapeng wrote the RSIS commentary and is quoted in it (and in the op-ed): the page
    offered the commentary twice, once as his entry and once for his statement."""
    report, op_ed = archive_entries
    Statement.objects.create(entry=report, speaker=Agent.objects.get(name="Qi Dapeng"), quote="What if",
                             start=0, end=7, cue="posed", review_status=Statement.Review.CONFIRMED)
    html = client.get(Agent.objects.get(name="Qi Dapeng").get_absolute_url()).content.decode()
    items = page_items(html)
    assert sorted(i["title"] for i in items) == sorted([report.title, op_ed.title])
    assert detect_web(html) == "multiple"
