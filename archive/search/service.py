"""The one search interface: entries and statements, whatever the database.

Views, the JSON API and exports call these functions; the backend for the current
database (archive.search.backends) does the engine-specific part. Only published
entries, and statements that are not rejected in published entries, are returned.

Bounded work whatever the size of the result (see docs/search.md):
- the count stops at the backend's ``count_cap`` ("10,000+"; 1,000 on PostgreSQL);
- relevance ranks every match when there are at most ``EXACT_RANK_LIMIT``, otherwise
  a bounded candidate set (best title/synopsis matches and newest matches);
- facets count at most the backend's ``facet_sample`` first matches, in one query;
- filters other than dates are tokens in the index, intersected by the engine;
- each call makes a fixed number of SQL queries.

The search index holds published entries only (indexing keeps it so); publication is
checked again on the rows actually returned.
"""
from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.db import connections
from django.db.models import F
from django.db.models.expressions import RawSQL

from archive.models import Agent, Authorship, Entry, EntryStatus, Outlet, Statement

from .backends import get_backend
from .backends.base import CANDIDATES, EXACT_RANK_LIMIT
from .filters import clean_filters, date_range_ids, filtered_entries, public_statements, read_slug
from .keys import filter_tokens
from .query import parse_query
from .results import EntryResults, Hit, StatementHit, StatementResults, clamp_paging
from .snippets import has_mark, leading_words, marked_to_html

SORTS = ("relevance", "newest", "oldest")
FACETS = ("outlet", "author", "tag", "year", "speaker")
FACET_SIZE = 10
YEAR_FACET_SIZE = 50


def _sql(queryset):
    return queryset.order_by().values("pk").query.sql_with_params()


def _count(backend, match):
    """(count, capped): exact up to the backend's count cap, then the cap and True."""
    sql, params = match
    cap = int(backend.count_cap)
    with backend.connection.cursor() as cursor:
        cursor.execute(f"SELECT COUNT(*) FROM ({sql} LIMIT {cap + 1}) m", params)
        n = cursor.fetchone()[0]
    return (cap, True) if n > cap else (n, False)


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
    with backend.session():
        match = _entry_match(backend, compiled, cleaned)
        if match is None:
            return results
        cap = int(backend.count_cap)
        first = backend.first_matches(match, cap + 1)
        results.total, results.total_is_capped = min(len(first), cap), len(first) > cap
        if not results.total:
            return results
        ranked_by_relevance = sort == "relevance" and compiled.match is not None
        exact = results.total <= EXACT_RANK_LIMIT
        if ranked_by_relevance and not exact:
            results.reachable = CANDIDATES
        results.page = min(page, results.num_pages)
        offset = (results.page - 1) * per_page

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
        # Looked up by primary key and publication checked on the rows themselves: a
        # status condition in SQL can lead SQLite's planner to scan every published entry.
        entries = {
            pk: entry for pk, entry in Entry.objects.filter(pk__in=ids).select_related("outlet")
            .prefetch_related("authorships__agent", "tags").in_bulk().items()
            if entry.status == EntryStatus.PUBLISHED
        }
        snippets = backend.entry_snippets(compiled, ids)
        for pk, rank in ranked:
            entry = entries.get(pk)
            if entry is not None:
                results.hits.append(_entry_hit(entry, rank, snippets.get(pk)))
        if facets:
            results.facets = entry_facets(match, backend, ids=first[: backend.facet_sample])
            if results.total > backend.facet_sample:
                results.facet_sample = backend.facet_sample
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


