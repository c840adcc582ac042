"""Resumption tokens: the state of a list request, carried by the harvester. Pure Python.

A token is URL-safe base64 of compact JSON: the request's arguments, where the next page
starts (``after``: phase and last id, so pages stay right while records are added), how
many records were sent before it (``cursor``) and the list's size when it began. A token
that does not decode to that shape is a badResumptionToken, never a server error.
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
            or not isinstance(after[1], int) or not isinstance(state["cursor"], int)
            or not isinstance(state["size"], int) or state["cursor"] < 0):
        raise BadToken("The resumption token is damaged.")
    return state
