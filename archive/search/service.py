"""The one search interface: entries and statements, whatever the database.

Views, the JSON API and exports call these functions; the backend for the current
database (archive.search.backends) does the engine-specific part. Only published
entries, and statements that are not rejected in published entries, are returned.

Bounded work whatever the size of the result (see docs/search.md):
- the count stops at the backend's ``count_cap`` ("10,000+"; 1,000 on PostgreSQL);
- relevance ranks every match when there are at most ``EXACT_RANK_LIMIT``, otherwise
  a bounded candidate set (best title/synopsis matches and newest matches);
- facets count at most the backend's ``facet_sample`` matches, in one query: all of
  them up to that many, else a sample spread evenly over all the matches when the count
  is exact, or the first found when it is not; the results say which;
- filters other than dates are tokens in the index, intersected by the engine;
- each call makes a fixed number of SQL queries.

The search index holds published entries only (indexing keeps it so); publication is
checked again on the rows actually returned.
"""
from __future__ import annotations

from django.db.models import F
from django.db.models.expressions import RawSQL

from archive.models import Entry, EntryStatus, Statement

from .backends import get_backend
from .backends.base import CANDIDATES, EXACT_RANK_LIMIT
from .facets import FACETS, entry_facets
from .hits import deferred_entry_text, load_hits
from .filters import clean_filters, date_range_ids, filtered_entries, public_statements, read_slug
from .keys import filter_tokens
from .query import parse_query
from .results import EntryResults, Hit, StatementHit, StatementResults, clamp_paging
from .snippets import has_mark, leading_words, marked_to_html
from .timing import part

SORTS = ("relevance", "newest", "oldest")


def _sql(queryset):
    return queryset.order_by().values("pk").query.sql_with_params()


def _date_order(sort):
    if sort == "oldest":
        return [F("published_on").asc(nulls_last=True), "pk"]
    return [F("published_on").desc(nulls_last=True), "-pk"]


def _entry_match(backend, compiled, filters):
    """(sql, params) selecting the ids of the published entries the search finds,
    or None when the visitor typed something with nothing searchable in it."""
    if compiled.match is not None:
        dates = date_range_ids(filters)
        return backend.entry_match_sql(
            compiled.match, filter_tokens(filters), _sql(dates) if dates is not None else None
        )
    qs = filtered_entries(filters)
    if compiled.excluded is not None:
        qs = qs.exclude(pk__in=RawSQL(*backend.entry_match_sql(compiled.excluded)))
    elif not compiled.query.is_browse:
        return None
    return _sql(qs)


