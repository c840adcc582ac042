"""The one mapping: an entry record to a CSL-JSON item. Every other format derives from it.

CSL-JSON (https://citeproc-js.readthedocs.io/en/latest/csl-json/markup.html) is the
exchange format of Zotero, Mendeley, Pandoc and citeproc; BibTeX, RIS, the formatted
styles and the statement citations are all written from the item this module builds,
so a fix here reaches every format. Pure Python.

Types: a think-tank commentary is a ``report`` (publisher = the institution,
``collection-title`` and ``genre`` = the series, ``number`` = the number in it), a
newspaper op-ed is ``article-newspaper`` (``container-title`` = the newspaper), a blog
post ``post-weblog`` (``container-title`` = the blog).

Titles are kept as published; ``_title-sentence`` (an extension key, dropped from the
CSL-JSON download) carries the sentence-case form for the styles that need it.
"""
import re
import unicodedata

from .items import BLOG_POST, COMMENTARY, OP_ED
from .titles import sentence_case

CSL_TYPES = {COMMENTARY: "report", OP_ED: "article-newspaper", BLOG_POST: "post-weblog"}

# Words skipped when a citation key takes the title's first word.
_KEY_STOP_WORDS = frozenset("a an the of on in at to for and or but with by from is are why how what".split())


def csl_name(name):
    """A CSL name object; an organisation is one literal name, never split."""
    if name.is_literal:
        return {"literal": name.literal or name.display}
    out = {"family": name.family}
    if name.given:
        out["given"] = name.given
    if name.family_first:
        out["static-ordering"] = True  # citeproc-js's flag; styles.py honours it too
    return out


def date_parts(date):
    """CSL ``issued`` for a date tuple of 0-3 parts; None when the date is unknown."""
    parts = [int(p) for p in date if p]
    return {"date-parts": [parts]} if parts else None


_NOT_ALNUM = re.compile(r"[^A-Za-z0-9]+")


def _ascii_word(text):
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return _NOT_ALNUM.sub("", folded).lower()


def citation_key(record):
    """A stable, readable key: first author's family name, year, first title word.

    "qi2025deepseek"; an entry without author uses its outlet, one without a date "nd".
    Bulk exports make keys unique with ``unique_keys``.
    """
    if record.authors:
        first = record.authors[0]
        # "von der Leyen" -> "leyen", as BibTeX tools key it; a body by its first word.
        who = (first.family.split() or [""])[-1] if first.family else (first.literal or first.given).split()[0]
    else:
        who = record.outlet.split()[0] if record.outlet else "anon"
    year = str(record.date[0]) if record.date else "nd"
    title_words = [_ascii_word(w) for w in re.split(r"[\s:;,.!?—–-]+", record.title or "")]
    word = next((w for w in title_words if w and w not in _KEY_STOP_WORDS), "")
    return (_ascii_word(who) or "anon") + year + word


def unique_keys(items):
    """Rename repeated keys in a stream of CSL items: qi2025deepseek, qi2025deepseeka, ..."""
    seen = {}
    for item in items:
        key = item["id"]
        count = seen.get(key, 0)
        seen[key] = count + 1
        if count:
            suffix, n = "", count - 1
            while True:
                suffix = chr(ord("a") + n % 26) + suffix
                n = n // 26 - 1
                if n < 0:
                    break
            item = dict(item, id=key + suffix)
        yield item


def to_csl(record):
    """The CSL-JSON item of one entry record (plain dict, ready for ``json.dumps``)."""
    item = {"id": citation_key(record), "type": CSL_TYPES.get(record.genre, "report")}
    if record.title:
        item["title"] = record.title
    if record.title and record.proper_nouns is not None:
        item["_title-sentence"] = sentence_case(record.title, record.proper_nouns)
        item["_title-sentence-lower"] = sentence_case(record.title, record.proper_nouns, capitalise_after_colon=False)
    if record.authors:
        item["author"] = [csl_name(n) for n in record.authors]
    if record.genre == COMMENTARY:
        if record.outlet:
            item["publisher"] = record.outlet
        if record.place:
            item["publisher-place"] = record.place
        if record.series:
            item["collection-title"] = record.series
            item["genre"] = record.series
        if record.number:
            item["number"] = record.number
    else:
        if record.outlet:
            item["container-title"] = record.outlet
        if record.place and record.genre == OP_ED:
            item["publisher-place"] = record.place
    issued = date_parts(record.date)
    if issued:
        item["issued"] = issued
    if record.url:
        item["URL"] = record.url
    if record.abstract:
        item["abstract"] = record.abstract
    if record.language:
        item["language"] = record.language
    if record.keywords:
        item["keyword"] = ", ".join(record.keywords)
    return item


def public_item(item):
    """The item without this module's extension keys, as the CSL-JSON download carries it."""
    return {k: v for k, v in item.items() if not k.startswith("_")}


def statement_item(statement):
    """A statement cited as its entry plus a note naming the speaker and the quoted words.

    The URL points at the statement's anchor on the archive page.
    """
    item = to_csl(statement.entry)
    item["id"] = item["id"] + "-s" + str(statement.id)
    item["URL"] = statement.url
    speaker = statement.speaker.display if statement.speaker else "Unattributed"
    item["note"] = f"{speaker}, quoted: “{statement.quote}”"
    item["_speaker"] = statement.speaker
    item["_quote"] = statement.quote
    return item
