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
from . import records as records_module  # access_date through the module: tests replace it there
from .lists import statement_list
from .records import KeySuffixes, entry_record, iter_entry_records, public_statements, statement_record
from .styles import STYLES

SEARCH_FILTERS = ("outlet", "author", "speaker", "tag", "year", "date_from", "date_to", "has_statements")


def entry_items(queryset=None, request=None, title_case=True):
    """CSL items of the published entries in ``queryset``, each with its archive-wide key.
    ``title_case=False`` for formats that carry titles as published (faster)."""
    return (csl.to_csl(record) for record in iter_entry_records(queryset, request, title_case=title_case))


def sorted_entry_items(queryset=None, request=None, style_key="apa", chunk_size=500):
    """CSL items of the published entries in ``queryset`` in the style's reference-list order.

    Two passes keep memory to a sort key per entry, not the entries: the first reads the
    light records (no bodies) and sorts their keys; the second reads the full records in
    that order, ``chunk_size`` at a time. The first line therefore leaves after the first
    pass, not at once as for the data formats."""
    from .styles import sort_key

    accessed, suffixes = records_module.access_date(), KeySuffixes()
    keyed = sorted(
        (sort_key(csl.to_csl(record), style_key), record.id)
        for record in iter_entry_records(queryset, request, title_case=False, accessed=accessed,
                                         key_suffixes=suffixes)
    )
    ids = [pk for _, pk in keyed]
    del keyed
    for start in range(0, len(ids), chunk_size):
        chunk = ids[start:start + chunk_size]
        records = {record.id: record for record in iter_entry_records(
            Entry.objects.filter(pk__in=chunk), request, chunk_size=chunk_size, first_chunk=chunk_size,
            accessed=accessed, key_suffixes=suffixes)}
        for pk in chunk:
            if pk in records:  # unpublished between the passes: left out
                yield csl.to_csl(records[pk])


def statement_records(queryset=None, request=None, chunk_size=500):
    """Records of public statements (entry by entry, in text order), each with its entry's record."""
    last = (None, None)
    suffixes, accessed = KeySuffixes(), records_module.access_date()
    for statement in public_statements(queryset).iterator(chunk_size=chunk_size):
        if last[0] != statement.entry_id:
            last = (statement.entry_id, entry_record(statement.entry, request, key_suffixes=suffixes,
                                                     accessed=accessed))
        yield statement_record(statement, request, entry_rec=last[1])
        statement.entry._prefetched_objects_cache = {}  # break the entry <-> prefetched rows cycle


def statement_items(queryset=None, request=None, chunk_size=500):
    """CSL items of public statements, each the entry plus speaker and words."""
    return (csl.statement_item(record) for record in statement_records(queryset, request, chunk_size))


def write_entries(fmt, queryset=None, request=None):
    """Text chunks of ``fmt`` for the published entries in ``queryset``: a formatted style
    in its own order (alphabetical), a data format in the archive's (by id, streamed)."""
    if fmt.name in STYLES:
        return fmt.write(sorted_entry_items(queryset, request, fmt.name))
    return fmt.write(entry_items(queryset, request, fmt.title_case))


def write_statements(fmt, queryset=None, request=None):
    """Text chunks of ``fmt`` for public statements: a formatted style cites each statement
    once in its statement form, then lists the entries (``lists.statement_list``); a data
    format has one record per statement (the entry with the statement in its note)."""
    if fmt.name in STYLES:
        return statement_list(statement_records(queryset, request), fmt.name)
    return fmt.write(statement_items(queryset, request))


def search_queryset(params):
    """Entries matching the search page's query and filters (same parameters as /search/)."""
    from archive.search import entry_ids_matching

    filters = {key: params.get(key) for key in SEARCH_FILTERS if params.get(key)}
    return Entry.objects.filter(pk__in=list(entry_ids_matching(params.get("q", ""), filters)))


def scope_queryset(scope, slug=None, params=None):
    """(kind, queryset, file name stem) for a list scope, kind "entries" or "statements";
    404 for an unknown outlet, tag or person."""
    from archive.views.browse import public_outlets, public_people, public_tags  # D6: drafts-only names are unknown

    params = params or {}
    if scope == "archive":
        return "entries", None, "archive"
    if scope == "outlet":
        outlet = get_object_or_404(public_outlets(), slug=slug)
        return "entries", Entry.objects.filter(outlet=outlet), f"outlet-{outlet.slug}"
    if scope == "tag":
        tag = get_object_or_404(public_tags(), slug=slug)
        return "entries", Entry.objects.filter(pk__in=Entry.objects.filter(tags=tag).values("pk")), f"tag-{tag.slug}"
    if scope == "person":
        agent = get_object_or_404(public_people(), slug=slug)
        return "statements", Statement.objects.filter(speaker=agent), f"statements-{agent.slug}"
    if scope == "search":
        return "entries", search_queryset(params), "search"
    raise Http404("No such export.")


def scope_items(scope, slug=None, params=None, request=None, title_case=True):
    """(CSL items, file name stem) for a list scope, in the archive's order."""
    kind, queryset, stem = scope_queryset(scope, slug, params)
    if kind == "statements":
        return statement_items(queryset, request), stem
    return entry_items(queryset, request, title_case), stem


def scope_export(fmt, scope, slug=None, params=None, request=None):
    """(text chunks in format ``fmt``, file name stem) for a list scope (``write_entries``,
    ``write_statements``)."""
    kind, queryset, stem = scope_queryset(scope, slug, params)
    write = write_statements if kind == "statements" else write_entries
    return write(fmt, queryset, request), stem
