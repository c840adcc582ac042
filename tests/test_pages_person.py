"""The person page: who they are, entries written, each statement once with "also quoted in"."""
import datetime
import json
import re

import pytest

from archive.models import Alias
from tests import site_data as make

pytestmark = pytest.mark.django_db


@pytest.fixture
def speaker_with_repeats():
    speaker = make.agent("Louis Tompros", description="Harvard AI expert", wikidata="Q42", orcid="0000-0002-1825-0097",
                         viaf="123456")
    Alias.objects.create(agent=speaker, name="L. Tompros")
    grp = make.group("open source wins", speaker)
    a = make.entry("Older piece", paragraphs=['He said "open source wins" and left.'], published_on=datetime.date(2024, 1, 5))
    b = make.entry("Newer piece", paragraphs=['Tompros: "open source wins" again.'], published_on=datetime.date(2025, 2, 1))
    c = make.entry("Third piece", paragraphs=['He added "costs will fall" too.'])
    s_a = make.statement(a, "open source wins", speaker, group=grp)
    s_b = make.statement(b, "open source wins", speaker, group=grp)
    s_c = make.statement(c, "costs will fall", speaker, verification="disputed")
    return speaker, (a, b, c), (s_a, s_b, s_c)


def test_person_page_lists_each_statement_once_with_also_quoted_in(client, speaker_with_repeats):
    speaker, (a, b, c), (s_a, s_b, s_c) = speaker_with_repeats
    html = client.get(speaker.get_absolute_url()).content.decode()
    assert html.count(">open source wins</mark>") == 1
    # in its sentence, with the entry's own quotation marks
    assert 'Tompros: &quot;<mark class="statement statement-quoted">open source wins</mark>&quot; again.' in html
    # newest quoting entry is the main one, the older one is listed under "also quoted in"
    assert f'Quoted in <a href="{b.get_absolute_url()}#s{s_b.pk}">Newer piece</a>' in html
    assert f'Also quoted in: <a href="{a.get_absolute_url()}#s{s_a.pk}">Older piece</a>' in html
    assert 'He added &quot;<mark class="statement statement-quoted">costs will fall</mark>&quot; too.' in html
    assert "disputed" in html


def test_person_page_shows_identity(client, speaker_with_repeats):
    speaker, *_ = speaker_with_repeats
    html = client.get(speaker.get_absolute_url()).content.decode()
    assert "<h1>Louis Tompros</h1>" in html
    assert "Person: Harvard AI expert" in html
    assert "L. Tompros" in html
    assert 'href="https://www.wikidata.org/wiki/Q42"' in html
    assert 'href="https://orcid.org/0000-0002-1825-0097"' in html
    assert 'href="https://viaf.org/viaf/123456"' in html
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))
    assert data["@type"] == "Person" and data["alternateName"] == ["L. Tompros"]
    assert data["familyName"] == "Tompros"


def test_person_page_lists_entries_written(client):
    author = make.agent("Qi Dapeng")
    written = make.entry("My commentary", authors=[author])
    make.entry("A draft of mine", authors=[author], status="draft")
    html = client.get(author.get_absolute_url()).content.decode()
    assert f'href="{written.get_absolute_url()}">My commentary</a>' in html
    assert "A draft of mine" not in html


def test_person_only_in_drafts_or_rejected_is_not_public(client):
    hidden = make.agent("Hidden Person")
    make.entry("Draft", authors=[hidden], status="draft")
    rejected = make.agent("Rejected Speaker")
    e = make.entry("Public", paragraphs=['x "words here" y'])
    make.statement(e, "words here", rejected, review_status="rejected")
    assert client.get(hidden.get_absolute_url()).status_code == 404
    assert client.get(rejected.get_absolute_url()).status_code == 404


def test_person_statements_are_paginated(client):
    speaker = make.agent("Prolific Speaker")
    paragraphs = [f'"saying number {i}"' for i in range(55)]
    e = make.entry("Long", paragraphs=paragraphs)
    for i in range(55):
        make.statement(e, f"saying number {i}", speaker)
    first = client.get(speaker.get_absolute_url()).content.decode()
    second = client.get(speaker.get_absolute_url() + "?page=2").content.decode()
    assert first.count('class="statement-groups"') == 1
    assert first.count("<blockquote") == 50 and second.count("<blockquote") == 5
    assert 'rel="next"' in first
    assert client.get(speaker.get_absolute_url() + "?page=abc").status_code == 200
    assert client.get(speaker.get_absolute_url() + "?page=999").status_code == 200


@pytest.mark.parametrize("n", [1, 50])
def test_person_page_query_count_is_bounded(client, django_assert_max_num_queries, n):
    speaker = make.agent("Busy Speaker")
    Alias.objects.create(agent=speaker, name="B. Speaker")
    for i in range(n):
        grp = make.group(f"saying number {i}", speaker)
        e = make.entry(f"Entry {i}", paragraphs=[f'"saying number {i}"'], authors=[speaker], tags=["t"])
        make.statement(e, f"saying number {i}", speaker, group=grp)
        e2 = make.entry(f"Echo {i}", paragraphs=[f'"saying number {i}"'])
        make.statement(e2, f"saying number {i}", speaker, group=grp)
    with django_assert_max_num_queries(11):
        response = client.get(speaker.get_absolute_url())
    assert response.status_code == 200
    assert response.content.decode().count("<blockquote") == min(n, 50)
