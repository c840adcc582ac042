"""Citation downloads: one entry, one statement, a list (archive, outlet, tag, person,
search), and the unAPI endpoint Zotero asks for an entry's RIS or BibTeX. Thin views:
the scopes are in ``exports.py``, the formats in ``formats.py``.
"""
import itertools

from django.http import Http404, HttpResponse, HttpResponseBadRequest, StreamingHttpResponse
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.views.decorators.http import require_GET

from archive.caching.exports import cached_cite, cached_writer, stored_or_none, with_cached_references
from archive.models import Entry, Statement

from . import csl
from .exports import scope_export
from .formats import BY_EXTENSION, FORMATS, UnknownFormat, get_format
from .records import entry_record, export_queryset, public_statements, statement_record
from .statement import cite_statement
from .styles import STYLES, is_note_style


def _format_for(ext, request):
    """The format a download asks for: by extension, or a style by ``?style=`` for .txt."""
    if ext == "txt":
        return get_format(request.GET.get("style", "apa"))
    try:
        return BY_EXTENSION[ext]
    except KeyError:
        raise UnknownFormat(f"unknown file type .{ext}; choose .bib, .ris, .json or .txt") from None


def _attachment(response, filename):
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _served(response, stem, fmt):
    """A download named after what it holds: a formatted style's text carries the style in
    its name (``qi2025deepseek-apa.txt``) and opens in the browser (plain text, to read or
    copy); the data formats download as files for reference managers."""
    if fmt.name in STYLES:
        response["Content-Disposition"] = f'inline; filename="{stem}-{fmt.name}.{fmt.extension}"'
        return response
    return _attachment(response, f"{stem}.{fmt.extension}")


@require_GET
def entry_export(request, slug, ext):
    entry = get_object_or_404(export_queryset(Entry.objects.filter(slug=slug)))
    try:
        fmt = _format_for(ext, request)
    except UnknownFormat as exc:
        return HttpResponseBadRequest(str(exc), content_type="text/plain; charset=utf-8")
    item = csl.to_csl(entry_record(entry, request))
    # A style's reference (and a note style's note) from the cache per entry and style, as
    # the entry page's Cite section and the list exports take them: formatting one
    # reference was about a quarter of a formatted citation file's time.
    body = "".join(cached_writer(fmt)([item]))
    if fmt.name in STYLES and is_note_style(fmt.name):  # a note style: the note, then the bibliography entry
        body = f"{cached_cite(item, fmt.name)}\n\n{body}"
    return _served(HttpResponse(body, content_type=fmt.content_type), item["id"], fmt)


@require_GET
def statement_export(request, pk, ext):
    statement = get_object_or_404(public_statements(Statement.objects.filter(pk=pk)))
    try:
        fmt = _format_for(ext, request)
    except UnknownFormat as exc:
        return HttpResponseBadRequest(str(exc), content_type="text/plain; charset=utf-8")
    record = statement_record(statement, request)
    item = csl.statement_item(record)
    if fmt.name in STYLES:  # the style's own way of citing a quoted source, then the reference
        citation = cite_statement(record, fmt.name)
        body = f"{citation.in_text}\n\n{citation.reference}\n"
    else:  # a data format (also as cite.txt?style=bibtex): the entry's record with the statement in its note
        body = "".join(fmt.write([item]))
    return _served(HttpResponse(body, content_type=fmt.content_type), item["id"], fmt)


@require_GET
def list_export(request, scope, ext, slug=None):
    """A whole list in one file, streamed: the first bytes leave before the last entry is read."""
    try:
        fmt = _format_for(ext, request)
    except UnknownFormat as exc:
        return HttpResponseBadRequest(str(exc), content_type="text/plain; charset=utf-8")
    # Formatted references come from the cache per entry and style (archive/caching/exports.py).
    chunks, stem = scope_export(with_cached_references(fmt), scope, slug, request.GET, request)
    # A list too long to write within a second is built once in the background and
    # served from its stored file until the archive changes (D2).
    stored = stored_or_none(request, scope, slug, ext, fmt)
    if stored is not None:
        return _served(stored, stem, fmt) if stored.status_code == 200 else stored
    # The first chunk is made here, in the view: a database that cannot be reached
    # answers 503 in plain text before any byte of a 200 has left (D7).
    chunks = (chunk.encode("utf-8") for chunk in chunks)
    first = next(chunks, b"")
    response = StreamingHttpResponse(itertools.chain([first], chunks), content_type=fmt.content_type)
    return _served(response, stem, fmt)


# --- unAPI (http://unapi.info/specs/): Zotero prefers it to meta tags ---------------

# The type each format is listed with is the type it is served with (formats.py).
UNAPI_FORMATS = {
    name: (FORMATS[name].content_type.split(";")[0], name) for name in ("ris", "bibtex", "csl-json")
}


def unapi_id(entry):
    return f"entry:{entry.pk}"


@require_GET
def unapi(request):
    identifier = request.GET.get("id", "")
    format_name = request.GET.get("format", "")
    entry = None
    if identifier:
        prefix, _, pk = identifier.partition(":")
        if prefix != "entry" or not pk.isdigit():
            raise Http404("No such identifier.")
        entry = export_queryset(Entry.objects.filter(pk=int(pk))).first()
        if entry is None:
            raise Http404("No such identifier.")
    if not format_name:
        xml = render_to_string("citations/unapi_formats.xml", {"id": identifier, "formats": UNAPI_FORMATS})
        # unAPI: 300 Multiple Choices when an id is given without a format.
        return HttpResponse(xml, content_type="application/xml; charset=utf-8", status=300 if identifier else 200)
    if format_name not in UNAPI_FORMATS:
        return HttpResponse(f"Format {format_name!r} is not offered.", status=406,
                            content_type="text/plain; charset=utf-8")
    if entry is None:
        return HttpResponseBadRequest("unAPI: a format needs an id.", content_type="text/plain; charset=utf-8")
    fmt = FORMATS[format_name]
    item = csl.to_csl(entry_record(entry, request))
    return HttpResponse("".join(fmt.write([item])), content_type=fmt.content_type)