def entry_facets(match, backend=None, ids=None):
    """Facet counts over (at most ``backend.facet_sample`` of) the matches, in one SQL query.

    ``match`` is (sql, params) selecting entry ids; ``ids``, when given, the first
    matches already fetched (then ``match`` is not run again). Returns {name: [(value, label,
    count), ...]}, most frequent first (years: newest first); counts are entries.
    """
    backend = backend or get_backend()
    sql, params = match
    entry, outlet, agent = Entry._meta.db_table, Outlet._meta.db_table, Agent._meta.db_table
    authorship, statement = Authorship._meta.db_table, Statement._meta.db_table
    from taggit.models import Tag, TaggedItem

    tag, tagged = Tag._meta.db_table, TaggedItem._meta.db_table
    year = backend.year_sql("e.published_on")
    content_type = ContentType.objects.get_for_model(Entry).pk
    # "c CROSS JOIN x WHERE ...": the candidates drive every join (SQLite keeps the
    # written order of a CROSS JOIN; PostgreSQL plans it as the inner join it is).
    parts = [
        f"SELECT 'outlet', o.slug, o.name, COUNT(*) AS n FROM ce CROSS JOIN {outlet} o "
        f"WHERE o.id = ce.outlet_id GROUP BY o.slug, o.name ORDER BY n DESC, o.name LIMIT {FACET_SIZE}",
        f"SELECT 'author', a.slug, a.name, COUNT(DISTINCT au.entry_id) AS n FROM c CROSS JOIN {authorship} au "
        f"CROSS JOIN {agent} a WHERE au.entry_id = c.id AND a.id = au.agent_id "
        f"GROUP BY a.slug, a.name ORDER BY n DESC, a.name LIMIT {FACET_SIZE}",
        f"SELECT 'tag', t.slug, t.name, COUNT(DISTINCT ti.object_id) AS n FROM c CROSS JOIN {tagged} ti "
        f"CROSS JOIN {tag} t WHERE ti.content_type_id = {int(content_type)} AND ti.object_id = c.id "
        f"AND t.id = ti.tag_id GROUP BY t.slug, t.name ORDER BY n DESC, t.name LIMIT {FACET_SIZE}",
        f"SELECT 'year', ce.year, ce.year, COUNT(*) AS n FROM ce "
        f"WHERE ce.year IS NOT NULL GROUP BY ce.year ORDER BY 2 DESC LIMIT {YEAR_FACET_SIZE}",
        f"SELECT 'speaker', a.slug, a.name, COUNT(DISTINCT s.entry_id) AS n FROM c CROSS JOIN {statement} s "
        f"CROSS JOIN {agent} a WHERE s.entry_id = c.id AND a.id = s.speaker_id AND s.review_status <> 'rejected' "
        f"GROUP BY a.slug, a.name ORDER BY n DESC, a.name LIMIT {FACET_SIZE}",
    ]
    union = " UNION ALL ".join(f"SELECT * FROM ({part}) f{i}" for i, part in enumerate(parts))
    facets = {name: [] for name in FACETS}
    with connections[backend.alias].cursor() as cursor:
        if ids is not None:
            sql, params = backend.ids_sql(ids)
        else:
            sql = f"{sql} LIMIT {int(backend.facet_sample)}"
        # ce: the entry columns two facets need, read once (entry rows are wide).
        cursor.execute(
            f"WITH c(id) AS MATERIALIZED ({sql}), "
            f"ce(outlet_id, year) AS MATERIALIZED (SELECT e.outlet_id, {year} FROM c CROSS JOIN {entry} e "
            f"WHERE e.id = c.id) {union}",
            params,
        )
        for name, value, label, n in cursor.fetchall():
            if name == "year":
                value = int(value)
                label = str(value)
            facets[name].append((value, label, n))
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
    base = public_statements().filter(entry__status=EntryStatus.PUBLISHED).order_by()
    by_speaker = Statement.objects.filter(speaker__slug=speaker).order_by() if speaker else None
    if by_speaker is not None:
        base = base.filter(speaker__slug=speaker)
    with backend.session():
        if compiled.match is not None:
            match = backend.statement_match_sql(compiled.match, _sql(by_speaker) if by_speaker is not None else None)
        elif compiled.excluded is not None:
            match = _sql(base.exclude(pk__in=RawSQL(*backend.statement_match_sql(compiled.excluded))))
        elif query.is_browse:
            match = _sql(base)
        else:
            return results
        results.total, results.total_is_capped = _count(backend, match)
        if not results.total:
            return results
        exact = results.total <= EXACT_RANK_LIMIT
        if compiled.match is not None and not exact:
            results.reachable = CANDIDATES
        results.page = min(page, results.num_pages)
        offset = (results.page - 1) * per_page
        if compiled.match is not None:
            ranked = backend.ranked_statements(
                compiled, _sql(by_speaker) if by_speaker is not None else None, per_page, offset, exact
            )
        else:
            ids = base.filter(pk__in=RawSQL(*match)).order_by(
                F("entry__published_on").desc(nulls_last=True), "-entry_id", "start"
            ).values_list("pk", flat=True)[offset:offset + per_page]
            ranked = [(pk, None) for pk in ids]
        ids = [pk for pk, _ in ranked]
        statements = {
            pk: statement for pk, statement in Statement.objects.filter(pk__in=ids)
            .select_related("entry", "entry__outlet", "speaker").in_bulk().items()
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
