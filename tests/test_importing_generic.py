"""The generic fallback: commentaries from outlets the archive has no profile for."""
import datetime

import pytest

from archive.importing import RejectedFile, parse_file
from archive.importing.body import canonical_body, text_checksum
from archive.importing.layout import drop_repeats

from .importing_helpers import DATA


def parse(name):
    path = DATA / name
    return parse_file(path.name, path.read_bytes())


def test_plain_text_from_an_unknown_outlet_takes_what_it_can_find():
    doc = parse("unknown_outlet_plain.txt")
    assert doc.profile == "generic"
    assert doc.title == "The Quiet Return of Industrial Policy"
    assert doc.authors == ["Jane Doe", "Peter van der Berg"]
    assert (doc.date, doc.date_precision) == (datetime.date(2024, 5, 12), "day")
    assert doc.url == "https://example.org/commentary/quiet-return-industrial-policy"
    assert doc.categories == ["industrial policy", "trade", "economics"]
    assert doc.headings() == ["What Changed", "The Case for Rules"]
    # Hard-wrapped lines are joined back into paragraphs.
    assert doc.paragraphs()[0].startswith("Governments that spent thirty years insisting that markets pick winners better than ministries")
    assert len(doc.paragraphs()) == 4
    body, _ = doc.body()
    assert "Share this article" not in body and "Subscribe" not in body and "Tags:" not in body
    assert doc.outlet is None
    assert doc.missing == ["outlet"]


def test_body_only_text_flags_everything_it_cannot_find():
    doc = parse("unknown_outlet_body_only.txt")
    assert doc.profile == "generic"
    assert len(doc.paragraphs()) == 3
    assert doc.missing == ["title", "authors", "date", "outlet"]


def test_text_without_a_recognisable_body_is_refused():
    with pytest.raises(RejectedFile, match="no commentary text was found"):
        parse("menu_only.txt")


def test_a_dump_that_repeats_the_commentary_keeps_it_once():
    paragraph = "A paragraph long enough to be running text, with a dozen words or more in it."
    text = "\n\n".join(["A Title", "By Ann Lee", paragraph, "A Heading", paragraph + " Second.",
                      paragraph, "A Heading", paragraph + " Second.", "Copyright © 2024 Somebody"])
    doc = parse_file("repeat.txt", text.encode())
    assert doc.paragraphs() == [paragraph, paragraph + " Second."]
    assert doc.headings() == ["A Heading"]


def test_a_short_repeated_heading_alone_is_kept():
    blocks = [("heading", "Conclusion"), ("paragraph", "x " * 20), ("heading", "Conclusion")]
    assert drop_repeats(blocks) == blocks


def test_canonical_body_format_and_offsets():
    body, structure = canonical_body([("heading", " A  heading "), ("paragraph", "Line one\nline two.")])
    assert body == "A heading\n\nLine one line two."
    assert structure == [{"type": "heading", "start": 0, "end": 9}, {"type": "paragraph", "start": 11, "end": 29}]
    for block in structure:
        assert body[block["start"]:block["end"]].strip() == body[block["start"]:block["end"]]


def test_checksum_ignores_layout_and_quote_style_but_not_words():
    assert text_checksum("He said “yes”.\n\nDone.") == text_checksum('He  said "yes".\n\ndone.')
    assert text_checksum("He said yes.") != text_checksum("He said no.")


def test_closing_line_about_a_named_author_becomes_the_bio():
    text = "\n\n".join([
        "Rethinking Urban Water",
        "By Sara Lindqvist",
        "March 3, 2024",
        "Cities lose a quarter of their treated water through leaking pipes, and most do not even measure it.",
        "Photo: Reuters",
        "Fixing the pipes is cheaper than building new reservoirs, and it can start tomorrow.",
        "Sara Lindqvist is a water engineer and a visiting fellow at a European policy institute.",
    ])
    doc = parse_file("water.txt", text.encode())
    assert doc.authors == ["Sara Lindqvist"]
    assert doc.date == datetime.date(2024, 3, 3)
    assert doc.author_note.startswith("Sara Lindqvist is a water engineer")
    assert len(doc.paragraphs()) == 2 and doc.headings() == []
    assert "Photo" not in doc.body()[0]


def test_slash_dates_and_updated_lines():
    text = "A Title Here\n\nUpdated: 2024/11/05\n\n" + "A sentence under the title that is long enough to be read as running text. " * 2
    doc = parse_file("x.txt", text.encode())
    assert doc.title == "A Title Here" and doc.date == datetime.date(2024, 11, 5)
