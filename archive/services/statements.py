"""Quoted statements in the archive: extraction into suggestions, re-anchoring, groups.

The quote engine (``archive.quotes``) reads an entry's body; this module turns what it
finds into records an editor reviews:

- ``refresh_statements``: machine suggestions linked to name records, non-statements
  kept as quoted terms. An editor's decision (confirmed, edited, rejected or added:
  ``Statement.is_protected``) is never changed, duplicated or deleted; only machine
  suggestions are refreshed.
- ``reanchor_statements``: after an editor changes a body, each statement is found
  again by its words; one whose words are gone is flagged, never dropped.
- ``assign_group``: the same statement quoted in several entries is one group.
- ``propose_merges``: a new name record that nearly matches an existing one becomes a
  merge candidate for editors, never a silent merge.
- ``add_statement``: an editor records a statement the machine missed, by its words.
"""
import logging
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Count, Q

from archive.models import Agent, MergeCandidate, QuotedTerm, Statement, StatementGroup
from archive.naming import normalize_name
from archive.naming_match import (
    BODY_KINDS, FOLD_RESISTANT, PERSON_KINDS, blocking_token, fold_resistant_segment, near_match,
)
from archive.services.names import resolve_agent
from archive.statement_text import (
    find_words, normalize_statement, reanchor, same_statement, statement_key,
)

logger = logging.getLogger(__name__)

AUTHOR_SPEAKER = "(author)"
"""What the engine names the text's own author when it is given no author name."""

MERGE_SCAN_LIMIT = 500
"""At most this many existing records are compared with a new one for near matches."""

# Fields a refresh copies from the engine onto a machine suggestion.
_MACHINE_FIELDS = ("quote", "start", "end", "kind", "cue", "speaker_id", "speaker_mention",
                   "description", "confidence", "alternatives")

MAX_ALTERNATIVES = 3
"""The review desk offers at most this many next-best speakers (one key each: 1, 2, 3)."""


@dataclass
class RefreshReport:
    """What a refresh did, for the importer's log and the admin's message."""

    created: int = 0
    updated: int = 0
    unchanged: int = 0
    removed: int = 0
    kept: int = 0  # editors' statements left alone
    skipped: int = 0  # engine statements on an editor's span, or with offsets that do not fit
    terms: int = 0
    new_agents: list = field(default_factory=list)

    def __str__(self):
        return (f"{self.created} new, {self.updated} updated, {self.unchanged} unchanged, "
                f"{self.removed} removed suggestions; {self.kept} editor decisions kept")


def _default_extractor():
    from archive.quotes import extract  # imported late: the engine is large and optional here
    return extract


def first_author(entry):
    """The entry's first author's record, or None."""
    authorship = entry.authorships.select_related("agent").order_by("position", "pk").first()
    return authorship.agent if authorship else None


def _agent_kind(kind):
    return kind if kind in Agent.Kind.values else Agent.Kind.PERSON


def _span_for(body, start, end, quote):
    """The engine's (start, end) when they hold its quote, else the quote's nearest place."""
    quote = quote or ""
    if isinstance(start, int) and isinstance(end, int) and 0 <= start <= end <= len(body):
        if body[start:end] == quote:
            return start, end
    if not quote.strip():
        return None
    return reanchor(quote, start if isinstance(start, int) else 0, body)


def clean_alternatives(alternatives, speaker_name=None):
    """The engine's next-best speakers as stored: at most three well-formed candidates, best first.

    A candidate without a speaker's name, or naming the proposed speaker again, is
    dropped; text is cut to the model's field lengths and the score made a float.
    """
    cleaned, seen = [], {normalize_name(speaker_name or "")}
    for candidate in alternatives or ():
        if not isinstance(candidate, dict):
            continue
        name = " ".join(str(candidate.get("speaker") or "").split())[:300]
        key = normalize_name(name)
        if not name or key in seen:
            continue
        seen.add(key)
        try:
            score = float(candidate.get("score") or 0.0)
        except (TypeError, ValueError):
            score = 0.0
        kind = candidate.get("speaker_kind")
        cleaned.append({
            "speaker": name,
            "speaker_kind": kind if kind in Agent.Kind.values else None,
            "speaker_mention": " ".join(str(candidate.get("speaker_mention") or "").split())[:300],
            "score": round(score, 4),
        })
        if len(cleaned) == MAX_ALTERNATIVES:
            break
    return cleaned


def _overlaps(span, spans):
    return any(span[0] < end and start < span[1] for start, end in spans)


