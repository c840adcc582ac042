"""The search pages: entries (/search/) and quoted statements (/statements/).

The views read and clean the parameters (``params``), ask the one search interface
(``archive.search``) for a page of results, and lay them out; they never build queries.
"""
import logging

from django.db import DatabaseError
from django.db.models import Prefetch, prefetch_related_objects
from django.shortcuts import render

from archive.models import Authorship
from archive.search.timing import part

from .browse import public_people
from .rows import statement_links
from .params import (
    FILTER_LABELS, cap_page, clean_text, max_page, pagination_links_data, parse_page, parse_search_params, parse_slug,
)

logger = logging.getLogger(__name__)

PER_PAGE = 20
#: Why a search gave no page, as the visitor reads it. The status is 503 either way,
#: so monitoring and tests see a failure that the friendly page would otherwise hide.
FAILED = "The search could not be run just now. Please try again, or try different words."
TIMED_OUT = ("This search took too long and was stopped. Try fewer words or fewer word beginnings (econom*), "
             "or narrow it with a filter.")
FACET_ORDER = ("outlet", "author", "speaker", "tag", "year")
FACET_TITLES = {"outlet": "Outlet", "author": "Author", "speaker": "Speaker", "tag": "Tag", "year": "Year"}
FACET_SHOWN = 10


def _search_backend():
    from archive import search

    return search


def _failure(error, q):
    """The message for a search that raised ``error`` (a DatabaseError), logged."""
    if isinstance(error, _search_backend().SearchTimeout):
        logger.warning("search stopped after its time budget: %r", q)
        return TIMED_OUT
    logger.exception("search failed for %r", q)
    return FAILED


def search_entries_page(request):
    """Full-text search over published entries, with filters, facets, sort and pages."""
    params = parse_search_params(request.GET)
    params.page, note = cap_page(params.page, PER_PAGE)
    if note:
        params.problems.append(note)
    results, failure = None, None
    try:
        results = _search_backend().search_entries(
            params.q, filters=params.filters, sort=params.sort, page=params.page, per_page=PER_PAGE, facets=True,
        )
    except DatabaseError as error:
        failure = _failure(error, params.q)
    entries = []
    if results is not None:
        entries = [hit.entry for hit in results.hits]
        for hit in results.hits:
            hit.entry.snippet_html = hit.snippet_html
            hit.entry.title_html = getattr(hit, "title_html", "")
        with part("hits"):
            prefetch_related_objects(
                entries, "outlet",
                Prefetch("authorships", queryset=Authorship.objects.select_related("agent").order_by("position", "pk")),
                "tags",
            )
        for name in getattr(results, "ignored_filters", []) or []:
            params.problems.append(f"Ignored the {FILTER_LABELS.get(name, name)} filter: its value could not be read.")
    canonical_qs = params.querystring()
    with part("render"):
        return _render_search(request, params, results, entries, failure, canonical_qs)


def _render_search(request, params, results, entries, failure, canonical_qs):
    return render(request, "archive/search.html", {
        "params": params,
        "results": results,
        "entries": entries,
        "failure": failure,
        "facets": _facet_links(params, results),
        "active_filters": params.active_filters(),
        "filter_names": _filter_names(params),
        "sorts": [("relevance", "Relevance"), ("newest", "Newest first"), ("oldest", "Oldest first")],
        "pager": _pager(params, results),
        "last_page_link": _last_page_link(params, results),
        # Relevance ranking of a very common query stops after its best results; the
        # date sorts page through every match (up to the count), so the page links them.
        "by_date": {sort: "?" + params.querystring(sort=sort, page=None) for sort in ("newest", "oldest")},
        "page_meta": {"title": f"Search: {params.q}" if params.q else "Search", "noindex": True,
                      "canonical": "/search/" + ("?" + canonical_qs if canonical_qs else ""),
                      "description": "Search the Commentary Archive"},
    }, status=503 if failure else 200)


def _pager(params, results):
    if results is None or not results.hits:
        return None
    return pagination_links_data(results.page, min(results.num_pages, max_page(PER_PAGE)),
                                 lambda n: params.querystring(page=n))


