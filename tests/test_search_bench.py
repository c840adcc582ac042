"""The benchmark corpus generator and harness (small sizes; figures come from `make bench`)."""
import pytest
from django.core.management import CommandError, call_command

from archive import bench
from archive.bench.corpus import COMMON_WORD, generate
from archive.models import Entry, Statement
from archive.search import search_entries, search_statements


def test_corpus_is_deterministic_and_realistic():
    first = list(generate(20, seed=5).entries)
    again = list(generate(20, seed=5).entries)
    other = list(generate(20, seed=6).entries)
    assert [e.title for e in first] == [e.title for e in again]
    assert [e.title for e in first] != [e.title for e in other]
    for spec in first:
        words = len(spec.body.split())
        assert 600 <= words <= 1400
        assert spec.body.count("\n\n") + 1 == len(spec.blocks)
        assert 1 <= len(spec.authors) <= 3
        for statement in spec.statements:
            assert spec.body[statement.start:statement.end] == statement.quote
    corpus = generate(20, seed=5)
    assert len(corpus.people) >= 3000


@pytest.mark.django_db
def test_generate_corpus_fills_the_archive_and_the_index():
    call_command("generate_corpus", entries=25, seed=3, verbosity=0)
    assert Entry.objects.count() == 25
    assert Statement.objects.exists()
    published = Entry.objects.published().count()
    results = search_entries(COMMON_WORD)
    assert 0 < results.total <= published
    assert results.hits[0].snippet_html
    assert search_statements("").total > 0
    with pytest.raises(CommandError):
        call_command("generate_corpus", entries=5, seed=3, verbosity=0)


def test_benchmarks_are_discovered():
    names = [name for name, _ in bench.discover()]
    assert names[0] == "search"
    assert "corpus" not in names
    assert bench.percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 50) == 5
    assert bench.percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 95) == 10


@pytest.mark.django_db
def test_generate_corpus_on_an_archive_that_holds_the_seeds():
    """D7: it crashed with UNIQUE archive_outlet.slug (the seeds' RSIS outlet holds "rsis")."""
    from archive.services.importer import import_paths

    from .importing_helpers import SEEDS

    assert import_paths([SEEDS]).ok
    seeded = Entry.objects.count()
    call_command("generate_corpus", entries=25, seed=4, verbosity=0)
    assert Entry.objects.count() == seeded + 25
    assert search_entries(COMMON_WORD).total > 0


@pytest.mark.django_db
def test_breakdown_names_where_a_search_page_spends_its_time(client):
    """The bench's per-part table: every part of a search page is timed, the parts fit
    inside the page, and a page that skips a part (no matches: no facets) reports it as 0."""
    from archive.bench.search import SETTINGS, breakdown
    from archive.search.timing import PARTS, recording
    from django.test.utils import override_settings

    call_command("generate_corpus", entries=25, seed=3, verbosity=0)
    with override_settings(**SETTINGS), recording() as parts:
        assert client.get("/search/", {"q": COMMON_WORD}).status_code == 200
    assert set(parts.wall) == set(parts.cpu) == set(PARTS)
    assert all(seconds > 0 for seconds in parts.wall.values())
    with override_settings(**SETTINGS):
        rows = dict(breakdown(client, [("common", COMMON_WORD, {}), ("nothing", "zzqqxx", {})], repeat=1))
    labels = [label for label in rows if label.startswith("search page part:")]
    assert len(labels) == len(PARTS) + 2
    assert all(" ms / " in rows[label] for label in labels)


def test_timing_costs_nothing_when_no_one_listens():
    from archive.search.timing import part, recording

    with part("engine"):
        pass  # no recording open: nothing kept, nothing raised
    with recording() as found:
        with part("engine"):
            pass
        with part("engine"):
            pass
    assert list(found.wall) == list(found.cpu) == ["engine"] and found.wall["engine"] >= 0
