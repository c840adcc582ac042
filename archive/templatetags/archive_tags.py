"""Template tags of the public site: the marked entry body, JSON-LD, absolute URLs, optional includes."""
import json
import logging

from django import template
from django.template.loader import get_template
from django.template import TemplateDoesNotExist, TemplateSyntaxError
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe

from archive import base_url

from .statement_marks import choose_marks, segment_block

register = template.Library()
logger = logging.getLogger(__name__)


@register.filter(name="http_url")
def http_url_filter(value):
    """The link when it is an absolute http(s) URL, else "" (never a javascript: link)."""
    from archive.weblinks import http_url

    return http_url(value)


CLOSING_MARKS = "”’\"'»›"
"""Closing quotation marks: a quote's speaker label goes after them, outside the quotation."""


def _statement_run(segment):
    """One marked run of a statement; reported speech is marked as a paraphrase, not a quotation."""
    statement = segment.statement
    kind = "reported" if statement.is_reported else "quoted"
    attrs = format_html(' class="statement statement-{} statement-{}" data-kind="{}" data-verification="{}"',
                        kind, statement.verification, statement.kind, statement.verification)
    if segment.first:
        attrs = format_html('{} id="{}"', attrs, statement.anchor)
    return format_html("<mark{}>{}</mark>", attrs, segment.text)


def _speaker_label(statement):
    """The speaker after the statement, at reading size: "Louis Tompros", or "according to IDC"."""
    speaker = statement.speaker
    name = speaker.name if speaker else "speaker not yet known"
    text = f"according to {name}" if statement.is_reported else name
    status = statement.review_words
    if statement.verification_words:
        status += "; " + statement.verification_words
    what = "paraphrase" if statement.is_reported else "statement"
    classes = "speaker-ref" + (" speaker-ref-reported" if statement.is_reported else "") + (
        " speaker-ref-suggested" if statement.review_status == statement.Review.SUGGESTED else "")
    hidden = format_html('<span class="visually-hidden">({} </span>', "paraphrase" if statement.is_reported
                         else "statement by")
    tail = format_html('<span class="visually-hidden">, {})</span>', status)
    if speaker:
        return format_html(' <a class="{}" href="{}#{}" title="{} by {}: {}">{}{}{}</a>', classes,
                           speaker.get_absolute_url(), statement.anchor, what.capitalize(), name, status,
                           hidden, text, tail)
    return format_html(' <span class="{}">{}{}{}</span>', classes, hidden, text, tail)


@register.simple_tag
def render_body(entry, statements=()):
    """The entry body as HTML blocks, each visible statement wrapped in <mark id="s<pk>">.

    The speaker follows the statement, after its closing quotation marks. ``statements``
    must be the entry's public statements with ``speaker`` selected; the tag makes no
    queries. Text is escaped; only our own tags are added.
    """
    marks = choose_marks([(s.start, s.end, s) for s in statements if not s.needs_anchor], len(entry.body))
    parts = []
    blocks = entry.blocks() if entry.body_blocks else _paragraphs(entry.body)
    for kind, text, start in blocks:
        html, pending = [], None  # pending: a statement whose label waits for its closing marks
        for seg in segment_block(text, start, marks):
            if seg.statement is not None:
                if pending is not None:
                    html.append(_speaker_label(pending))
                html.append(_statement_run(seg))
                pending = seg.statement if seg.last else None
                continue
            words = seg.text
            if pending is not None:
                closing = len(words) - len(words.lstrip(CLOSING_MARKS))
                html.append(escape(words[:closing]))
                html.append(_speaker_label(pending))
                words, pending = words[closing:], None
            html.append(escape(words))
        if pending is not None:
            html.append(_speaker_label(pending))
        tag = "h2" if kind == "heading" else "p"
        parts.append(format_html("<{}>{}</{}>", mark_safe(tag), mark_safe("".join(html)), mark_safe(tag)))
    return mark_safe("\n".join(parts))


def _paragraphs(body):
    """(type, text, start) for a body without recorded blocks: paragraphs split at blank lines."""
    out, pos = [], 0
    for text in body.split("\n\n"):
        if text.strip():
            out.append(("paragraph", text, pos))
        pos += len(text) + 2
    return out


