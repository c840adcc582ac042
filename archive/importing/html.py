"""Saved web pages: the article and its metadata through trafilatura, then the text pipeline.

trafilatura is a maintained library built for exactly this job (boilerplate removal
and metadata from <meta>, JSON-LD and markup). Its output is turned into the same
plain text the outlet profiles read, plus what the markup states for sure: which
blocks are headings, and the page's title, authors, date, URL, site name and tags.
"""
import re
from dataclasses import dataclass, field

import trafilatura

from .dates import parse_date
from .errors import RejectedFile

_HTML_START = re.compile(r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b",
                         re.IGNORECASE | re.DOTALL)
_LANG = re.compile(r"<html\b[^>]*\blang=[\"']?([A-Za-z]{2,3})", re.IGNORECASE)


def looks_like_html(name, text):
    return name.lower().endswith((".html", ".htm")) or bool(_HTML_START.match(text[:2000]))


@dataclass
class HtmlPage:
    text: str
    headings: set = field(default_factory=set)
    title: str = ""
    authors: list = field(default_factory=list)
    date: tuple | None = None
    url: str = ""
    sitename: str = ""
    hostname: str = ""
    categories: list = field(default_factory=list)
    description: str = ""
    language: str = ""


def extract_html(html):
    """The article in ``html`` as an :class:`HtmlPage`, or :class:`RejectedFile` when there is none."""
    try:
        result = trafilatura.bare_extraction(
            html, with_metadata=True, include_formatting=True, include_comments=False,
            include_tables=False, include_images=False, include_links=False,
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception as error:  # trafilatura raises assorted lxml errors on broken markup
        raise RejectedFile(f"the HTML page could not be read ({error.__class__.__name__})") from error
    body = getattr(result, "body", None) if result is not None else None
    blocks, headings = [], set()
    if body is not None:
        for element in body:
            text = " ".join("".join(element.itertext()).split())
            if not text:
                continue
            if element.tag == "head":
                headings.add(text)
            if element.tag == "list":
                blocks.extend(" ".join("".join(item.itertext()).split()) for item in element)
            else:
                blocks.append(text)
    title = " ".join((result.title or "").split()) if result is not None else ""
    if not any(len(b.split()) >= 8 for b in blocks):
        raise RejectedFile("no article was found in the HTML page (it holds no paragraphs of text)")
    page = HtmlPage(text="\n\n".join(blocks), headings=headings, title=title)
    page.authors = [a.strip() for a in re.split(r"\s*;\s*", result.author or "") if a.strip()]
    page.date = parse_date(result.date) if result.date else None
    page.url = result.url or ""
    page.hostname = result.hostname or ""
    page.sitename = result.sitename or ""
    page.categories = [c for c in [*(result.categories or []), *(result.tags or [])] if c]
    page.description = " ".join((result.description or "").split())
    lang = _LANG.search(html[:5000])
    page.language = (result.language or (lang.group(1) if lang else "") or "").lower()
    return page