#: First words of a speaker the text does not name ("some researchers", "a senior official").
UNNAMED_DETERMINERS = frozenset(
    "a an some several many few most other others certain one two three four five six "
    "numerous various dozens hundreds".split()
)


def is_unnamed_speaker(name, kind):
    """Whether the engine's speaker is a description rather than a name.

    "Some researchers" in one commentary and "some researchers" in another are not the
    same people, so such speakers get a record of their own per entry instead of being
    looked up by name across the archive (one record per real person or body).
    """
    words = name.split()
    if not words:
        return False
    return (kind == Agent.Kind.GROUP or not words[0][:1].isupper()
            or words[0].lower() in UNNAMED_DETERMINERS)


class _SpeakerResolver:
    """Links engine speakers to name records, once per name per refresh."""

    def __init__(self, author, entry=None):
        self.author = author
        self.entry = entry
        self.cache = {}
        self.created = []

    def __call__(self, found):
        name = (found.speaker or "").strip()
        if not name:
            return None
        if name == AUTHOR_SPEAKER:
            return self.author
        if self.author is not None and normalize_name(name) == self.author.normalized_name:
            return self.author
        key = normalize_name(name)
        if key not in self.cache:
            kind = _agent_kind(getattr(found, "speaker_kind", None))
            if self.entry is not None and is_unnamed_speaker(name, kind):
                agent, created = self._entry_scoped(name, key, kind, found.description or "")
            else:
                agent, created = resolve_agent(name, kind=kind, description=found.description or "")
            if created:  # near matches were proposed as it was saved (statement_signals)
                self.created.append(agent)
            self.cache[key] = agent
        return self.cache[key]

    def _entry_scoped(self, name, key, kind, description):
        """The record this entry already uses for an unnamed speaker, else a new one."""
        agent = (Agent.objects.filter(normalized_name=key, statements__entry=self.entry)
                 .order_by("pk").first())
        if agent is not None:
            return agent, False
        agent = Agent(name=" ".join(name.split()), kind=kind, description=description[:500])
        agent.save()
        return agent, True


@transaction.atomic
def refresh_statements(entry, extractor=None):
    """Run the quote engine on ``entry.body`` and store what it finds as suggestions.

    Existing machine suggestions are updated in place when the engine finds them again
    (so their anchors stay stable), created when new, deleted when no longer found.
    Statements an editor decided on are left exactly as they are, and the engine's
    statements overlapping one of them are not stored again. Non-statements replace the
    entry's quoted terms, except those an editor promoted.
    """
    extractor = extractor or _default_extractor()
    body = entry.body or ""
    author = first_author(entry)
    result = extractor(body, author=author.name if author else None)
    report = RefreshReport()

    existing = list(entry.statements.all())
    _flag_editors_changes(existing)
    protected = [s for s in existing if s.is_protected]
    report.kept = len(protected)
    machine, duplicates = {}, []
    for statement in existing:
        if not statement.is_protected:
            if (statement.start, statement.end) in machine:
                duplicates.append(statement)  # two suggestions for one span: one goes
            else:
                machine[(statement.start, statement.end)] = statement
    protected_spans = [(s.start, s.end) for s in protected if not s.needs_anchor]
    protected_words = {normalize_statement(s.quote) for s in protected}

    resolve = _SpeakerResolver(author, entry)
    taken, touched, former_speakers = [], [], set()
    for found in result.statements:
        span = _span_for(body, found.start, found.end, found.quote)
        if span is None or span in taken:
            report.skipped += span is None
            continue
        if _overlaps(span, protected_spans) or normalize_statement(body[span[0]:span[1]]) in protected_words:
            report.skipped += 1
            continue
        taken.append(span)
        speaker = resolve(found)
        values = {
            "quote": body[span[0]:span[1]], "start": span[0], "end": span[1],
            "kind": found.kind if found.kind in Statement.Kind.values else Statement.Kind.DIRECT,
            "cue": (found.cue or "")[:100], "speaker_id": speaker.pk if speaker else None,
            "speaker_mention": (found.speaker_mention or "")[:300],
            "description": (found.description or "")[:500],
            "confidence": float(found.confidence or 0.0),
            "alternatives": clean_alternatives(getattr(found, "alternatives", None), speaker_name=found.speaker),
        }
        statement = machine.pop(span, None)
        if statement is not None:
            former_speakers.add(statement.speaker_id)
        if statement is None:
            statement = Statement(entry=entry, origin=Statement.Origin.MACHINE, **values)
            _machine_save(statement)
            report.created += 1
        elif any(getattr(statement, name) != value for name, value in values.items()) or statement.needs_anchor:
            for name, value in values.items():
                setattr(statement, name, value)
            statement.needs_anchor = False
            _machine_save(statement)
            report.updated += 1
        else:
            report.unchanged += 1
        touched.append(statement)

    leftovers = list(machine.values()) + duplicates
    stale_groups = {s.group_id for s in leftovers if s.group_id}
    for stale in leftovers:
        former_speakers.add(stale.speaker_id)
        stale._history_user = None  # the machine's doing, even when an editor started it
        stale.delete()
        report.removed += 1

    report.terms = _refresh_terms(entry, result.non_statements, taken + protected_spans)
    for statement in touched:
        stale_groups.add(statement.group_id)
        assign_group(statement)
    _delete_empty_groups(stale_groups)
    _drop_unused_speakers(former_speakers - {s.speaker_id for s in touched})
    report.new_agents = resolve.created
    return report


