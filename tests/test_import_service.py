"""The import workflow against the database: what is stored, and what is never touched."""
import datetime
import shutil

import pytest
from django.db import connection
from taggit.models import Tag, TaggedItem

from archive.models import Agent, Authorship, Entry, Outlet, Series, Statement
from archive.services import importer
from archive.services.importer import ImportPathError, import_file, import_paths

from .importing_helpers import CHINA_DAILY_SEED, DATA, RSIS_SEED, SEEDS

pytestmark = pytest.mark.django_db


def row_counts():
    models = [Entry, Agent, Authorship, Outlet, Series, Statement, Tag, TaggedItem, Entry.history.model]
    return {model.__name__: model.objects.count() for model in models}


@pytest.fixture
def seeds(tmp_path):
    folder = tmp_path / "seeds"
    shutil.copytree(SEEDS, folder)
    return folder


def test_seeds_import_rsis_entry(seeds):
    summary = import_paths([seeds])
    assert summary.ok and len(summary.created) == 2
    entry = Entry.objects.get(number="CO25056")
    assert entry.title == "DeepSeek: A Seed for Technological Equity and a Multipolar World"
    assert entry.series.name == "RSIS Commentary" and entry.series.outlet == entry.outlet
    assert entry.outlet.name == "S. Rajaratnam School of International Studies (RSIS)"
    assert (entry.outlet.short_name, entry.outlet.kind, entry.outlet.place) == ("RSIS", "think_tank", "Singapore")
    [author] = entry.ordered_authors()
    assert (author.name, author.family_name, author.given_name) == ("Qi Dapeng", "Qi", "Dapeng")
    assert (entry.published_on, entry.date_precision) == (datetime.date(2025, 3, 17), "day")
    assert entry.synopsis.startswith("In 2025, Chinese AI firm DeepSeek disrupted US tech hegemony")
    assert entry.headings() == [
        "Shattering the US AI Monopoly", "Rapid Embrace from Global Majority",
        "Igniting a Global Innovation Renaissance", "Fostering a Political Will for AI Equity",
        "Shaping a Multipolar World",
    ]
    assert entry.author_note.startswith("Dr Qi Dapeng is a professor")
    assert {"Country and Region Studies", "Technology and Future Issues"} <= set(entry.tags.names())
    assert entry.body.count("Harvard AI expert Louis Tompros remarked") == 1
    assert "About RSIS" not in entry.body and "cookies" not in entry.body
    assert entry.status == "published" and entry.needs_review == []
    assert entry.source_name == RSIS_SEED.name
    assert len(entry.checksum) == 64 and entry.imported_at and entry.importer_version
    assert entry.genre == "commentary"


def test_seeds_import_china_daily_entry_as_a_flagged_draft(seeds):
    import_paths([seeds])
    entry = Entry.objects.get(source_name=CHINA_DAILY_SEED.name)
    assert entry.outlet.name == "China Daily" and entry.outlet.kind == "newspaper"
    assert entry.url == "https://chinadailyhk.com/hk/article/603444"
    assert entry.author_note.startswith("The author is an award-winning writer")
    assert len(entry.headings()) == 5 and entry.headings()[0] == "The Crucible of Sanctions: Pressure into Progress"
    assert "READ MORE" not in entry.body and "necessarily reflect" not in entry.body
    assert entry.title == "" and entry.published_on is None and entry.authorships.count() == 0
    assert entry.date_precision == "unknown"
    assert entry.needs_review == ["title", "authors", "date"]
    assert entry.status == "draft"
    assert entry.genre == "op_ed"
    assert entry.slug  # an untitled entry still gets an address


def test_body_structure_matches_the_documented_format(seeds):
    import_paths([seeds])
    for entry in Entry.objects.all():
        assert entry.body == "\n\n".join(text for _, text, _ in entry.blocks())
        assert all(b["type"] in {"heading", "paragraph"} for b in entry.body_blocks)


