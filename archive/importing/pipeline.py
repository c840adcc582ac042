"""From a file's bytes to a :class:`ParsedDocument`: decode, extract, profile, manifest, check."""
import re
from dataclasses import replace
from pathlib import Path

from archive.weblinks import http_url, is_http_url

from .decoding import DEFAULT_MAX_BYTES, decode
from .document import OutletInfo
from .errors import RejectedFile
from .html import extract_html, looks_like_html
from .manifest import apply_manifest
from .profiles import FALLBACK, detect_profile, get_profile

IMPORTER_VERSION = "1.1"  # 1.1: the head reader (issue 13)


def parse_file(name, data, *, manifest_entry=None, max_bytes=DEFAULT_MAX_BYTES):
    """Parse one source file. Raises :class:`RejectedFile` with a plain-words reason.

    ``name`` is the file's name (its folder is ignored): manifests and re-imports
    recognise a source by it.
    """
    name = Path(name).name
    text, encoding = decode(data, max_bytes=max_bytes)
    hint_url = (manifest_entry.url if manifest_entry else None) or ""
    forced = _forced_profile(manifest_entry)
    if looks_like_html(name, text):
        page = extract_html(text)
        profile = forced or detect_profile(page.text, page.url or hint_url)
        if profile is FALLBACK:
            doc = profile.parse(page.text, name, title_hint=page.title)
        else:
            # An outlet profile reads the title line itself (RSIS puts its number in it).
            text = page.text if not page.title or page.text.startswith(page.title) else f"{page.title}\n\n{page.text}"
            doc = profile.parse(text, name)
        _merge_page(doc, page)
    else:
        profile = forced or detect_profile(text, hint_url)
        doc = profile.parse(text, name)
    doc.encoding = encoding
    url = doc.url or hint_url
    if doc.outlet is None and profile.outlet is not None and url and profile.detect("", url):
        doc.outlet = profile.outlet  # the page's address is the outlet's own
    apply_manifest(doc, manifest_entry)
    doc.blocks = split_long_blocks(doc.blocks)
    # Whatever the source said, only an absolute http(s) link is kept (D1: javascript: links).
    doc.url = http_url(doc.url or "")
    if doc.outlet is not None and doc.outlet.homepage and not is_http_url(doc.outlet.homepage):
        doc.outlet = replace(doc.outlet, homepage="")
    if not doc.paragraphs():
        raise RejectedFile(
            "no commentary text was found in the file (no paragraph of running text; "
            "is it a menu, a list of links or an index page?)"
        )
    return doc


#: The longest paragraph kept whole. Real commentaries stay far below it (the seeds'
#: longest is under 1,500 characters); a page dump saved as one 8 MB line made the
#: quote engine, which reads a paragraph's earlier cues for every quote, run for a
#: minute (D7). Longer paragraphs are cut at sentence ends.
MAX_PARAGRAPH_CHARS = 4000
_SENTENCE_END = re.compile(r"[.!?…][”’\"')\]]? +")


def split_long_blocks(blocks, limit=MAX_PARAGRAPH_CHARS):
    """``blocks`` with every paragraph longer than ``limit`` cut into paragraphs of at
    most ``limit`` characters, at the last sentence end before the limit (or the last
    space, or hard at the limit when there is none). The words are unchanged."""
    out = []
    for kind, text in blocks:
        if kind != "paragraph" or len(text) <= limit:
            out.append((kind, text))
            continue
        start = 0
        while len(text) - start > limit:
            window = text[start:start + limit + 1]
            cut = max((m.end() for m in _SENTENCE_END.finditer(window, 1) if m.end() <= limit), default=-1)
            if cut <= 0:
                cut = window.rfind(" ", 1)
            if cut <= 0:
                cut = limit
            piece = text[start:start + cut].rstrip()
            if piece:
                out.append((kind, piece))
            start += cut
            while start < len(text) and text[start] == " ":
                start += 1
        if start < len(text):
            out.append((kind, text[start:]))
    return out


def _forced_profile(manifest_entry):
    if manifest_entry is None or not manifest_entry.profile:
        return None
    try:
        return get_profile(manifest_entry.profile)
    except KeyError:
        raise RejectedFile(f"the manifest names an unknown profile {manifest_entry.profile!r}") from None


def _merge_page(doc, page):
    """Fill what the text did not state from what the page's markup states."""
    doc.blocks = [("heading" if text in page.headings else kind, text) for kind, text in doc.blocks]
    doc.title = doc.title or page.title
    doc.authors = doc.authors or list(page.authors)
    if doc.date is None and page.date:
        doc.date, doc.date_precision = page.date
    doc.url = doc.url or page.url
    doc.synopsis = doc.synopsis or page.description
    doc.language = page.language or doc.language
    for category in page.categories:
        if category not in doc.categories:
            doc.categories.append(category)
    if doc.outlet is None and page.sitename and page.sitename != page.hostname:
        homepage = f"https://{page.hostname}" if page.hostname else ""
        doc.outlet = OutletInfo(name=page.sitename, homepage=homepage)
