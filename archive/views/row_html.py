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

from archive import base_url
from archive.weblinks import http_url

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


def statement_group_items_html(statements):
    """The ``<li>`` items of a person page's ``<ol class="statement-groups">``, safe HTML.

    ``statements``: the page's statements with their links (``rows.statement_links``)
    and ``sentence`` (before, the words, after). Written as the template wrote them, 50
    to a page: the template engine spent about half the person page's processor time on
    this loop and its two includes per statement.
    """
    root = None
    out = []
    for st in statements:
        reported = st.is_reported
        entry_url = st.entry_url
        if entry_url.startswith(("http://", "https://")):
            cite = entry_url
        else:
            root = base_url.base_url() if root is None else root
            cite = root + entry_url
        before, words, after = st.sentence
        entry = st.entry
        outlet = entry.outlet
        cited_as = st.cited_as
        label = '<span class="paraphrase-label">paraphrase:</span> ' if reported else ""
        parts = [
            f'\n      <li id="{escape(st.anchor)}" class="statement-item{" statement-item-reported" if reported else ""}">\n'
            f'        <blockquote cite="{escape(cite)}"><p>'
            f'{label}{escape(before)}'
            f'<mark class="statement statement-{"reported" if reported else "quoted"}">{escape(words)}</mark>'
            f'{escape(after)}</p></blockquote>\n'
            f'        <p class="meta">{escape(cited_as[:1].upper() + cited_as[1:] if cited_as else cited_as)} '
            f'<a href="{escape(entry_url)}">{escape(entry.title or "Untitled entry")}</a>'
        ]
        if outlet:
            parts.append(f", {escape(outlet.name)}")
        if st.entry_date:
            parts.append(f', <time datetime="{escape(st.entry_date.iso)}">{escape(st.entry_date.text)}</time>')
        parts.append("\n          ")
        if st.cue:
            parts.append(f'· <span class="cue">introduced with “{escape(st.cue)}”</span> ')
        parts.append("· " + _statement_status(st))
        source = http_url(st.source_url)
        if source:
            parts.append(f' · <a href="{escape(source)}" rel="external nofollow">original source</a>')
        parts.append(f'\n          · <a class="cite-statement" href="{escape(st.cite_url)}?style=chicago-notes">cite</a></p>\n        ')
        if st.verification_note:
            parts.append(f'<p class="note">{escape(st.verification_note)}</p>')
        parts.append("\n        ")
        places = getattr(st, "also_quoted_in", None)
        if places:
            links = "; ".join(f'<a href="{escape(place["url"])}">{escape(place["entry"].title or "Untitled entry")}</a>'
                              for place in places)
            parts.append(f'<p class="also">Also {escape(cited_as)}: {links}</p>')
        parts.append("\n      </li>\n    ")
        out.append("".join(parts))
    return mark_safe("".join(out))


def _statement_status(st):
    """``archive/_statement_status.html``: who checked a statement, in a reader's words."""
    html = f'<span class="review review-{escape(st.review_status)}">{escape(st.review_words)}</span>'
    if st.verification_words:
        html += f' · <span class="verification verification-{escape(st.verification)}">{escape(st.verification_words)}</span>'
    return html


def statement_hit_items_html(hits):
    """The ``<li>`` items of the statement search page's ``<ol class="statement-results">``,
    safe HTML, as the template's loop wrote them (``hits``: ``StatementHit`` with links
    from ``rows.statement_links``; ``snippet_html`` is the search service's safe HTML)."""
    out = []
    for hit in hits:
        st = hit.statement
        reported = st.is_reported
        words = _statement_words(reported, hit.snippet_html)
        words = f'<p class="statement-text">{words}</p>' if reported else f"<blockquote><p>{words}</p></blockquote>"
        speaker = st.speaker if st.speaker_id else None
        if speaker:
            who = f'<a href="{escape(st.speaker_url)}">{escape(speaker.name)}</a>'
        else:
            who = ("a speaker" if reported else "Speaker") + " not yet known"
        day = st.entry_date
        published = f',\n        <time datetime="{escape(day.iso)}">{escape(day.text)}</time>' if day else ""
        out.append(
            f'\n    <li class="entry-item">\n      {words}\n'
            f'      <p class="meta">{"According to " if reported else ""}{who},\n'
            f'        {escape(st.cited_as)} <a href="{escape(st.entry_url)}">{escape(st.entry.title or "Untitled entry")}</a>'
            f'{published}\n        · {_statement_status(st)}</p>\n    </li>\n  '
        )
    return mark_safe("".join(out))