def _drop_unused_speakers(agent_ids):
    """Delete name records the machine created that nothing uses any more.

    A record survives when anything points to it (a statement, an authorship, a group, an
    alias) or when it carries a person's work (an identifier, a history row naming a
    user, or any history beyond its creation), so only the machine's own leftovers go.
    """
    ids = {pk for pk in agent_ids if pk}
    if not ids:
        return
    history = Agent.history.model.objects.filter(id__in=ids)
    touched_by_editors = set(history.values("id").annotate(rows=Count("history_id"))
                             .filter(rows__gt=1).values_list("id", flat=True))
    touched_by_editors |= set(history.filter(history_user__isnull=False).values_list("id", flat=True))
    unused = (Agent.objects.filter(pk__in=ids, statements__isnull=True, authorships__isnull=True,
                                   statement_groups__isnull=True, aliases__isnull=True,
                                   wikidata="", orcid="", viaf="")
              .exclude(pk__in=touched_by_editors).distinct())
    for agent in unused:
        agent.delete()


def _machine_save(statement):
    """Save a statement as the machine: its history row names no editor.

    (When an editor starts a re-extraction from the admin, the history middleware would
    otherwise credit the machine's changes to them.)
    """
    statement._history_user = None
    statement.save()


def _flag_editors_changes(statements):
    """Mark as edited any suggestion an editor changed without it being flagged.

    A statement whose history names a user was changed by a person (the machine saves
    without one), for instance through the entry page's inline statements; it must be
    protected like any other editor's work.
    """
    unflagged = {s.pk: s for s in statements if not s.is_protected}
    if not unflagged:
        return
    touched = set(Statement.history.filter(id__in=list(unflagged), history_user__isnull=False)
                  .values_list("id", flat=True).distinct())
    if touched:
        Statement.objects.filter(pk__in=touched).update(edited=True)
        for pk in touched:
            unflagged[pk].edited = True


def _refresh_terms(entry, non_statements, statement_spans):
    """Replace the entry's quoted terms, keeping those an editor promoted."""
    body = entry.body or ""
    kept = list(entry.quoted_terms.filter(promoted=True))
    entry.quoted_terms.filter(promoted=False).delete()
    taken = set(statement_spans) | {(t.start, t.end) for t in kept}
    spans = list(taken)
    terms = []
    for found in non_statements:
        span = _span_for(body, found.start, found.end, found.text)
        if span is None or span in taken or _overlaps(span, spans):
            continue
        taken.add(span)
        terms.append(QuotedTerm(entry=entry, text=body[span[0]:span[1]], start=span[0], end=span[1],
                                reason=(found.reason or "")[:200]))
    QuotedTerm.objects.bulk_create(terms)
    return len(terms)


def propose_merges(agent):
    """Create merge candidates between ``agent`` and existing records it nearly matches.

    Candidates are never merged here; an editor decides. Returns the candidates created.
    """
    if agent.kind in PERSON_KINDS:
        kinds = PERSON_KINDS
    elif agent.kind in BODY_KINDS:
        kinds = BODY_KINDS
    else:
        return []
    others = Agent.objects.filter(kind__in=kinds).exclude(pk=agent.pk)
    token = blocking_token(agent.name, agent.kind)
    if token:
        # The family name's longest word, as written or (for names stored with a letter
        # accent folding keeps, like "ł") by the part of it such a letter cannot touch.
        near = Q(normalized_name__contains=token)
        segment = fold_resistant_segment(token)
        if len(segment) >= 2 and segment != token:
            near |= Q(normalized_name__contains=segment, normalized_name__regex=f"[{FOLD_RESISTANT}]")
        others = others.filter(near)
    created = []
    for other in others.order_by("pk").only("pk", "name", "kind")[:MERGE_SCAN_LIMIT]:
        reason = near_match(other.name, other.kind, agent.name, agent.kind)
        if not reason:
            continue
        pair = Q(first=other, second=agent) | Q(first=agent, second=other)
        if MergeCandidate.objects.filter(pair).exists():
            continue
        created.append(MergeCandidate.objects.create(first=other, second=agent, reason=reason[:200]))
    return created


