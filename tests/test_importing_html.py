"""Saved web pages: trafilatura finds the article and metadata, then the same pipeline."""
import datetime

import pytest

from archive.importing import RejectedFile, parse_file

from .importing_helpers import DATA


def test_html_article_from_an_unknown_outlet():
    path = DATA / "generic_article.html"
    doc = parse_file(path.name, path.read_bytes())
    assert doc.title == "Why Libraries Still Matter"
    assert doc.authors == ["Amara Okafor"]
    assert doc.date == datetime.date(2024, 9, 18)
    assert doc.url == "https://civicreview.example/opinion/why-libraries-still-matter"
    assert doc.outlet.name == "The Civic Review"
    assert doc.language == "en"
    assert doc.headings() == ["More Than Books", "What Funding Buys"]
    assert len(doc.paragraphs()) == 4
    body, _ = doc.body()
    assert "“We are the last public space where nobody asks you to buy anything,” said one librarian" in body
    for furniture in ["cookies", "Accept", "Copyright", "Privacy policy", "Home", "By Amara Okafor"]:
        assert furniture not in body
    assert doc.missing == []


def test_html_of_a_china_daily_column_uses_its_profile():
    paragraphs = "".join(f"<p>Paragraph {i} of the column has enough words in it to be read as running text.</p>"
                         for i in range(4))
    html = (f"<html><head><title>A Column</title></head><body><article><h1>A Column</h1>{paragraphs}"
            "<p>READ MORE: Another story</p><p>The views do not necessarily reflect those of China Daily.</p>"
            "</article></body></html>")
    doc = parse_file("column.html", html.encode())
    assert doc.profile == "chinadaily"
    assert doc.outlet.name == "China Daily"
    body, _ = doc.body()
    assert "READ MORE" not in body and "views do not" not in body


def test_html_page_without_an_article_is_refused():
    path = DATA / "no_article.html"
    with pytest.raises(RejectedFile, match="no article was found in the HTML page"):
        parse_file(path.name, path.read_bytes())


def test_html_is_recognised_by_content_whatever_the_file_name():
    html = (DATA / "generic_article.html").read_bytes()
    assert parse_file("saved-page.txt", html).title == "Why Libraries Still Matter"


def test_saved_rsis_page_goes_through_the_rsis_profile():
    path = DATA / "rsis_co24180_saved_page.html"
    doc = parse_file(path.name, path.read_bytes())
    assert doc.profile == "rsis"
    assert doc.title == "Maritime Cooperation in the South China Sea: Small Steps, Big Gains"
    assert (doc.series, doc.number) == ("RSIS Commentary", "CO24180")
    assert doc.authors == ["Tan Mei Ling", "Rahul Menon"]
    assert doc.date == datetime.date(2024, 12, 5)
    assert doc.synopsis.startswith("Claimant states have spent a decade")
    assert doc.headings() == ["Why Grand Bargains Stall"]
    assert doc.categories == ["RSIS Commentary Series", "Maritime Security"]
    assert doc.author_note.startswith("Tan Mei Ling is a Research Fellow")
    assert doc.url.startswith("https://www.rsis.edu.sg/")
    body, _ = doc.body()
    assert "SYNOPSIS" not in body and "About the Authors" not in body and "Copyright" not in body
