"""D7: a page dump saved as one enormous line is read as paragraphs of bounded length.

The quote engine reads a paragraph's earlier cues for every quote, so one 8 MB
paragraph cost it minutes; sentences are now grouped into paragraphs of at most
MAX_PARAGRAPH_CHARS characters, with every word kept in order.
"""
from archive.importing import parse_file
from archive.importing.pipeline import MAX_PARAGRAPH_CHARS, split_long_blocks


def _one_line(sentences):
    return " ".join(f"Sentence {i} says that “trade will grow,” the minister said." for i in range(sentences))


def test_a_single_line_file_becomes_bounded_paragraphs_with_the_same_words():
    line = _one_line(3000)
    doc = parse_file("one-line.txt", f"A Long Title\n\n{line}\n".encode())
    paragraphs = doc.paragraphs()
    assert len(paragraphs) > 20
    assert max(len(p) for p in paragraphs) <= MAX_PARAGRAPH_CHARS
    assert " ".join(paragraphs).split() == line.split()
    # Cut at sentence ends: every paragraph ends a sentence.
    assert all(p.endswith("said.") for p in paragraphs)


def test_short_paragraphs_and_headings_are_untouched():
    blocks = [("heading", "H " * 3000), ("paragraph", "Short one."), ("paragraph", "x" * 10)]
    assert split_long_blocks(blocks) == blocks


def test_text_without_sentence_ends_or_spaces_is_still_cut():
    assert [len(t) for _, t in split_long_blocks([("paragraph", "y" * 9000)], limit=4000)] == [4000, 4000, 1000]
    pieces = split_long_blocks([("paragraph", "word " * 2000)], limit=1000)
    assert all(len(t) <= 1000 for _, t in pieces)
    assert " ".join(t for _, t in pieces).split() == ["word"] * 2000
