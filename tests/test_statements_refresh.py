"""Statements in the archive: machine suggestions, editors' decisions surviving re-extraction,
re-anchoring after body edits, statement groups across entries, and near-match merge candidates."""
import pytest

from archive.models import Agent, Alias, MergeCandidate, QuotedTerm, Statement, StatementGroup
from archive.services.statements import add_statement, refresh_statements

from .factories import make_agent, make_entry
from .statement_fakes import fake_engine

pytestmark = pytest.mark.django_db

BODY = (
    "Harvard AI expert Louis Tompros remarked, “DeepSeek demonstrates that algorithmic innovation "
    "can bridge the hardware gap.”\n\n"
    "Scholar Joseph Nye noted, “AI equity is now a multipolar consensus.” Some researchers believe "
    "these innovators “benefit from a global knowledge commons.”\n\n"
    "When he posed, “What if China prioritises cooperation?” the answer was clear. "
    "The so-called “capital moat” is gone."
)
TOMPROS = "DeepSeek demonstrates that algorithmic innovation can bridge the hardware gap."
NYE = "AI equity is now a multipolar consensus."
GROUP = "benefit from a global knowledge commons."
AUTHOR_Q = "What if China prioritises cooperation?"

FINDINGS = [
    (TOMPROS, "Louis Tompros", "person", {"cue": "remarked", "mention": "Harvard AI expert Louis Tompros",
                                          "description": "Harvard AI expert"}),
    (NYE, "Joseph Nye", "person", {"cue": "noted", "mention": "Scholar Joseph Nye"}),
    (GROUP, "some researchers", "group", {"cue": "believe", "kind": "partial"}),
    (AUTHOR_Q, "(author)", "person", {"cue": "posed", "mention": "he"}),
]


@pytest.fixture
def entry():
    return make_entry("DeepSeek: a seed", authors=["Qi Dapeng"], body=BODY)


def by_quote(entry):
    return {s.quote: s for s in entry.statements.select_related("speaker")}


def test_refresh_stores_suggestions_linked_to_name_records(entry):
    engine = fake_engine(FINDINGS, terms=["capital moat"])
    report = refresh_statements(entry, extractor=engine)

    assert engine.calls == [(BODY, "Qi Dapeng")]
    assert report.created == 4
    found = by_quote(entry)
    assert set(found) == {TOMPROS, NYE, GROUP, AUTHOR_Q}
    for statement in found.values():
        assert statement.origin == Statement.Origin.MACHINE
        assert statement.review_status == Statement.Review.SUGGESTED
        assert BODY[statement.start:statement.end] == statement.quote
    tompros = found[TOMPROS]
    assert tompros.speaker.name == "Louis Tompros"
    assert (tompros.speaker.family_name, tompros.speaker.given_name) == ("Tompros", "Louis")
    assert tompros.cue == "remarked" and tompros.speaker_mention == "Harvard AI expert Louis Tompros"
    assert tompros.description == "Harvard AI expert"
    assert found[GROUP].speaker.kind == Agent.Kind.GROUP
    assert found[GROUP].kind == Statement.Kind.PARTIAL
    # The author's own question is linked to the author's record, not a new "(author)" record.
    assert found[AUTHOR_Q].speaker == entry.authorships.get().agent
    assert not Agent.objects.filter(name="(author)").exists()
    assert list(QuotedTerm.objects.filter(entry=entry).values_list("text", flat=True)) == ["capital moat"]


def test_speakers_link_to_existing_records_by_name_or_alias(entry):
    nye = make_agent("Joseph S. Nye")
    Alias.objects.create(agent=nye, name="Joseph Nye")
    tompros = make_agent("Louis Tompros")
    refresh_statements(entry, extractor=fake_engine(FINDINGS))
    found = by_quote(entry)
    assert found[NYE].speaker == nye
    assert found[TOMPROS].speaker == tompros
    assert Agent.objects.filter(name__icontains="Nye").count() == 1


def test_without_an_author_the_authors_words_have_no_speaker_record():
    entry = make_entry("Unsigned", body=BODY)
    engine = fake_engine(FINDINGS)
    refresh_statements(entry, extractor=engine)
    assert engine.calls[0][1] is None
    statement = by_quote(entry)[AUTHOR_Q]
    assert statement.speaker is None and statement.speaker_mention == "he"


def test_refreshing_again_changes_nothing_and_keeps_anchors(entry):
    engine = fake_engine(FINDINGS, terms=["capital moat"])
    refresh_statements(entry, extractor=engine)
    ids = {s.quote: s.pk for s in entry.statements.all()}
    history_rows = Statement.history.count()
    report = refresh_statements(entry, extractor=engine)
    assert (report.created, report.updated, report.removed, report.unchanged) == (0, 0, 0, 4)
    assert {s.quote: s.pk for s in entry.statements.all()} == ids
    assert Statement.history.count() == history_rows
    assert entry.quoted_terms.count() == 1


