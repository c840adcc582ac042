"""Read COinS the way Zotero does, to test what Zotero saves from a page.

Zotero's "COinS" translator (zotero/translators, COinS.js) finds every ``span`` whose class
is Z3988 and that has a title, and turns each title into an item with
``Zotero.Utilities.parseContextObject`` (zotero/utilities, openurl.js). This module
follows that function's rules, written out again here in Python, for the keys this
archive writes:

- The item type comes from the first ``rft_val_fmt``: the journal format makes a
  ``journalArticle``; the book format a ``report`` when a part is exactly
  ``rft.genre=report`` (``bookSection``/``conferencePaper``/``document`` for their genres,
  else ``book``); the Dublin Core format a ``webpage``, which a later ``rft.type`` naming a
  Zotero item type replaces. Without a known format there is no item.
- Parts are split on "&" and "=", values decoded after "+" (and an encoded "+") become spaces.
- Fields: ``rft.btitle`` is the title of a book or report; ``rft.atitle`` the title of a
  journal article, ``rft.jtitle`` its journal; ``rft.title`` the title (the publication's,
  for a journal article, book section or conference paper); ``rft.source`` the publication
  (Dublin Core); ``rft.date``, ``rft.pub``/``rft.publisher``, ``rft.place``, ``rft.series`` (a
  report's series title); ``rft.language``, ``rft.description``; ``rft_id`` an http(s) URL.
- Creators: each ``rft.au``/``rft.creator`` is an author ("Family, Given" when it has a
  comma, else the last word is the family name); ``rft.aulast``/``rft.aufirst`` build one
  more author, dropped when a plain author already has the same family name and a given
  name that starts with it; ``rft.aucorp`` an institution.
- detectWeb: "multiple" when a page has more than one COinS with an item type.
"""
from html.parser import HTMLParser
from urllib.parse import unquote

ITEM_TYPES = frozenset({
    "artwork", "audioRecording", "bill", "blogPost", "book", "bookSection", "case", "computerProgram",
    "conferencePaper", "dataset", "dictionaryEntry", "document", "email", "encyclopediaArticle", "film",
    "forumPost", "hearing", "instantMessage", "interview", "journalArticle", "letter", "magazineArticle",
    "manuscript", "map", "newspaperArticle", "patent", "podcast", "preprint", "presentation", "radioBroadcast",
    "report", "standard", "statute", "thesis", "tvBroadcast", "videoRecording", "webpage",
})


def _item_type(parts):
    for part in parts:
        if not part.startswith("rft_val_fmt="):
            continue
        fmt = unquote(part[len("rft_val_fmt="):])
        if fmt == "info:ofi/fmt:kev:mtx:journal":
            return "journalArticle"
        if fmt == "info:ofi/fmt:kev:mtx:book":
            for genre, kind in (("bookitem", "bookSection"), ("conference", "conferencePaper"),
                                ("proceeding", "conferencePaper"), ("report", "report"), ("document", "document")):
                if f"rft.genre={genre}" in parts:
                    return kind
            return "book"
        if fmt == "info:ofi/fmt:kev:mtx:dissertation":
            return "thesis"
        if fmt == "info:ofi/fmt:kev:mtx:patent":
            return "patent"
        if fmt == "info:ofi/fmt:kev:mtx:dc":
            return "webpage"
    return None


def _author(value):
    if "," in value:
        family, _, given = value.partition(",")
        return {"lastName": family.strip(), "firstName": given.strip(), "creatorType": "author"}
    words = value.split()
    return {"lastName": words[-1] if words else "", "firstName": " ".join(words[:-1]), "creatorType": "author"}


def parse_context_object(title):
    """The Zotero item (a dict) a COinS title gives, or None when Zotero would ignore it."""
    parts = title.split("&")
    item = {"itemType": _item_type(parts), "creators": [], "tags": []}
    if item["itemType"] is None:
        return None
    complex_authors = []
    for part in parts:
        pieces = part.split("=")
        key = pieces[0]
        value = unquote((pieces[1] if len(pieces) > 1 else "").replace("+", " ").replace("%2B", " ")
                        .replace("%2b", " "))
        if not value:
            continue
        kind = item["itemType"]
        if key == "rft_id":
            if value.lower().startswith(("http://", "https://")):
                item["url"] = value
        elif key == "rft.btitle":
            if kind in ("book", "report"):
                item["title"] = value
            elif kind in ("bookSection", "conferencePaper"):
                item["publicationTitle"] = value
        elif key == "rft.atitle" and kind in ("journalArticle", "bookSection", "conferencePaper"):
            item["title"] = value
        elif key == "rft.jtitle" and kind == "journalArticle":
            item["publicationTitle"] = value
        elif key == "rft.title":
            item["publicationTitle" if kind in ("journalArticle", "bookSection", "conferencePaper") else "title"] = value
        elif key == "rft.date":
            item["date"] = value
        elif key in ("rft.aulast", "rft.aufirst"):
            field = "lastName" if key == "rft.aulast" else "firstName"
            if complex_authors and not complex_authors[-1].get(field):
                complex_authors[-1][field] = value
            else:
                complex_authors.append({field: value, "creatorType": "author", "offset": len(item["creators"])})
        elif key in ("rft.au", "rft.creator"):
            item["creators"].append(_author(value))
        elif key == "rft.aucorp":
            complex_authors.append({"lastName": value, "isInstitution": True, "offset": len(item["creators"])})
        elif key in ("rft.pub", "rft.publisher"):
            item["publisher"] = value
        elif key == "rft.place":
            item["place"] = value
        elif key == "rft.series":
            item["seriesTitle" if kind == "report" else "series"] = value
        elif key == "rft.description":
            item["abstractNote"] = value
        elif key == "rft.language":
            item["language"] = value
        elif key == "rft.subject":
            item["tags"].append(value)
        elif key == "rft.type":
            if value in ITEM_TYPES:
                item["itemType"] = value
        elif key == "rft.source":
            item["publicationTitle"] = value
    inserted = 0
    for author in complex_authors:
        offset = author.pop("offset", 0)
        first = author.get("firstName", "")
        duplicate = any(c["lastName"] == author.get("lastName") and c.get("firstName")
                        and c["firstName"].startswith(first) for c in item["creators"])
        if not duplicate:
            item["creators"].insert(offset + inserted, author)
            inserted += 1
    return item


class _Spans(HTMLParser):
    def __init__(self):
        super().__init__()
        self.titles = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        classes = (attrs.get("class") or "").split()
        if tag == "span" and "Z3988" in classes and attrs.get("title") is not None:
            self.titles.append(attrs["title"])


def page_items(html):
    """The items Zotero's COinS translator offers from a page, in page order."""
    reader = _Spans()
    reader.feed(html)
    return [item for item in map(parse_context_object, reader.titles) if item is not None]


def detect_web(html):
    """What the Zotero icon shows for the page: one item type, "multiple", or None."""
    items = page_items(html)
    if not items:
        return None
    return "multiple" if len(items) > 1 else items[0]["itemType"]
