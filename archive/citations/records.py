"""Django glue: read entries and statements into the plain records the formats use.

Everything about the database stays here: which related rows to fetch in one go,
which entries are public, how absolute URLs are built when no request is at hand
(``settings.ARCHIVE_BASE_URL``).
"""
from django.conf import settings
from django.db.models import Prefetch
from django.urls import get_urlconf, reverse

from archive.models import Agent, Authorship, DatePrecision, Entry, Statement

from .items import EntryRecord, Name, StatementRecord
from .titles import proper_nouns

_PARTS = {DatePrecision.DAY: 3, DatePrecision.MONTH: 2, DatePrecision.YEAR: 1}


def absolute(path, request=None):
    if request is not None:
        return request.build_absolute_uri(path)
    return settings.ARCHIVE_BASE_URL + path


def agent_name(agent):
    """A person by family/given names; any other kind (organisation, report, group) as one literal name."""
    if agent.kind == Agent.Kind.PERSON and (agent.family_name or agent.given_name):
        family_first = bool(agent.family_name and agent.given_name and agent.name.startswith(agent.family_name + " "))
        return Name(family=agent.family_name or agent.given_name, given=agent.given_name if agent.family_name else "",
                    family_first=family_first)
    return Name(literal=agent.name)


def entry_date(entry):
    if not entry.published_on:
        return ()
    parts = (entry.published_on.year, entry.published_on.month, entry.published_on.day)
    return parts[: _PARTS.get(entry.date_precision, 0)]


def _authors(entry):
    return [a.agent for a in entry.authorships.all() if a.role == Authorship.Role.AUTHOR]


def _entry_path(entry):
    """``entry.get_absolute_url()`` without a URL reversal per entry in bulk exports."""
    template = _ENTRY_PATH.get(get_urlconf())
    if template is None:
        template = _ENTRY_PATH[get_urlconf()] = reverse("archive:entry", args=["slug-placeholder"])
    return template.replace("slug-placeholder", entry.slug)


_ENTRY_PATH = {}


def entry_record(entry, request=None, with_text=True, tags=None, title_case=True):
    """The plain record of one entry. Expects ``export_queryset``'s prefetching when used in bulk.

    ``with_text=False`` is for list pages (COinS): no body scan for proper nouns, and
    nothing that the list did not already load (tags, an unloaded series). ``tags``:
    the tag names when the caller loaded them (bulk exports do, per batch).
    ``title_case=False`` skips finding the title's names in the text, for formats that
    carry titles as published (RIS, CSL-JSON): the costliest step of a bulk export.
    """
    archive_url = absolute(_entry_path(entry), request)
    outlet = entry.outlet
    return EntryRecord(
        id=entry.pk,
        title=entry.title,
        genre=entry.genre,
        authors=[agent_name(a) for a in _authors(entry)],
        outlet=outlet.name if outlet else "",
        place=outlet.place if outlet else "",
        series=_series_name(entry, with_text),
        number=entry.number,
        date=entry_date(entry),
        url=entry.url or archive_url,
        archive_url=archive_url,
        abstract=entry.synopsis,
        language=entry.language,
        keywords=(sorted(tags) if tags is not None else sorted(t.name for t in entry.tags.all())) if with_text else [],
        proper_nouns=(
            proper_nouns(entry.title, f"{entry.synopsis}\n{entry.body}") if with_text and title_case
            else (frozenset() if not with_text else None)
        ),
        updated=entry.updated_at.isoformat() if entry.updated_at else "",
    )


def _series_name(entry, fetch=True):
    """The series name; on list pages only when already loaded, so COinS add no queries."""
    if not entry.series_id or not (fetch or Entry.series.is_cached(entry)):
        return ""
    return entry.series.name


def export_queryset(queryset=None):
    """Published entries with everything a citation needs, in a fixed order, for streaming."""
    queryset = Entry.objects.all() if queryset is None else queryset
    return (
        queryset.filter(status="published").prefetch_related(None)
        .select_related("outlet", "series")
        .prefetch_related(
            Prefetch("authorships", queryset=Authorship.objects.select_related("agent").order_by("position", "pk")),
            "tags",
        )
        .order_by("pk")
    )


