r"""BibTeX, written from the CSL-JSON item (csl.py). Pure Python.

Entry types, chosen to work with classic BibTeX *and* biblatex:

- a think-tank commentary (CSL ``report``) is ``@techreport`` with ``institution``,
  ``type`` (the series, so styles print "RSIS Commentary CO25056"), ``number`` and
  ``address``; biblatex reads it as ``@report``;
- a newspaper op-ed (``article-newspaper``) is ``@article`` with ``journal`` = the
  newspaper (biblatex's ``journaltitle`` alias) and ``entrysubtype = {newspaper}``,
  which biblatex styles use and classic styles ignore;
- a blog post (``post-weblog``) is ``@misc`` with ``howpublished`` = the blog, since
  classic BibTeX has no ``@online``.

Values are UTF-8 (biber, pybtex and bibtexparser read it; classic bibtex8 too). LaTeX
special characters are escaped, and capitals that a style must not lower are braced
(``{DeepSeek}``, ``{China}``). Dates go out as ``year``/``month`` for BibTeX and as an
ISO ``date`` for biblatex, with only the parts the entry's precision vouches for.

Keywords are separated by "; " (``keywords = {Conflict, Security and Human Rights;
East Asia}``), so a keyword containing a comma stays one keyword: biber reads them with
``--xsvsep='\s*;\s*'``, JabRef with ";" as its keyword separator. (biblatex's default
separator is the comma, which such a keyword cannot survive.)
"""
import re

from .csl import full_family, keywords
from .titles import looks_like_name, sentence_case

KEYWORD_SEPARATOR = "; "

ENTRY_TYPES = {"report": "techreport", "article-newspaper": "article", "post-weblog": "misc"}
MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")

_SPECIAL = {
    "\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "&": r"\&", "%": r"\%", "$": r"\$",
    "#": r"\#", "_": r"\_", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}",
}
_ESCAPES = str.maketrans(_SPECIAL)  # one C-speed pass per value
_HAS_SPECIAL = re.compile("[" + re.escape("".join(_SPECIAL)) + "]")
_WORD = re.compile(r"[^\W\d_][\w’'\-]*")


def escape(text):
    """Escape LaTeX's special characters; everything else (UTF-8 letters too) stays."""
    return " ".join(str(text).split()).translate(_ESCAPES)


def escape_url(url):
    """URLs go in as they are (biblatex reads ``url`` verbatim); only braces and ``%`` would break
    a value, and a valid URL has no braces."""
    return url.replace("{", "%7B").replace("}", "%7D")


def title(text, proper=frozenset(), sentence=None):
    """The title escaped, with the capitals a style must keep in braces: the words that
    sentence case keeps capitalised (``titles.protected_words``), found in one pass over
    the title and its sentence-case form, whose words stand at the same places."""
    if sentence is None or len(sentence) != len(text):
        sentence = sentence_case(text, proper, capitalise_after_colon=False)
    escape_piece = (lambda piece: piece.translate(_ESCAPES)) if _HAS_SPECIAL.search(text) else str
    out, pos = [], 0
    for index, match in enumerate(_WORD.finditer(text)):
        start, end = match.span()
        out.append(escape_piece(text[pos:start]))
        word = escape_piece(match.group())
        kept = sentence[start:end]
        protect = looks_like_name(kept) or (index and kept != kept.lower())
        out.append("{" + word + "}" if protect else word)
        pos = end
    out.append(escape_piece(text[pos:]))
    return " ".join("".join(out).split())


def escape_keep_spaces(text):
    return text.translate(_ESCAPES)


def name(csl_name):
    """One BibTeX name: "Family, Given"; a body's name braced so it is never split."""
    if "literal" in csl_name:
        return "{" + escape(csl_name["literal"]) + "}"
    family, given = escape(full_family(csl_name)), escape(csl_name.get("given", ""))
    if " " in family and family.split()[0][:1].isupper():
        family = "{" + family + "}"  # "Tiu Laurel": one compound family name, not given + family
    return f"{family}, {given}" if given else family


def fields(item):
    """(field, BibTeX value) pairs in the order they are written."""
    out = []
    if item.get("author"):
        out.append(("author", "{" + " and ".join(name(n) for n in item["author"]) + "}"))
    if item.get("title"):
        out.append(("title", "{" + title(item["title"], sentence=item.get("_title-sentence-lower")) + "}"))
    kind = item.get("type")
    if kind == "report":
        for key, field in (("publisher", "institution"), ("genre", "type"), ("_series", "series"),
                           ("number", "number"), ("publisher-place", "address")):
            if item.get(key):
                out.append((field, "{" + escape(item[key]) + "}"))
    elif kind == "article-newspaper":
        if item.get("container-title"):
            out.append(("journal", "{" + escape(item["container-title"]) + "}"))
        out.append(("entrysubtype", "{newspaper}"))
        if item.get("publisher-place"):
            out.append(("location", "{" + escape(item["publisher-place"]) + "}"))
    elif item.get("container-title"):
        out.append(("howpublished", "{" + escape(item["container-title"]) + "}"))
    parts = (item.get("issued") or {}).get("date-parts", [[]])[0]
    if parts:
        out.append(("year", "{" + str(parts[0]) + "}"))
        if len(parts) > 1:
            out.append(("month", MONTHS[parts[1] - 1]))
        out.append(("date", "{" + "-".join(f"{p:02d}" if i else str(p) for i, p in enumerate(parts)) + "}"))
    if item.get("URL"):
        out.append(("url", "{" + escape_url(item["URL"]) + "}"))
        accessed = (item.get("accessed") or {}).get("date-parts", [[]])[0]
        if accessed:  # biblatex's access date of the URL
            out.append(("urldate", "{" + "-".join(f"{p:02d}" if i else str(p) for i, p in enumerate(accessed)) + "}"))
    for key, field in (("abstract", "abstract"), ("language", "language")):
        if item.get(key):
            out.append((field, "{" + escape(item[key]) + "}"))
    if keywords(item):
        out.append(("keywords", "{" + escape(KEYWORD_SEPARATOR.join(keywords(item))) + "}"))
    notes = [item.get("note", "")]
    if item.get("archive_location"):  # BibTeX has no archive field: the archived copy goes in the note
        notes.append(f"Archived copy: {item.get('archive') or 'archive'}, {item['archive_location']}")
    if any(notes):
        out.append(("note", "{" + escape("; ".join(n for n in notes if n)) + "}"))
    return out


def entry(item):
    """One BibTeX entry as text, ending with a blank line."""
    kind = ENTRY_TYPES.get(item.get("type"), "misc")
    lines = [f"@{kind}{{{item['id']},"]
    body = fields(item)
    width = max((len(f) for f, _ in body), default=0)
    lines += [f"  {f.ljust(width)} = {v}," for f, v in body]
    lines.append("}")
    return "\n".join(lines) + "\n\n"


def export(items):
    """Stream a BibTeX file, one chunk per entry."""
    for item in items:
        yield entry(item)
