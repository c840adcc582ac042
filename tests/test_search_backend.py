"""Search behaviour, asked of whichever engine the suite runs on.

The suite runs once on SQLite and once on PostgreSQL (DATABASE_URL), so both
backends answer exactly the same questions: ``SearchBehaviour`` is the shared set,
and nothing is skipped per engine.

Index updates run on commit in production; here ``django_capture_on_commit_callbacks``
lets those hooks fire, so the tests go through the same signal path an editor does.
"""
import datetime

import pytest
from django.db import connection

from archive.models import Agent, Alias, Authorship, Entry, Outlet, Statement
from archive.search import search_entries, search_statements, entry_ids_matching
from archive.search.backends import get_backend
from archive.search.indexing import rebuild
from archive.services.names import merge_agents

pytestmark = pytest.mark.django_db


def make_entry(title, synopsis="", body="", *, status="published", outlet=None, authors=(), tags=(),
               published_on=None, statements=()):
    entry = Entry.objects.create(
        title=title, synopsis=synopsis, body=body, status=status, outlet=outlet,
        published_on=published_on or datetime.date(2024, 1, 1),
    )
    for position, name in enumerate(authors):
        agent = Agent.objects.filter(name=name).first() or Agent.objects.create(name=name)
        Authorship.objects.create(entry=entry, agent=agent, position=position)
    if tags:
        entry.tags.add(*tags)
    for quote, speaker_name, review in statements:
        speaker = Agent.objects.filter(name=speaker_name).first() or Agent.objects.create(name=speaker_name)
        start = body.find(quote)
        Statement.objects.create(entry=entry, speaker=speaker, quote=quote, start=max(start, 0),
                                 end=max(start, 0) + len(quote), review_status=review)
    return entry


IMPORTED_COMMENTARY = """Walrus diplomacy in the Arctic

By Jane Doe

12 March 2024

Synopsis
Arctic states court the walrus as a symbol of cooperation.

Commentary
The walrus has become an unlikely emblem of Arctic cooperation. Governments from Oslo to Ottawa cite it
in speeches about shared waters and fragile ice.

"The walrus reminds us that the ice belongs to no one," said the minister at the summit.

Cooperation on research vessels has grown steadily, and scientists now share data across borders.
"""
IMPORT_MANIFEST = """[outlets.polar]
name = "Polar Review"
short_name = "Polar Review"
kind = "magazine"

[files."walrus.txt"]
outlet = "polar"
"""