@register.filter
def jsonld(data):
    """A <script type="application/ld+json"> element; <, > and & are escaped as json_script does."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=False)
    text = text.replace("<", "\\u003C").replace(">", "\\u003E").replace("&", "\\u0026")
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))


@register.simple_tag
def absolute_url(path):
    """``path`` on the request's own host, or ARCHIVE_BASE_URL outside a request (``archive.base_url``)."""
    return base_url.absolute(path)


@register.simple_tag(takes_context=True)
def optional_include(context, template_name):
    """Render ``template_name`` with the current context, or nothing when it does not exist.

    Used for the parts another module provides (citation metadata, COinS), so a page
    still renders while they are missing or broken.
    """
    try:
        tmpl = get_template(template_name)
    except (TemplateDoesNotExist, TemplateSyntaxError) as exc:
        logger.warning("optional include %s skipped: %s", template_name, exc)
        return ""
    # Rendered in the page's own context, as {% include %} renders: a new context for
    # each use (the page's variables copied, the context processors run again) cost
    # about a quarter of a search page's rendering, where it runs once per result.
    with context.push():
        return tmpl.template.render(context)


@register.filter
def thousands(value):
    """12345 -> "12,345" without depending on the locale settings."""
    try:
        return f"{int(value):,}"
    except (TypeError, ValueError):
        return value


@register.filter
def get_item(mapping, key):
    """``mapping[key]``, or None; for dicts keyed by a loop variable."""
    try:
        return mapping.get(key)
    except AttributeError:
        return None


@register.simple_tag
def entry_rows(entries):
    """The rows of an entry list with their links built once per list: ``{% entry_rows entries as rows %}``."""
    from archive.views.rows import entry_rows as build

    return build(entries)


@register.simple_tag(takes_context=True)
def entry_list_items(context, entries):
    """The items of an entry list, rendered in Python (``archive/views/row_html.py``) with
    each entry's COinS span from the per-entry cache (``archive/views/coins.py``):
    ``<ol class="entry-list">{% entry_list_items entries %}</ol>``. The spans are left out,
    as ``{% optional_include %}`` left them out, when the COinS template is missing."""
    from archive.views.coins import coins_title_builder
    from archive.views.row_html import entry_list_html
    from archive.views.rows import entry_rows as build

    coins = None
    try:
        get_template(COINS_TEMPLATE)
    except (TemplateDoesNotExist, TemplateSyntaxError) as exc:
        logger.warning("optional include %s skipped: %s", COINS_TEMPLATE, exc)
    else:
        coins = coins_title_builder(context.get("request"))
    return entry_list_html(build(entries or ()), coins)


#: The COinS span's template; entry lists write the same span themselves when it exists.
COINS_TEMPLATE = "archive/includes/coins.html"


@register.simple_tag
def statement_group_items(statements):
    """A person page's statements, rendered in Python (``archive/views/row_html.py``):
    ``<ol class="statement-groups">{% statement_group_items statement_groups %}</ol>``."""
    from archive.views.row_html import statement_group_items_html

    return statement_group_items_html(statements or ())


@register.simple_tag
def statement_hit_items(hits):
    """The statement search page's results, rendered in Python (``archive/views/row_html.py``):
    ``<ol class="statement-results">{% statement_hit_items results.hits %}</ol>``."""
    from archive.views.row_html import statement_hit_items_html

    return statement_hit_items_html(hits or ())


@register.simple_tag
def entry_statement_items(statements):
    """The entry page's statements under each speaker, rendered in Python
    (``archive/views/row_html.py``): ``<ol class="statements">{% entry_statement_items s.statements %}</ol>``."""
    from archive.views.row_html import entry_statement_items_html

    return entry_statement_items_html(statements or ())


@register.simple_tag
def cite_statement_items(statements):
    """The Cite section's list of statements with their citation files, rendered in Python
    (``archive/views/row_html.py``): ``<ul>{% cite_statement_items statements %}</ul>``."""
    from archive.views.row_html import cite_statement_items_html

    return cite_statement_items_html(statements or ())
