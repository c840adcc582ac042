"""Django glue for exports: which entries or statements a scope means, as CSL items.

Scopes: the whole archive, an outlet, a tag, a person (the statements they made), a
search (the search page's query and filters, through ``archive.search``), or a chosen
set of entries (the admin action). Items are produced lazily, so a response or a file
can be written while the database is still being read: memory stays flat.
"""
from django.http import Http404
from django.shortcuts import get_object_or_404

from archive.models import Entry, Statement

from . import csl
from .records import KeySuffixes, access_date, entry_record, iter_entry_records, public_statements, statement_record

SEARCH_FILTERS = ("outlet", "author", "speaker", "tag", "year", "date_from", "date_to", "has_statements")


def entry_items(queryset=None, request=None, title_case=True):
    """CSL items of the published entries in ``queryset``, each with its archive-wide key.
    ``title_case=False`` for formats that carry titles as published (faster)."""
    return (csl.to_csl(record) for record in iter_entry_records(queryset, request, title_case=title_case))


def statement_items(queryset=None, request=None, chunk_size=500):
    """CSL items of public statements, each the entry plus speaker and words."""
    last = (None, None)
    suffixes, accessed = KeySuffixes(), access_date()
    for statement in public_statements(queryset).iterator(chunk_size=chunk_size):
        if last[0] != statement.entry_id:
            last = (statement.entry_id, entry_record(statement.entry, request, key_suffixes=suffixes,
                                                     accessed=accessed))
        yield csl.statement_item(statement_record(statement, request, entry_rec=last[1]))
        statement.entry._prefetched_objects_cache = {}  # break the entry <-> prefetched rows cycle


def search_queryset(params):
    """Entries matching the search page's query and filters (same parameters as /search/)."""
    from archive.search import entry_ids_matching

    filters = {key: params.get(key) for key in SEARCH_FILTERS if params.get(key)}
    return Entry.objects.filter(pk__in=list(entry_ids_matching(params.get("q", ""), filters)))


def scope_items(scope, slug=None, params=None, request=None, title_case=True):
    """(items, file name stem) for a list scope; 404 for an unknown outlet, tag or person."""
    from archive.views.browse import public_outlets, public_people, public_tags  # D6: drafts-only names are unknown

    params = params or {}
    if scope == "archive":
        return entry_items(None, request, title_case), "archive"
    if scope == "outlet":
        outlet = get_object_or_404(public_outlets(), slug=slug)
        return entry_items(Entry.objects.filter(outlet=outlet), request, title_case), f"outlet-{outlet.slug}"
    if scope == "tag":
        tag = get_object_or_404(public_tags(), slug=slug)
        queryset = Entry.objects.filter(pk__in=Entry.objects.filter(tags=tag).values("pk"))
        return entry_items(queryset, request, title_case), f"tag-{tag.slug}"
    if scope == "person":
        agent = get_object_or_404(public_people(), slug=slug)
        return statement_items(Statement.objects.filter(speaker=agent), request), f"statements-{agent.slug}"
    if scope == "search":
        return entry_items(search_queryset(params), request, title_case), "search"
    raise Http404("No such export.")