def _statement_words(reported, words_html):
    """``archive/_statement_words.html``: a quotation in quotation marks, a paraphrase labelled."""
    if reported:
        return f'<span class="paraphrase"><span class="paraphrase-label">paraphrase:</span> {words_html}</span>'
    return f'<span class="quotation">“{words_html}”</span>'


def entry_statement_items_html(statements):
    """The entry page's "People quoted" items (``archive/_statement_item.html`` once per
    statement), safe HTML, as the template wrote them: the include and the two it
    included cost the template engine three context pushes and a dozen look-ups per
    statement, a sixth of the entry page's processor time."""
    from archive.paths import pk_path

    out = []
    for st in statements:
        reported = st.is_reported
        cue = f'<span class="cue">introduced with “{escape(st.cue)}”</span> · ' if st.cue else ""
        source = http_url(st.source_url)
        source = f' · <a href="{escape(source)}" rel="external nofollow">original source</a>' if source else ""
        note = f'<p class="note">{escape(st.verification_note)}</p>' if st.verification_note else ""
        also = ""
        if st.also_quoted_in:
            links = "; ".join(
                f'<a href="{escape(place["entry"].get_absolute_url())}#{escape(place["anchor"])}">'
                f'{escape(place["entry"].title or "Untitled entry")}</a>' for place in st.also_quoted_in)
            also = f'<p class="also">Also {escape(st.cited_as)}: {links}</p>'
        words = _statement_words(reported, conditional_escape(truncatewords(st.quote, 40)))
        out.append(
            f'<li class="statement-item{" statement-item-reported" if reported else ""}">\n'
            f'  <a href="#{escape(st.anchor)}">{words}</a>\n'
            f'  {cue}{_statement_status(st)}\n'
            f'  {source}\n'
            f'  · <a class="cite-statement" href="{escape(pk_path("citations:statement", st.pk, ext="txt"))}'
            f'?style=chicago-notes" title="Cite this {"paraphrase" if reported else "statement"} '
            f'(more formats in the Cite section)">cite</a>\n'
            f'  {note}\n'
            f'  {also}\n'
            f'</li>\n'
        )
    return mark_safe("".join(out))


def cite_statement_items_html(statements):
    """The Cite section's "Cite a quoted statement" items (``archive/includes/cite.html``'s
    loop), safe HTML, as the template wrote them: four citation links per statement."""
    from archive.paths import pk_path

    out = []
    for st in statements:
        words = _statement_words(st.is_reported, conditional_escape(truncatewords(st.quote, 12)))
        speaker = ""
        if st.speaker:
            speaker = f' ({"according to " if st.is_reported else ""}{escape(st.speaker.name)})'
        ris, bib, json, txt = (escape(pk_path("citations:statement", st.pk, ext=ext)) for ext in ("ris", "bib", "json", "txt"))
        out.append(
            f'\n      <li><a href="#{escape(st.anchor)}">{words}</a>{speaker}:\n'
            f'        <a href="{ris}" download>RIS</a> · <a href="{bib}" download>BibTeX</a> · '
            f'<a href="{json}" download>CSL-JSON</a> · <a href="{txt}?style=chicago-notes">Chicago note</a></li>\n    '
        )
    return mark_safe("".join(out))
