"""The one search interface: entries and statements, whatever the database.

Views, the JSON API and exports call these functions; the backend for the current
database (archive.search.backends) does the engine-specific part. Every function
reads only published entries and statements that are not rejected.

Bounded work whatever the size of the result: the count stops at ``COUNT_CAP``
("10,000+"), facets count at most the first ``COUNT_CAP`` candidates, and each call
makes a fixed number of SQL queries (see docs/search.md).
"""
from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, F
from django.db.models.functions import ExtractYear
from taggit.models import TaggedItem

from archive.models import Authorship, Entry, EntryStatus, Statement

from .backends import get_backend
from .filters import read_slug, clean_filters, filtered_entries, public_statements
from .query import Query, parse_query
from .results import COUNT_CAP, EntryResults, Hit, StatementHit, StatementResults, clamp_paging
from .snippets import has_mark, leading_words, marked_to_html

SORTS = ("relevance", "newest", "oldest")
FACETS = ("outlet", "author", "tag", "year", "speaker")
FACET_SIZE = 10
YEAR_FACET_SIZE = 50


def _count(queryset):
    """(count, capped): exact up to COUNT_CAP, then COUNT_CAP and True."""
    n = queryset.order_by().values("pk")[: COUNT_CAP + 1].count()
    return (COUNT_CAP, True) if n > COUNT_CAP else (n, False)


def _sql(queryset):
    return queryset.order_by().values("pk").query.sql_with_params()


def _date_order(sort):
    if sort == "oldest":
        return [F("published_on").asc(nulls_last=True), "pk"]
    return [F("published_on").desc(nulls_last=True), "-pk"]


def _nothing_to_find(query: Query, compiled):
    """The visitor typed something, but nothing searchable (only stop words or junk)."""
    return not query.is_browse and not compiled.searches


def _entry_candidates(query, compiled, filters):
    base = filtered_entries(filters)
    return base, get_backend().narrow(base, compiled, get_backend().entry_match_sql)


def entry_ids_matching(q, filters=None):
    """Ids of every published entry matching ``q`` and ``filters``, newest first.

    A queryset (not capped), for exports of a whole result set.
    """
    query = parse_query(q)
    compiled = get_backend().compile(query)
    cleaned, _ = clean_filters(filters)
    if _nothing_to_find(query, compiled):
        return Entry.objects.none().values_list("pk", flat=True)
    _, candidates = _entry_candidates(query, compiled, cleaned)
    return candidates.order_by(*_date_order("newest")).values_list("pk", flat=True)


def search_entries(q, *, filters=None, sort="relevance", page=1, per_page=20, facets=True) -> EntryResults:
    """Search published entries. An empty ``q`` browses them (newest first).

    ``filters`` (all optional): outlet, author, speaker, tag (slugs), year (int),
    date_from, date_to (dates or ISO strings), has_statements (bool). Unreadable
    filter values are ignored and listed in ``results.ignored_filters``.
    """
    backend = get_backend()
    query = parse_query(q)
    compiled = backend.compile(query)
    cleaned, ignored = clean_filters(filters)
    page, per_page = clamp_paging(page, per_page)
    sort = sort if sort in SORTS else "relevance"
    results = EntryResults(
        hits=[], total=0, total_is_capped=False, page=1, per_page=per_page, query=query,
        sort=sort, facets={name: [] for name in FACETS} if facets else {},
        filters=cleaned, ignored_filters=ignored,
    )
    if _nothing_to_find(query, compiled):
        return results
    base, candidates = _entry_candidates(query, compiled, cleaned)
    results.total, results.total_is_capped = _count(candidates)
    if not results.total:
        return results
    results.page = min(page, results.num_pages)
    offset = (results.page - 1) * per_page

    if sort == "relevance" and compiled.match is not None:
        ranked = backend.ranked_entries(compiled, _sql(base), per_page, offset)
    else:
        ids = candidates.order_by(*_date_order(sort)).values_list("pk", flat=True)[offset:offset + per_page]
        ranked = [(pk, None) for pk in ids]
    ids = [pk for pk, _ in ranked]
    entries = Entry.objects.filter(pk__in=ids).select_related("outlet").prefetch_related(
        "authorships__agent", "tags"
    ).in_bulk()
    snippets = backend.entry_snippets(compiled, ids)
    for pk, rank in ranked:
        entry = entries.get(pk)
        if entry is not None:
            results.hits.append(_entry_hit(entry, rank, snippets.get(pk)))
    if facets:
        results.facets = entry_facets(candidates)
    return results


