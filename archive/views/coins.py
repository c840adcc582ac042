"""COinS titles of list pages, built once per entry and version and kept in the process.

A COinS span's title is the entry's OpenURL ContextObject: the citation record, its
CSL item (title cases, citation key) and the URL-encoded pairs. Built afresh, the 20
spans of a search page were about a tenth of its processor time, though an entry's
span only changes when the entry or a name it shows changes. So a title is kept under
everything it is made from that can change:

- the site root the page is served under (absolute URLs are in the span) and the
  archive's name;
- the entry's id and ``updated_at``, which every save of the entry stamps (``auto_now``);
- what it shows from other rows, read from what the list loaded (a statement list reads
  them in one query): each author (role, id, kind, name, family and given names), the
  outlet (id, name, short name, place) and the series name. Renaming an author, an
  outlet or a series changes the key without touching the entry.

A changed entry therefore misses and is built again; nothing is ever invalidated by
hand. Old versions age out of a bounded LRU table (``MAX_TITLES`` per process).
"""
import threading
from collections import OrderedDict

from django.conf import settings

from archive.citations import csl, zotero
from archive.citations.records import _series_name, byline_names, entry_record, list_bylines, site_root

MAX_TITLES = 20_000

_titles = OrderedDict()
_lock = threading.Lock()


def coins_title_builder(request=None):
    """A function entry -> the COinS title of ``entry`` (unescaped) for pages of ``request``.

    ``entry`` needs what list pages load: its outlet, its authorships with their agents.
    """
    root = (site_root(request), settings.ARCHIVE_SITE_NAME)

    def title(entry):
        key = (root, entry.pk, entry.updated_at, _authors_key(entry), _outlet_key(entry.outlet),
               _series_name(entry, False, request))
        return _kept(key, lambda: zotero.coins(csl.to_csl(entry_record(entry, request, with_text=False))))

    return title


def coins_titles(objects, request=None, skip=()):
    """COinS titles (unescaped) for the entries of a list of statements or statement hits,
    one per entry, leaving out the ids in ``skip``: ``list_bylines`` reads the bylines and
    series the page did not load in one query, and each title is kept under what it is
    made from, as an entry list's are (the site root, the entry's id and ``updated_at``,
    its authors, outlet and series as read), so the citation record is built only for a
    new version: building the 50 records of a person page on every view was about a tenth
    of its processor time."""
    entries, bylines, series = list_bylines(objects, skip)
    root = (site_root(request), settings.ARCHIVE_SITE_NAME)
    titles = []
    for entry in entries:
        byline = bylines.get(entry.pk)
        series_name = series[entry.pk] if entry.pk in series else _series_name(entry, False, request)
        key = ("listed", root, entry.pk, entry.updated_at,
               tuple(byline) if byline is not None else _authors_key(entry), _outlet_key(entry.outlet), series_name)
        titles.append(_kept(key, lambda entry=entry, byline=byline: zotero.coins(csl.to_csl(entry_record(
            entry, request, with_text=False, authors=byline_names(byline), series=series.get(entry.pk))))))
    return titles


def _kept(key, build):
    """The title kept under ``key``, else ``build()`` kept (least recently used ones age out)."""
    with _lock:
        found = _titles.get(key)
        if found is not None:
            _titles.move_to_end(key)
            return found
    built = build()
    with _lock:
        _titles[key] = built
        if len(_titles) > MAX_TITLES:
            _titles.popitem(last=False)
    return built


def _authors_key(entry):
    return tuple((a.role, a.agent_id, a.agent.kind, a.agent.name, a.agent.family_name, a.agent.given_name)
                 for a in entry.authorships.all())


def _outlet_key(outlet):
    return None if outlet is None else (outlet.pk, outlet.name, outlet.short_name, outlet.place)


def clear():
    """Forget every kept title (tests that change settings the titles depend on)."""
    with _lock:
        _titles.clear()
