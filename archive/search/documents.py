"""The text each search index holds for an entry or a statement.

One place decides what is searchable, so both backends index the same words.
"""
from collections import defaultdict
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from taggit.models import TaggedItem

from archive.models import Alias, Authorship, Entry, EntryStatus, Statement

from .snippets import strip_markers


@dataclass
class EntryDocument:
    id: int
    title: str
    synopsis: str
    names: str  # authors (with their aliases), outlet and series
    tags: str
    body: str


@dataclass
class StatementDocument:
    id: int
    entry_id: int
    quote: str
    speaker: str  # the speaker's name and aliases, and how the text names them


def _clean(text):
    return strip_markers(text or "").replace("\x00", " ")


def _aliases(agent_ids):
    names = defaultdict(list)
    for agent_id, name in Alias.objects.filter(agent_id__in=agent_ids).values_list("agent_id", "name"):
        names[agent_id].append(name)
    return names


def entry_documents(ids):
    """Documents for the published entries among ``ids`` (others are left out).

    Four flat queries per call whatever the number of ids (no model instances), so a
    rebuild of 100,000 entries is bound by the engine's tokenizer, not by Python.
    """
    ids = list(ids)
    rows = (
        Entry.objects.filter(pk__in=ids, status=EntryStatus.PUBLISHED).order_by()
        .values_list("pk", "title", "synopsis", "body", "outlet__name", "outlet__short_name", "series__name")
    )
    authors = defaultdict(list)
    for entry_id, agent_id, name in (
        Authorship.objects.filter(entry_id__in=ids).order_by("entry_id", "position")
        .values_list("entry_id", "agent_id", "agent__name")
    ):
        authors[entry_id].append((agent_id, name))
    aliases = _aliases({agent_id for names in authors.values() for agent_id, _ in names})
    tags = defaultdict(list)
    for object_id, name in TaggedItem.objects.filter(
        content_type=ContentType.objects.get_for_model(Entry), object_id__in=ids
    ).values_list("object_id", "tag__name"):
        tags[object_id].append(name)
    for pk, title, synopsis, body, outlet, outlet_short, series in rows:
        names = []
        for agent_id, name in authors.get(pk, ()):
            names.append(name)
            names.extend(aliases.get(agent_id, ()))
        names.extend([outlet, outlet_short, series])
        yield EntryDocument(
            id=pk,
            title=_clean(title),
            synopsis=_clean(synopsis),
            names=_clean(" ; ".join(n for n in names if n)),
            tags=_clean(" ; ".join(tags.get(pk, ()))),
            body=_clean(body),
        )


def searchable_statements():
    """Statements the public may find: not rejected, in a published entry."""
    return Statement.objects.filter(entry__status=EntryStatus.PUBLISHED).exclude(
        review_status=Statement.Review.REJECTED
    )


def statement_documents(ids):
    """Documents for the searchable statements among ``ids`` (two flat queries)."""
    # Looked up by primary key, publication checked here: lets SQLite's planner start
    # from the ids instead of scanning every published entry.
    rows = [
        row[:-1] for row in
        Statement.objects.filter(pk__in=list(ids)).exclude(review_status=Statement.Review.REJECTED).order_by()
        .values_list("pk", "entry_id", "quote", "speaker_id", "speaker__name", "speaker_mention", "entry__status")
        if row[-1] == EntryStatus.PUBLISHED
    ]
    aliases = _aliases({row[3] for row in rows if row[3]})
    for pk, entry_id, quote, speaker_id, speaker_name, mention in rows:
        names = [speaker_name, *aliases.get(speaker_id, ()), mention]
        yield StatementDocument(
            id=pk,
            entry_id=entry_id,
            quote=_clean(quote),
            speaker=_clean(" ; ".join(n for n in names if n)),
        )
