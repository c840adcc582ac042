"""The text each search index holds for an entry or a statement.

One place decides what is searchable, so both backends index the same words.
"""
from collections import defaultdict
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from taggit.models import TaggedItem

from archive.models import Alias, Authorship, Entry, EntryStatus, Statement

from .keys import entry_keys
from .snippets import strip_markers


@dataclass
class EntryDocument:
    id: int
    title: str
    synopsis: str
    names: str  # authors (with their aliases), outlet and series
    tags: str
    body: str
    keys: str = ""  # filter tokens (archive/search/keys.py)


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
        .values_list("pk", "title", "synopsis", "body", "outlet__name", "outlet__short_name", "series__name",
                     "outlet__slug", "published_on")
    )
    authors = defaultdict(list)
    for entry_id, agent_id, name, slug in (
        Authorship.objects.filter(entry_id__in=ids).order_by("entry_id", "position")
        .values_list("entry_id", "agent_id", "agent__name", "agent__slug")
    ):
        authors[entry_id].append((agent_id, name, slug))
    aliases = _aliases({agent_id for names in authors.values() for agent_id, _, _ in names})
    tags = defaultdict(list)
    for object_id, name, slug in TaggedItem.objects.filter(
        content_type=ContentType.objects.get_for_model(Entry), object_id__in=ids
    ).order_by("object_id", "pk").values_list("object_id", "tag__name", "tag__slug"):
        # In the order they were added, whatever plan the engine picks (an unordered
        # query gave two rebuilds of the same archive different word positions).
        tags[object_id].append((name, slug))
    speakers = defaultdict(set)
    for entry_id, slug in (
        Statement.objects.filter(entry_id__in=ids).exclude(review_status=Statement.Review.REJECTED)
        .order_by().values_list("entry_id", "speaker__slug")
    ):
        speakers[entry_id].add(slug)
    for pk, title, synopsis, body, outlet, outlet_short, series, outlet_slug, published_on in rows:
        names = []
        for agent_id, name, _ in authors.get(pk, ()):
            names.append(name)
            names.extend(aliases.get(agent_id, ()))
        names.extend([outlet, outlet_short, series])
        keys = entry_keys(
            outlet=outlet_slug,
            authors=[slug for _, _, slug in authors.get(pk, ())],
            speakers=sorted(slug for slug in speakers.get(pk, ()) if slug),
            tags=[slug for _, slug in tags.get(pk, ())],
            year=published_on.year if published_on else None,
            has_statements=pk in speakers,
        )
        yield EntryDocument(
            id=pk,
            title=_clean(title),
            synopsis=_clean(synopsis),
            names=_clean(" ; ".join(n for n in names if n)),
            tags=_clean(" ; ".join(name for name, _ in tags.get(pk, ()))),
            body=_clean(body),
            keys=keys,
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
