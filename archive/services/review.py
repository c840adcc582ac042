"""Editors' decisions on the machine's statements, one at a time (the review desk's workflow).

A decision confirms or rejects a statement, and may first give it another speaker (one
of the machine's alternatives, any name record, or a new one) or another kind. Each is
one save, so it is one row of the statement's history naming the editor, and it makes
the statement an editor's (``Statement.is_protected``), which re-extraction never changes.
"""
from dataclasses import dataclass

from django.db import transaction

from archive.models import Agent, Authorship, Statement
from archive.naming import normalize_name
from archive.services.names import resolve_agent
from archive.services.statements import AUTHOR_SPEAKER, _drop_unused_speakers, assign_group


class DecisionError(ValueError):
    """A decision that cannot be carried out as asked (the message says why, for the editor)."""


@dataclass
class Candidate:
    """One of the machine's next-best speakers, with the name record it names, if any."""

    number: int  # 1, 2, 3: the keyboard shortcut and the form's value
    speaker: str
    speaker_kind: str | None
    speaker_mention: str
    score: float
    agent: Agent | None

    @property
    def label(self):
        return self.agent.name if self.agent else self.speaker


def candidates_for(statements):
    """Attach ``candidates`` (a list of Candidate) to each statement; two queries in all.

    A candidate names a record when a record's normalised name equals it (the oldest, as
    the importer would link it), or when it is the engine's "(author)", the entry's
    first author. A candidate naming the statement's current speaker is left out.
    """
    keys = {normalize_name(alt.get("speaker") or "") for s in statements for alt in s.alternatives or ()}
    keys.discard("")
    by_key = {}
    for agent in Agent.objects.filter(normalized_name__in=keys).order_by("-pk"):
        by_key[agent.normalized_name] = agent  # the oldest wins: it comes last
    wants_author = {s.entry_id for s in statements
                    if any((alt.get("speaker") or "") == AUTHOR_SPEAKER for alt in s.alternatives or ())}
    authors = {}
    if wants_author:
        for authorship in (Authorship.objects.filter(entry_id__in=wants_author).select_related("agent")
                           .order_by("-position", "-pk")):
            authors[authorship.entry_id] = authorship.agent
    for statement in statements:
        statement.candidates = []
        for alt in statement.alternatives or ():
            name = alt.get("speaker") or ""
            agent = authors.get(statement.entry_id) if name == AUTHOR_SPEAKER else by_key.get(normalize_name(name))
            if agent is not None and agent.pk == statement.speaker_id:
                continue
            statement.candidates.append(Candidate(
                number=len(statement.candidates) + 1, speaker=name, speaker_kind=alt.get("speaker_kind"),
                speaker_mention=alt.get("speaker_mention") or "", score=float(alt.get("score") or 0.0),
                agent=agent,
            ))
    return statements


def candidate_agent(statement, number):
    """The name record for the statement's candidate ``number``, created if none exists yet."""
    candidates_for([statement])
    candidate = next((c for c in statement.candidates if c.number == number), None)
    if candidate is None:
        raise DecisionError(f"This statement has no alternative {number}.")
    if candidate.agent is not None:
        return candidate.agent
    if candidate.speaker == AUTHOR_SPEAKER:
        raise DecisionError("The entry has no author to attribute this statement to.")
    kind = candidate.speaker_kind if candidate.speaker_kind in Agent.Kind.values else Agent.Kind.PERSON
    agent, _ = resolve_agent(candidate.speaker, kind=kind)
    return agent


def new_agent(name, kind):
    """A name record an editor creates at the desk (the existing one when the name is known)."""
    name = " ".join((name or "").split())
    if not name:
        raise DecisionError("Give the new name record's name.")
    if kind not in Agent.Kind.values:
        raise DecisionError("Choose what kind of name record it is.")
    agent, _ = resolve_agent(name[:300], kind=kind)
    return agent


CONFIRM, REJECT = "confirm", "reject"


@transaction.atomic
def decide(statement, verdict, *, speaker=Ellipsis, kind=None, user=None, reason=""):
    """Confirm or reject ``statement``, with a new ``speaker`` (a name record, or None for
    "no speaker") and ``kind`` when given. One save: one history row, by ``user`` when it
    is given (inside a request the history middleware names the signed-in editor).
    """
    if verdict not in (CONFIRM, REJECT):
        raise DecisionError(f"Unknown decision {verdict!r}.")
    if kind is not None and kind not in Statement.Kind.values:
        raise DecisionError(f"Unknown kind {kind!r}.")
    old_speaker, was_rejected = statement.speaker_id, statement.review_status == Statement.Review.REJECTED
    changed = False
    if speaker is not Ellipsis and (speaker.pk if speaker else None) != statement.speaker_id:
        statement.speaker = speaker
        changed = True
    if kind is not None and kind != statement.kind:
        statement.kind = kind
        changed = True
    statement.review_status = Statement.Review.CONFIRMED if verdict == CONFIRM else Statement.Review.REJECTED
    statement.edited = statement.edited or changed
    if user is not None:
        statement._history_user = user
    statement._change_reason = reason or _reason(verdict, changed)
    # Confirmed or suggested, a statement is found by the same words and speaker: only a
    # new speaker or a change to or from "rejected" changes what search holds.
    statement._search_unchanged = (statement.speaker_id == old_speaker
                                   and was_rejected == (verdict == REJECT))
    statement.save()
    assign_group(statement)
    if statement.speaker_id != old_speaker:
        _drop_unused_speakers({old_speaker})  # a record only the machine made for this quote
    return statement


def _reason(verdict, changed):
    if verdict == REJECT:
        return "Review desk: rejected"
    return "Review desk: corrected and confirmed" if changed else "Review desk: confirmed"
