"""Django glue: read entries and statements into the plain records the formats use.

Everything about the database stays here: which related rows to fetch in one go,
which entries are public, how absolute URLs are built when no request is at hand
(``settings.ARCHIVE_BASE_URL``).
"""
from django.conf import settings
from django.db.models import Prefetch, Q
from django.urls import get_urlconf, reverse
from django.utils import timezone

from archive.models import Agent, Authorship, DatePrecision, Entry, EntryStatus, Statement
from archive.weblinks import http_url

from . import csl
from .items import EntryRecord, Name, StatementRecord
from .titles import proper_nouns

_PARTS = {DatePrecision.DAY: 3, DatePrecision.MONTH: 2, DatePrecision.YEAR: 1}
_DATED = tuple(_PARTS)


def absolute(path, request=None):
    if request is not None:
        return request.build_absolute_uri(path)
    return settings.ARCHIVE_BASE_URL + path


def site_root(request=None):
    """"https://archive.example.org": absolute URLs of a bulk export are this plus a path."""
    if request is not None:
        return request.build_absolute_uri("/")[:-1]
    return settings.ARCHIVE_BASE_URL


def access_date():
    """The date a citation is made (today, in the archive's time zone), as date parts.

    Exports carry it as CSL ``accessed``; tests replace this function (or pass
    ``accessed=`` to the record builders) for a fixed date.
    """
    today = timezone.localdate()
    return (today.year, today.month, today.day)


def _name(kind, name, family, given, key=None):
    if kind == Agent.Kind.PERSON and (family or given):
        family_first = bool(family and given and name.startswith(family + " "))
        return Name(family=family or given, given=given if family else "", family_first=family_first, key=key)
    return Name(literal=name, key=key)


def agent_key_token(kind, name, family, given):
    """The word of a citation key this name gives as first author (``Agent.citation_token``)."""
    return csl.author_key_token(_name(kind, name, family, given))


def agent_name(agent):
    """A person by family/given names; any other kind (organisation, report, group) as one literal name."""
    return _name(agent.kind, agent.name, agent.family_name, agent.given_name, agent.pk)


def _date(published_on, precision):
    if not published_on:
        return ()
    parts = (published_on.year, published_on.month, published_on.day)
    return parts[: _PARTS.get(precision, 0)]


def entry_date(entry):
    return _date(entry.published_on, entry.date_precision)


def _authors(entry):
    return [a.agent for a in entry.authorships.all() if a.role == Authorship.Role.AUTHOR]


def _entry_path(slug):
    """``entry.get_absolute_url()`` without a URL reversal per entry in bulk exports."""
    template = _ENTRY_PATH.get(get_urlconf())
    if template is None:
        template = _ENTRY_PATH[get_urlconf()] = reverse("archive:entry", args=["slug-placeholder"])
    return template.replace("slug-placeholder", slug)


_ENTRY_PATH = {}


def _names_text(synopsis, body):
    """The text whose capitals say which title words are names (``titles.proper_nouns``)."""
    return f"{synopsis}\n{body}"