def assign_group(statement, recheck=False):
    """Link ``statement`` to the group of the same words quoted elsewhere, or a new group.

    Same words: equal once normalised (any speaker), or one contained in the other for
    the same speaker (or a group without one). A rejected statement belongs to no group.
    A statement already in the group of its words and speaker stays there without a
    search, unless ``recheck`` (after name records were merged). Returns the group (or None).
    """
    old_group_id = statement.group_id
    if statement.review_status == Statement.Review.REJECTED or not normalize_statement(statement.quote):
        group = None
    else:
        key = statement_key(statement.quote)
        old = StatementGroup.objects.filter(pk=old_group_id).first() if old_group_id else None
        if (not recheck and old is not None and old.key == key
                and old.speaker_id in (statement.speaker_id, None) and statement.speaker_id is not None):
            _grow_group(old, statement, key)
            return old
        group = StatementGroup.objects.filter(key=key).first()
        if group is None and old is not None and same_statement(old.text, statement.quote):
            group = old  # still the same words as its group's (which may show a longer wording)
        if statement.speaker_id and (group is None or group.pk == old_group_id):
            # Look for the same words, contained or containing, among the speaker's other
            # groups (after a name merge, two groups may now be one).
            candidates = StatementGroup.objects.filter(
                Q(speaker_id=statement.speaker_id) | Q(statements__speaker_id=statement.speaker_id)
            ).exclude(pk=old_group_id or 0).distinct().order_by("pk")
            other = next((g for g in candidates if same_statement(g.text, statement.quote)), None)
            if other is not None:
                if group is not None:  # its own group joins the other one
                    Statement.objects.filter(group=group).update(group=other)
                    group.delete()
                    old_group_id = None
                group = other
        if group is None and old_group_id and old is not None:
            # Its own group, if nobody else shares it, simply takes its new words.
            if not old.statements.exclude(pk=statement.pk).exists():
                group = old
                group.key, group.text, group.speaker_id = key, statement.quote, statement.speaker_id
                group.save()
        if group is None:
            group = StatementGroup.objects.create(key=key, text=statement.quote, speaker_id=statement.speaker_id)
        else:
            _grow_group(group, statement, key)
    if group is None or group.pk != old_group_id:
        statement.group = group
        # A derived link, not an editor's change: no history row for it.
        Statement.objects.filter(pk=statement.pk).update(group=group)
        if old_group_id:
            _delete_empty_groups({old_group_id})
    return group


def regroup_speaker(agent):
    """Re-link every statement of ``agent`` to its group: after merging name records,
    quotes that were two speakers' may now be one statement. Returns the statements seen."""
    statements = list(Statement.objects.filter(speaker=agent).order_by("pk"))
    for statement in statements:
        statement.refresh_from_db(fields=["group"])
        assign_group(statement, recheck=True)
    return len(statements)


def _grow_group(group, statement, key):
    """Let a group show the longest wording of its statement and name a speaker its statements name."""
    changed = False
    if len(normalize_statement(statement.quote)) > len(normalize_statement(group.text)):
        if not StatementGroup.objects.filter(key=key).exclude(pk=group.pk).exists():
            group.key, group.text = key, statement.quote
            changed = True
    if statement.speaker_id and group.speaker_id != statement.speaker_id and (
        group.speaker_id is None
        or not group.statements.exclude(pk=statement.pk).filter(speaker_id=group.speaker_id).exists()
    ):
        # The group's speaker is one its statements name (after a correction, the new one).
        group.speaker_id = statement.speaker_id
        changed = True
    if changed:
        group.save()


def _delete_empty_groups(group_ids):
    ids = {pk for pk in group_ids if pk}
    if ids:
        StatementGroup.objects.filter(pk__in=ids, statements__isnull=True).delete()


