"""Bounded work for list exports (D2).

- Formatted lists (``.txt?style=``) reuse each entry's formatted reference from the
  cache, keyed by the entry's CSL item and the style: an entry whose record changes
  gets a new key, so nothing needs invalidating and a warm list costs about as much
  as a data export.
- A list too long to build within about a second (more than ``LIVE_LIMIT`` entries)
  is built once in the background (``archive.tasks.build_stored_export``) into a
  file under MEDIA_ROOT/exports/, named after the archive's ``lists`` token, and
  served from that file until the archive changes. Until it is ready the client gets
  503 with Retry-After and a plain-text note, never a worker held for minutes.
"""
import hashlib
import json
import logging
import os
import time
from itertools import islice
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.http import FileResponse, HttpResponse
from django.utils.cache import get_conditional_response
from django.utils.http import http_date

from .tags import LISTS, current

logger = logging.getLogger(__name__)

#: Entries a request may export live: data formats run at 5,000-11,000 entries/s,
#: formatted styles at 400-900 entries/s from a cold cache (README, Benchmarks).
LIVE_LIMIT = {"data": 3000, "styled": 400}
#: Entries per second a background build is expected to manage (for Retry-After).
BUILD_RATE = {"data": 3000, "styled": 300}
PARAMS = ("q", "outlet", "author", "speaker", "tag", "year", "date_from", "date_to", "has_statements", "style")


# --- formatted references, cached per entry and style -----------------------------------

def _item_key(item, style_key):
    raw = json.dumps(item, sort_keys=True, default=str, ensure_ascii=False)
    return f"cite:{style_key}:" + hashlib.sha1(raw.encode()).hexdigest()


def _cached_render(function, item, style_key, output):
    from archive.citations import styles

    key = _item_key(item, f"{style_key}:{output}:{function}")
    found = cache.get(key)
    if found is None:
        found = getattr(styles, function)(item, style_key, output)
        cache.set(key, found, 7 * 24 * 3600)
    return found


def cached_renders(item, wanted):
    """{(function, style_key, output): text} for every ``wanted`` triple (``function``:
    "format_entry" or "cite"), under the keys ``_cached_render`` uses, read in one cache
    round trip with the item's JSON hashed once; the missing ones rendered and kept.
    The entry page's Cite section asks for six (five references and a note): six round
    trips and six hashes of the same item before."""
    from archive.citations import styles

    digest = _item_key(item, "")[len("cite::"):]
    keys = {w: f"cite:{w[1]}:{w[2]}:{w[0]}:{digest}" for w in wanted}
    found = cache.get_many(list(keys.values()))
    out, fresh = {}, {}
    for w, key in keys.items():
        if key in found:
            out[w] = found[key]
        else:
            out[w] = fresh[key] = getattr(styles, w[0])(item, w[1], w[2])
    if fresh:
        cache.set_many(fresh, 7 * 24 * 3600)
    return out


def cached_format_entry(item, style_key, output="text"):
    """``styles.format_entry`` from the cache when this item was formatted before in this
    style (the entry page's Cite section: five styles, most of its rendering time)."""
    return _cached_render("format_entry", item, style_key, output)


def cached_cite(item, style_key, output="text"):
    """``styles.cite`` (a note style's note) from the cache, like ``cached_format_entry``."""
    return _cached_render("cite", item, style_key, output)


def with_cached_references(fmt):
    """``fmt`` whose writer takes each entry's formatted reference from the cache."""
    from dataclasses import replace

    return replace(fmt, write=cached_writer(fmt))


def cached_writer(fmt):
    """``fmt.write`` for data formats; for a style, the same lines with each entry's
    reference taken from the cache when it was formatted before."""
    from archive.citations import styles

    if fmt.name not in styles.STYLES:
        return fmt.write

    def write(items):
        iterator, size = iter(items), 20
        while True:
            batch = list(islice(iterator, size))
            size = 200
            if not batch:
                return
            keys = [_item_key(item, fmt.name) for item in batch]
            found = cache.get_many(keys)
            missing = [i for i, k in enumerate(keys) if k not in found]
            if missing:
                rendered = styles.bibliography([batch[i] for i in missing], fmt.name, "text")
                fresh = {keys[i]: line for i, line in zip(missing, rendered)}
                cache.set_many(fresh, 7 * 24 * 3600)
                found.update(fresh)
            for k in keys:
                yield found[k] + "\n"

    return write