class KeySuffixes:
    """Suffixes that make citation keys unique and stable: "", "a", "b", ... by the rank of
    an entry's id among the published entries that share its base key (``csl.citation_key``).

    The same entry gets the same key on its page, in any list and in every export,
    whatever else is in the list. Entries can share a base key only when they share its
    year, so the published entries of one year ("nd" for undated ones) are read at a
    time, as light rows (title, outlet, first author; no bodies), when an entry of that
    year is first asked about. What is kept is the suffix of each entry that needs one,
    not the keys: an export's memory does not grow with its length.
    ``upto``: only entries up to this id matter (one entry's key: lower ids decide its rank).
    """

    def __init__(self, upto=None, first_author=None):
        self.upto = upto
        self.first_author = first_author
        self._loaded = set()
        self._suffixes = {}

    @classmethod
    def for_entry(cls, entry, first_author):
        """Suffixes for one entry's own key (its page, its downloads).

        Only entries whose first author gives the same key part can share the entry's
        key, so just those are read: the entries of the year by anyone whose name folds
        to that part (a narrow query on a small table), not the whole year.
        """
        return cls(upto=entry.pk, first_author=first_author)

    def suffix(self, entry_id, date):
        year = date[0] if date else None
        if year not in self._loaded:
            self._load(year)
            self._loaded.add(year)
        return self._suffixes.get(entry_id, "")

    def _load(self, year):
        entries = Entry.objects.filter(status=EntryStatus.PUBLISHED)
        if year is None:
            entries = entries.filter(Q(published_on__isnull=True) | ~Q(date_precision__in=_DATED))
        else:
            entries = entries.filter(published_on__year=year, date_precision__in=_DATED)
        if self.upto is not None:
            entries = entries.filter(pk__lte=self.upto)
        if self.first_author is not None:
            token = csl.author_key_token(self.first_author)
            # Name records whose name gives the same word, by the index on their stored token.
            authors = Authorship.objects.filter(role=Authorship.Role.AUTHOR)
            # Read first (a few ids): given the ids, PostgreSQL reads their bylines by index;
            # given a subquery, it scanned every byline of the archive (60-90 ms).
            namesakes = list(Agent.objects.filter(citation_token=token).values_list("pk", flat=True))
            # A subquery, not a join: the byline read below must keep every author.
            entries = entries.filter(pk__in=authors.filter(agent_id__in=namesakes).values("entry_id"))
        # One query: each entry with its byline (a row per authorship, the first author first).
        rows = entries.order_by("pk", "authorships__position", "authorships__pk").values_list(
            "pk", "title", "outlet__name", "outlet__short_name", "authorships__role", "authorships__agent__kind",
            "authorships__agent__name", "authorships__agent__family_name", "authorships__agent__given_name")
        by_key, last, first = {}, None, None
        for pk, title, outlet, short, role, kind, name, family, given in rows:
            if pk != last:
                if last is not None:
                    by_key.setdefault(csl.base_key(first, *last_parts), []).append(last)
                last, first, last_parts = pk, None, (outlet or "", short or "", year, title)
            if first is None and role == Authorship.Role.AUTHOR:
                first = _name(kind, name, family, given)
        if last is not None:
            by_key.setdefault(csl.base_key(first, *last_parts), []).append(last)
        for ids in by_key.values():
            if len(ids) > 1:
                for rank, pk in enumerate(sorted(ids)):
                    if rank:
                        self._suffixes[pk] = csl.key_suffix(rank)


def entry_key_suffix(entry, date):
    """The suffix of one entry's own citation key (its page, its downloads, unAPI).

    Asked once per entry object (a page renders the record more than once: meta tags,
    Cite), and kept in the cache under the archive's ``lists`` token, which every public
    change replaces (an entry published, retitled or redated, an author or outlet
    renamed: all that decides which entries share a base key). Reading the namesakes'
    entries took two queries on every entry page and citation file, a tenth to a third
    of their time, for a suffix that is nearly always "" and changes only with the
    archive. Nothing is kept while this thread's transaction has changed public data
    (its tokens are replaced again at the commit; a rollback would leave them current).
    """
    kept = getattr(entry, "_citation_key_suffix", None)
    if kept is not None:
        return kept
    from django.core.cache import cache

    from archive.caching import tags

    key = None
    if not tags.writing():
        key = f"cite-key-suffix:{tags.current([tags.LISTS])[tags.LISTS]}:{entry.pk}"
        kept = cache.get(key)
    if kept is None:
        first = next((agent_name(a) for a in _authors(entry)), None)
        kept = KeySuffixes.for_entry(entry, first).suffix(entry.pk, date)
        if key is not None:
            cache.set(key, kept, 7 * 24 * 3600)
    entry._citation_key_suffix = kept
    return kept


def entry_record(entry, request=None, with_text=True, tags=None, title_case=True, unique_key=True,
                 key_suffixes=None, accessed=None, authors=None, series=None):
    """The plain record of one entry. Expects ``export_queryset``'s prefetching when used in bulk.

    ``with_text=False`` is for list pages (COinS): no body scan for proper nouns, no key
    or access date, and nothing that the list did not already load (tags, an unloaded
    series). ``tags``: the tag names when the caller loaded them.
    ``title_case=False`` skips finding the title's names in the text, for formats that
    carry titles as published (RIS, CSL-JSON, oai_dc).
    ``unique_key=False`` skips the key's suffix (oai_dc has no key); ``key_suffixes``:
    a ``KeySuffixes`` shared by the entries of one export (else one query for this entry).
    ``accessed``: the access date (default ``access_date()``). ``authors`` (names) and
    ``series`` (its name): what the caller loaded in bulk (``list_records``).
    """
    archive_url = absolute(_entry_path(entry.slug), request)
    outlet = entry.outlet
    date = entry_date(entry)
    suffix = ""
    if with_text and unique_key and entry.status == EntryStatus.PUBLISHED:
        suffix = key_suffixes.suffix(entry.pk, date) if key_suffixes is not None else entry_key_suffix(entry, date)
    return EntryRecord(
        id=entry.pk,
        title=entry.title,
        genre=entry.genre,
        authors=authors if authors is not None else [agent_name(a) for a in _authors(entry)],
        outlet=outlet.name if outlet else "",
        outlet_short=outlet.short_name if outlet else "",
        place=outlet.place if outlet else "",
        series=series if series is not None else _series_name(entry, with_text, request),
        number=entry.number,
        date=date,
        url=http_url(entry.url) or archive_url,
        archive_url=archive_url,
        abstract=entry.synopsis,
        language=entry.language,
        keywords=(sorted(tags) if tags is not None else sorted(t.name for t in entry.tags.all())) if with_text else [],
        proper_nouns=(
            proper_nouns(entry.title, _names_text(entry.synopsis, entry.body)) if with_text and title_case
            else (frozenset() if not with_text else None)
        ),
        updated=entry.updated_at.isoformat() if entry.updated_at else "",
        accessed=(accessed or access_date()) if with_text else (),
        key_suffix=suffix,
        archive_name=settings.ARCHIVE_SITE_NAME,
    )