# Entry fields no citation reads: not loaded (or JSON-decoded) for bulk exports.
_NOT_CITED = ("body_blocks", "author_note", "needs_review", "edited_fields", "source_name", "checksum",
              "imported_at", "importer_version", "created_at")


def tag_names(entry_ids):
    """{entry id: [tag names]} in one query (taggit's own prefetch builds a queryset per entry)."""
    from django.contrib.contenttypes.models import ContentType
    from taggit.models import TaggedItem

    names = {}
    rows = TaggedItem.objects.filter(
        content_type=ContentType.objects.get_for_model(Entry), object_id__in=entry_ids
    ).values_list("object_id", "tag__name")
    for entry_id, name in rows:
        names.setdefault(entry_id, []).append(name)
    return names


def iter_entry_records(queryset=None, request=None, chunk_size=500, first_chunk=50, title_case=True):
    """Records of published entries, read in batches by id so memory stays flat however
    many there are. The first batch is small, so a streamed download starts at once."""
    base = export_queryset(queryset).prefetch_related(None).prefetch_related(
        Prefetch("authorships", queryset=Authorship.objects.select_related("agent").order_by("position", "pk")),
    ).defer(*(_NOT_CITED if title_case else _NOT_CITED + ("body",)))
    last, size = 0, first_chunk
    while True:
        batch = list(base.filter(pk__gt=last)[:size])
        if not batch:
            return
        tags = tag_names([e.pk for e in batch])
        for entry in batch:
            yield entry_record(entry, request, tags=tags.get(entry.pk, []), title_case=title_case)
            # Prefetched authorships point back at their entry: a reference cycle that only
            # the garbage collector's rare full passes would free. Break it now.
            entry._prefetched_objects_cache = {}
        last, size = batch[-1].pk, chunk_size


def statement_record(statement, request=None, entry_rec=None):
    speaker = agent_name(statement.speaker) if statement.speaker_id else None
    return StatementRecord(
        id=statement.pk,
        entry=entry_rec or entry_record(statement.entry, request),
        quote=statement.quote,
        speaker=speaker,
        anchor=statement.anchor,
    )


def public_statements(queryset=None):
    """Statements of published entries that an editor has not rejected."""
    queryset = Statement.objects.all() if queryset is None else queryset
    return (
        queryset.filter(entry__status="published")
        .exclude(review_status=Statement.Review.REJECTED)
        .select_related("speaker", "entry__outlet", "entry__series")
        .prefetch_related(
            Prefetch("entry__authorships", queryset=Authorship.objects.select_related("agent").order_by("position", "pk")),
            "entry__tags",
        )
        .order_by("entry_id", "start", "pk")
    )


def agent_dict(agent):
    if agent is None:
        return None
    return {
        "id": agent.pk, "name": agent.name, "kind": agent.kind, "family": agent.family_name,
        "given": agent.given_name, "description": agent.description, "wikidata": agent.wikidata,
        "orcid": agent.orcid, "viaf": agent.viaf,
    }


def dump_dict(entry, request=None):
    """One line of the researchers' JSON Lines dump: citation, text, statements and speakers."""
    from .csl import public_item, to_csl

    record = entry_record(entry, request)
    statements = [
        s for s in entry.statements.all() if s.review_status != Statement.Review.REJECTED
    ]
    return {
        "id": entry.pk,
        "slug": entry.slug,
        "archive_url": record.archive_url,
        "csl": public_item(to_csl(record)),
        "body": entry.body,
        "body_blocks": entry.body_blocks,
        "author_note": entry.author_note,
        "statements": [
            {
                "id": s.pk, "quote": s.quote, "start": s.start, "end": s.end, "cue": s.cue,
                "speaker_mention": s.speaker_mention, "kind": s.kind, "review_status": s.review_status,
                "verification": s.verification, "source_url": s.source_url,
                "url": f"{record.archive_url}#{s.anchor}", "speaker": agent_dict(s.speaker),
            }
            for s in statements
        ],
    }


def iter_dump(queryset=None, request=None, chunk_size=200):
    qs = export_queryset(queryset).prefetch_related(
        Prefetch("statements", queryset=Statement.objects.select_related("speaker").order_by("start", "pk"))
    )
    for entry in qs.iterator(chunk_size=chunk_size):
        yield dump_dict(entry, request)
        entry._prefetched_objects_cache = {}  # break the entry <-> prefetched rows cycle