def _entry_hit(entry, rank, marked):
    hit = Hit(entry=entry, snippet_html="", rank=rank)
    title, synopsis, body = marked or (None, None, None)
    if has_mark(body):
        hit.snippet_html = marked_to_html(body)
    elif has_mark(synopsis):
        hit.snippet_html = marked_to_html(synopsis)
    else:
        hit.snippet_html = leading_words(entry.synopsis or entry.body)
    hit.title_html = marked_to_html(title) if has_mark(title) else marked_to_html(entry.title)
    return hit


def entry_facets(candidates):
    """Facet counts over (at most COUNT_CAP of) the candidates: five queries.

    Returns {name: [(value, label, count), ...]}, most frequent first (years: newest
    first). Counts are numbers of entries.
    """
    ids = candidates.order_by().values("pk")[:COUNT_CAP]
    facets = {}
    rows = (
        Entry.objects.filter(pk__in=ids, outlet__isnull=False)
        .values("outlet__slug", "outlet__name").annotate(n=Count("pk"))
        .order_by("-n", "outlet__name")[:FACET_SIZE]
    )
    facets["outlet"] = [(r["outlet__slug"], r["outlet__name"], r["n"]) for r in rows]
    rows = (
        Authorship.objects.filter(entry_id__in=ids)
        .values("agent__slug", "agent__name").annotate(n=Count("entry_id", distinct=True))
        .order_by("-n", "agent__name")[:FACET_SIZE]
    )
    facets["author"] = [(r["agent__slug"], r["agent__name"], r["n"]) for r in rows]
    content_type = ContentType.objects.get_for_model(Entry)
    rows = (
        TaggedItem.objects.filter(content_type=content_type, object_id__in=ids)
        .values("tag__slug", "tag__name").annotate(n=Count("object_id", distinct=True))
        .order_by("-n", "tag__name")[:FACET_SIZE]
    )
    facets["tag"] = [(r["tag__slug"], r["tag__name"], r["n"]) for r in rows]
    rows = (
        Entry.objects.filter(pk__in=ids, published_on__isnull=False)
        .annotate(year=ExtractYear("published_on")).values("year").annotate(n=Count("pk"))
        .order_by("-year")[:YEAR_FACET_SIZE]
    )
    facets["year"] = [(r["year"], str(r["year"]), r["n"]) for r in rows]
    rows = (
        public_statements().filter(entry_id__in=ids, speaker__isnull=False)
        .values("speaker__slug", "speaker__name").annotate(n=Count("entry_id", distinct=True))
        .order_by("-n", "speaker__name")[:FACET_SIZE]
    )
    facets["speaker"] = [(r["speaker__slug"], r["speaker__name"], r["n"]) for r in rows]
    return facets


def search_statements(q, *, speaker=None, page=1, per_page=20) -> StatementResults:
    """Search statements (their words and their speakers' names) in published entries.

    An empty ``q`` lists statements, newest entry first. ``speaker`` is an agent slug.
    """
    backend = get_backend()
    query = parse_query(q)
    compiled = backend.compile(query)
    page, per_page = clamp_paging(page, per_page)
    speaker = read_slug(speaker) if speaker is not None else None
    results = StatementResults(
        hits=[], total=0, total_is_capped=False, page=1, per_page=per_page, query=query, speaker=speaker,
    )
    if _nothing_to_find(query, compiled):
        return results
    base = public_statements().filter(entry__status=EntryStatus.PUBLISHED).order_by()
    if speaker:
        base = base.filter(speaker__slug=speaker)
    candidates = backend.narrow(base, compiled, backend.statement_match_sql)
    results.total, results.total_is_capped = _count(candidates)
    if not results.total:
        return results
    results.page = min(page, results.num_pages)
    offset = (results.page - 1) * per_page
    if compiled.match is not None:
        ranked = backend.ranked_statements(compiled, _sql(base), per_page, offset)
    else:
        ids = candidates.order_by(
            F("entry__published_on").desc(nulls_last=True), "-entry_id", "start"
        ).values_list("pk", flat=True)[offset:offset + per_page]
        ranked = [(pk, None) for pk in ids]
    ids = [pk for pk, _ in ranked]
    statements = Statement.objects.filter(pk__in=ids).select_related(
        "entry", "entry__outlet", "speaker"
    ).in_bulk()
    snippets = backend.statement_snippets(compiled, ids)
    for pk, rank in ranked:
        statement = statements.get(pk)
        if statement is None:
            continue
        marked = snippets.get(pk)
        html = marked_to_html(marked) if has_mark(marked) else marked_to_html(statement.quote)
        results.hits.append(StatementHit(statement=statement, snippet_html=html, rank=rank))
    return results
