"""Read-only JSON API over the public archive: plain Django views returning JsonResponse.

The same parameter reading (``archive.views.params``), search interface and public
querysets as the HTML pages, so the API and the site never disagree about what is
published or what a filter means.
"""
import logging
from functools import wraps
from urllib.parse import urlencode

from django.db import DatabaseError
from django.db.models import Prefetch, prefetch_related_objects
from django.http import JsonResponse
from django.views.decorators.csrf import csrf_exempt

from archive.models import Agent, Authorship, Statement
from archive.views.listing import person_statement_groups, public_entries
from archive.views.params import cap_page, clean_text, max_page, parse_page, parse_search_params, parse_slug

from . import serializers as ser

logger = logging.getLogger(__name__)
DEFAULT_PER_PAGE = 20
MAX_PER_PAGE = 100
PERSON_LIST = 50


def _json(data, status=200):
    response = JsonResponse(data, status=status, json_dumps_params={"ensure_ascii": False})
    response["Access-Control-Allow-Origin"] = "*"
    return response


def _error(message, status):
    return _json({"error": message, "status": status}, status=status)


def read_only(view):
    """GET and HEAD only; any other method gets a JSON 405 with ``Allow``.

    CSRF-exempt: nothing here changes anything, and without the exemption Django's CSRF
    check answers a POST first, with a 403 HTML page, before the method is looked at.
    """
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if request.method not in ("GET", "HEAD"):
            response = _error(f"{request.method} is not allowed: this API is read-only (GET, HEAD).", 405)
            response["Allow"] = "GET, HEAD"
            return response
        return view(request, *args, **kwargs)

    return csrf_exempt(wrapped)


def _search_failed(error, what):
    """The JSON 503 for a search that raised ``error``, logged."""
    if isinstance(error, _search_backend().SearchTimeout):
        logger.warning("API %s stopped after its time budget", what)
        return _error("The search took too long and was stopped. Try fewer words or fewer word beginnings.", 503)
    logger.exception("API %s failed", what)
    return _error("The search could not be run just now.", 503)


def _per_page(request):
    value = parse_page(request.GET.get("per_page", DEFAULT_PER_PAGE))
    return min(value, MAX_PER_PAGE)


def _page_links(request, links, page, num_pages, make_qs):
    path = request.path

    def url(n):
        qs = make_qs(n)
        return links(path + ("?" + qs if qs else ""))

    return {
        "self": url(page),
        "first": url(1),
        "last": url(num_pages),
        "next": url(page + 1) if page < num_pages else None,
        "previous": url(page - 1) if page > 1 else None,
    }


def _search_backend():
    from archive import search

    return search


@read_only
def index(request):
    """GET /api/: the endpoints, so a client can start from one address."""
    links = ser.Links(request)
    return _json({
        "entries": links("/api/entries/"),
        "entry": links("/api/entries/") + "{id}/",
        "person": links("/api/people/") + "{id}/",
        "statements": links("/api/statements/"),
        "parameters": {
            "entries": ["q", "outlet", "author", "speaker", "tag", "year", "date_from", "date_to", "has_statements",
                        "sort", "page", "per_page"],
            "statements": ["q", "speaker", "page", "per_page"],
        },
        "documentation": "docs/site.md (JSON API)",
    })


@read_only
def entries(request):
    """GET /api/entries/?q=&outlet=&author=&speaker=&tag=&year=&date_from=&date_to=&has_statements=&sort=&page=&per_page="""
    links = ser.Links(request)
    params = parse_search_params(request.GET)
    per_page = _per_page(request)
    params.page, note = cap_page(params.page, per_page)
    if note:
        params.problems.append(note)
    try:
        results = _search_backend().search_entries(
            params.q, filters=params.filters, sort=params.sort, page=params.page, per_page=per_page, facets=True)
    except DatabaseError as error:
        return _search_failed(error, f"search for {params.q!r}")
    hit_entries = [hit.entry for hit in results.hits]
    prefetch_related_objects(
        hit_entries, "outlet",
        Prefetch("authorships", queryset=Authorship.objects.select_related("agent").order_by("position", "pk")),
        "tags",
    )
    problems = list(params.problems) + [f"ignored filter: {name}" for name in results.ignored_filters or []]

    def qs(n, **changes):
        extra = {"per_page": per_page} if per_page != DEFAULT_PER_PAGE else {}
        base = params.querystring(page=n, **changes)
        return "&".join(part for part in (base, urlencode(extra)) if part)

    facets = {}
    for name, values in (results.facets or {}).items():
        current = params.raw_filters.get(name)
        facets[name] = [
            {"value": value, "label": label, "count": count,
             "selected": current is not None and str(current) == str(value),
             "filter_url": links(request.path + "?" + qs(1, **{name: value}))}
            for value, label, count in values
        ]
    page_links = _page_links(request, links, results.page, min(results.num_pages, max_page(per_page)), qs)
    # Where to page through every match when relevance ranking stops early.
    page_links["by_date"] = links(request.path + "?" + qs(1, sort="newest")) if results.ranked_limit else None
    return _json({
        "query": {
            "q": params.q,
            "understood_as": results.query.understood_as,
            "ignored": list(results.query.ignored),
            "notes": list(results.query.notes),
            "filters": {k: v for k, v in params.raw_filters.items()},
            "sort": params.sort,
            "problems": problems,
        },
        "count": results.total,
        "count_is_capped": results.total_is_capped,
        "count_display": results.total_display,
        "page": results.page,
        "per_page": results.per_page,
        "num_pages": results.num_pages,
        "ranked_limit": results.ranked_limit,
        "links": page_links,
        "results": [
            {**ser.entry_summary(hit.entry, links), "snippet_html": hit.snippet_html, "rank": hit.rank}
            for hit in results.hits
        ],
        "facets": facets,
        "facets_exact": results.facets_exact,
        "facet_sample": results.facet_sample,
        "facet_sample_of": results.facet_sample_of,
        "facet_note": results.facet_note,
    })


