"""Public pages for one record: the home page, an entry, a person (name record), an outlet.

Thin views: the queries live in ``listing`` and the models; every page makes a fixed
number of SQL queries however many entries or statements it shows.
"""
import datetime

from django.db.models import F
from django.http import Http404
from django.shortcuts import get_object_or_404, render

from archive.models import Agent, Authorship, Entry, Statement
from archive.search.hits import load_hits
from archive.statement_text import sentence_around

from . import structured
from .browse import outlet_counts, popular_tags, public_outlets, year_counts
from .cached import archive_fingerprint, cached
from .listing import also_quoted_in, entries_for_display, paginate, person_statement_groups, public_entries, simple_pager
from .params import pagination_links_data
from .rows import statement_links

HOME_LATEST = 10
PERSON_ENTRIES = 20
PERSON_STATEMENT_GROUPS = 50


def home(request):
    """Search box, the latest entries and the ways in: outlets, years, people, tags."""
    entries = list(public_entries()[:HOME_LATEST])
    fingerprint = archive_fingerprint()
    return render(request, "archive/home.html", {
        "entries": entries,
        "outlets": cached("outlets", outlet_counts, fingerprint),
        "years": cached("years", year_counts, fingerprint)[:12],
        "tags": cached("tags", popular_tags, fingerprint, 20),
        "page_meta": {"title": "Commentary Archive", "canonical": "/", "og_type": "website",
                      "description": "Published commentaries and op-eds, and every statement they quote."},
        "jsonld": {"@context": "https://schema.org", "@type": "WebSite", "name": "Commentary Archive",
                   "url": structured.absolute("/"),
                   "potentialAction": {"@type": "SearchAction",
                                       "target": structured.absolute("/search/?q={query}"),
                                       "query-input": "required name=query"}},
    })


def entry_detail(request, slug):
    """One published entry: metadata, the body with each statement marked, the people it quotes."""
    # Editors may preview a draft; everyone else gets 404 until it is published.
    can_preview = request.user.is_authenticated and request.user.is_staff
    entry = get_object_or_404(entries_for_display() if can_preview else public_entries(), slug=slug)
    statements = list(
        entry.statements.exclude(review_status=Statement.Review.REJECTED).select_related("speaker").order_by("start", "pk")
    )
    speakers, seen = [], {}
    for statement in statements:
        if statement.speaker_id is None:
            continue
        if statement.speaker_id not in seen:
            seen[statement.speaker_id] = {"agent": statement.speaker, "statements": []}
            speakers.append(seen[statement.speaker_id])
        seen[statement.speaker_id]["statements"].append(statement)
    also = also_quoted_in([s for s in statements if s.group_id], exclude_entry=entry.pk)
    for statement in statements:
        statement.also_quoted_in = also.get(statement.group_id, [])
    return render(request, "archive/entry_detail.html", {
        "entry": entry,
        "authorships": list(entry.authorships.all()),
        "tags": list(entry.tags.all()),
        "statements": statements,
        "speakers": speakers,
        "unattributed": [s for s in statements if s.speaker_id is None],
        "any_reported": any(s.is_reported for s in statements),
        "page_meta": {"title": entry.title or "Untitled entry", "canonical": entry.get_absolute_url(),
                      "og_type": "article", "description": entry.synopsis or entry.body[:200],
                      "noindex": not entry.is_published},
        "jsonld": structured.entry_jsonld(entry, [s["agent"] for s in speakers]),
    })


def person_detail(request, slug):
    """A name record: who they are, what they wrote, and each thing they said once with every place quoting it."""
    agent = get_object_or_404(Agent, slug=slug)
    written = Entry.objects.published().filter(pk__in=Authorship.objects.filter(agent=agent).values("entry_id"))
    entries_total = written.count()
    groups, groups_total, page, num_pages = person_statement_groups(agent, request.GET.get("page", 1),
                                                                    PERSON_STATEMENT_GROUPS)
    if not entries_total and not groups_total:
        raise Http404("No published entry names this person.")
    for statement in groups:
        body = statement.entry.body or ""
        if statement.needs_anchor or body[statement.start:statement.end] != statement.quote:
            statement.sentence = ("", statement.quote, "")
        else:
            statement.sentence = sentence_around(body, statement.start, statement.end)
    statement_links(groups)
    # The first entries written, loaded as search hits are (authors and tags in one query
    # each, no body): a prefetch built a queryset per entry, a fifth of the page.
    entries = []
    if entries_total:
        first = written.order_by(F("published_on").desc(nulls_last=True), "-pk").values("pk")[:PERSON_ENTRIES]
        entries = sorted(load_hits(first).values(), reverse=True,
                         key=lambda e: (e.published_on is not None, e.published_on or datetime.date.min, e.pk))
    aliases = list(agent.aliases.all())
    pager = pagination_links_data(page, num_pages, lambda n: f"page={n}" if n > 1 else "")
    canonical = agent.get_absolute_url() + (f"?page={page}" if page > 1 else "")
    return render(request, "archive/person_detail.html", {
        "agent": agent,
        "aliases": aliases,
        "identifiers": structured.identifier_links(agent),
        "entries": entries,
        "entries_total": entries_total,
        "statement_groups": groups,
        "statement_groups_total": groups_total,
        "pager": pager,
        "page_meta": {"title": agent.name, "canonical": canonical, "og_type": "profile",
                      "description": agent.description or f"{agent.name} in the Commentary Archive"},
        "jsonld": structured.agent_jsonld(agent, aliases),
    })


def outlet_detail(request, slug):
    """An outlet and its published entries, newest first."""
    outlet = get_object_or_404(public_outlets(), slug=slug)
    page = paginate(request, public_entries().filter(outlet=outlet), count_key=("outlet", outlet.pk))
    canonical = outlet.get_absolute_url() + (f"?page={page.number}" if page.number > 1 else "")
    return render(request, "archive/outlet_detail.html", {
        "outlet": outlet,
        "page": page,
        "entries": list(page.object_list),
        "pager": simple_pager(request, page),
        "page_meta": {"title": outlet.name, "canonical": canonical, "og_type": "website",
                      "description": f"Commentaries published by {outlet.name}"},
        "jsonld": structured.collection_jsonld(outlet.name, outlet.get_absolute_url()),
    })