def test_editor_decisions_survive_re_extraction(entry):
    refresh_statements(entry, extractor=fake_engine(FINDINGS))
    found = by_quote(entry)
    confirmed, edited, rejected = found[TOMPROS], found[NYE], found[GROUP]
    confirmed.review_status = Statement.Review.CONFIRMED
    confirmed.save()
    edited.speaker = make_agent("Joseph Samuel Nye")
    edited.edited = True
    edited.save()
    rejected.review_status = Statement.Review.REJECTED
    rejected.save()
    added = add_statement(entry, "capital moat", speaker=make_agent("Some Analyst"))

    # The engine now says something else about every quote, including the editors' ones.
    changed_mind = fake_engine([(q, "Somebody Else", "person") for q, *_ in FINDINGS] + [("capital moat", "X", "person")])
    report = refresh_statements(entry, extractor=changed_mind)

    assert report.kept == 4
    after = by_quote(entry)
    assert entry.statements.count() == 5  # nothing duplicated, nothing dropped
    assert after[TOMPROS].speaker.name == "Louis Tompros"
    assert after[TOMPROS].review_status == Statement.Review.CONFIRMED
    assert after[NYE].speaker.name == "Joseph Samuel Nye"
    assert after[GROUP].review_status == Statement.Review.REJECTED
    assert after["capital moat"].pk == added.pk and after["capital moat"].speaker.name == "Some Analyst"
    # Only the remaining machine suggestion took the engine's new answer.
    assert after[AUTHOR_Q].speaker.name == "Somebody Else"
    for statement in (confirmed, edited, rejected, added):
        fresh = Statement.objects.get(pk=statement.pk)
        assert (fresh.start, fresh.end, fresh.quote) == (statement.start, statement.end, statement.quote)


def test_no_machine_suggestion_is_created_over_an_editors_statement(entry):
    refresh_statements(entry, extractor=fake_engine(FINDINGS))
    rejected = by_quote(entry)[NYE]
    rejected.review_status = Statement.Review.REJECTED
    rejected.save()
    # A slightly different span over the same words: still the editor's rejected statement.
    wider = "noted, “AI equity is now a multipolar consensus."
    refresh_statements(entry, extractor=fake_engine([(wider, "Joseph Nye", "person")]))
    assert list(entry.statements.values_list("quote", flat=True)) == [NYE]


def test_suggestions_the_engine_no_longer_finds_are_removed(entry):
    refresh_statements(entry, extractor=fake_engine(FINDINGS))
    report = refresh_statements(entry, extractor=fake_engine(FINDINGS[:2]))
    assert report.removed == 2
    assert set(by_quote(entry)) == {TOMPROS, NYE}
    # Their groups went with them.
    assert not StatementGroup.objects.filter(text__in=[GROUP, AUTHOR_Q]).exists()


def test_engine_offsets_that_do_not_hold_the_quote_are_corrected_or_skipped(entry):
    from archive.quotes.model import Result, Statement as Found

    def sloppy(text, author=None):
        return Result(statements=[
            Found(quote=NYE, start=0, end=len(NYE), speaker="Joseph Nye", speaker_kind="person"),
            Found(quote="words that are nowhere", start=5, end=27, speaker="Nobody", speaker_kind="person"),
        ])

    report = refresh_statements(entry, extractor=sloppy)
    assert report.created == 1 and report.skipped == 1
    statement = entry.statements.get()
    assert BODY[statement.start:statement.end] == NYE
    assert not Agent.objects.filter(name="Nobody").exists()


def test_a_new_near_match_speaker_is_proposed_for_merging_not_merged(entry):
    joseph = make_agent("Joseph Nye")
    findings = [(NYE, "J. Nye", "person")]
    refresh_statements(entry, extractor=fake_engine(findings))
    statement = entry.statements.get()
    assert statement.speaker.name == "J. Nye" and statement.speaker != joseph
    candidate = MergeCandidate.objects.get()
    assert (candidate.first, candidate.second, candidate.reason) == (joseph, statement.speaker, "initials")
    assert candidate.status == MergeCandidate.Status.OPEN
    # Refreshing again proposes nothing new.
    refresh_statements(entry, extractor=fake_engine(findings))
    assert MergeCandidate.objects.count() == 1


def test_bodies_and_groups_are_proposed_only_against_their_own_kind(entry):
    make_agent("International Data Corporation", kind=Agent.Kind.ORGANISATION)
    make_agent("Joseph Nye", kind=Agent.Kind.PERSON)
    refresh_statements(entry, extractor=fake_engine([
        (TOMPROS, "IDC", "organisation"), (NYE, "Joseph Nye", "group"), (GROUP, "some researchers", "group"),
    ]))
    assert [(c.first.name, c.second.name, c.reason) for c in MergeCandidate.objects.all()] == [
        ("International Data Corporation", "IDC", "acronym"),
    ]


