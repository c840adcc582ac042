"""Serve anonymous GET and HEAD requests of public views from Django's cache.

A hit costs a cache read of the response plus one read of its tags' tokens, before
sessions, authentication or the view run; no database query. A miss runs the view
and stores the response when its view is listed in ``policy`` and the response is a
plain 200 (no cookie set, not private, not streamed).

Correctness under concurrent edits: the ``lists`` token is read before the view runs
and again after the response's tags are read; if it moved (every public change moves
it), the response may hold rows older than the tokens it would record, so it is not
stored. Combined with bumps at commit (``tags.bump``), a stored response is never
older than the tokens it records.

Every cached response carries an ETag (a hash of its body); a request whose
If-None-Match or If-Modified-Since matches gets 304 Not Modified. Keys include the
host (absolute links), the full query string and the UTC date (citations carry an
access date).
"""
import datetime
import hashlib
import time

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.http import parse_http_date_safe

from . import policy
from .tags import LISTS, current, key, still_current, writing

SKIP_PREFIXES = ("/admin", "/healthz", "/static/")
#: Headers a cached response keeps (the rest are per request or added by middleware).
KEPT_HEADERS = ("Content-Type", "Content-Disposition", "Content-Language", "Access-Control-Allow-Origin",
                "Last-Modified", "X-Robots-Tag", "Link")
CACHE_CONTROL = "public, max-age=0, must-revalidate"


def page_key(request):
    raw = f"{request.method == 'HEAD' and 'GET' or request.method}|{request.get_host()}|{request.get_full_path()}|" \
          f"{datetime.datetime.now(datetime.timezone.utc).date()}"
    return "page:" + hashlib.sha1(raw.encode()).hexdigest()


def _anonymous(request):
    return settings.SESSION_COOKIE_NAME not in request.COOKIES


def _from_cache(request, stored):
    status, content, headers, etag, last_modified = (
        stored["status"], stored["content"], stored["headers"], stored["etag"], stored["last_modified"])
    response = HttpResponse(b"" if request.method == "HEAD" else content, status=status)
    for name, value in headers:
        response[name] = value
    response["ETag"] = etag
    response["Cache-Control"] = CACHE_CONTROL
    response["X-Cache"] = "hit"
    if request.method == "HEAD":
        response["Content-Length"] = str(len(content))
    patch_vary_headers(response, ("Cookie",))
    return get_conditional_response(request, etag=etag, last_modified=last_modified, response=response)


def _cacheable(response):
    return (response.status_code == 200 and not response.streaming and not response.cookies
            and "private" not in response.get("Cache-Control", "") and "no-store" not in response.get("Cache-Control", ""))


class PublicCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (not settings.ARCHIVE_PUBLIC_CACHE or request.method not in ("GET", "HEAD")
                or request.path.startswith(SKIP_PREFIXES) or not _anonymous(request)):
            return self.get_response(request)
        page = page_key(request)
        stored = cache.get(page)
        if stored is not None and still_current(stored["tags"]):
            return _from_cache(request, stored)
        before = current([LISTS])[LISTS]
        response = self.get_response(request)
        match = getattr(request, "resolver_match", None)
        if match is None or not _cacheable(response) or match.view_name not in policy.CACHED_VIEWS:
            return response
        storable = not writing()
        tags = policy.tags_for(match.view_name, match.kwargs) if storable else set()
        tokens = current(tags | {LISTS})
        if LISTS not in tags:
            tokens.pop(LISTS)
        content = response.content
        etag = '"' + hashlib.md5(content, usedforsecurity=False).hexdigest() + '"'
        last_modified = None
        if response.has_header("Last-Modified"):
            last_modified = parse_http_date_safe(response["Last-Modified"])
        response["ETag"] = etag
        response["Cache-Control"] = CACHE_CONTROL
        response["X-Cache"] = "miss"
        patch_vary_headers(response, ("Cookie",))
        if storable and cache.get(key(LISTS)) == before:
            cache.set(page, {
                "status": response.status_code, "content": content, "etag": etag, "last_modified": last_modified,
                "headers": [(h, response[h]) for h in KEPT_HEADERS if response.has_header(h)],
                "tags": tokens, "stored": time.time(),
            }, settings.CACHES["default"].get("TIMEOUT", 86400))
        return get_conditional_response(request, etag=etag, last_modified=last_modified, response=response)
