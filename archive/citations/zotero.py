"""What Zotero reads from a page: Highwire/Dublin Core meta tags and COinS. Pure Python.

Built from the CSL item, like every other format. The tag choice follows Zotero's
"Embedded Metadata.js" translator (zotero/translators): ``citation_*`` Highwire tags
decide the item; ``citation_technical_report_institution``/``_number`` make a report
(``citation_journal_title`` would wrongly make a journal article); ``z.seriesTitle`` is
its own namespace for Zotero fields; ``DC.type``/``DC.source`` make a newspaper article.
COinS (OpenURL 1.0 in a ``span.Z3988``) lets Zotero save every item of a list page: a
report as the book format with ``rft.genre=report``; a newspaper article and a blog post
as the Dublin Core format with Zotero's item type in ``rft.type``, as Zotero writes them
itself (the journal format would make a newspaper piece a journal article).
"""
from urllib.parse import urlencode

from .csl import full_family, keywords


def _date(item, sep="/"):
    parts = (item.get("issued") or {}).get("date-parts", [[]])[0]
    return sep.join(f"{p:02d}" if i else str(p) for i, p in enumerate(parts))


def _author(name):
    if "literal" in name:
        return name["literal"]
    return ", ".join(p for p in (full_family(name), name.get("given")) if p)


def meta_tags(item, page_url):
    """(name, content) pairs for the entry page's <head>, in order."""
    tags = [("citation_title", item.get("title", ""))]
    tags += [("citation_author", _author(n)) for n in item.get("author", [])]
    if item.get("issued"):
        tags.append(("citation_publication_date", _date(item)))
    if item["type"] == "report":
        if item.get("publisher"):
            tags.append(("citation_technical_report_institution", item["publisher"]))
        if item.get("number"):
            tags.append(("citation_technical_report_number", item["number"]))
        if item.get("_series"):
            tags.append(("z.seriesTitle", item["_series"]))
    elif item["type"] == "article-newspaper":
        tags.append(("DC.type", "newspaperArticle"))
        if item.get("container-title"):
            tags.append(("DC.source", item["container-title"]))
    elif item["type"] == "post-weblog":
        tags.append(("DC.type", "blogPost"))
        if item.get("container-title"):
            tags.append(("DC.source", item["container-title"]))
    if item.get("abstract"):
        tags.append(("citation_abstract", item["abstract"]))
    if item.get("language"):
        tags.append(("citation_language", item["language"]))
    # One tag per keyword: Zotero splits a tag's content on ";" only, so "Conflict,
    # Security and Human Rights" stays one keyword.
    for keyword in keywords(item):
        tags.append(("citation_keywords", keyword))
    tags.append(("citation_public_url", page_url))
    return [(name, content) for name, content in tags if content]


def coins(item):
    """The ``title`` of a COinS span (unescaped; the template escapes it)."""
    pairs = [("ctx_ver", "Z39.88-2004")]
    kind = item["type"]
    title = item.get("title", "")
    if kind == "report":
        pairs += [("rft_val_fmt", "info:ofi/fmt:kev:mtx:book"), ("rft.genre", "report"), ("rft.btitle", title)]
        for key, field in (("publisher", "rft.pub"), ("publisher-place", "rft.place"),
                           ("_series", "rft.series")):
            if item.get(key):
                pairs.append((field, item[key]))
    else:
        # OpenURL has no newspaper format: the journal format makes Zotero save a
        # journalArticle. Zotero's own COinS for a newspaper article or a blog post is the
        # Dublin Core format with its item type in rft.type, and its parser takes rft.type
        # as the item type when it names one (Zotero.Utilities.parseContextObject).
        zotero_type = "newspaperArticle" if kind == "article-newspaper" else "blogPost"
        pairs += [("rft_val_fmt", "info:ofi/fmt:kev:mtx:dc"), ("rft.type", zotero_type), ("rft.title", title)]
        if item.get("container-title"):
            pairs.append(("rft.source", item["container-title"]))
    authors = item.get("author", [])
    if authors and "family" in authors[0]:
        pairs.append(("rft.aulast", full_family(authors[0])))
        if authors[0].get("given"):
            pairs.append(("rft.aufirst", authors[0]["given"]))
    key = "rft.au" if kind == "report" else "rft.creator"
    pairs += [(key, _author(n)) for n in authors]
    if item.get("issued"):
        pairs.append(("rft.date", _date(item, "-")))
    if item.get("language"):
        pairs.append(("rft.language", item["language"]))
    if item.get("URL"):
        pairs.append(("rft_id", item["URL"]))
    return urlencode(pairs)