LIANG = "AI should not be a sceptre of power but a public tool for human civilisation"


def test_the_same_statement_in_two_entries_is_one_group():
    first = make_entry("First", body=f"Founder Liang Wenfeng said, “{LIANG}.”")
    american = LIANG.replace("sceptre", "scepter").replace("civilisation", "civilization")
    second = make_entry("Second", body=f"As Liang Wenfeng put it: \"{american},\" and others agreed.")
    part = "a public tool for human civilisation"
    third = make_entry("Third", body=f"Liang called AI “{part}” in 2024.")
    other = make_entry("Fourth", body=f"A critic replied: “{part}” is naive.")
    refresh_statements(first, extractor=fake_engine([(LIANG + ".", "Liang Wenfeng", "person")]))
    refresh_statements(second, extractor=fake_engine([(american + ",", "Liang Wenfeng", "person")]))
    refresh_statements(third, extractor=fake_engine([(part, "Liang Wenfeng", "person")]))
    refresh_statements(other, extractor=fake_engine([(part, "A Critic", "person")]))

    group = first.statements.get().group
    assert group is not None
    assert second.statements.get().group == group
    assert third.statements.get().group == group  # contained, same speaker
    assert other.statements.get().group != group  # same words, another speaker's: not merged by containment
    assert group.speaker.name == "Liang Wenfeng"
    assert set(group.statements.values_list("entry__title", flat=True)) == {"First", "Second", "Third"}


def test_a_rejected_statement_leaves_its_group():
    first = make_entry("First", body=f"Liang said, “{LIANG}.”")
    second = make_entry("Second", body=f"Liang said, “{LIANG}.”")
    for entry in (first, second):
        refresh_statements(entry, extractor=fake_engine([(LIANG, "Liang Wenfeng", "person")]))
    from archive.services.statements import assign_group

    statement = second.statements.get()
    statement.review_status = Statement.Review.REJECTED
    statement.save()
    assert assign_group(statement) is None
    assert first.statements.get().group.statements.count() == 1


def test_editing_the_body_re_anchors_statements_by_their_words(entry):
    refresh_statements(entry, extractor=fake_engine(FINDINGS, terms=["capital moat"]))
    entry.body = "A new opening paragraph, added by an editor.\n\n" + BODY.replace(
        "Scholar Joseph Nye noted", "Joseph Nye, a scholar, noted")
    entry.save()
    for statement in entry.statements.all():
        assert entry.body[statement.start:statement.end] == statement.quote
        assert not statement.needs_anchor
    term = entry.quoted_terms.get()
    assert entry.body[term.start:term.end] == "capital moat"


def test_a_statement_whose_words_are_gone_is_flagged_not_dropped(entry):
    refresh_statements(entry, extractor=fake_engine(FINDINGS))
    confirmed = by_quote(entry)[NYE]
    confirmed.review_status = Statement.Review.CONFIRMED
    confirmed.save()
    entry.body = BODY.replace("multipolar consensus", "bipolar rivalry")
    entry.save()
    flagged = Statement.objects.get(pk=confirmed.pk)
    assert flagged.needs_anchor and flagged.quote == NYE
    assert flagged.end <= len(entry.body)
    assert entry.statements.count() == 4
    # The change is in the history.
    assert flagged.history.first().needs_anchor
    # Putting the words back finds it again.
    entry.body = BODY
    entry.save()
    restored = Statement.objects.get(pk=confirmed.pk)
    assert not restored.needs_anchor and BODY[restored.start:restored.end] == NYE


def test_re_anchoring_prefers_the_nearest_of_repeated_words():
    text = "He said, “We will win.” Then, later, she said, “We will win.”"
    entry = make_entry("Twice", body=text)
    refresh_statements(entry, extractor=fake_engine([("We will win.", "Someone", "person")]))
    second = entry.statements.order_by("start").last()
    entry.body = "Prologue. " + text
    entry.save()
    second.refresh_from_db()
    assert second.start == text.rindex("We will win.") + len("Prologue. ")
    assert entry.statements.count() == 2


def test_spacing_and_quote_style_changes_keep_the_anchor(entry):
    refresh_statements(entry, extractor=fake_engine(FINDINGS))
    entry.body = BODY.replace("algorithmic innovation can", "algorithmic\ninnovation  can")
    entry.save()
    statement = by_quote(entry)
    moved = [s for s in statement.values() if s.quote.startswith("DeepSeek demonstrates")][0]
    assert not moved.needs_anchor
    assert moved.quote == entry.body[moved.start:moved.end]
    assert "algorithmic\ninnovation  can" in moved.quote


