"""Template tags of the public site: the marked entry body, JSON-LD, absolute URLs, optional includes."""
import json
import logging

from django import template
from django.conf import settings
from django.template.loader import get_template
from django.template import TemplateDoesNotExist, TemplateSyntaxError
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe

from .statement_marks import choose_marks, segment_block

register = template.Library()
logger = logging.getLogger(__name__)

@register.filter(name="http_url")
def http_url_filter(value):
    """The link when it is an absolute http(s) URL, else "" (never a javascript: link)."""
    from archive.weblinks import http_url

    return http_url(value)


VERIFICATION_SYMBOLS = {"verified": "✓ verified", "disputed": "⚠ disputed", "unverified": "unverified"}


def _statement_run(segment):
    statement = segment.statement
    status = statement.verification
    attrs = format_html(' class="statement statement-{}" data-verification="{}"', status, status)
    if segment.first:
        attrs = format_html('{} id="{}"', attrs, statement.anchor)
    html = format_html("<mark{}>{}</mark>", attrs, segment.text)
    if segment.last:
        speaker = statement.speaker
        label = speaker.name if speaker else "unattributed"
        note = VERIFICATION_SYMBOLS.get(status, status)
        if speaker:
            ref = format_html(
                '<a href="{}#{}" title="Statement by {}, {}">{}</a>',
                speaker.get_absolute_url(), statement.anchor, label, note, label,
            )
        else:
            ref = escape(label)
        html = format_html(
            '{}<sup class="speaker-ref"><span class="visually-hidden">(statement by </span>{}'
            '<span class="verification verification-{}"> · {}</span>'
            '<span class="visually-hidden">)</span></sup>',
            html, ref, status, note,
        )
    return html


@register.simple_tag
def render_body(entry, statements=()):
    """The entry body as HTML blocks, each visible statement wrapped in <mark id="s<pk>">.

    ``statements`` must be the entry's public statements with ``speaker`` selected; the
    tag makes no queries. Text is escaped; only our own tags are added.
    """
    marks = choose_marks([(s.start, s.end, s) for s in statements if not s.needs_anchor], len(entry.body))
    parts = []
    blocks = entry.blocks() if entry.body_blocks else _paragraphs(entry.body)
    for kind, text, start in blocks:
        inner = mark_safe("".join(
            _statement_run(seg) if seg.statement is not None else escape(seg.text)
            for seg in segment_block(text, start, marks)
        ))
        tag = "h2" if kind == "heading" else "p"
        parts.append(format_html("<{}>{}</{}>", mark_safe(tag), inner, mark_safe(tag)))
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
    """``path`` on the archive's public base URL (ARCHIVE_BASE_URL), for canonical links and feeds."""
    if path.startswith(("http://", "https://")):
        return path
    return settings.ARCHIVE_BASE_URL + path


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
    return tmpl.render(context.flatten(), context.get("request"))


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
