"""The HTML of an entry list's rows, written in Python rather than by the template engine.

A search page renders 20 rows; through ``archive/_entry_list.html`` each row cost the
template engine a context push, a ``{% with %}``, four loops, a dozen variable look-ups
with their filters and an ``{% optional_include %}`` for its COinS span: about a quarter
of the page's processor time. Here each row is a few string joins. Every value a
visitor's text can reach goes through Django's ``escape`` (``conditional_escape`` for the
synopsis cut to 50 words), exactly as the
template's autoescaping did; the search highlights (``title_html``, ``snippet_html``) are
written as they are, as the template's ``|safe`` did (the search service escapes the
text before it adds ``<mark>``). The output is byte for byte what the template wrote
(``tests/test_entry_rows_html.py`` renders both and compares them).
"""
from django.template.defaultfilters import truncatewords
from django.utils.html import conditional_escape, escape
from django.utils.safestring import mark_safe

from .rows import date_texts

_EMPTY = '\n  <li class="empty">No entries.</li>\n'


def entry_list_html(rows, coins_title=None):
    """The ``<li>`` items of an ``<ol class="entry-list">`` for ``rows`` (``EntryRow``), safe HTML.

    ``coins_title``: a function entry -> the title of its COinS span (unescaped), or None
    to leave the spans out (the citations module missing).
    """
    if not rows:
        return mark_safe(_EMPTY)
    return mark_safe("".join(_row(row, coins_title) for row in rows))


def _row(row, coins_title):
    entry = row.entry
    title_html = getattr(entry, "title_html", "")
    title = title_html if title_html else escape(entry.title or "Untitled entry")
    byline = ", ".join(f'<a href="{escape(url)}">{escape(name)}</a>' for name, url in row.byline)
    outlet = ""
    if row.outlet:
        outlet = f'{" · " if row.byline else ""}<a href="{escape(row.outlet[1])}">{escape(row.outlet[0])}</a>'
    published = ""
    if entry.published_on:
        day = date_texts(entry.published_on)
        published = f' · <time datetime="{day.iso}">{escape(day.text)}</time>'
    snippet_html = getattr(entry, "snippet_html", "")
    if snippet_html:
        snippet = f'<p class="snippet">{snippet_html}</p>'
    elif entry.synopsis:
        snippet = f'<p class="synopsis">{conditional_escape(truncatewords(entry.synopsis, 50))}</p>'
    else:
        snippet = ""
    tags = ""
    if row.tags:
        items = "".join(f'<li><a href="{escape(url)}">{escape(name)}</a></li>' for name, url in row.tags)
        tags = f'<ul class="tags" aria-label="Tags">{items}</ul>'
    coins = ""
    if coins_title is not None:
        coins = f'<span class="Z3988" title="{escape(coins_title(entry))}"></span>\n'
    return (
        f'\n  <li class="entry-item">\n    <article>\n'
        f'      <h3><a href="{escape(row.url)}">{title}</a></h3>\n'
        f'      <p class="meta">\n        {byline}\n        {outlet}\n        {published}\n      </p>\n'
        f'      {snippet}\n      {tags}\n      {coins}\n    </article>\n  </li>\n'
    )
