"""The one mapping: an entry record to a CSL-JSON item. Every other format derives from it.

CSL-JSON (https://citeproc-js.readthedocs.io/en/latest/csl-json/markup.html) is the
exchange format of Zotero, Mendeley, Pandoc and citeproc; BibTeX, RIS, the formatted
styles and the statement citations are all written from the item this module builds,
so a fix here reaches every format. Pure Python.

Types: a think-tank commentary is a ``report`` (publisher = the institution, ``genre``
= the series, ``number`` = the number in it), a newspaper op-ed is ``article-newspaper``
(``container-title`` = the newspaper), a blog post ``post-weblog`` (``container-title`` =
the blog).

The item is written for every CSL processor, not only ours (checked with citeproc-js,
the reference processor: tests/test_citeproc_js.py):

- The series goes in ``genre`` only. The official APA, Chicago, MLA and Harvard styles
  print ``genre`` before the number ("RSIS Commentary No. CO25056") and print
  ``collection-title`` again on its own, so an item with both said "(RSIS Commentary No.
  CO25056; RSIS Commentary)". The formats that have a series field of their own (BibTeX
  ``series``, RIS ``T2``, Zotero's ``z.seriesTitle``, COinS ``rft.series``, oai_dc) read it
  from ``_series``.
- No ``static-ordering`` flag on names written family name first ("Qi Dapeng"):
  citeproc-js then prints "Qi D." in APA and Harvard, with no comma. The item carries
  family and given names as Zotero exports them; which names are written family name
  first is kept in ``_family-first`` for our own styles (styles.py), which print "Qi
  Dapeng" where given names are printed in full (CMOS, MLA).
- When the original publication's URL is known, ``URL`` is the original and the
  archive's copy is the ``archive`` (the archive's name) ``archive_location`` (its
  page); otherwise ``URL`` is the archive's page.

Titles are kept as published; ``_title-sentence`` (an extension key, dropped from the
CSL-JSON download) carries the sentence-case form for the styles that need it, and
``_keywords`` the keywords as a list (CSL-JSON's ``keyword`` is one string, joined by
", ", which a keyword containing a comma would not survive).

The publisher is the outlet's name without a trailing parenthesised short name that
only repeats the outlet's acronym: "S. Rajaratnam School of International Studies
(RSIS)" is cited as "S. Rajaratnam School of International Studies", in every format.
"""
import re
import unicodedata

from .items import BLOG_POST, COMMENTARY, OP_ED
from .titles import sentence_cases

CSL_TYPES = {COMMENTARY: "report", OP_ED: "article-newspaper", BLOG_POST: "post-weblog"}

# Words skipped when a citation key takes the title's first word.
_KEY_STOP_WORDS = frozenset("a an the of on in at to for and or but with by from is are why how what".split())


_TRAILING_SHORT_NAME = re.compile(r"^(?P<name>.*\S)\s*\((?P<short>[^()]+)\)$")


def _initials(words):
    return "".join(w[0] for w in re.findall(r"[^\W\d_][\w’'.-]*", words) if w[0].isupper())


def publisher_name(name, short_name=""):
    """The outlet's name as citations give it: without a trailing "(RSIS)" that repeats the
    outlet's short name or is an acronym of the name before it.

    >>> publisher_name("S. Rajaratnam School of International Studies (RSIS)", "RSIS")
    'S. Rajaratnam School of International Studies'
    >>> publisher_name("Institute of Policy Studies (IPS)")
    'Institute of Policy Studies'
    >>> publisher_name("The Straits Times (Singapore)", "ST")
    'The Straits Times (Singapore)'
    """
    match = _TRAILING_SHORT_NAME.match(name or "")
    if not match:
        return name or ""
    short = match.group("short").strip()
    if short_name and short.casefold() == short_name.strip().casefold():
        return match.group("name")
    # An acronym: capitals only, in order among the capitalised words' initials ("RSIS" in "S R S I S").
    letters = iter(_initials(match.group("name")))
    if short.isupper() and short.isalpha() and len(short) >= 2 and all(c in letters for c in short):
        return match.group("name")
    return name


# Lower-case particles that begin a family name ("von der Leyen", "de Gaulle"), which
# CSL calls the non-dropping particle (kept with the family name when printed).
_PARTICLE = re.compile(r"^((?:[a-z][\w’']*\s+)+)(?=[^\W\d_])")


def split_particle(family):
    """("von der", "Leyen") for "von der Leyen"; ("", family) when there is no particle.

    >>> split_particle("von der Leyen")
    ('von der', 'Leyen')
    >>> split_particle("Tiu Laurel")
    ('', 'Tiu Laurel')
    """
    match = _PARTICLE.match(family or "")
    if not match or not family[match.end():][:1].isupper():
        return "", family or ""
    return match.group(1).strip(), family[match.end():]


def full_family(csl_name_object):
    """The family name with its particle, as BibTeX, RIS and the meta tags write it."""
    return " ".join(p for p in (csl_name_object.get("non-dropping-particle"), csl_name_object.get("family")) if p)


def csl_name(name):
    """A CSL name object; an organisation is one literal name, never split."""
    if name.is_literal:
        return {"literal": name.literal or name.display}
    particle, family = split_particle(name.family)
    out = {"family": family}
    if particle:
        out["non-dropping-particle"] = particle
    if name.given:
        out["given"] = name.given
    return out


def date_parts(date):
    """CSL ``issued`` for a date tuple of 0-3 parts; None when the date is unknown."""
    parts = [int(p) for p in date if p]
    return {"date-parts": [parts]} if parts else None