def titles(q, **kwargs):
    return [hit.entry.title for hit in search_entries(q, **kwargs).hits]


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """A context manager whose on-commit hooks (the index updates) run at its end."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def archive(committed):
    rsis = Outlet.objects.create(name="S. Rajaratnam School of International Studies", short_name="RSIS")
    daily = Outlet.objects.create(name="China Daily", short_name="China Daily")
    with committed():
        make_entry(
            "DeepSeek and the running of open models", "A seed for technological equity.",
            "Open models run everywhere. The Belt and Road initiative reaches software.",
            outlet=rsis, authors=["Qi Dapeng"], tags=["AI", "China"], published_on=datetime.date(2025, 3, 17),
            statements=[("open models run everywhere", "Liang Wenfeng", "confirmed")],
        )
        make_entry(
            "Tea and coffee diplomacy", "Economics of beverages.",
            "Trade in tea grew; the road and the belt were different things. Economy matters.",
            outlet=daily, authors=["Wang Li"], tags=["Trade"], published_on=datetime.date(2023, 6, 1),
            statements=[("Trade in tea grew", "Wang Li", "suggested"),
                        ("Economy matters", "Rejected Speaker", "rejected")],
        )
        make_entry(
            "Tariff war returns", "Trade friction with tariffs.",
            "Coffee prices rose as the tariff war went on. <script>alert(1)</script> & more.",
            outlet=daily, authors=["Wang Li", "Qi Dapeng"], tags=["Trade"], published_on=datetime.date(2024, 9, 2),
        )
        make_entry(
            "Secret draft about zeppelins", "Unpublished.", "Zeppelins everywhere, running.",
            status="draft", outlet=rsis, authors=["Qi Dapeng"],
            statements=[("Zeppelins everywhere", "Hidden Speaker", "confirmed")],
        )
    return {"rsis": rsis, "daily": daily}


class SearchBehaviour:
    """What every backend must do. Subclassed once, for the engine under test."""

    def test_backend_matches_the_database(self):
        assert get_backend().vendor == connection.vendor

    def test_stemming(self, archive):
        assert titles("running") == ["DeepSeek and the running of open models"]
        assert "DeepSeek and the running of open models" in titles("runs")
        assert titles("economies") == ["Tea and coffee diplomacy"]

    def test_ranking_title_above_synopsis_above_body(self, committed):
        with committed():
            make_entry("Body match", "Nothing here.", "A walrus appears. Another walrus. Walrus again.")
            make_entry("Walrus in the title", "Nothing here.", "Nothing else of note in this body text.")
            make_entry("Synopsis match", "The walrus of the north.", "Nothing of note in this body text.")
        assert titles("walrus") == ["Walrus in the title", "Synopsis match", "Body match"]
        assert titles("walrus -zebra") == ["Walrus in the title", "Synopsis match", "Body match"]
        ranks = [hit.rank for hit in search_entries("walrus").hits]
        assert ranks == sorted(ranks, reverse=True)

    def test_bounded_ranking_for_very_common_queries(self, committed, monkeypatch):
        # Force the path a word in most of 100,000 entries takes: rank a bounded
        # candidate set (title/synopsis/names/tags matches first), pages stop there.
        from archive.search import service
        from archive.search.backends import postgres, sqlite

        with committed():
            make_entry("Body match", "Nothing here.", "A walrus appears. Another walrus. Walrus again.")
            make_entry("Walrus in the title", "Nothing here.", "Nothing else of note in this body text.")
            make_entry("Synopsis match", "The walrus of the north.", "Nothing of note in this body text.")
            make_entry("Excluded walrus", "Walrus and seal.", "Seal.")
        monkeypatch.setattr(service, "EXACT_RANK_LIMIT", 0)
        for module in (service, sqlite, postgres):
            monkeypatch.setattr(module, "CANDIDATES", 2)
        results = search_entries("walrus -seal", per_page=1)
        assert [h.entry.title for h in results.hits] == ["Walrus in the title"]
        assert results.num_pages == 2 and results.total == 3
        assert titles("walrus -seal", per_page=1, page=2) == ["Synopsis match"]
        monkeypatch.setattr(service, "CANDIDATES", 3)
        for module in (sqlite, postgres):
            monkeypatch.setattr(module, "CANDIDATES", 3)
        assert titles("walrus -seal") == ["Walrus in the title", "Synopsis match", "Body match"]

    def test_phrase(self, archive):
        assert titles('"belt and road"') == ["DeepSeek and the running of open models"]
        assert len(titles("belt road")) == 2

    def test_exclusion(self, archive):
        assert titles("trade -tariff") == ["Tea and coffee diplomacy"]
        assert titles('road -"belt and road"') == ["Tea and coffee diplomacy"]

    def test_only_exclusions_browse_the_rest(self, archive):
        assert sorted(titles("-tariff")) == ["DeepSeek and the running of open models", "Tea and coffee diplomacy"]

    def test_or(self, archive):
        assert sorted(titles("deepseek OR tariff")) == ["DeepSeek and the running of open models",
                                                        "Tariff war returns"]

    def test_prefix(self, archive):
        assert sorted(titles("econom*")) == ["Tea and coffee diplomacy"]
        assert sorted(titles("tarif*")) == ["Tariff war returns"]

    def test_authors_outlets_and_tags_are_searchable(self, archive):
        assert sorted(titles("dapeng")) == ["DeepSeek and the running of open models", "Tariff war returns"]
        assert len(titles("rajaratnam")) == 1
        assert titles("china") and "DeepSeek and the running of open models" in titles("china")

    def test_diacritics_are_folded(self, committed):
        with committed():
            make_entry("Café société", "Über alles.", "Naïve résumé.")
        assert titles("cafe") == ["Café société"]
        assert titles("resume uber") == ["Café société"]

    def test_only_published(self, archive):
        assert titles("zeppelins") == []
        assert "Secret draft about zeppelins" not in titles("")
        assert search_entries("").total == 3
        assert list(entry_ids_matching("zeppelins")) == []
        assert search_statements("zeppelins").total == 0
        assert search_statements("hidden").total == 0

    def test_rejected_statements_are_not_found(self, archive):
        assert search_statements("economy").total == 0
        assert search_statements("rejected speaker").total == 0

    def test_snippet_is_escaped_and_marked(self, archive):
        hit = search_entries("coffee prices").hits[0]
        assert "<mark>Coffee</mark> <mark>prices</mark>" in hit.snippet_html
        assert "<script>" not in hit.snippet_html
        assert "&lt;script&gt;" in hit.snippet_html or "script" not in hit.snippet_html
        assert "<mark>" in search_entries("tariff").hits[0].title_html

    def test_browse_is_newest_first(self, archive):
        assert titles("") == ["DeepSeek and the running of open models", "Tariff war returns",
                              "Tea and coffee diplomacy"]
        assert titles("", sort="oldest")[0] == "Tea and coffee diplomacy"

    def test_sort_by_date(self, archive):
        assert titles("trade", sort="newest") == ["Tariff war returns", "Tea and coffee diplomacy"]
        assert titles("trade", sort="oldest") == ["Tea and coffee diplomacy", "Tariff war returns"]

    def test_filters(self, archive):
        assert titles("", filters={"outlet": "rsis"}) == ["DeepSeek and the running of open models"]
        assert sorted(titles("", filters={"author": "wang-li"})) == ["Tariff war returns", "Tea and coffee diplomacy"]
        assert titles("trade", filters={"tag": "trade", "year": 2023}) == ["Tea and coffee diplomacy"]
        assert titles("", filters={"year": "2024"}) == ["Tariff war returns"]
        assert titles("", filters={"date_from": "2024-01-01", "date_to": datetime.date(2024, 12, 31)}) == [
            "Tariff war returns"]
        assert titles("", filters={"speaker": "liang-wenfeng"}) == ["DeepSeek and the running of open models"]
        assert titles("", filters={"has_statements": False}) == ["Tariff war returns"]
        assert len(titles("", filters={"has_statements": "1"})) == 2

    def test_filters_with_words(self, archive):
        # With words, filters are index tokens intersected by the engine; same answers.
        assert titles("trade", filters={"outlet": "china-daily"}) == ["Tariff war returns", "Tea and coffee diplomacy"]
        assert titles("trade", filters={"outlet": "rsis"}) == []
        assert titles("open", filters={"author": "qi-dapeng"}) == ["DeepSeek and the running of open models"]
        assert titles("coffee", filters={"author": "qi-dapeng"}) == ["Tariff war returns"]
        assert titles("trade", filters={"tag": "trade", "year": 2023}) == ["Tea and coffee diplomacy"]
        assert titles("trade OR models", filters={"speaker": "liang-wenfeng"}) == [
            "DeepSeek and the running of open models"]
        assert titles("trade", filters={"has_statements": False}) == ["Tariff war returns"]
        assert titles("trade", filters={"has_statements": True}) == ["Tea and coffee diplomacy"]
        assert titles("trade", filters={"date_from": "2024-01-01"}) == ["Tariff war returns"]
        assert titles("trade", filters={"date_to": "2023-12-31"}) == ["Tea and coffee diplomacy"]
        facets = search_entries("trade", filters={"outlet": "china-daily"}).facets
        assert facets["outlet"] == [("china-daily", "China Daily", 2)]

    def test_unreadable_filters_are_ignored_and_named(self, archive):
        results = search_entries("", filters={"year": "MMXX", "date_from": "yesterday", "outlet": "rsis"})
        assert sorted(results.ignored_filters) == ["date_from", "year"]
        assert results.total == 1

    def test_facets(self, archive):
        facets = search_entries("trade").facets
        assert facets["outlet"] == [("china-daily", "China Daily", 2)]
        assert ("wang-li", "Wang Li", 2) in facets["author"]
        assert facets["tag"] == [("trade", "Trade", 2)]
        assert facets["year"] == [(2024, "2024", 1), (2023, "2023", 1)]
        assert facets["speaker"] == [("wang-li", "Wang Li", 1)]

    def test_counts_and_pages(self, archive):
        results = search_entries("", per_page=2, page=2)
        assert (results.total, results.num_pages, results.page, len(results.hits)) == (3, 2, 2, 1)
        assert results.has_previous and not results.has_next
        assert search_entries("", per_page=2, page=99).page == 2
        assert search_entries("", per_page="junk", page="junk").page == 1

    def test_count_is_capped(self, archive, monkeypatch):
        monkeypatch.setattr(get_backend(), "count_cap", 2)
        results = search_entries("")
        assert results.total_is_capped and results.total == 2
        assert results.total_display == "2+"

    def test_nothing_to_search_for(self, archive):
        results = search_entries("the of")
        assert results.total == 0 and "ignored" in results.query.understood_as

    def test_stop_words_mean_the_same_on_every_engine(self, committed):
        # PostgreSQL drops stop words from every query, prefixes and phrases too; FTS5
        # would have searched them. The parser drops them first, so both engines agree.
        with committed():
            make_entry("The state of the art", "Of the war and the peace.", "A war of words over the seas.")
            make_entry("War games", "Nothing else.", "Overseas trade and war.")
        for text in ('"of the"', '"the"', "the*", "a*", "over*", '"to be or not to be"'):
            results = search_entries(text)
            assert (results.total, results.query.ignored) == (0, (text,)), text
            assert search_statements(text).total == 0, text
        assert sorted(titles('"the war"')) == sorted(titles("war")) == ["The state of the art", "War games"]
        assert titles('"state of the art"') == ["The state of the art"]
        assert titles('"the art" -"of the"') == ["The state of the art"]

    def test_short_prefixes_are_searched_as_words(self, committed):
        with committed():
            make_entry("Tariffs again", "Nothing.", "Tariffs and taxes.")
            make_entry("Ta-da", "Nothing.", "A ta moment.")
        results = search_entries("ta*")
        assert [h.entry.title for h in results.hits] == ["Ta-da"]  # not every word starting with ta
        assert results.query.notes == ("Word beginnings need at least 3 letters; searched as whole words: ta.",)
        assert titles("tar*") == ["Tariffs again"]

    def test_a_query_of_many_terms_is_capped_and_says_so(self, archive):
        # 130 OR'd two-letter prefixes once took 6 s on PostgreSQL: now 16 whole words at most.
        text = " OR ".join(a + b + "*" for a in "bcdfgjklmp" for b in "bcdfgjklmnprs") + " OR tariff"
        results = search_entries(text)
        assert sum(len(group) for group in results.query.groups) == 16
        assert "tariff" in results.query.ignored and "and " in results.query.understood_as
        assert results.total == 0
        assert search_statements(text).total == 0

    def test_a_long_query_is_cut_between_words(self, archive):
        # Cut at 1,000 characters mid-word, "deepseek " * 300 meant "deepseek AND d".
        results = search_entries("deepseek " * 300)
        assert [h.entry.title for h in results.hits] == ["DeepSeek and the running of open models"]
        assert "everything after the first 1,000 characters" in results.query.ignored
        assert search_statements("wenfeng " * 300).total == 1

    def test_a_runaway_search_is_stopped(self, archive, monkeypatch):
        from archive.search import SearchTimeout

        backend = get_backend()
        monkeypatch.setattr(backend, "time_budget", 0.05)
        slow = ("SELECT pg_sleep(5)" if connection.vendor == "postgresql" else
                "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT COUNT(*) FROM "
                "(SELECT i FROM n LIMIT 1000000000)")
        with pytest.raises(SearchTimeout):
            with backend.session(), connection.cursor() as cursor:
                cursor.execute(slow)
                cursor.fetchall()
        monkeypatch.undo()
        assert titles("tariff") == ["Tariff war returns"]  # the connection still serves searches

    def test_facets_above_the_sample_size_are_spread_over_the_matches(self, committed, monkeypatch):
        # The engines return matches oldest first; the first N would describe the early years.
        old = Outlet.objects.create(name="Old Outlet", short_name="Old")
        new = Outlet.objects.create(name="New Outlet", short_name="New")
        with committed():
            for i in range(6):
                make_entry(f"Walrus report {i}", outlet=old if i < 3 else new)
        monkeypatch.setattr(get_backend(), "facet_sample", 2)
        results = search_entries("walrus")
        assert sorted(results.facets["outlet"]) == [("new", "New Outlet", 1), ("old", "Old Outlet", 1)]
        assert (results.facets_exact, results.facet_sample, results.facet_sample_of) == (False, 2, 6)
        assert results.facet_note.startswith("Counts from a sample of 2 of the 6 matches")
        monkeypatch.setattr(get_backend(), "count_cap", 4)  # more matches than the count reads:
        results = search_entries("walrus")  # the first found, and the page says so
        assert (results.facet_sample, results.facet_sample_of, results.total_display) == (2, 2, "4+")
        assert results.facets["outlet"] == [("old", "Old Outlet", 2)]
        assert results.facet_note.startswith("Counts from the first 2 matches found (mostly the entries added earliest), "
                                             "not from all 4+")
        monkeypatch.setattr(get_backend(), "facet_sample", 1000)
        monkeypatch.setattr(get_backend(), "count_cap", 10_000)
        results = search_entries("walrus")
        assert results.facets_exact and results.facet_note is None
        assert sorted(results.facets["outlet"]) == [("new", "New Outlet", 3), ("old", "Old Outlet", 3)]

    def test_bounded_candidates_are_the_newest_on_every_engine(self, committed, monkeypatch):
        # The candidate sets are ordered (newest first), not taken in whatever order the
        # engine scans, so a ranking's pages are the same on every visit.
        from archive.search import service
        from archive.search.backends import postgres, sqlite

        with committed():
            for i in range(4):
                make_entry(f"Walrus number {i}", "Nothing here.", "Nothing else of note.")
        monkeypatch.setattr(service, "EXACT_RANK_LIMIT", 0)
        for module in (service, sqlite, postgres):
            monkeypatch.setattr(module, "CANDIDATES", 1)
        results = search_entries("walrus")
        assert [h.entry.title for h in results.hits] == ["Walrus number 3"]
        assert (results.total, results.ranked_limit, results.num_pages) == (4, 1, 1)

    def test_statement_search(self, archive):
        results = search_statements("open models")
        assert [hit.statement.speaker.name for hit in results.hits] == ["Liang Wenfeng"]
        assert "<mark>" in results.hits[0].snippet_html
        assert search_statements("wenfeng").total == 1
        assert search_statements("", speaker="wang-li").total == 1
        assert search_statements("open", speaker="wang-li").total == 0
        assert search_statements("").total == 2

    def test_bounded_queries(self, committed, django_assert_max_num_queries):
        with committed():
            for i in range(50):
                make_entry(f"Ocean report {i}", "Ocean synopsis.", "The ocean body.",
                           authors=[f"Author {i % 7}"], tags=[f"tag{i % 5}"],
                           statements=[("The ocean body", f"Speaker {i % 3}", "confirmed")])
        search_entries("ocean")  # content types cached, as in a running site
        with django_assert_max_num_queries(12):
            results = search_entries("ocean", per_page=50)
            for hit in results.hits:
                [a.agent.name for a in hit.entry.authorships.all()]
                [t.name for t in hit.entry.tags.all()]
                str(hit.entry.outlet)
        assert len(results.hits) == 50
        with django_assert_max_num_queries(12):
            assert len(search_entries("report 7").hits) == 1
        with django_assert_max_num_queries(8):
            results = search_statements("ocean", per_page=50)
            for hit in results.hits:
                (hit.statement.speaker.name, hit.statement.entry.title)

    # -- freshness ---------------------------------------------------------------
    def test_edit_entry(self, archive, committed):
        entry = Entry.objects.get(title="Tariff war returns")
        with committed():
            entry.title = "Sanctions season"
            entry.save()
        assert titles("sanctions") == ["Sanctions season"]
        assert "Sanctions season" not in titles("returns")

    def test_unpublish_and_delete(self, archive, committed):
        entry = Entry.objects.get(title="Tariff war returns")
        with committed():
            entry.status = "draft"
            entry.save()
        assert titles("tariff") == []
        with committed():
            entry.status = "published"
            entry.save()
        assert titles("tariff") == ["Tariff war returns"]
        with committed():
            entry.delete()
        assert titles("tariff") == []

    def test_rename_tag(self, archive, committed):
        from taggit.models import Tag

        tag = Tag.objects.get(name="AI")
        with committed():
            tag.name = "Artificial intelligence"
            tag.save()
        assert titles("artificial") == ["DeepSeek and the running of open models"]

    def test_add_and_remove_tag(self, archive, committed):
        entry = Entry.objects.get(title="Tariff war returns")
        with committed():
            entry.tags.add("Semiconductors")
        assert titles("semiconductors") == ["Tariff war returns"]
        with committed():
            entry.tags.remove("Semiconductors")
        assert titles("semiconductors") == []

    def test_merge_names(self, archive, committed):
        keep = Agent.objects.get(name="Qi Dapeng")
        with committed():
            other = Agent.objects.create(name="Dapeng Q. Variant")
            make_entry("Orchards of Xinjiang", "Apples.", "Fruit.", authors=["Dapeng Q. Variant"])
        assert titles("orchards", filters={"author": keep.slug}) == []
        with committed():
            merge_agents(keep, [other])
        assert titles("orchards", filters={"author": keep.slug}) == ["Orchards of Xinjiang"]
        # The merged name survives as an alias, and still finds the entries.
        assert "Orchards of Xinjiang" in titles("variant")
        assert Alias.objects.filter(agent=keep, name="Dapeng Q. Variant").exists()

    def test_rename_speaker(self, archive, committed):
        speaker = Agent.objects.get(name="Liang Wenfeng")
        with committed():
            speaker.name = "Liang W. Renamed"
            speaker.save()
        assert search_statements("renamed").total == 1

    def test_speaker_filter_follows_statement_edits(self, archive, committed):
        statement = Statement.objects.get(quote="open models run everywhere")
        other = Agent.objects.get(name="Wang Li")
        assert titles("deepseek", filters={"speaker": other.slug}) == []
        with committed():
            statement.speaker = other
            statement.save()
        assert titles("deepseek", filters={"speaker": other.slug}) == ["DeepSeek and the running of open models"]
        assert titles("deepseek", filters={"speaker": "liang-wenfeng"}) == []
        with committed():
            statement.delete()
        assert titles("deepseek", filters={"has_statements": True}) == []

    def test_edit_statement(self, archive, committed):
        statement = Statement.objects.get(quote="Trade in tea grew")
        with committed():
            statement.review_status = "rejected"
            statement.save()
        assert search_statements("tea").total == 0

    def test_import(self, committed, tmp_path):
        from archive.services.importer import import_paths

        (tmp_path / "walrus.txt").write_text(IMPORTED_COMMENTARY, encoding="utf-8")
        (tmp_path / "manifest.toml").write_text(IMPORT_MANIFEST, encoding="utf-8")
        with committed():
            summary = import_paths([tmp_path / "walrus.txt"])
        assert summary.ok
        assert titles("walrus") == ["Walrus diplomacy in the Arctic"]
        assert titles("doe") == ["Walrus diplomacy in the Arctic"]  # the byline's author
        outlet = Entry.objects.get(title="Walrus diplomacy in the Arctic").outlet
        assert titles("walrus", filters={"outlet": outlet.slug}) == ["Walrus diplomacy in the Arctic"]
        assert search_statements("ice belongs").total == 1  # the statement the import found
        # Re-importing an edited file updates what search finds.
        (tmp_path / "walrus.txt").write_text(IMPORTED_COMMENTARY.replace("research vessels", "icebreakers"),
                                             encoding="utf-8")
        with committed():
            import_paths([tmp_path / "walrus.txt"])
        assert titles("icebreakers") == ["Walrus diplomacy in the Arctic"]

    def test_rebuild(self, archive):
        assert rebuild() == (3, 2)
        assert titles("tariff") == ["Tariff war returns"]

    def test_rebuild_search_index_command(self, archive):
        from io import StringIO

        from django.core.management import call_command

        backend = get_backend()
        with connection.cursor() as cursor:
            backend.clear(cursor)
        assert titles("tariff") == [] and search_statements("wenfeng").total == 0
        out = StringIO()
        call_command("rebuild_search_index", stdout=out)
        assert "Indexed 3 published entries and 2 statements" in out.getvalue()
        assert titles("tariff") == ["Tariff war returns"]
        assert search_statements("wenfeng").total == 1
        assert titles("zeppelins") == []  # drafts stay out


class TestSearch(SearchBehaviour):
    """The shared behaviour on the engine this run uses (SQLite or PostgreSQL)."""