@read_only
def entry(request, entry_id):
    """GET /api/entries/<id>/: one published entry with its body, statements and speakers."""
    links = ser.Links(request)
    found = public_entries().select_related("series").filter(pk=entry_id).first()
    if found is None:
        return _error(f"No published entry has id {entry_id}.", 404)
    statements = list(
        found.statements.exclude(review_status=Statement.Review.REJECTED).select_related("speaker").order_by("start", "pk")
    )
    for s in statements:
        s.entry = found
    return _json(ser.entry_detail(found, statements, links))


@read_only
def person(request, agent_id):
    """GET /api/people/<id>/: a name record, the entries it wrote, what it said (one per statement group)."""
    links = ser.Links(request)
    agent = Agent.objects.filter(pk=agent_id).first()
    if agent is None:
        return _error(f"No person or body has id {agent_id}.", 404)
    written = public_entries().filter(authorships__agent=agent).distinct()
    written_count = written.count()
    groups, groups_total, _, _ = person_statement_groups(agent, 1, PERSON_LIST)
    if not written_count and not groups_total:
        return _error(f"No person or body has id {agent_id}.", 404)
    data = ser.person_detail(agent, list(agent.aliases.all()), links)
    data["entries_written"] = {
        "count": written_count,
        "results": [ser.entry_summary(e, links) for e in written[:PERSON_LIST]],
        "more_url": links("/api/entries/?" + urlencode({"author": agent.slug, "sort": "newest"})),
    }
    data["statements"] = {
        "count": groups_total,
        "results": [
            {**ser.statement_data(s, links, with_entry=True),
             "also_quoted_in": [{**ser.entry_ref(p["entry"], links),
                                 "statement_url": links(p["entry"].get_absolute_url() + "#" + p["anchor"])}
                                for p in s.also_quoted_in]}
            for s in groups
        ],
        "more_url": links("/api/statements/?" + urlencode({"speaker": agent.slug})),
    }
    return _json(data)


@read_only
def statements(request):
    """GET /api/statements/?q=&speaker=&page=&per_page=: quoted statements matching the words."""
    links = ser.Links(request)
    q = clean_text(request.GET.get("q", ""))
    raw_speaker = (request.GET.get("speaker") or "").strip()
    speaker = parse_slug(raw_speaker) if raw_speaker else None
    problems = []
    if raw_speaker and speaker is None:
        problems.append("ignored filter: speaker")
    page, per_page = parse_page(request.GET.get("page", 1)), _per_page(request)
    page, note = cap_page(page, per_page)
    if note:
        problems.append(note)
    try:
        results = _search_backend().search_statements(q, speaker=speaker, page=page, per_page=per_page)
    except DatabaseError as error:
        return _search_failed(error, f"statement search for {q!r}")

    def qs(n):
        items = [("q", q)] if q else []
        if speaker:
            items.append(("speaker", speaker))
        if n > 1:
            items.append(("page", n))
        if per_page != DEFAULT_PER_PAGE:
            items.append(("per_page", per_page))
        return urlencode(items)

    return _json({
        "query": {"q": q, "understood_as": results.query.understood_as, "ignored": list(results.query.ignored),
                  "notes": list(results.query.notes), "speaker": speaker, "problems": problems},
        "count": results.total,
        "count_is_capped": results.total_is_capped,
        "count_display": results.total_display,
        "page": results.page,
        "per_page": results.per_page,
        "num_pages": results.num_pages,
        "ranked_limit": results.ranked_limit,
        "links": _page_links(request, links, results.page, min(results.num_pages, max_page(per_page)), qs),
        "results": [
            {**ser.statement_data(hit.statement, links, with_entry=True), "snippet_html": hit.snippet_html,
             "rank": hit.rank}
            for hit in results.hits
        ],
    })
