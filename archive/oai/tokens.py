"""Resumption tokens: the state of a list request, carried by the harvester. Pure Python.

A token is URL-safe base64 of compact JSON: the request's arguments, where the next page
starts (``after``: phase and last id, so pages stay right while records are added), how
many records were sent before it (``cursor``) and the list's size when it began. A token
that does not decode to that shape is a badResumptionToken, never a server error: every
value is checked here for its type and range (a forged ``size`` of 0 or -1 would be an
invalid ``completeListSize``; ``True`` is an int to Python but not to XML Schema), and the
request it carries is checked again by the view, as if it had been sent as arguments.
"""
import base64
import binascii
import json

KEYS = {"verb", "prefix", "set", "from", "until", "after", "cursor", "size"}


class BadToken(ValueError):
    pass


def encode(state):
    raw = json.dumps(state, separators=(",", ":"), sort_keys=True).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode(token):
    try:
        padded = token + "=" * (-len(token) % 4)
        state = json.loads(base64.urlsafe_b64decode(padded.encode("ascii")).decode("utf-8"))
    except (binascii.Error, ValueError, UnicodeError):
        raise BadToken("The resumption token is not one this repository issued.") from None
    if not isinstance(state, dict) or set(state) != KEYS:
        raise BadToken("The resumption token is not one this repository issued.")
    after = state["after"]
    if (not isinstance(after, list) or len(after) != 2 or after[0] not in ("e", "t")
            or not _count(after[1]) or not _count(state["cursor"])
            or not _count(state["size"]) or state["size"] < 1
            or not all(state[k] is None or isinstance(state[k], str) for k in ("set", "from", "until"))
            or not isinstance(state["verb"], str) or not isinstance(state["prefix"], str)):
        raise BadToken("The resumption token is damaged.")
    return state


def _count(value):
    """A whole number from 0 up (not a bool, which JSON's true would give)."""
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0
