"""Statements with the real quote engine: realistic passages, and the seed folder against its gold file."""
import json
from pathlib import Path

import pytest
from django.conf import settings

from archive.models import Agent, Entry, MergeCandidate, Statement
from archive.services.importer import import_paths
from archive.services.statements import refresh_statements

from .factories import make_entry, make_outlet

pytestmark = pytest.mark.django_db

GOLD = Path(__file__).parent / "data" / "seed-quotes.jsonl"

WIRE = (
    "WASHINGTON — The Commerce Department tightened its export rules for advanced chips on Tuesday.\n\n"
    "\"These controls protect our national security,\" Commerce Secretary Gina Raimondo said in a "
    "statement. Critics were quick to respond.\n\n"
    "Former Polish president Lech Wałęsa said, “Solidarity cannot be exported by force, and "
    "neither can prosperity.”\n\n"
    "Some analysts called the rules a \"digital iron curtain\", while the so-called \"chip war\" "
    "shows no sign of ending."
)
COLUMN = (
    "Export controls have a long and mixed record.\n\n"
    "‘Solidarity cannot be exported by force,’ said Lech Walesa, the former Polish president. "
    "That lesson is worth remembering in Washington and in Beijing alike."
)


def quotes(entry):
    return {s.quote: s for s in entry.statements.select_related("speaker", "group")}


def test_a_wire_story_gives_suggestions_linked_to_name_records_and_terms():
    entry = make_entry("Chip rules", body=WIRE, outlet=make_outlet("Wire Service"))
    refresh_statements(entry)
    found = quotes(entry)
    raimondo = found["These controls protect our national security,"]
    assert raimondo.speaker.name == "Gina Raimondo" and raimondo.speaker.kind == Agent.Kind.PERSON
    assert raimondo.description == "Commerce Secretary"
    assert raimondo.origin == Statement.Origin.MACHINE and raimondo.review_status == Statement.Review.SUGGESTED
    analysts = found["digital iron curtain"]
    assert analysts.speaker.kind == Agent.Kind.GROUP
    assert "chip war" in set(entry.quoted_terms.values_list("text", flat=True))
    for statement in found.values():
        assert WIRE[statement.start:statement.end] == statement.quote


def test_the_same_words_in_two_outlets_form_one_group_and_near_names_are_proposed():
    wire = make_entry("Chip rules", body=WIRE)
    column = make_entry("Lessons of sanctions", body=COLUMN)
    refresh_statements(wire)
    refresh_statements(column)
    long_quote = next(s for q, s in quotes(wire).items() if q.startswith("Solidarity"))
    short_quote = next(s for q, s in quotes(column).items() if q.startswith("Solidarity"))
    # Two records (the names differ beyond accent folding), proposed to editors, not merged.
    assert long_quote.speaker.name == "Lech Wałęsa" and short_quote.speaker.name == "Lech Walesa"
    candidate = MergeCandidate.objects.get()
    assert {candidate.first, candidate.second} == {long_quote.speaker, short_quote.speaker}
    assert candidate.reason == "diacritics"
    # Same words (one quote contains the other) but another record: each keeps its own
    # group until the editor merges the names, which joins them.
    assert short_quote.group != long_quote.group
    from archive.services.names import merge_agents

    merge_agents(candidate.first, [candidate.second])
    short_quote.refresh_from_db()
    long_quote.refresh_from_db()
    assert short_quote.group == long_quote.group
    assert long_quote.group.text.endswith("neither can prosperity.")


def test_editor_decisions_survive_re_extraction_with_the_real_engine():
    entry = make_entry("Chip rules", body=WIRE)
    refresh_statements(entry)
    found = quotes(entry)
    raimondo = found["These controls protect our national security,"]
    raimondo.review_status = Statement.Review.CONFIRMED
    raimondo.verification = Statement.Verification.VERIFIED
    raimondo.source_url = "https://example.gov/statement"
    raimondo.save()
    analysts = found["digital iron curtain"]
    analysts.review_status = Statement.Review.REJECTED
    analysts.save()
    count = entry.statements.count()

    report = refresh_statements(entry)
    assert report.kept == 2 and report.created == 0
    assert entry.statements.count() == count
    raimondo.refresh_from_db()
    analysts.refresh_from_db()
    assert (raimondo.review_status, raimondo.verification) == ("confirmed", "verified")
    assert analysts.review_status == "rejected"


def _trim(text):
    return text.strip().strip(" \t\n\"'“”‘’.,;:!?")


def test_importing_the_seed_folder_links_every_gold_statement_to_the_right_record():
    """Every case of the gold file that names a seed file: import, then compare with the gold."""
    cases = [json.loads(line) for line in GOLD.read_text().splitlines() if line.strip()]
    cases = [case for case in cases if case.get("file")]
    assert cases
    import_paths([Path(settings.BASE_DIR) / case["file"] for case in cases])
    for case in cases:
        entry = Entry.objects.get(source_name=Path(case["file"]).name)
        found = {_trim(s.quote): s for s in entry.statements.select_related("speaker")}
        author = entry.authorships.order_by("position").first()
        for gold in case["quotes"]:
            statement = found.get(_trim(gold["quote"]))
            assert statement is not None, f"{case['id']}: missing {gold['quote']!r}"
            if gold["speaker"] == "(author)":
                assert statement.speaker == (author.agent if author else None), gold["quote"]
            else:
                assert statement.speaker.name.casefold() == gold["speaker"].casefold(), gold["quote"]
                assert statement.speaker.kind == gold["speaker_kind"], gold["quote"]
        terms = {_trim(t) for t in entry.quoted_terms.values_list("text", flat=True)}
        for gold in case.get("non_statements", []):
            assert _trim(gold["text"]) not in found, f"{case['id']}: {gold['text']!r} taken for a statement"
            assert _trim(gold["text"]) in terms
        for gold in case.get("reported_without_quotation_marks", []):
            assert any(s.kind == "reported" and s.speaker and s.speaker.name == gold["speaker"]
                       for s in found.values()), gold


POLL = (
    "The Lowy Institute's annual poll, released on Wednesday, found that trust in China had fallen again.\n\n"
    "According to the poll's director, Natasha Kassam, \"Australians have never been more worried about "
    "the region.\" She added that the results were \"sobering for any government\".\n\n"
    "Officials in Canberra were more guarded. The department declined to comment further."
)


def test_after_an_editor_edits_the_body_statements_follow_and_re_extraction_adds_no_duplicates():
    entry = make_entry("Poll", body=POLL)
    refresh_statements(entry)
    found = quotes(entry)
    worried = found["Australians have never been more worried about the region."]
    assert worried.speaker.name == "Natasha Kassam"
    worried.review_status = Statement.Review.CONFIRMED
    worried.save()
    count = entry.statements.count()

    entry.body = "Editor's note: this article was updated on Thursday.\n\n" + POLL.replace(
        "released on Wednesday", "published on Wednesday")
    entry.save()
    for statement in entry.statements.all():
        assert entry.body[statement.start:statement.end] == statement.quote and not statement.needs_anchor

    refresh_statements(entry)
    assert entry.statements.count() == count
    worried.refresh_from_db()
    assert worried.review_status == "confirmed" and entry.body[worried.start:worried.end] == worried.quote
