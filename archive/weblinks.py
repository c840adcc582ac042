"""Which links may leave the archive: absolute http(s) URLs only.

Pure Python (no Django). A URL reaches pages, feeds, JSON-LD, the API and citation
exports from several sources (the text of a page dump, a saved page's metadata, an
editor's manifest, the admin), so it is checked where it comes in (the importer
refuses or drops it) and again where it goes out (templates, serializers, exports),
whatever was stored: ``javascript:``, ``data:``, ``vbscript:`` and relative or
protocol-relative links never become a clickable link.
"""
from urllib.parse import urlsplit

SCHEMES = ("http", "https")


def is_http_url(value):
    """True for an absolute http:// or https:// URL with a host (spaces and controls refused)."""
    if not isinstance(value, str) or not value:
        return False
    text = value.strip()
    if text != value or any(ch <= " " or ch == "\x7f" for ch in text):
        return False
    try:
        parts = urlsplit(text)
    except ValueError:
        return False
    return parts.scheme.lower() in SCHEMES and bool(parts.hostname)


def http_url(value):
    """``value`` when it is a safe absolute http(s) URL, else ``""``."""
    return value if is_http_url(value) else ""
