"""Statements through the importer: suggestions on import, editors' decisions surviving re-import."""
import pytest

import archive.services.statements as statements_service
from archive.models import Entry, Statement
from archive.services.importer import import_file

from .statement_fakes import fake_engine

pytestmark = pytest.mark.django_db

ORIGINAL = (
    "Chips and Choices\n\nBy Jane Doe\n\n12 March 2025\n\n"
    "The minister said, “We will not back down.” Markets shrugged.\n\n"
    "Analysts were calmer. “This is noise,” said Mark Lee, an economist.\n"
)
REVISED = ORIGINAL.replace(
    "Analysts were calmer.", "Bond markets barely moved that week.\n\nAnalysts were calmer."
)
FINDINGS = [
    ("We will not back down.", None, None, {"mention": "The minister"}),
    ("This is noise,", "Mark Lee", "person", {"description": "an economist"}),
]


@pytest.fixture
def engine(monkeypatch):
    engine = fake_engine(FINDINGS)
    monkeypatch.setattr(statements_service, "_default_extractor", lambda: engine)
    return engine


def test_import_stores_machine_suggestions_with_the_author_passed_to_the_engine(engine):
    import_file("chips.txt", ORIGINAL.encode())
    entry = Entry.objects.get()
    assert engine.calls == [(entry.body, "Jane Doe")]
    found = {s.quote: s for s in entry.statements.select_related("speaker")}
    assert set(found) == {"We will not back down.", "This is noise,"}
    assert found["This is noise,"].speaker.name == "Mark Lee"
    assert found["We will not back down."].speaker is None
    assert all(s.review_status == "suggested" and s.origin == "machine" for s in found.values())


def test_editor_decisions_survive_re_import_of_a_changed_source(engine):
    import_file("chips.txt", ORIGINAL.encode())
    entry = Entry.objects.get()
    minister = entry.statements.get(quote="We will not back down.")
    minister.review_status = Statement.Review.REJECTED
    minister.save()
    lee = entry.statements.get(quote="This is noise,")
    lee.review_status = Statement.Review.CONFIRMED
    lee.verification = Statement.Verification.VERIFIED
    lee.save()

    result = import_file("chips.txt", REVISED.encode())
    assert result.outcome == "updated"
    entry.refresh_from_db()
    assert "Bond markets barely moved" in entry.body
    assert entry.statements.count() == 2  # not duplicated, not dropped
    minister.refresh_from_db()
    lee.refresh_from_db()
    assert minister.review_status == "rejected"
    assert (lee.review_status, lee.verification, lee.speaker.name) == ("confirmed", "verified", "Mark Lee")
    # Re-anchored to the new text.
    assert entry.body[lee.start:lee.end] == "This is noise,"
    assert not lee.needs_anchor

    # The same file again changes nothing.
    before = Statement.history.count()
    assert import_file("chips.txt", REVISED.encode()).outcome == "unchanged"
    assert Statement.history.count() == before
