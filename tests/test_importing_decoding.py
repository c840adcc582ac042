"""Bytes to text: encodings, and files refused with a clear reason."""
import os

import pytest

from archive.importing import RejectedFile, parse_file
from archive.importing.decoding import decode

ARTICLE = (
    "A Café Society\n\n"
    "By Zoë Brontë\n\n"
    "The minister called it “a naïve idea” – and the résumé of the plan did not help. "
    "Critics were less polite, and the café owners who had backed it said nothing at all.\n\n"
    "A second paragraph follows with enough words in it to be read as running text, ending here.\n"
)


@pytest.mark.parametrize("encoding", ["cp1252", "utf-8", "utf-8-sig", "utf-16"])
def test_encodings_are_detected_and_characters_survive(encoding):
    doc = parse_file("article.txt", ARTICLE.encode(encoding))
    body, _ = doc.body()
    assert "“a naïve idea” – and the résumé" in body
    assert doc.title == "A Café Society"
    assert doc.authors == ["Zoë Brontë"]


def test_latin1_file_is_read_correctly():
    text = ARTICLE.replace("“", '"').replace("”", '"').replace("–", "-")
    text, encoding = decode(text.encode("latin-1"))
    assert "naïve" in text and "résumé" in text and "Zoë Brontë" in text
    assert encoding in {"cp1252", "latin-1", "iso-8859-1", "latin_1"}


def test_windows_line_endings_are_normalised():
    doc = parse_file("crlf.txt", ARTICLE.replace("\n", "\r\n").encode("cp1252"))
    assert "\r" not in doc.body()[0]


@pytest.mark.parametrize("data", [b"", b"   \n\n  \t\n"])
def test_empty_file_is_refused(data):
    with pytest.raises(RejectedFile, match="the file is empty"):
        parse_file("empty.txt", data)


@pytest.mark.parametrize("data", [
    b"%PDF-1.7\n" + bytes(range(256)) * 4,
    b"\x89PNG\r\n\x1a\n" + os.urandom(512),
    bytes(range(256)) * 8,
    os.urandom(4096),
])
def test_binary_file_is_refused(data):
    with pytest.raises(RejectedFile, match="binary file"):
        parse_file("image.txt", data)


def test_file_over_the_size_limit_is_refused():
    data = ARTICLE.encode() * 50
    with pytest.raises(RejectedFile, match="over the import limit of 1.0 KB"):
        parse_file("big.txt", data, max_bytes=1024)
    assert parse_file("big.txt", data, max_bytes=len(data)).title == "A Café Society"
