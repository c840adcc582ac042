"""The OAI-PMH 2.0 endpoint at /oai/: one view that checks the request and answers each verb.

GET and POST (application/x-www-form-urlencoded) are equivalent (spec 3.1.1.1).
Errors are OAI documents with HTTP 200, as the protocol requires.
"""
import datetime

from django.conf import settings
from django.http import HttpResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from . import repository, tokens, xml
from .protocol import OAIError, check, datestamp, parse_datestamp

PREFIXES = ("oai_dc",)


def page_size():
    return int(getattr(settings, "OAI_PAGE_SIZE", 100))


@csrf_exempt
@require_http_methods(["GET", "POST"])
def endpoint(request):
    params = dict((request.POST if request.method == "POST" else request.GET).lists())
    base_url = request.build_absolute_uri(request.path)
    request_args = {}
    try:
        verb, args = check(params)
        request_args = {"verb": verb, **args}
        body = HANDLERS[verb](request, args, base_url)
    except OAIError as exc:
        if exc.code in ("badVerb", "badArgument"):
            request_args = {}
        body = xml.error(exc.code, exc.message)
    now = datestamp(datetime.datetime.now(datetime.timezone.utc))
    return HttpResponse(xml.envelope(now, base_url, body, request_args), content_type="text/xml; charset=utf-8")


def identify(request, args, base_url):
    return xml.identify(
        getattr(settings, "ARCHIVE_SITE_NAME", "Commentary Archive"), base_url,
        getattr(settings, "OAI_ADMIN_EMAIL", "archive@" + repository.repository_identifier()),
        repository.earliest_datestamp(), repository.repository_identifier(),
    )


def _find(identifier):
    entry_id = repository.entry_id_from(identifier)
    found = repository.find(entry_id) if entry_id is not None else None
    if found is None:
        raise OAIError("idDoesNotExist", f"{identifier!r} is not an identifier in this repository.")
    return found


def list_metadata_formats(request, args, base_url):
    if "identifier" in args:
        kind, obj = _find(args["identifier"])
        if kind == "t" or obj.status != "published":
            # A deleted item has no metadata left to disseminate in any format.
            raise OAIError("noMetadataFormats", "The item is deleted; no metadata formats are available for it.")
    return xml.list_metadata_formats(PREFIXES)


def list_sets(request, args, base_url):
    if "resumptionToken" in args:
        raise OAIError("badResumptionToken", "ListSets is answered in one response; there is no token.")
    sets = repository.sets()
    if not sets:
        raise OAIError("noSetHierarchy", "The repository has no sets yet.")
    return xml.list_sets(sets)


def _check_prefix(prefix):
    if prefix not in PREFIXES:
        raise OAIError("cannotDisseminateFormat", f"{prefix!r} is not offered; use oai_dc.")


def _record_xml(kind, obj, request, metadata):
    if kind == "t":
        header = repository.header_for_tombstone(obj)
        return xml.record(header) if metadata else xml.header(header)
    header = repository.header_for_entry(obj)
    if not metadata:
        return xml.header(header)
    return xml.record(header, None if header.deleted else repository.dublin_core(obj, request))


def get_record(request, args, base_url):
    _check_prefix(args["metadataPrefix"])
    kind, obj = _find(args["identifier"])
    return xml.wrap("GetRecord", _record_xml(kind, obj, request, metadata=True))


def _list(verb, request, args, base_url):
    metadata = verb == "ListRecords"
    resuming = "resumptionToken" in args
    if resuming:
        state, start, end = _resumed(verb, args["resumptionToken"])
    else:
        _check_prefix(args["metadataPrefix"])
        repository.check_set(args.get("set"))
        state = {"verb": verb, "prefix": args["metadataPrefix"], "set": args.get("set"), "from": args.get("from"),
                 "until": args.get("until"), "after": ["e", 0], "cursor": 0, "size": None}
        start = parse_datestamp(state["from"])[0] if state["from"] else None
        end = parse_datestamp(state["until"], end_of_range=True)[0] if state["until"] else None
        state["size"] = repository.count(state["set"], start, end)
        if not state["size"]:
            raise OAIError("noRecordsMatch", "No records match the request.")
    rows, following = repository.page(tuple(state["after"]), page_size(), state["set"], start, end, metadata)
    if not rows:
        # A list response needs at least one record (the schema's minOccurs=1), so an empty
        # page is never sent. With a token: the list was used to the end, or the records that
        # remained no longer match (changed since the token was issued, now past `until`).
        if not resuming:
            raise OAIError("noRecordsMatch", "No records match the request.")
        if state["cursor"] >= state["size"]:
            raise OAIError("badResumptionToken", "The token has already been used to the end of the list.")
        raise OAIError("badResumptionToken", "The records that remained in this list have changed since the "
                                             "token was issued; none of them match any more. Harvest again.")
    body = "".join(_record_xml(kind, obj, request, metadata) for kind, obj in rows)
    split = "resumptionToken" in args or following is not None
    if split:
        next_token = ""
        if following is not None:
            next_token = tokens.encode({**state, "after": list(following), "cursor": state["cursor"] + len(rows)})
        body += xml.resumption_token(next_token, state["size"], state["cursor"])
    return xml.wrap(verb, body)


def _resumed(verb, token):
    """(state, start, end) of a resumption token, checked like the arguments it stands for;
    anything wrong in it is a badResumptionToken (the harvester sent only the token)."""
    try:
        state = tokens.decode(token)
    except tokens.BadToken as exc:
        raise OAIError("badResumptionToken", str(exc)) from None
    if state["verb"] != verb:
        raise OAIError("badResumptionToken", f"The token belongs to {state['verb']}, not {verb}.")
    try:
        _check_prefix(state["prefix"])
        repository.check_set(state["set"])
        start = parse_datestamp(state["from"])[0] if state["from"] else None
        end = parse_datestamp(state["until"], end_of_range=True)[0] if state["until"] else None
    except OAIError as exc:
        raise OAIError("badResumptionToken", f"The resumption token is damaged: {exc.message}") from None
    return state, start, end


def list_identifiers(request, args, base_url):
    return _list("ListIdentifiers", request, args, base_url)


def list_records(request, args, base_url):
    return _list("ListRecords", request, args, base_url)


HANDLERS = {
    "Identify": identify,
    "ListMetadataFormats": list_metadata_formats,
    "ListSets": list_sets,
    "GetRecord": get_record,
    "ListIdentifiers": list_identifiers,
    "ListRecords": list_records,
}
