"""Quotation marks: which characters open and close quotes, and which are apostrophes."""
from archive.quotes.marks import find_spans


def quoted(text):
    return [text[s.start:s.end] for s in find_spans(text)]


def test_curly_and_straight_double_quotes_mixed():
    text = 'He called it “a farce”. She said "no way" twice.'
    assert quoted(text) == ["a farce", "no way"]


def test_single_quotes_as_main_style_skip_apostrophes():
    text = "‘It’s over,’ he said. Labour’s plans were ‘built on sand’, and the 1990s’ boom is gone."
    assert quoted(text) == ["It’s over,", "built on sand"]


def test_straight_single_quotes_and_contractions():
    text = "'We can't wait,' Anwar said. It's the users' choice, not 'theirs'."
    assert quoted(text) == ["We can't wait,", "theirs"]


def test_possessive_plural_yields_to_a_real_closing_mark():
    text = "She called it ‘the voters’ verdict, not ours’ and left."
    assert quoted(text) == ["the voters’ verdict, not ours"]


def test_elided_years_are_not_opening_marks():
    text = "Kids of the ’90s remember it, he said: ‘It was a golden age.’"
    assert quoted(text) == ["It was a golden age."]


def test_nested_quotes_belong_to_the_outer_quote():
    text = "He said: “When people tell me ‘history is on our side’, I laugh.” Then he left."
    assert quoted(text) == ["When people tell me ‘history is on our side’, I laugh."]


def test_double_quotes_nested_in_single_quote_style():
    text = "‘They call it “progress”, but it is theft,’ she said."
    assert quoted(text) == ["They call it “progress”, but it is theft,"]


def test_multi_paragraph_quote_is_one_span_per_paragraph():
    # the closing mark is omitted at a paragraph's end and the next paragraph reopens: each
    # paragraph is a span, so one missing mark costs at most its paragraph
    text = "He said:\n“First paragraph ends here.\n“Second paragraph closes.”\nAfter."
    assert quoted(text) == ["First paragraph ends here.", "Second paragraph closes."]


def test_quote_crossing_a_line_break():
    text = '"We never sought confrontation with any\ncountry," he said.'
    assert quoted(text) == ["We never sought confrontation with any\ncountry,"]


def test_unclosed_quote_runs_to_its_paragraph_end_not_paired_across_the_text():
    text = "He said “this never closes.\n\n\n\nLater a “real quote” appears."
    assert quoted(text) == ["this never closes.", "real quote"]


def test_an_unclosed_mark_mid_paragraph_or_before_other_marks_makes_no_span():
    assert quoted("A stray “ mark in a menu\nHome | News") == []
    assert quoted("He said “this and “that” too.") == ["that"]


def test_an_unclosed_final_quote_is_a_quote_to_the_paragraph_end():
    text = 'X said: "We must stay united.\nThere is no other way.'
    assert quoted(text) == ["We must stay united."]
