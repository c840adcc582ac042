"""The statement list filtered by speaker (``/statements/?speaker=``): exactly that speaker's
public statements, newest entry first, across pages, with and without excluded words."""
import datetime
import re

import pytest

from archive.models import Statement
from archive.search import search_statements
from archive.search.indexing import rebuild
from tests import site_data as make

pytestmark = pytest.mark.django_db


def quotes(html):
    """The quoted words of the statements listed on a page, in page order."""
    return re.findall(r'<span class="quotation">“(.*?)”</span>', html)


@pytest.fixture
def speakers():
    ada, bo = make.agent("Ada Speaker"), make.agent("Bo Other")
    day = datetime.date(2024, 1, 1)
    # Twelve entries; several share a date, so ties fall to the newer entry, then to the
    # statement's place in the body. Within an entry the later statement is created first.
    for i in range(12):
        extra = " walrus" if i == 4 else ""
        e = make.entry(f"Entry {i:02d}", published_on=day + datetime.timedelta(days=i // 3), paragraphs=[
            f'First "ada early {i:02d}{extra}" then "bo says {i:02d}" and "ada late {i:02d}{extra}" at last.'])
        make.statement(e, f"ada late {i:02d}{extra}", ada)
        make.statement(e, f"ada early {i:02d}{extra}", ada)
        make.statement(e, f"bo says {i:02d}", bo)
    hidden = make.entry("Entry rejected", published_on=day + datetime.timedelta(days=30),
                        paragraphs=['She "ada rejected" it and "ada unheard" too.'])
    make.statement(hidden, "ada rejected", ada, review_status=Statement.Review.REJECTED)
    draft = make.entry("Entry draft", status="draft", published_on=day + datetime.timedelta(days=30),
                       paragraphs=['A draft where "ada drafted" this.'])
    make.statement(draft, "ada drafted", ada)
    rebuild()
    return ada, bo


def expected_for(agent):
    """The agent's public statements in the page's order, computed in Python from the rows."""
    rows = [s for s in Statement.objects.select_related("entry").filter(speaker=agent)
            if s.entry.status == "published" and s.review_status != Statement.Review.REJECTED]
    rows.sort(key=lambda s: (-s.entry.published_on.toordinal(), -s.entry_id, s.start))
    return [s.quote for s in rows]


def test_speaker_filter_lists_exactly_their_public_statements_in_order(client, speakers):
    ada, bo = speakers
    expected = expected_for(ada)
    assert len(expected) == 24 and "ada rejected" not in expected and "ada drafted" not in expected
    first = client.get(f"/statements/?speaker={ada.slug}").content.decode()
    second = client.get(f"/statements/?speaker={ada.slug}&page=2").content.decode()
    assert quotes(first) + quotes(second) == expected
    assert quotes(first)[:4] == ["ada early 11", "ada late 11", "ada early 10", "ada late 10"]
    assert quotes(client.get(f"/statements/?speaker={bo.slug}").content.decode()) == expected_for(bo)[:20]
    assert [h.statement.quote for h in search_statements("", speaker=ada.slug, per_page=50).hits] == expected


def test_speaker_filter_with_only_excluded_words(client, speakers):
    ada, _ = speakers
    expected = [q for q in expected_for(ada) if "walrus" not in q]
    assert len(expected) == 22
    first = client.get(f"/statements/?q=-walrus&speaker={ada.slug}").content.decode()
    second = client.get(f"/statements/?q=-walrus&speaker={ada.slug}&page=2").content.decode()
    assert quotes(first) + quotes(second) == expected


def test_speaker_filter_query_count_is_bounded(client, speakers, django_assert_max_num_queries):
    ada, _ = speakers
    with django_assert_max_num_queries(10):
        response = client.get(f"/statements/?speaker={ada.slug}&page=2")
    assert response.status_code == 200 and len(quotes(response.content.decode())) == 4
