"""Malformed text never crashes the quote engine, and its results always point into the text.

Page dumps bring empty bodies, unbalanced marks, control characters and whole articles on one
line. Whatever comes in, ``extract`` returns statements whose offsets slice the text to their
own words, and finishes.
"""
import string

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from archive.quotes import extract

MARKS = "\"“”„«»‘’'‹›「」"
# Text built from the pieces that trip a pairing state machine: marks of every style, line
# breaks, cue words, capitalised names, apostrophes, control characters.
PIECES = st.sampled_from([
    *MARKS, " ", "\n", "\n\n", "\t", "\x00", "\x0b", "\u200b", "\u00a0", ".", ",", ":", "—", "(", ")",
    "said", "told", "according to", "he", "she", "they", "the ministry", "Mr", "Dr.", "Gen.",
    "Jerome Powell", "Xinhua", "@user_1", "ChatGPT", "it's", "users’", "'90s", "We will win",
])
TEXTS = st.lists(PIECES, max_size=80).map(" ".join) | st.text(alphabet=string.printable + MARKS, max_size=400)


def check(text):
    result = extract(text)
    for s in result.statements:
        assert 0 <= s.start <= s.end <= len(text)
        assert text[s.start:s.end] == s.quote
        assert 0.0 <= s.confidence <= 1.0
        assert len(s.alternatives) <= 3
    for n in result.non_statements:
        assert text[n.start:n.end] == n.text
    return result


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_any_mix_of_marks_and_words_is_read_without_error(text):
    check(text)


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=300))
def test_any_unicode_text_is_read_without_error(text):
    check(text)


def test_empty_and_blank_texts_have_no_statements():
    for text in ("", " ", "\n\n\n", "“", "”", "\"\"", "“”"):
        assert check(text).statements == []


def test_control_characters_do_not_break_a_quote():
    text = "Smith said, \x00“We will\x0b stay the course.”\x1f Then he left."
    (s,) = [s for s in check(text).statements if s.kind != "reported"]
    assert s.speaker == "Smith" and "stay the course" in s.quote


def test_a_five_megabyte_single_line_finishes():
    # one line with no paragraph breaks at all: pairing and attribution stay bounded
    unit = "The minister said, “We will not retreat.” An analyst called it “a gamble. Others disagreed. "
    text = unit * (5_000_000 // len(unit))
    result = check(text)
    # a repeated statement is kept once, however often the page repeats it
    assert [s.quote for s in result.statements if s.kind != "reported"].count("We will not retreat.") == 1


def test_one_missing_closing_mark_costs_at_most_its_paragraph():
    text = ("Powell said: “We will stay the course until the job is done.\n"
            "Yellen told reporters, “Inflation is easing.”\n"
            "“The labour market is cooling,” said Diane Swonk.")
    quotes = {s.quote: s.speaker for s in check(text).statements if s.kind != "reported"}
    assert quotes.get("Inflation is easing.") == "Yellen"
    assert quotes.get("The labour market is cooling,") == "Diane Swonk"