def _series_name(entry, fetch=True, request=None):
    """The series name. On list pages, without a query per entry: the loaded series, or
    the request's table of series names (one query per page; there are few series)."""
    if not entry.series_id:
        return ""
    if fetch or Entry.series.is_cached(entry):
        return entry.series.name
    if request is None:
        return ""
    names = getattr(request, "_citation_series_names", None)
    if names is None:
        from archive.models import Series

        names = request._citation_series_names = dict(Series.objects.values_list("pk", "name"))
    return names.get(entry.series_id, "")


def list_records(objects, request=None, skip=()):
    """Records (for COinS) of the entries a list page shows: ``objects`` are entries,
    statements or statement search hits. An entry shown twice counts once, and the ids in
    ``skip`` (offered elsewhere on the page) not at all. What the page did not load
    (bylines, series) is read for all of them in one query, never per entry."""
    entries, bylines, series = list_bylines(objects, skip)
    return [entry_record(e, request, with_text=False, authors=byline_names(bylines.get(e.pk)),
                         series=series.get(e.pk))
            for e in entries]


def list_bylines(objects, skip=()):
    """(entries, bylines, series) for ``list_records``: the entries a list shows (once
    each, without ``skip``), and for those whose bylines or series the page did not
    load, read in one query: {entry id: [(agent id, kind, name, family name, given
    name) of each author, in order]} and {entry id: series name or ""}. Entries the page
    loaded them for are in neither."""
    entries, seen = [], set(skip)
    for obj in objects:
        entry = getattr(obj, "statement", obj)
        entry = getattr(entry, "entry", entry)
        if entry.pk not in seen:
            seen.add(entry.pk)
            entries.append(entry)
    missing = [e.pk for e in entries if "authorships" not in getattr(e, "_prefetched_objects_cache", {})
               or (e.series_id and not Entry.series.is_cached(e))]
    bylines, series = {}, {}
    if missing:
        rows = (Entry.objects.filter(pk__in=missing).order_by("pk", "authorships__position", "authorships__pk")
                .values_list("pk", "series__name", "authorships__role", "authorships__agent_id",
                             "authorships__agent__kind", "authorships__agent__name",
                             "authorships__agent__family_name", "authorships__agent__given_name"))
        for pk, series_name, role, agent_id, kind, name, family, given in rows:
            series[pk] = series_name or ""
            names = bylines.setdefault(pk, [])
            if agent_id is not None and role == Authorship.Role.AUTHOR:
                names.append((agent_id, kind, name, family, given))
    return entries, bylines, series


def byline_names(byline):
    """The author names of a ``list_bylines`` byline (None stays None: the entry's own)."""
    if byline is None:
        return None
    return [_name(kind, name, family, given, agent_id) for agent_id, kind, name, family, given in byline]


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


# What a bulk export reads of each entry: plain rows, no model instances (building and
# prefetching instances was most of an export's time). The body only for the formats
# that case titles (BibTeX, the styles).
_ROW = ("pk", "slug", "title", "genre", "number", "published_on", "date_precision", "url", "language", "synopsis",
        "updated_at", "outlet__name", "outlet__short_name", "outlet__place", "series__name")