def reanchor_statements(entry, old_body=None):
    """Find every statement of ``entry`` again in its (changed) body, by its words.

    Each statement moves to the occurrence of its words nearest its old place; its
    quote takes the body's exact characters (spacing or quote style may have changed).
    A statement whose words no longer occur keeps its words and is flagged
    ``needs_anchor`` for an editor; it is never deleted. Quoted terms that can no
    longer be found are dropped (they are the machine's, and re-extraction rebuilds them).
    Returns (moved, flagged).
    """
    body = entry.body or ""
    moved = flagged = 0
    for statement in entry.statements.all():
        span = reanchor(statement.quote, statement.start, body, old_body)
        if span is None:
            if statement.needs_anchor and statement.end <= len(body):
                continue
            statement.needs_anchor = True
            statement.start = min(statement.start, len(body))
            statement.end = min(max(statement.end, statement.start), len(body))
            _machine_save(statement)
            flagged += 1
            continue
        words = body[span[0]:span[1]]
        if (statement.start, statement.end, statement.quote, statement.needs_anchor) != (*span, words, False):
            statement.start, statement.end, statement.quote = span[0], span[1], words
            statement.needs_anchor = False
            _machine_save(statement)
            assign_group(statement)
            moved += 1
    for term in entry.quoted_terms.all():
        span = reanchor(term.text, term.start, body, old_body)
        if span is None:
            if not term.promoted:
                term.delete()
        elif span != (term.start, term.end):
            term.start, term.end, term.text = span[0], span[1], body[span[0]:span[1]]
            term.save(update_fields=["start", "end", "text"])
    return moved, flagged


class WordsNotFound(ValueError):
    """The words an editor gave do not occur in the entry's body."""


def locate_words(entry, words, occurrence=1):
    """The (start, end) of the ``occurrence``-th place ``words`` occur in the entry's body.

    Surrounding spaces and quotation marks the editor may have copied are ignored.
    Raises WordsNotFound with a message an editor can act on.
    """
    words = (words or "").strip().strip("\"'\u201c\u201d\u2018\u2019\u00ab\u00bb").strip()
    if not words:
        raise WordsNotFound("Give the quoted words.")
    spans = find_words(entry.body or "", words)
    if not spans:
        raise WordsNotFound("These words do not occur in the entry's text. Copy them exactly as they "
                            "stand in the body (quotation marks are not needed).")
    if occurrence < 1 or occurrence > len(spans):
        raise WordsNotFound(f"These words occur {len(spans)} time(s) in the entry's text; "
                            f"choose an occurrence between 1 and {len(spans)}.")
    return spans[occurrence - 1]


def add_statement(entry, words, occurrence=1, **fields):
    """Record a statement the machine missed: an editor's, confirmed, at its words' place."""
    start, end = locate_words(entry, words, occurrence)
    statement = Statement(entry=entry, quote=entry.body[start:end], start=start, end=end,
                          origin=Statement.Origin.EDITOR,
                          review_status=fields.pop("review_status", Statement.Review.CONFIRMED),
                          confidence=1.0, **fields)
    statement.save()
    assign_group(statement)
    replace_overlapping_suggestions(statement)
    return statement


def replace_overlapping_suggestions(statement):
    """Remove machine suggestions overlapping an editor's new statement; returns how many.

    The editor's statement supersedes them, as the next re-extraction would decide anyway.
    """
    overlapping = [s for s in statement.entry.statements.exclude(pk=statement.pk)
                   .filter(start__lt=statement.end, end__gt=statement.start) if not s.is_protected]
    groups = {s.group_id for s in overlapping}
    for suggestion in overlapping:
        suggestion._history_user = None
        suggestion.delete()
    _delete_empty_groups(groups)
    return len(overlapping)


def promote_term(term):
    """Make a quoted term the machine set aside into an editor's statement (speaker to be set).

    Returns the statement, or None when its words are already a (not rejected) statement.
    """
    body = term.entry.body or ""
    span = (term.start, term.end)
    if body[term.start:term.end] != term.text:
        span = reanchor(term.text, term.start, body)
        if span is None:
            raise WordsNotFound(f"“{term.text}” no longer occurs in the entry's text.")
    if term.entry.statements.filter(start=span[0], end=span[1]).exclude(
            review_status=Statement.Review.REJECTED).exists():
        return None
    statement = Statement(entry=term.entry, quote=body[span[0]:span[1]], start=span[0], end=span[1],
                          kind=Statement.Kind.PARTIAL, origin=Statement.Origin.EDITOR,
                          review_status=Statement.Review.SUGGESTED, confidence=1.0)
    statement.save()
    assign_group(statement)
    term.promoted = True
    term.save(update_fields=["promoted"])
    return statement
