"""Entry lists laid out in Python: every link of a list built with one ``reverse()`` per kind.

A list of 20 entries links each entry, its authors, its outlet and its tags: about 140
``reverse()`` calls when each link resolves its own URL, a tenth of a search page's
time. Here each kind of link is resolved once, with a placeholder slug, and the
others are that address with the slug put in. A slug the URL pattern would refuse goes
through ``reverse()`` itself, so it fails exactly as before.
"""
import re
from collections import namedtuple
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from django.urls import reverse
from django.utils import dateformat
from django.utils.translation import get_language

#: What Django's ``slug`` path converter accepts; only such slugs are put in directly.
_SLUG = re.compile(r"[-a-zA-Z0-9_]+\Z")
_PLACEHOLDER = "slug-placeholder-7f3a"
_PK_PLACEHOLDER = 918273645


def slug_url(viewname):
    """A function slug -> URL of ``viewname`` (one ``<slug:slug>`` argument), resolved once."""
    prefix, suffix = reverse(viewname, args=[_PLACEHOLDER]).split(_PLACEHOLDER)

    def build(slug):
        if not isinstance(slug, str) or not _SLUG.match(slug):
            return reverse(viewname, args=[slug])
        return prefix + slug + suffix

    return build


@dataclass
class EntryRow:
    """One entry of a list with the links it shows: (name, URL) pairs."""

    entry: Any
    url: str
    byline: list = field(default_factory=list)
    outlet: tuple | None = None
    tags: list = field(default_factory=list)


def entry_rows(entries):
    """[EntryRow] for ``entries`` (outlet, authorships with agents and tags already loaded)."""
    entry_url, person_url = slug_url("archive:entry"), slug_url("archive:person")
    outlet_url, tag_url = slug_url("archive:outlet"), slug_url("archive:tag")
    rows = []
    for entry in entries:
        outlet = entry.outlet
        # The list template asks every entry for its search highlights; an entry that has
        # none (any list but search results) would make Django's template engine list all
        # of the model's attributes (dir()) to report each miss: twice per entry.
        for name in ("title_html", "snippet_html"):
            if not hasattr(entry, name):
                setattr(entry, name, "")
        rows.append(EntryRow(
            entry=entry,
            url=entry_url(entry.slug),
            byline=[(a.agent.name, person_url(a.agent.slug)) for a in entry.authorships.all()],
            outlet=(outlet.name, outlet_url(outlet.slug)) if outlet is not None else None,
            tags=[(tag.name, tag_url(tag.slug)) for tag in entry.tags.all()],
        ))
    return rows


def statement_links(statements):
    """Give each statement of a list (entry loaded, ``also_quoted_in`` set) the links it
    shows, resolved once per kind for the list: ``entry_url`` (its entry, at its anchor)
    and ``cite_url``, ``speaker_url`` (None without a speaker) and ``entry_date`` (see
    ``date_texts``; None without a date); each place quoting it
    too gets its ``url``. A person page links 50 statements three or four times each:
    150-200 ``reverse()`` calls otherwise."""
    entry_url, person_url = slug_url("archive:entry"), slug_url("archive:person")
    cite_prefix, cite_suffix = reverse("citations:statement", kwargs={"pk": _PK_PLACEHOLDER, "ext": "txt"}) \
        .split(str(_PK_PLACEHOLDER))
    for statement in statements:
        statement.entry_url = f"{entry_url(statement.entry.slug)}#{statement.anchor}"
        statement.cite_url = f"{cite_prefix}{statement.pk}{cite_suffix}"
        published_on = statement.entry.published_on
        statement.entry_date = date_texts(published_on) if published_on else None
        speaker = statement.speaker if statement.speaker_id else None
        statement.speaker_url = person_url(speaker.slug) if speaker is not None else None
        for place in getattr(statement, "also_quoted_in", None) or ():
            place["url"] = f"{entry_url(place['entry'].slug)}#{place['anchor']}"
    return statements


DateTexts = namedtuple("DateTexts", "iso text")


def date_texts(day):
    """DateTexts(ISO date, the date as pages write it: "7 December 2026"), formatted once
    per date and language: a person page wrote about a hundred dates through the ``date``
    filter."""
    return _date_texts(day, get_language())


@lru_cache(maxsize=4096)
def _date_texts(day, language):
    return DateTexts(day.isoformat(), dateformat.format(day, "j F Y"))