def authors_by_entry(entry_ids):
    """{entry id: [Name]} of the entries' authors in byline order, in one query."""
    authors = {}
    for entry_id, agent_id, kind, name, family, given in (
        Authorship.objects.filter(entry_id__in=entry_ids, role=Authorship.Role.AUTHOR)
        .order_by("entry_id", "position", "pk")
        .values_list("entry_id", "agent_id", "agent__kind", "agent__name", "agent__family_name", "agent__given_name")
    ):
        authors.setdefault(entry_id, []).append(_name(kind, name, family, given, agent_id))
    return authors


def iter_entry_records(queryset=None, request=None, chunk_size=500, first_chunk=50, title_case=True,
                       accessed=None, key_suffixes=None):
    """Records of published entries, read in batches by id so memory stays flat however
    many there are. The first batch is small, so a streamed download starts at once.
    Three queries a batch (entries with outlet and series, authors, tags), plus one pair
    per year the first time an entry of that year comes (``KeySuffixes``)."""
    queryset = Entry.objects.all() if queryset is None else queryset
    base = queryset.filter(status=EntryStatus.PUBLISHED).prefetch_related(None).order_by("pk")
    fields = _ROW + (("body",) if title_case else ())
    root = site_root(request)
    accessed = accessed or access_date()
    archive_name = settings.ARCHIVE_SITE_NAME
    suffixes = key_suffixes or KeySuffixes()
    last, size = 0, first_chunk
    while True:
        rows = list(base.filter(pk__gt=last).values_list(*fields)[:size])
        if not rows:
            return
        ids = [row[0] for row in rows]
        authors, tags = authors_by_entry(ids), tag_names(ids)
        for row in rows:
            (pk, slug, title, genre, number, published_on, precision, url, language, synopsis, updated_at,
             outlet, outlet_short, place, series) = row[:15]
            archive_url = root + _entry_path(slug)
            date = _date(published_on, precision)
            yield EntryRecord(
                id=pk, title=title, genre=genre, authors=authors.get(pk, []), outlet=outlet or "",
                outlet_short=outlet_short or "", place=place or "", series=series or "", number=number,
                date=date, url=http_url(url) or archive_url, archive_url=archive_url, abstract=synopsis, language=language,
                keywords=sorted(tags.get(pk, [])),
                proper_nouns=proper_nouns(title, _names_text(synopsis, row[15])) if title_case else None,
                updated=updated_at.isoformat() if updated_at else "", accessed=accessed,
                key_suffix=suffixes.suffix(pk, date), archive_name=archive_name,
            )
        last, size = ids[-1], chunk_size


def statement_record(statement, request=None, entry_rec=None):
    speaker = agent_name(statement.speaker) if statement.speaker_id else None
    return StatementRecord(
        id=statement.pk,
        entry=entry_rec or entry_record(statement.entry, request),
        quote=statement.quote,
        speaker=speaker,
        anchor=statement.anchor,
        kind=statement.kind,
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


def dump_dict(entry, request=None, key_suffixes=None, accessed=None):
    """One line of the researchers' JSON Lines dump: citation, text, statements and speakers."""
    from .csl import public_item, to_csl

    record = entry_record(entry, request, title_case=False, key_suffixes=key_suffixes, accessed=accessed)
    statements = [
        s for s in entry.statements.all() if s.review_status != Statement.Review.REJECTED
    ]
    return {
        "id": entry.pk,
        "slug": entry.slug,
        "archive_url": record.archive_url,
        "csl": public_item(to_csl(record)),
        "keywords": record.keywords,  # as a list: CSL-JSON's keyword is one comma-joined string
        "body": entry.body,
        "body_blocks": entry.body_blocks,
        "author_note": entry.author_note,
        "statements": [
            {
                "id": s.pk, "quote": s.quote, "start": s.start, "end": s.end, "cue": s.cue,
                "speaker_mention": s.speaker_mention, "kind": s.kind, "review_status": s.review_status,
                "verification": s.verification, "source_url": http_url(s.source_url),
                "url": f"{record.archive_url}#{s.anchor}", "speaker": agent_dict(s.speaker),
            }
            for s in statements
        ],
    }


def iter_dump(queryset=None, request=None, chunk_size=200):
    qs = export_queryset(queryset).prefetch_related(
        Prefetch("statements", queryset=Statement.objects.select_related("speaker").order_by("start", "pk"))
    )
    suffixes, accessed = KeySuffixes(), access_date()
    for entry in qs.iterator(chunk_size=chunk_size):
        yield dump_dict(entry, request, suffixes, accessed)
        entry._prefetched_objects_cache = {}  # break the entry <-> prefetched rows cycle
