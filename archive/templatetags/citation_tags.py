"""Template tags for citations on the public pages: the entry's Cite section, Zotero meta
tags, COinS spans. The work is done by archive.citations; these only gather it."""
from django import template
from django.urls import reverse

from archive.caching.exports import cached_renders
from archive.citations import csl, styles, zotero
from archive.citations.formats import BY_EXTENSION
from archive.citations.records import entry_record
from archive.paths import pk_path, slug_path

register = template.Library()


@register.simple_tag(takes_context=True)
def entry_citation(context, entry):
    """Everything the entry page shows or embeds about citing ``entry`` (computed once per render)."""
    cache = context.render_context.setdefault("entry_citation", {})
    if entry.pk in cache:
        return cache[entry.pk]
    request = context.get("request")
    record = entry_record(entry, request)
    item = csl.to_csl(record)
    downloads = [
        (fmt.label, fmt.extension, slug_path("citations:entry", entry.slug, ext=ext))
        for ext, fmt in BY_EXTENSION.items()
    ]
    # Both forms of every style from the cache per entry and style, in one round trip
    # (archive/caching/exports.py).
    wanted = [("cite", key, "html") for key in styles.STYLES if styles.is_note_style(key)]
    wanted += [("format_entry", key, "html") for key in styles.STYLES]
    rendered = cached_renders(item, wanted)
    cited = []
    for key, style in styles.STYLES.items():
        forms = []
        if styles.is_note_style(key):  # a note style: the note first, then the bibliography entry
            forms.append(("note", "Note", rendered[("cite", key, "html")]))
        forms.append(("bibliography", "Bibliography" if forms else "", rendered[("format_entry", key, "html")]))
        # A form is named after its style ("apa"; the note of a note style "chicago-notes-note").
        cited.append((key, style.label, [(key if form == "bibliography" else f"{key}-{form}", label, html,
                                          styles.plain_from_html(html)) for form, label, html in forms]))
    data = {
        "item": item,
        "styles": cited,
        "downloads": downloads,
        "text_url": slug_path("citations:entry", entry.slug, ext="txt"),
        "meta": zotero.meta_tags(item, record.archive_url),
        "unapi_id": f"entry:{entry.pk}",
        "unapi_url": reverse("citations:unapi"),
    }
    cache[entry.pk] = data
    return data


@register.simple_tag(takes_context=True)
def coins_title(context, entry):
    """The OpenURL ContextObject of ``entry`` for a COinS span; uses only what list pages prefetch."""
    return zotero.coins(csl.to_csl(entry_record(entry, context.get("request"), with_text=False)))


@register.simple_tag(takes_context=True)
def coins_titles(context, items, offered=()):
    """COinS titles for a list's entries, statements or statement search hits (one per entry),
    reading what the page did not load in one query: ``{% coins_titles statement_groups as titles %}``.
    ``offered``: entries the page already offers (a person's own entries above their
    statements), left out so Zotero is not offered the same item twice."""
    from archive.views.coins import coins_titles as kept_titles

    skip = {getattr(entry, "pk", entry) for entry in offered or ()}
    return kept_titles(items, context.get("request"), skip)


@register.simple_tag
def statement_cite_url(statement, ext="ris"):
    """A statement's citation file in ``ext`` (four per statement on an entry page: resolved once)."""
    return pk_path("citations:statement", statement.pk, ext=ext)


@register.inclusion_tag("archive/includes/export_links.html", takes_context=True)
def export_links(context, scope, slug=None):
    """Download links for a list page: ``{% export_links "outlet" outlet.slug %}``,
    ``{% export_links "tag" tag.slug %}``, ``{% export_links "person" agent.slug %}``,
    ``{% export_links "search" %}`` (keeps the page's query and filters), ``{% export_links "archive" %}``."""
    kwargs = {"slug": slug} if slug else {}
    query = ""
    request = context.get("request")
    if scope == "search" and request is not None:
        params = request.GET.copy()
        params.pop("page", None)
        query = params.urlencode()
    links = []
    formats = [("BibTeX", "bib", ""), ("RIS", "ris", ""), ("CSL-JSON", "json", "")]
    formats += [(style.short_label, "txt", key) for key, style in styles.STYLES.items()]
    for label, ext, style in formats:
        url = reverse(f"citations:{scope}", kwargs={**kwargs, "ext": ext})
        params = "&".join(p for p in (query, f"style={style}" if style else "") if p)
        links.append((label, url + (f"?{params}" if params else ""), ext != "txt"))  # text opens in the browser
    return {"links": links, "statements": scope == "person"}