# --- long lists: stored files built in the background ------------------------------------

def _kind(fmt):
    from archive.citations import styles

    return "styled" if fmt.name in styles.STYLES else "data"


def spec_for(scope, slug, ext, params):
    return {"scope": scope, "slug": slug or "", "ext": ext,
            "params": {k: params.get(k) for k in PARAMS if params.get(k)}}


def _name(spec):
    return hashlib.sha1(json.dumps(spec, sort_keys=True).encode()).hexdigest()[:20]


def export_dir():
    return Path(settings.MEDIA_ROOT) / "exports"


def _path(spec, token):
    return export_dir() / f"{_name(spec)}-{token}.{spec['ext']}"


def list_size(scope, slug, params):
    """How many records a list export writes (entries, or statements for a person)."""
    from django.http import Http404

    from archive.citations.exports import search_queryset
    from archive.models import Entry, EntryStatus, Statement
    from archive.views.browse import public_outlets, public_people, public_tags

    published = Entry.objects.filter(status=EntryStatus.PUBLISHED)
    try:
        if scope == "archive":
            return published.count()
        if scope == "outlet":
            return published.filter(outlet__in=public_outlets().filter(slug=slug)).count()
        if scope == "tag":
            return published.filter(tags__in=public_tags().filter(slug=slug)).count()
        if scope == "person":
            return Statement.objects.filter(speaker__in=public_people().filter(slug=slug),
                                            entry__status=EntryStatus.PUBLISHED).count()
        if scope == "search":
            return search_queryset(params).count()
    except Http404:
        return 0
    return 0


def stored_or_none(request, scope, slug, ext, fmt):
    """The response for a long list (its stored file, or 503 while it is built), or
    None when the list is short enough to stream live."""
    kind = _kind(fmt)
    size = list_size(scope, slug, request.GET)
    if size <= LIVE_LIMIT[kind]:
        return None
    spec = spec_for(scope, slug, ext, request.GET)
    token = current([LISTS])[LISTS]
    path = _path(spec, token)
    if path.exists():
        etag = f'"{path.stem}"'
        last_modified = int(path.stat().st_mtime)
        response = FileResponse(path.open("rb"), content_type=fmt.content_type)
        response["ETag"], response["Last-Modified"] = etag, http_date(last_modified)
        response["Cache-Control"] = "public, max-age=0, must-revalidate"
        response["X-Export"] = "stored"
        return get_conditional_response(request, etag=etag, last_modified=last_modified, response=response)
    if cache.add(f"building:{path.name}", time.time(), 3600):
        from archive.tasks import build_stored_export

        build_stored_export.enqueue(json.dumps(spec))
    seconds = max(10, int(size / BUILD_RATE[kind]))
    response = HttpResponse(
        f"This list of {size:,} records is being prepared in the background; it takes about {seconds} s. "
        f"Please try again then: the file will be served at once until the archive changes.\n",
        status=503, content_type="text/plain; charset=utf-8")
    response["Retry-After"] = str(seconds)
    response["Cache-Control"] = "no-store"
    return response


def _format(ext, params):
    from archive.citations.formats import BY_EXTENSION, get_format

    return get_format(params.get("style", "apa")) if ext == "txt" else BY_EXTENSION[ext]


def build(spec_json):
    """Write the stored file of a list export for the archive as it is now."""
    from archive.citations.exports import scope_export

    spec = json.loads(spec_json)
    token = current([LISTS])[LISTS]  # read first: a change during the build makes the file stale, never wrong
    path = _path(spec, token)
    if path.exists():
        return str(path)
    fmt = _format(spec["ext"], spec["params"])
    chunks, _ = scope_export(with_cached_references(fmt), spec["scope"], spec["slug"] or None, spec["params"], None)
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(f".{os.getpid()}.part")
    started = time.perf_counter()
    with temporary.open("w", encoding="utf-8") as out:
        for chunk in chunks:
            out.write(chunk)
    temporary.replace(path)
    for old in path.parent.glob(f"{_name(spec)}-*.{spec['ext']}"):
        if old != path:
            old.unlink(missing_ok=True)
    logger.info("stored export %s built in %.1f s", path.name, time.perf_counter() - started)
    return str(path)