_NOT_ALNUM = re.compile(r"[^A-Za-z0-9]+")


def _ascii_word(text):
    if text.isascii():
        return _NOT_ALNUM.sub("", text).lower()
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return _NOT_ALNUM.sub("", folded).lower()


def citation_key(record):
    """The base key: first author's family name, year, first significant title word.

    "qi2025deepseek"; an entry without author uses its outlet, one without a date "nd".
    Two entries can share a base key; ``record.key_suffix`` (from the rank of the
    entry's id among them, ``records.KeySuffixes``) makes the full key unique and the
    same wherever the entry is cited.
    """
    return base_key(record.authors[0] if record.authors else None, record.outlet, record.outlet_short,
                    record.date[0] if record.date else None, record.title)


def author_token(name):
    """The part of a key a first author gives: "von der Leyen" -> "leyen", as BibTeX tools
    key it; a body by its first word (not yet folded to ASCII)."""
    if name.family:
        return (name.family.split() or [""])[-1]
    return ((name.literal or name.given).split() or [""])[0]


def author_key_token(name):
    """``author_token`` folded as it stands in a key ("Müller" -> "muller")."""
    return _ascii_word(author_token(name)) or "anon"


def base_key(first_author, outlet, outlet_short, year, title):
    """``citation_key`` from its parts (``first_author`` a Name or None), for callers that
    have no record at hand."""
    if first_author is not None:
        who = author_token(first_author)
    else:
        outlet = publisher_name(outlet, outlet_short)
        who = outlet.split()[0] if outlet else "anon"
    word = ""
    for raw in _TITLE_WORDS.split(title or ""):
        folded = _ascii_word(raw)
        if folded and folded not in _KEY_STOP_WORDS:
            word = folded
            break
    return (_ascii_word(who) or "anon") + (str(year) if year else "nd") + word


_TITLE_WORDS = re.compile(r"[\s:;,.!?—–-]+")


def key_suffix(rank):
    """"" for the first entry of a base key, then "a", "b", ..., "z", "aa", ... by rank."""
    if rank <= 0:
        return ""
    suffix, n = "", rank - 1
    while True:
        suffix = chr(ord("a") + n % 26) + suffix
        n = n // 26 - 1
        if n < 0:
            return suffix


def to_csl(record):
    """The CSL-JSON item of one entry record (plain dict, ready for ``json.dumps``)."""
    item = {"id": citation_key(record) + record.key_suffix, "type": CSL_TYPES.get(record.genre, "report")}
    if record.title:
        item["title"] = record.title
    if record.title and record.proper_nouns is not None:
        item["_title-sentence"], item["_title-sentence-lower"] = sentence_cases(record.title, record.proper_nouns)
    if record.authors:
        item["author"] = [csl_name(n) for n in record.authors]
        family_first = [[c["family"], c.get("given")] for n, c in zip(record.authors, item["author"])
                        if n.family_first and "family" in c]
        if family_first:
            item["_family-first"] = family_first
    outlet = publisher_name(record.outlet, record.outlet_short)
    if record.genre == COMMENTARY:
        if outlet:
            item["publisher"] = outlet
        if record.place:
            item["publisher-place"] = record.place
        if record.series:
            item["genre"] = record.series  # see the module docstring: not also collection-title
            item["_series"] = record.series
        if record.number:
            item["number"] = record.number
    else:
        if outlet:
            item["container-title"] = outlet
        if record.place and record.genre == OP_ED:
            item["publisher-place"] = record.place
    issued = date_parts(record.date)
    if issued:
        item["issued"] = issued
    if record.url:
        item["URL"] = record.url
    if record.archive_url and record.url and record.url != record.archive_url:
        # The original is cited; the archive's copy is where it is kept (as Zotero's "Archive"
        # and "Loc. in Archive"): RIS L2, a BibTeX note, APA/Chicago/MLA print it.
        item["archive"] = record.archive_name
        item["archive_location"] = record.archive_url
    if record.abstract:
        item["abstract"] = record.abstract
    if record.language:
        item["language"] = record.language
    if record.keywords:
        item["keyword"] = ", ".join(record.keywords)
        item["_keywords"] = list(record.keywords)
    accessed = date_parts(record.accessed)
    if accessed:
        item["accessed"] = accessed
    return item


def keywords(item):
    """The item's keywords as a list (``_keywords``; a public item's ``keyword`` string split)."""
    if "_keywords" in item:
        return item["_keywords"]
    return [k.strip() for k in item.get("keyword", "").split(",") if k.strip()]


def public_item(item):
    """The item without this module's extension keys, as the CSL-JSON download carries it."""
    return {k: v for k, v in item.items() if not k.startswith("_")}


def statement_item(statement):
    """A statement cited as its entry plus a note naming the speaker and the quoted words.

    The statement's anchor on the archive page is the URL, or, when the original
    publication is cited, the archive location.
    """
    item = to_csl(statement.entry)
    item["id"] = item["id"] + "-s" + str(statement.id)
    if "archive_location" in item:  # the original is cited; the statement's place is in the archive's copy
        item["archive_location"] = statement.url
    else:
        item["URL"] = statement.url
    speaker = statement.speaker.display if statement.speaker else "Unattributed"
    if statement.is_reported:  # the entry's words for what the speaker said: never in quotation marks
        item["note"] = f"According to {speaker} (paraphrased): {statement.quote}"
    else:
        item["note"] = f"{speaker}, quoted: “{statement.quote}”"
    item["_speaker"] = statement.speaker
    item["_quote"] = statement.quote
    item["_speaker_is_author"] = statement.speaker_is_author
    return item
