"""Sentence case on real text: the names are found in the seeds' own words, not fed by hand."""
import doctest

import pytest

from archive.citations import csl, styles, titles

from .importing_helpers import CHINA_DAILY_SEED, RSIS_SEED

CHINA_DAILY_TEXT = CHINA_DAILY_SEED.read_text(encoding="utf-8")
RSIS_TEXT = RSIS_SEED.read_text(encoding="utf-8")


def test_a_name_of_two_words_is_judged_as_a_phrase():
    """The column says "Global South" and also "global markets": word by word, "Global"
    looked like an ordinary word ("global South"); as a phrase it is a name."""
    assert "global markets" in CHINA_DAILY_TEXT and "Global South" in CHINA_DAILY_TEXT
    title = "DeepSeek Offers a Lesson for the Global South"
    names = titles.proper_nouns(title, CHINA_DAILY_TEXT)
    assert "Global South" in names and "Global" not in names
    assert titles.sentence_cases(title, names) == ("DeepSeek offers a lesson for the Global South",) * 2


def test_headings_in_headline_case_are_no_evidence():
    """The commentary's heading "Shaping a Multipolar World" capitalises words only because
    headings do; elsewhere the text writes "multipolar"."""
    title = "DeepSeek: A Seed for Technological Equity and a Multipolar World"
    assert "Shaping a Multipolar World" in RSIS_TEXT
    body = RSIS_TEXT[RSIS_TEXT.index("Shattering the US AI Monopoly"):]
    names = titles.proper_nouns(title, body)
    assert not {"Multipolar World", "Multipolar", "World", "Technological Equity"} & names
    assert titles.sentence_case(title, names) == "DeepSeek: A seed for technological equity and a multipolar world"


def test_capitals_after_a_question_mark_and_a_colon():
    """A question or exclamation ends a sentence: the next word keeps its capital in both
    APA 7 (6.17) and Cite Them Right; after a colon only APA capitalises."""
    title = "Is China Winning the AI Race? The Global South Decides: A Lesson for China"
    names = titles.proper_nouns(title, CHINA_DAILY_TEXT)
    assert {"China", "Global South"} <= names
    apa, harvard = titles.sentence_cases(title, names)
    assert apa == "Is China winning the AI race? The Global South decides: A lesson for China"
    assert harvard == "Is China winning the AI race? The Global South decides: a lesson for China"
    assert titles.sentence_case("Price Wars! Who Wins?") == "Price wars! Who wins?"


def test_styles_print_the_real_text_sentence_case():
    record_names = titles.proper_nouns("DeepSeek Offers a Lesson for the Global South", CHINA_DAILY_TEXT)
    from .citation_shapes import china_daily_op_ed

    item = csl.to_csl(china_daily_op_ed(proper_nouns=record_names))
    assert styles.format_entry(item, "apa").startswith("DeepSeek offers a lesson for the Global South. (n.d.).")
    assert "‘DeepSeek offers a lesson for the Global South’" in styles.format_entry(item, "harvard")


def test_bibtex_braces_the_phrase():
    from archive.citations import bibtex

    title = "DeepSeek Offers a Lesson for the Global South"
    names = titles.proper_nouns(title, CHINA_DAILY_TEXT)
    assert bibtex.title(title, names) == "{DeepSeek} Offers a Lesson for the {Global} {South}"


@pytest.mark.parametrize("module", [titles, csl, styles])
def test_docstring_examples(module):
    failures, tried = doctest.testmod(module)
    assert tried and not failures