def entry_ids_matching(q, filters=None):
    """Ids of every published entry matching ``q`` and ``filters``, newest first.

    A lazy queryset, not capped: for exports of a whole result set.
    """
    backend = get_backend()
    compiled = backend.compile(parse_query(q))
    cleaned, _ = clean_filters(filters)
    match = _entry_match(backend, compiled, cleaned)
    if match is None:
        return Entry.objects.none().values_list("pk", flat=True)
    return (
        Entry.objects.published().filter(pk__in=RawSQL(*match))
        .order_by(*_date_order("newest")).values_list("pk", flat=True)
    )


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
    # one session for the count and the page: on PostgreSQL each session is a savepoint and
    # its settings, three statements the page need not pay twice
    with backend.session():
        with part("engine"):
            match = _entry_match(backend, compiled, cleaned)
            if match is None:
                return results
            cap = int(backend.count_cap)
            first, results.total, results.total_is_capped = first_matches(
                backend, match, int(backend.facet_sample) if facets else 0)
            if not results.total:
                return results
        ranked_by_relevance = sort == "relevance" and compiled.match is not None
        exact = not results.total_is_capped and results.total <= EXACT_RANK_LIMIT
        if ranked_by_relevance and not exact:
            results.reachable = CANDIDATES
        results.page = min(page, results.num_pages)
        offset = (results.page - 1) * per_page

        with part("engine"):
            if ranked_by_relevance:
                dates = date_range_ids(cleaned)
                ranked = backend.ranked_entries(
                    compiled, filter_tokens(cleaned), _sql(dates) if dates is not None else None,
                    per_page, offset, exact, pool=first,
                )
            else:
                ids = (
                    Entry.objects.published().filter(pk__in=RawSQL(*match))
                    .order_by(*_date_order(sort)).values_list("pk", flat=True)[offset:offset + per_page]
                )
                ranked = [(pk, None) for pk in ids]
        ids = [pk for pk, _ in ranked]
        with part("hits"):
            entries = load_hits(ids)
        with part("snippets"):
            snippets = backend.entry_snippets(compiled, ids)
            for pk, rank in ranked:
                entry = entries.get(pk)
                if entry is not None:
                    results.hits.append(_entry_hit(entry, rank, snippets.get(pk)))
        if facets:
            # Exact up to facet_sample matches. Above it, when the count is exact the
            # first matches fetched are all of them, and an even sample of those stands
            # for every match. When it is not, they are only the first found; spreading
            # over them would cost more (scattered rows) and still describe the same
            # early part of the archive, so the first facet_sample are counted.
            counted, size = first[:cap], int(backend.facet_sample)
            sample = counted[:size] if results.total_is_capped else spread_sample(counted, size)
            with part("facets"):
                results.facets = entry_facets(match, backend, ids=sample)
            if len(sample) < len(counted) or results.total_is_capped:
                results.facet_sample = len(sample)
                results.facet_sample_of = len(sample) if results.total_is_capped else len(counted)
    return results


def first_matches(backend, match, sample):
    """(ids, total, capped) for ``match``: the number of matches up to the backend's
    ``count_cap`` (``capped`` when there are more) and the first matches a page needs.

    A backend that ranks from the first matches gets all of them (``count_cap + 1``, its
    ``pool``). Otherwise only what the facets count is fetched (``sample`` = 0: none):
    every match when there are at most ``sample``, the first ``sample`` when the count is
    capped (the facets count the first found then), and every match below the cap (for
    an even sample over them). The count itself is the engine's: 10,001 ids fetched only
    to count them were most of a common word's engine time on SQLite.
    """
    cap = int(backend.count_cap)
    if backend.ranks_from_pool:
        first = backend.first_matches(match, cap + 1)
        return first, min(len(first), cap), len(first) > cap
    first = []
    if sample:
        first = backend.first_matches(match, min(sample, cap) + 1)
        if len(first) <= sample:
            return first, min(len(first), cap), len(first) > cap
    total = backend.count_matches(match, cap + 1)
    if total > cap:
        return first[:sample], cap, True
    if not sample:
        return [], total, False
    return backend.first_matches(match, total), total, False