def test_reimport_changes_nothing(seeds):
    import_paths([seeds])
    before = row_counts()
    stamps = dict(Entry.objects.values_list("pk", "updated_at"))
    summary = import_paths([seeds])
    assert [r.outcome for r in summary.results] == ["unchanged", "unchanged"]
    assert row_counts() == before
    assert dict(Entry.objects.values_list("pk", "updated_at")) == stamps


def test_same_text_under_another_name_is_the_same_entry(seeds, tmp_path):
    import_paths([seeds])
    copy = tmp_path / "renamed-copy.txt"
    copy.write_bytes(RSIS_SEED.read_bytes())
    before = row_counts()
    result = import_paths([copy]).results[0]
    assert result.outcome == "unchanged"
    assert RSIS_SEED.name in result.reason
    assert row_counts() == before


def test_failed_file_changes_nothing_and_others_still_import(tmp_path):
    folder = tmp_path / "batch"
    folder.mkdir()
    (folder / "a_empty.txt").write_bytes(b"")
    (folder / "b_binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 10)
    (folder / "c_menu.txt").write_bytes((DATA / "menu_only.txt").read_bytes())
    (folder / "d_good.txt").write_bytes((DATA / "unknown_outlet_plain.txt").read_bytes())
    (folder / "e_page.html").write_bytes((DATA / "no_article.html").read_bytes())
    (folder / "notes.md").write_text("not a source file")
    before = row_counts()
    summary = import_paths([folder])
    outcomes = {r.name: (r.outcome, r.reason) for r in summary.results}
    assert set(outcomes) == {"a_empty.txt", "b_binary.txt", "c_menu.txt", "d_good.txt", "e_page.html"}
    assert outcomes["a_empty.txt"] == ("failed", "the file is empty")
    assert "binary file" in outcomes["b_binary.txt"][1]
    assert "no commentary text was found" in outcomes["c_menu.txt"][1]
    assert "no article was found in the HTML page" in outcomes["e_page.html"][1]
    assert outcomes["d_good.txt"][0] == "created"
    after = row_counts()
    assert after["Entry"] == before["Entry"] + 1
    assert not summary.ok and len(summary.failed) == 4


def test_a_file_failing_while_saving_leaves_no_trace(tmp_path, monkeypatch):
    """Everything the failing file created before the error (outlet, names, entry) is rolled back."""
    good, bad = tmp_path / "good.txt", tmp_path / "bad.txt"
    good.write_bytes((DATA / "unknown_outlet_plain.txt").read_bytes())
    bad.write_bytes((DATA / "rsis_co24180_two_authors.txt").read_bytes())

    def failing_for_bad(entry):
        if entry.source_name == "bad.txt":
            raise RuntimeError("statement store unavailable")

    monkeypatch.setattr(importer, "refresh_statements", failing_for_bad)
    before = row_counts()
    summary = import_paths([bad, good])
    assert [r.outcome for r in summary.results] == ["failed", "created"]
    assert "statement store unavailable" in summary.results[0].reason
    after = row_counts()
    assert after["Entry"] == before["Entry"] + 1
    assert not Outlet.objects.filter(short_name="RSIS").exists()
    assert not Agent.objects.filter(name__in=["Tan Mei Ling", "Rahul Menon"]).exists()
    assert not Series.objects.exists()


def test_statements_hook_runs_inside_the_file_transaction(tmp_path, monkeypatch):
    calls = []
    monkeypatch.setattr(importer, "refresh_statements",
                        lambda entry: calls.append((entry.pk, entry.body[:20], connection.in_atomic_block)))
    path = tmp_path / "a.txt"
    path.write_bytes((DATA / "unknown_outlet_plain.txt").read_bytes())
    import_paths([path])
    assert len(calls) == 1 and calls[0][0] is not None and calls[0][2] is True
    import_paths([path])  # unchanged: nothing saved, nothing to refresh
    assert len(calls) == 1


def test_statements_module_is_wired_when_it_exists(seeds):
    try:
        from archive.services import statements
        from archive.quotes import extract  # noqa: F401
    except ImportError:
        pytest.skip("the quote engine is not in this tree")
    assert importer.refresh_statements is statements.refresh_statements
    import_paths([seeds])
    entry = Entry.objects.get(number="CO25056")
    assert entry.statements.exists()
    quotes = list(Statement.objects.order_by("pk").values_list("quote", "start", "end"))
    for statement in entry.statements.all():  # offsets point into the stored canonical body
        assert entry.body[statement.start:statement.end] == statement.quote
    import_paths([seeds])  # unchanged: the statements stay exactly as they were
    assert list(Statement.objects.order_by("pk").values_list("quote", "start", "end")) == quotes


def test_changed_source_updates_only_fields_no_editor_changed(tmp_path):
    path = tmp_path / "column.txt"
    original = (DATA / "unknown_outlet_plain.txt").read_text()
    path.write_text(original)
    import_paths([path])
    entry = Entry.objects.get(source_name="column.txt")
    entry.title = "An Editor's Better Title"
    entry.mark_edited(["title", "authors"])
    entry.save()
    entry.authorships.all().delete()
    Authorship.objects.create(entry=entry, agent=Agent.objects.create(name="Corrected Author"), position=0)

    changed = (original.replace("The Quiet Return of Industrial Policy", "A New Title in the Source")
               .replace("12 May 2024", "14 May 2024")
               .replace("By Jane Doe and Peter van der Berg", "By Jane Doe")
               .replace("that is the problem.", "that is the real problem."))
    path.write_text(changed)
    result = import_paths([path]).results[0]
    assert result.outcome == "updated"
    assert set(result.changed) == {"published_on", "body"}
    entry.refresh_from_db()
    assert entry.title == "An Editor's Better Title"
    assert [a.name for a in entry.ordered_authors()] == ["Corrected Author"]
    assert entry.published_on == datetime.date(2024, 5, 14)
    assert "that is the real problem." in entry.body
    assert Entry.objects.count() == 1
    # Importing the changed source again is a no-op.
    assert import_paths([path]).results[0].outcome == "unchanged"


def test_editor_edited_body_survives_a_changed_source(tmp_path):
    path = tmp_path / "column.txt"
    path.write_bytes((DATA / "unknown_outlet_body_only.txt").read_bytes())
    import_paths([path])
    entry = Entry.objects.get()
    entry.body = entry.body.replace("Planting is the easy part.", "Planting is the easy part, editors note.")
    entry.mark_edited(["body"])
    entry.save()
    path.write_text(path.read_text().replace("several degrees", "five degrees"))
    assert import_paths([path]).results[0].outcome == "updated"
    entry.refresh_from_db()
    assert "editors note" in entry.body and "five degrees" not in entry.body


def test_manifest_completing_an_entry_publishes_it(seeds):
    import_paths([seeds])
    entry = Entry.objects.get(source_name=CHINA_DAILY_SEED.name)
    assert entry.status == "draft"
    manifest = (seeds / "manifest.toml").read_text()
    (seeds / "manifest.toml").write_text(manifest + (
        'title = "A Completed Title"\nauthors = ["Known Columnist"]\ndate = 2025-02-03\n'))
    result = [r for r in import_paths([seeds]).results if r.name == CHINA_DAILY_SEED.name][0]
    assert result.outcome == "updated"
    entry.refresh_from_db()
    assert entry.title == "A Completed Title" and entry.needs_review == []
    assert entry.status == "published"


def test_dry_run_saves_nothing_and_reports_the_real_outcome(seeds):
    before = row_counts()
    summary = import_paths([seeds], dry_run=True)
    assert summary.dry_run and [r.outcome for r in summary.results] == ["created", "created"]
    assert "nothing was saved" in summary.headline()
    assert row_counts() == before


def test_cp1252_file_is_stored_with_its_characters(tmp_path):
    text = ("Café Politics\n\nBy Zoë Brontë\n\nThe minister called it “a naïve idea” – and nobody in the "
            "room disagreed, not even the café owners who had paid for the study.\n")
    path = tmp_path / "legacy.txt"
    path.write_bytes(text.encode("cp1252"))
    import_paths([path])
    entry = Entry.objects.get()
    assert entry.title == "Café Politics"
    assert "“a naïve idea” –" in entry.body
    assert entry.ordered_authors()[0].name == "Zoë Brontë"


def test_file_over_the_size_limit_is_refused(tmp_path, settings):
    settings.ARCHIVE_IMPORT_MAX_BYTES = 500
    path = tmp_path / "big.txt"
    path.write_bytes((DATA / "unknown_outlet_plain.txt").read_bytes())
    result = import_paths([path]).results[0]
    assert result.outcome == "failed" and "over the import limit" in result.reason
    assert Entry.objects.count() == 0
    assert import_paths([path], max_bytes=10_000).results[0].outcome == "created"


def test_nonexistent_path_is_a_clear_error(tmp_path):
    with pytest.raises(ImportPathError, match="no such file or folder: .*missing.txt"):
        import_paths([tmp_path / "missing.txt"])


def test_import_file_takes_bytes_and_the_manifest(seeds):
    from archive.importing import load_manifest
    manifest = load_manifest(seeds / "manifest.toml")
    result = import_file(CHINA_DAILY_SEED.name, CHINA_DAILY_SEED.read_bytes(), manifest=manifest)
    assert result.outcome == "created" and result.needs_review == ["title", "authors", "date"]
    assert Entry.objects.get().url == "https://chinadailyhk.com/hk/article/603444"


def test_an_author_already_in_the_name_authority_is_reused(tmp_path):
    existing = Agent.objects.create(name="Jane Doe")
    path = tmp_path / "a.txt"
    path.write_bytes((DATA / "unknown_outlet_plain.txt").read_bytes())
    import_paths([path])
    entry = Entry.objects.get()
    assert entry.ordered_authors()[0] == existing
    assert [a.name for a in entry.ordered_authors()] == ["Jane Doe", "Peter van der Berg"]
    assert entry.ordered_authors()[1].family_name == "van der Berg"


def test_two_outlets_sharing_a_short_name_both_import(tmp_path):
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_bytes((DATA / "unknown_outlet_body_only.txt").read_bytes())
    second.write_bytes((DATA / "unknown_outlet_plain.txt").read_bytes())
    (tmp_path / "manifest.toml").write_text(
        '[files."a.txt"]\noutlet = { name = "Daily Post", short_name = "Post" }\n'
        '[files."b.txt"]\noutlet = { name = "Evening Post", short_name = "Post" }\n')
    summary = import_paths([tmp_path])
    assert summary.ok
    assert sorted(Outlet.objects.values_list("slug", flat=True)) == ["post", "post-2"]


@pytest.mark.django_db(transaction=True)
def test_each_file_is_committed_on_its_own(tmp_path):
    """A real run commits file by file: what finished stays even if a later file breaks the run."""
    good = tmp_path / "a.txt"
    good.write_bytes((DATA / "unknown_outlet_plain.txt").read_bytes())
    committed = []

    def progress(done, total, name):
        committed.append((name, connection.in_atomic_block, Entry.objects.count()))

    import_paths([good], progress=progress)
    assert committed[0] == ("a.txt", False, 1)


def test_the_summary_says_why_a_field_was_left_for_review(tmp_path):
    paragraph = "A sentence that is long enough to be read as running text in the body of the page. " * 2
    path = tmp_path / "competing.txt"
    path.write_text("Trade talks stall as both sides dig in\n\nMost read\n\nEurope weighs tariffs on steel once more\n\n"
                    + paragraph, encoding="utf-8")
    summary = import_paths([path])
    line = str(summary.created[0])
    assert "needs review: title (several lines could be the headline: Trade talks stall" in line
    assert Entry.objects.get().title == ""
