"""The text each search index holds for an entry or a statement.

One place decides what is searchable, so both backends index the same words.
"""
from dataclasses import dataclass

from django.db.models import Prefetch

from archive.models import Authorship, Entry, EntryStatus, Statement

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


def entry_documents(ids):
    """Documents for the published entries among ``ids`` (others are left out)."""
    entries = (
        Entry.objects.filter(pk__in=list(ids), status=EntryStatus.PUBLISHED)
        .select_related("outlet", "series")
        .prefetch_related(
            Prefetch("authorships", queryset=Authorship.objects.select_related("agent").prefetch_related("agent__aliases")),
            "tags",
        )
        .order_by()
    )
    for entry in entries:
        names = []
        for authorship in entry.authorships.all():
            names.append(authorship.agent.name)
            names.extend(alias.name for alias in authorship.agent.aliases.all())
        if entry.outlet_id:
            names.extend([entry.outlet.name, entry.outlet.short_name])
        if entry.series_id:
            names.append(entry.series.name)
        yield EntryDocument(
            id=entry.pk,
            title=_clean(entry.title),
            synopsis=_clean(entry.synopsis),
            names=_clean(" ; ".join(n for n in names if n)),
            tags=_clean(" ; ".join(tag.name for tag in entry.tags.all())),
            body=_clean(entry.body),
        )


def searchable_statements():
    """Statements the public may find: not rejected, in a published entry."""
    return Statement.objects.filter(entry__status=EntryStatus.PUBLISHED).exclude(
        review_status=Statement.Review.REJECTED
    )


def statement_documents(ids):
    """Documents for the searchable statements among ``ids``."""
    statements = (
        searchable_statements().filter(pk__in=list(ids))
        .select_related("speaker").prefetch_related("speaker__aliases").order_by()
    )
    for statement in statements:
        names = []
        if statement.speaker_id:
            names.append(statement.speaker.name)
            names.extend(alias.name for alias in statement.speaker.aliases.all())
        if statement.speaker_mention:
            names.append(statement.speaker_mention)
        yield StatementDocument(
            id=statement.pk,
            entry_id=statement.entry_id,
            quote=_clean(statement.quote),
            speaker=_clean(" ; ".join(names)),
        )