def test_adding_a_missed_statement_computes_offsets_and_refuses_absent_words(entry):
    from archive.services.statements import WordsNotFound

    statement = add_statement(entry, "  “capital moat”  ")
    assert (statement.start, statement.end) == (BODY.index("capital moat"), BODY.index("capital moat") + 12)
    assert statement.origin == Statement.Origin.EDITOR and statement.is_protected
    with pytest.raises(WordsNotFound, match="do not occur"):
        add_statement(entry, "words the commentary never used")
    with pytest.raises(WordsNotFound, match="occur 1 time"):
        add_statement(entry, "capital moat", occurrence=2)


def test_name_records_the_machine_no_longer_needs_are_removed_but_editors_records_stay(entry):
    refresh_statements(entry, extractor=fake_engine([(NYE, "Jo Nye", "person"), (TOMPROS, "Lou Tompros", "person")]))
    kept = Agent.objects.get(name="Lou Tompros")
    kept.wikidata = "Q123"
    kept.save()
    refresh_statements(entry, extractor=fake_engine([(NYE, "Joseph Nye", "person"), (TOMPROS, "Louis Tompros", "person")]))
    assert not Agent.objects.filter(name="Jo Nye").exists()
    assert Agent.objects.filter(name="Lou Tompros").exists()  # an editor gave it an identifier
    assert {s.speaker.name for s in entry.statements.all()} == {"Joseph Nye", "Louis Tompros"}


def test_a_statement_saved_with_other_words_follows_them_or_is_flagged(entry):
    refresh_statements(entry, extractor=fake_engine(FINDINGS))
    statement = by_quote(entry)[NYE]
    statement.quote = "capital moat"  # an editor corrects the words inline
    statement.edited = True
    statement.save()
    statement.refresh_from_db()
    assert BODY[statement.start:statement.end] == "capital moat" and not statement.needs_anchor
    statement.quote = "words nowhere in the text"
    statement.save()
    statement.refresh_from_db()
    assert statement.needs_anchor and statement.quote == "words nowhere in the text"


def test_an_imported_author_near_an_existing_speaker_is_proposed_too():
    speaker = make_agent("Dapeng Qi")
    entry = make_entry("By the author", authors=["Qi Dapeng"])
    author = entry.authorships.get().agent
    candidate = MergeCandidate.objects.get()
    assert (candidate.first, candidate.second, candidate.reason) == (speaker, author, "name order")


def test_a_name_record_a_person_created_is_not_removed_with_the_suggestion_that_used_it(entry):
    from django.contrib.auth.models import User

    editor = User.objects.create_user("ed")
    nye = Agent(name="Joseph Nye")
    nye._history_user = editor  # created by a person (e.g. in the admin)
    nye.save()
    refresh_statements(entry, extractor=fake_engine([(NYE, "Joseph Nye", "person")]))
    assert entry.statements.get().speaker == nye
    refresh_statements(entry, extractor=fake_engine([]))
    assert entry.statements.count() == 0
    assert Agent.objects.filter(pk=nye.pk).exists()


def test_a_statement_saved_with_words_but_no_offsets_gets_them(entry):
    statement = Statement(entry=entry, quote="capital moat", origin=Statement.Origin.EDITOR)
    statement.save()
    assert (statement.start, statement.end) == (BODY.index("capital moat"), BODY.index("capital moat") + 12)
    missing = Statement(entry=entry, quote="not in the text", origin=Statement.Origin.EDITOR)
    missing.save()
    assert missing.needs_anchor and (missing.start, missing.end) == (0, 0)


def test_unnamed_speakers_get_one_record_per_entry_not_one_for_the_archive(entry):
    """"Some researchers" in two commentaries are not the same people; within one entry they are."""
    refresh_statements(entry, extractor=fake_engine(FINDINGS))
    other = make_entry("Another commentary", body="Some researchers believe the plan “will fail.” "
                       "A senior official said: “We disagree.” A senior official added, “Talks go on.”")
    refresh_statements(other, extractor=fake_engine([
        ("will fail.", "some researchers", "group"),
        ("We disagree.", "a senior official", "person"),
        ("Talks go on.", "a senior official", "person"),
    ]))
    here = by_quote(entry)[GROUP].speaker
    there = by_quote(other)
    assert there["will fail."].speaker != here
    assert there["will fail."].speaker.kind == Agent.Kind.GROUP
    assert there["We disagree."].speaker == there["Talks go on."].speaker
    # Re-extraction keeps using the entry's own records.
    refresh_statements(entry, extractor=fake_engine(FINDINGS))
    assert by_quote(entry)[GROUP].speaker == here
    assert Agent.objects.filter(name__iexact="some researchers").count() == 2
    # A named speaker is still one record across entries.
    refresh_statements(other, extractor=fake_engine([("will fail.", "Joseph Nye", "person")]))
    assert Agent.objects.filter(name="Joseph Nye").count() == 1
