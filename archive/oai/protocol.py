"""Checking an OAI-PMH request's verb and arguments (spec 3.1, 4). Pure Python.

``check`` turns the query parameters into (verb, arguments) or raises ``OAIError``
with the code the protocol prescribes: badVerb for a missing, repeated or unknown verb;
badArgument for unknown, repeated, missing or malformed arguments, a resumption token
with other arguments, from/until of different granularity or in the wrong order.
"""
import datetime
import re

VERBS = {
    "Identify": (frozenset(), frozenset()),
    "ListMetadataFormats": (frozenset(), frozenset({"identifier"})),
    "ListSets": (frozenset(), frozenset({"resumptionToken"})),
    "GetRecord": (frozenset({"identifier", "metadataPrefix"}), frozenset()),
    "ListIdentifiers": (frozenset({"metadataPrefix"}), frozenset({"from", "until", "set", "resumptionToken"})),
    "ListRecords": (frozenset({"metadataPrefix"}), frozenset({"from", "until", "set", "resumptionToken"})),
}

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_SECOND = re.compile(r"^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})Z$")


class OAIError(Exception):
    def __init__(self, code, message):
        super().__init__(message)
        self.code = code
        self.message = message


def parse_datestamp(value, end_of_range=False):
    """(UTC datetime, granularity) for "YYYY-MM-DD" or "YYYY-MM-DDThh:mm:ssZ".

    A day-granularity ``until`` covers the whole day; ``end_of_range`` returns the first
    instant after the range so callers can compare with "<".
    """
    utc = datetime.timezone.utc
    try:
        if match := _DAY.match(value):
            start = datetime.datetime(*map(int, match.groups()), tzinfo=utc)
            return (start + datetime.timedelta(days=1) if end_of_range else start), "day"
        if match := _SECOND.match(value):
            start = datetime.datetime(*map(int, match.groups()), tzinfo=utc)
            return (start + datetime.timedelta(seconds=1) if end_of_range else start), "second"
    except ValueError:
        pass
    raise OAIError("badArgument", f"{value!r} is not a date in YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ form.")


def check(params):
    """``params``: a mapping of name -> list of values (as QueryDict.lists() gives)."""
    verbs = params.get("verb", [])
    if len(verbs) != 1:
        raise OAIError("badVerb", "The verb argument is missing or repeated.")
    verb = verbs[0]
    if verb not in VERBS:
        raise OAIError("badVerb", f"{verb!r} is not an OAI-PMH verb.")
    required, optional = VERBS[verb]
    args = {}
    for name, values in params.items():
        if name == "verb":
            continue
        if name not in required | optional:
            raise OAIError("badArgument", f"{name!r} is not an argument of {verb}.")
        if len(values) != 1:
            raise OAIError("badArgument", f"The argument {name!r} is repeated.")
        args[name] = values[0]
    if "resumptionToken" in args:
        if len(args) > 1:
            raise OAIError("badArgument", "resumptionToken is an exclusive argument.")
        return verb, args
    missing = sorted(required - set(args))
    if missing:
        raise OAIError("badArgument", f"{verb} requires {', '.join(missing)}.")
    if "from" in args or "until" in args:
        start = parse_datestamp(args["from"]) if "from" in args else None
        end = parse_datestamp(args["until"]) if "until" in args else None
        if start and end:
            if start[1] != end[1]:
                raise OAIError("badArgument", "from and until must have the same granularity.")
            if start[0] > end[0]:
                raise OAIError("badArgument", "from is later than until.")
    return verb, args


def datestamp(moment):
    """A UTC datetime as the repository's datestamp (second granularity)."""
    return moment.astimezone(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