def spread_sample(ids, size):
    """At most ``size`` of ``ids``, taken at even steps from first to last.

    The engines return their first matches in id order (oldest entries first), so the
    first ``size`` would stand for the archive's early years; every k-th stands for
    all of them. Deterministic: the same matches give the same sample.
    """
    n = len(ids)
    if n <= size:
        return list(ids)
    return [ids[i * n // size] for i in range(size)]


def _entry_hit(entry, rank, marked):
    hit = Hit(entry=entry, snippet_html="", rank=rank)
    title, synopsis, body = marked or (None, None, None)
    if has_mark(body):
        hit.snippet_html = marked_to_html(body)
    elif has_mark(synopsis):
        hit.snippet_html = marked_to_html(synopsis)
    else:
        hit.snippet_html = leading_words(entry.synopsis or getattr(entry, "body_head", None) or entry.body)
    hit.title_html = marked_to_html(title) if has_mark(title) else marked_to_html(entry.title)
    return hit


def _newest_statements(offset, limit, first_chunk=50):
    """Ids of public statements ``offset`` to ``offset + limit`` in the browse order (newest
    entry first, then by place in the entry), walking entries newest first over the
    entry date index and reading their statements a batch of entries at a time.

    Sorting every public statement by its entry's date instead took 3.7 s at 100,000
    entries on PostgreSQL, for page 1 as for page 50 (pages stop at 1,000 results).
    """
    needed, found = offset + limit, []
    entries = Entry.objects.published().order_by(F("published_on").desc(nulls_last=True), "-pk") \
        .values_list("pk", flat=True)
    start, size = 0, first_chunk
    while len(found) < needed:
        batch = list(entries[start:start + size])
        if not batch:
            break
        rank = {pk: n for n, pk in enumerate(batch)}
        rows = Statement.objects.filter(entry_id__in=batch).exclude(review_status=Statement.Review.REJECTED) \
            .values_list("pk", "entry_id", "start")
        found += [pk for pk, entry_id, begin in sorted(rows, key=lambda r: (rank[r[1]], r[2], r[0]))]
        start, size = start + size, size * 2
    return found[offset:needed]


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
    base = public_statements().filter(entry__status=EntryStatus.PUBLISHED).order_by()
    by_speaker = Statement.objects.filter(speaker__slug=speaker).order_by() if speaker else None
    if by_speaker is not None:
        base = base.filter(speaker__slug=speaker)
    with backend.session():
        # ``narrowed``: the matching statements as a queryset when no full-text match is
        # involved, so the page orders it directly. Ordering ``base.filter(pk IN (the same
        # query))`` instead made PostgreSQL read every statement of a speaker twice (and
        # de-duplicate them) before its top-N sort.
        narrowed = None
        if compiled.match is not None:
            match = backend.statement_match_sql(compiled.match, _sql(by_speaker) if by_speaker is not None else None)
        elif compiled.excluded is not None:
            narrowed = base.exclude(pk__in=RawSQL(*backend.statement_match_sql(compiled.excluded)))
            match = _sql(narrowed)
        elif query.is_browse:
            narrowed = base
            match = _sql(base)
        else:
            return results
        first, results.total, results.total_is_capped = first_matches(backend, match, 0)
        if not results.total:
            return results
        exact = not results.total_is_capped and results.total <= EXACT_RANK_LIMIT
        if compiled.match is not None and not exact:
            results.reachable = CANDIDATES
        results.page = min(page, results.num_pages)
        offset = (results.page - 1) * per_page
        if compiled.match is not None:
            ranked = backend.ranked_statements(
                compiled, _sql(by_speaker) if by_speaker is not None else None, per_page, offset, exact,
                pool=first,
            )
        elif query.is_browse and compiled.excluded is None and by_speaker is None:
            ranked = [(pk, None) for pk in _newest_statements(offset, per_page)]
        else:
            ids = narrowed.order_by(  # no full-text match here: ``narrowed`` is set
                F("entry__published_on").desc(nulls_last=True), "-entry_id", "start"
            ).values_list("pk", flat=True)[offset:offset + per_page]
            ranked = [(pk, None) for pk in ids]
        ids = [pk for pk, _ in ranked]
        statements = {
            pk: statement for pk, statement in Statement.objects.filter(pk__in=ids)
            .select_related("entry", "entry__outlet", "speaker").defer(*deferred_entry_text()).in_bulk().items()
            if statement.entry.status == EntryStatus.PUBLISHED
            and statement.review_status != Statement.Review.REJECTED
            and (not speaker or (statement.speaker and statement.speaker.slug == speaker))
        }
        snippets = backend.statement_snippets(compiled, ids)
    for pk, rank in ranked:
        statement = statements.get(pk)
        if statement is None:
            continue
        marked = snippets.get(pk)
        html = marked_to_html(marked) if has_mark(marked) else marked_to_html(statement.quote)
        results.hits.append(StatementHit(statement=statement, snippet_html=html, rank=rank))
    return results