def _last_page_link(params, results):
    """On a page past the end, a link back to the last page that has results."""
    if results is None or results.hits or not results.total or params.page <= 1:
        return None
    return "?" + params.querystring(page=results.num_pages)


def _facet_links(params, results):
    """For each facet: (title, key, [(label, count, href, selected)]) for the current query."""
    if results is None or not getattr(results, "facets", None):
        return []
    out = []
    for key in FACET_ORDER:
        values = results.facets.get(key) or []
        if not values:
            continue
        current = params.raw_filters.get(key)
        links = []
        for value, label, count in values[:FACET_SHOWN]:
            selected = current is not None and str(current) == str(value)
            href = "?" + params.querystring(**{key: None if selected else value, "page": None})
            links.append((label, count, href, selected))
        out.append((FACET_TITLES[key], key, links))
    return out


def _filter_names(params):
    """Display names for the active slug filters, so a chip reads "Qi Dapeng", not "qi-dapeng".

    Only public records are named: a person, outlet or tag seen only in drafts or in
    rejected statements reads exactly like an unknown slug (its slug, as typed).
    """
    from .browse import public_outlets, public_people, public_tags

    names = {}
    agent_slugs = [params.raw_filters[k] for k in ("author", "speaker") if k in params.raw_filters]
    if agent_slugs:
        found = dict(public_people().filter(slug__in=agent_slugs).values_list("slug", "name"))
        for key in ("author", "speaker"):
            if key in params.raw_filters:
                names[key] = found.get(params.raw_filters[key], params.raw_filters[key])
    if "outlet" in params.raw_filters:
        names["outlet"] = public_outlets().filter(slug=params.raw_filters["outlet"]).values_list("name", flat=True).first() \
            or params.raw_filters["outlet"]
    if "tag" in params.raw_filters:
        names["tag"] = public_tags().filter(slug=params.raw_filters["tag"]).values_list("name", flat=True).first() \
            or params.raw_filters["tag"]
    return names


def search_statements_page(request):
    """Search quoted statements by their words, optionally one speaker's only."""
    q = clean_text(request.GET.get("q", ""))
    raw_speaker = (request.GET.get("speaker") or "").strip()
    speaker_slug = parse_slug(raw_speaker) if raw_speaker else None
    problems = []
    if raw_speaker and speaker_slug is None:
        problems.append(f"Ignored the speaker filter: “{clean_text(raw_speaker, 60)}” is not a valid name.")
    # A name seen only in drafts or rejected statements reads exactly like an unknown one.
    speaker = public_people().filter(slug=speaker_slug).first() if speaker_slug else None
    if speaker_slug and speaker is None:
        problems.append(f"No one called “{speaker_slug}” is in the archive; showing every speaker.")
        speaker_slug = None
    page, note = cap_page(parse_page(request.GET.get("page", 1)), PER_PAGE)
    if note:
        problems.append(note)
    results, failure = None, None
    try:
        results = _search_backend().search_statements(q, speaker=speaker_slug, page=page, per_page=PER_PAGE)
    except DatabaseError as error:
        failure = _failure(error, q)

    def qs(n=None, drop_speaker=False):
        from urllib.parse import urlencode
        items = [("q", q)] if q else []
        if speaker_slug and not drop_speaker:
            items.append(("speaker", speaker_slug))
        if n and n > 1:
            items.append(("page", n))
        return urlencode(items)

    if results is not None:
        statement_links([hit.statement for hit in results.hits])
    pager = None
    if results is not None and results.hits:
        pager = pagination_links_data(results.page, min(results.num_pages, max_page(PER_PAGE)), qs)
    canonical_qs = qs(page)
    return render(request, "archive/statements.html", {
        "q": q,
        "speaker": speaker,
        "problems": problems,
        "results": results,
        "failure": failure,
        "pager": pager,
        "ranked_limit": results.ranked_limit if results is not None else None,
        "drop_speaker": "?" + qs(drop_speaker=True) if speaker else None,
        "page_meta": {"title": f"Statements: {q}" if q else "Statements", "noindex": True,
                      "canonical": "/statements/" + ("?" + canonical_qs if canonical_qs else ""),
                      "description": "Search the statements quoted in the Commentary Archive"},
    }, status=503 if failure else 200)
