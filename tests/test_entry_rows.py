"""Entry lists build their links once per list (archive.views.rows): the same addresses
``reverse()`` gives, and the same refusal for a slug the URL pattern does not accept."""
import datetime

import pytest
from django.urls import NoReverseMatch, reverse, set_script_prefix

from archive.models import Entry
from archive.search.indexing import rebuild
from archive.views.rows import entry_rows, slug_url

from .factories import make_entry


def test_slug_url_matches_reverse_and_refuses_what_reverse_refuses():
    build = slug_url("archive:person")
    for slug in ("qi-dapeng", "a_b-9", "x"):
        assert build(slug) == reverse("archive:person", args=[slug])
    for bad in ("", "naïve", "a/b", "a b"):
        with pytest.raises(NoReverseMatch):
            build(bad)


def test_slug_url_follows_the_script_prefix():
    set_script_prefix("/archive/")
    try:
        assert slug_url("archive:tag")("trade") == "/archive/tags/trade/"
    finally:
        set_script_prefix("/")


@pytest.mark.django_db
def test_rows_link_every_author_outlet_and_tag_like_the_records_do(client):
    entry = make_entry(title="Straits and tariffs", authors=["Ana Lim", "Bo Chen"])
    entry.tags.add("trade", "security")
    entry.save()
    rebuild()
    loaded = Entry.objects.filter(pk=entry.pk).select_related("outlet").prefetch_related("authorships__agent", "tags")
    (row,) = entry_rows(loaded)
    assert row.url == entry.get_absolute_url()
    assert row.byline == [(a.agent.name, a.agent.get_absolute_url()) for a in entry.authorships.all()]
    assert len(row.byline) == 2
    if entry.outlet:
        assert row.outlet == (entry.outlet.name, entry.outlet.get_absolute_url())
    assert sorted(row.tags) == sorted((t.name, reverse("archive:tag", args=[t.slug])) for t in entry.tags.all())
    page = client.get("/search/", {"q": "tariffs"}).content.decode()
    for _, url in row.byline + row.tags:
        assert f'href="{url}"' in page
    assert f'href="{row.url}"' in page


@pytest.mark.django_db
def test_a_hit_without_synopsis_or_marked_text_shows_the_start_of_its_body(client):
    """Hits load only the first characters of the body; the fallback snippet still reads it."""
    body = "Opening words of a long commentary. " + "Filler sentence here. " * 400
    make_entry(title="Zeppelin notes", body=body, synopsis="")
    rebuild()
    hit = client.get("/search/", {"q": "zeppelin"}).content.decode()
    assert "Opening words of a long commentary." in hit


@pytest.mark.django_db
def test_loaded_hits_read_their_own_authors_and_tags_and_filter_correctly(django_assert_max_num_queries):
    """Hits loaded in three queries; a further filter on a hit's relation still means that hit's."""
    from archive.search.hits import load_hits

    first = make_entry(title="One", authors=["Ana Lim", "Bo Chen"])
    first.tags.add("trade")
    second = make_entry(title="Two", authors=["Cy Doe"])
    second.tags.add("security", "health")
    draft = make_entry(title="Draft", status="draft")
    with django_assert_max_num_queries(4):
        hits = load_hits([first.pk, second.pk, draft.pk])
        assert set(hits) == {first.pk, second.pk}
        assert [a.agent.name for a in hits[first.pk].authorships.all()] == ["Ana Lim", "Bo Chen"]
        assert [t.name for t in hits[second.pk].tags.all()] == ["health", "security"]
        assert hits[first.pk].authorships.count() == 2
    assert [t.name for t in hits[first.pk].tags.filter(name__contains="e")] == ["trade"]
    assert list(hits[first.pk].authorships.order_by("-position").values_list("agent__name", flat=True)) == [
        "Bo Chen", "Ana Lim"]


@pytest.mark.django_db
def test_statement_links_are_the_addresses_reverse_gives():
    from archive.models import Agent, Statement
    from archive.views.rows import statement_links

    entry = make_entry("Ports and tariffs", published_on=datetime.date(2026, 3, 7), body="“Tariffs bite,” said Ana Silva. “Nobody knows,” one said.")
    other = make_entry("Echoes", body="“Tariffs bite,” she said.")
    speaker = Agent.objects.create(name="Ana Silva")
    said = Statement.objects.create(entry=entry, speaker=speaker, quote="Tariffs bite,", start=1, end=14)
    unknown = Statement.objects.create(entry=entry, quote="Nobody knows,", start=32, end=45)
    said.also_quoted_in = [{"entry": other, "anchor": "s99"}]
    statement_links([said, unknown])
    assert said.entry_url == reverse("archive:entry", args=[entry.slug]) + f"#s{said.pk}"
    assert said.speaker_url == reverse("archive:person", args=[speaker.slug])
    assert said.cite_url == reverse("citations:statement", kwargs={"pk": said.pk, "ext": "txt"})
    assert said.also_quoted_in[0]["url"] == reverse("archive:entry", args=[other.slug]) + "#s99"
    assert unknown.speaker_url is None
    assert said.entry_date == ("2026-03-07", "7 March 2026") == (said.entry_date.iso, said.entry_date.text)
    assert unknown.entry_date == said.entry_date
    assert unknown.cite_url == reverse("citations:statement", kwargs={"pk": unknown.pk, "ext": "txt"})
