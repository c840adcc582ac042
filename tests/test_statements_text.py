"""The pure helpers behind statements: same-statement matching, finding words again, context, near names."""
import pytest

from archive.naming_match import blocking_token, body_near_match, near_match, person_near_match
from archive.statement_text import (
    context, find_words, normalize_statement, reanchor, same_statement, shifted_offset, statement_key,
)


@pytest.mark.parametrize("a, b", [
    ("AI should not be a sceptre of power but a public tool for human civilisation.",
     "AI should not be a scepter of power, but a public tool for human civilization"),
    ("The colour of their labour is organised.", "the color of their labor is organized"),
    ("We travelled to the centre of the programme", "We traveled to the center of the program"),
    ("DeepSeek’s model is “open”", "DeepSeek's model is \"open\""),
    ("Ça ira, mon ami", "ca ira mon ami"),
])
def test_spelling_punctuation_and_case_variants_are_the_same_statement(a, b):
    assert normalize_statement(a) == normalize_statement(b)
    assert same_statement(a, b)
    assert statement_key(a) == statement_key(b)


def test_a_quote_contained_in_a_longer_one_is_the_same_statement():
    whole = "AI equity is now a multipolar consensus; the US risks losing allies if it resists this tide"
    assert same_statement("the US risks losing allies if it resists this tide.", whole)
    assert same_statement(whole, "The U.S. risks losing allies".replace("U.S.", "US") + " if it resists this tide")


def test_short_fragments_and_different_words_are_not_the_same_statement():
    assert not same_statement("engineering simplicity", "engineering simplicity defied convention in every way")
    assert not same_statement("four hours of talks ended", "for hours of talks ended today")
    assert not same_statement("The US must act now on chips", "The US must not act now on chips")


def test_words_that_merely_look_like_variants_stay_apart():
    assert normalize_statement("four hours") == "four hours"
    assert normalize_statement("your tour") == "your tour"


def test_long_statements_get_a_bounded_unique_key():
    long_a = "word " * 100 + "ending one"
    long_b = "word " * 100 + "ending two"
    assert len(statement_key(long_a)) <= 255
    assert statement_key(long_a) != statement_key(long_b)


def test_find_words_tolerates_spacing_line_breaks_and_quote_styles():
    body = "He said it was \u2018a  new\ndawn\u2019 for DeepSeek\u2019s rivals."
    assert find_words(body, "a new dawn") == [(body.index("a  new"), body.index("\u2019 for"))]
    (start, end), = find_words(body, "DeepSeek's rivals")
    assert body[start:end] == "DeepSeek\u2019s rivals"
    assert find_words(body, "a new day") == []


def test_reanchor_picks_the_occurrence_nearest_the_old_place():
    old = "“Go,” she said. Later: “Go,” he said."
    second = old.rindex("Go")
    new = "Intro. " + old
    assert reanchor("Go", second, new, old) == (second + 7, second + 9)
    assert reanchor("Go", 2, new, old) == (new.index("Go"), new.index("Go") + 2)
    assert reanchor("Stop", 2, new, old) is None


def test_shifted_offset_follows_an_insertion_before_and_stays_before_it():
    old, new = "aaaa XXXX bbbb", "aaaa inserted XXXX bbbb"
    assert shifted_offset(old, new, 2) == 2
    assert shifted_offset(old, new, old.index("bbbb")) == new.index("bbbb")


def test_context_shows_words_either_side_and_marks_cuts():
    body = "one two three four five, “the quoted words,” six seven eight nine"
    start = body.index("the quoted")
    before, quoted, after = context(body, start, start + len("the quoted words,"), words=3)
    assert before == "… four five, “"
    assert quoted == "the quoted words,"
    assert after == "” six seven …"
    assert context(body, 0, 3, words=3) == ("", "one", " two three four …")


@pytest.mark.parametrize("a, b, reason", [
    ("J. Nye", "Joseph Nye", "initials"),
    ("J.S. Nye", "Joseph Samuel Nye", "initials"),
    ("Joseph S. Nye", "Joseph Nye", "missing middle name"),
    ("Ursula von der Leyen", "Ursula Gertrud von der Leyen", "missing middle name"),
    ("Søren Kierkegaard", "Soren Kierkegaard", "diacritics"),
    ("Lech Wałęsa", "Lech Walesa", "diacritics"),
    ("Xi Jin-ping", "Xi Jinping", "spelling"),
    ("Qi Dapeng", "Dapeng Qi", "name order"),
])
def test_near_matches_between_personal_names(a, b, reason):
    assert person_near_match(a, b) == reason
    assert person_near_match(b, a) == reason


@pytest.mark.parametrize("a, b", [
    ("Joseph Nye", "Joseph Stiglitz"),
    ("John Smith", "Jane Smith"),
    ("Nye", "Joseph Nye"),  # a surname alone is too weak to propose
    ("Joseph Nye", "Joseph Nye"),  # identical: linked, not proposed
    ("José Ortega", "Jose Ortega"),  # equal once accents fold: linked, not proposed
])
def test_names_that_are_not_near_matches(a, b):
    assert person_near_match(a, b) is None


def test_near_matches_between_bodies_and_kinds():
    assert body_near_match("International Data Corporation (IDC)", "IDC") == "acronym"
    assert body_near_match("International Data Corporation", "International Data Corporation (IDC)") == "acronym"
    assert body_near_match("The World Bank", "World Bank") == "variant"
    assert body_near_match("Grok 3", "Grok 2") is None
    assert near_match("some researchers", "group", "some researchers", "group") is None
    assert near_match("J. Nye", "person", "Joseph Nye", "organisation") is None
    assert blocking_token("Ursula von der Leyen", "person") == "leyen"


def test_sentence_around_a_quote_keeps_its_cue_and_closing_marks():
    from archive.statement_text import sentence_around
    body = ("Markets fell. Then Mr. Louis Tompros of the U.S. remarked, “DeepSeek shows that. It works.” "
            "Investors were unconvinced.\n\nAccording to IDC, spending will double by 2027. Next.")
    quote = "DeepSeek shows that. It works."
    start = body.index(quote)
    assert sentence_around(body, start, start + len(quote)) == (
        "Then Mr. Louis Tompros of the U.S. remarked, “", quote, "”")
    start = body.index("spending")
    assert sentence_around(body, start, start + 28) == ("According to IDC, ", "spending will double by 2027", ".")
    long = "word " * 100 + "said “x y” and " + "more " * 100 + "end."
    before, words, after = sentence_around(long, long.index("x y"), long.index("x y") + 3, limit=5)
    assert before == "… word word word said “" and after == "” and more more more …"
