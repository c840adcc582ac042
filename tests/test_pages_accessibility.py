"""Accessibility basics a visitor relies on: labelled fields, landmarks, one h1, contrast of our colours."""
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from archive.search.indexing import rebuild
from tests import site_data as make


class PageStructure(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids, self.label_for, self.fields, self.tags, self.h1 = set(), set(), [], [], 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append(tag)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if tag == "label" and attrs.get("for"):
            self.label_for.add(attrs["for"])
        if tag in ("input", "select", "textarea") and attrs.get("type") not in ("hidden", "submit"):
            self.fields.append(attrs)
        if tag == "h1":
            self.h1 += 1


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/", "/search/?q=trade&outlet=rsis", "/statements/?q=trade", "/people/", "/no-such-page/"])
def test_fields_are_labelled_and_landmarks_present(client, url):
    rsis = make.outlet("RSIS", slug="rsis")
    make.entry("Trade winds", outlet_obj=rsis)
    rebuild()
    page = PageStructure()
    page.feed(client.get(url).content.decode())
    for field in page.fields:
        assert field.get("id") in page.label_for or field.get("aria-label"), field
    assert {"header", "nav", "main", "footer"} <= set(page.tags)
    assert "main" in page.ids and page.h1 == 1


def _luminance(hex_colour):
    channels = [int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def contrast(a, b):
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def test_stylesheet_colours_meet_wcag_aa():
    css = (Path(__file__).resolve().parent.parent / "static" / "archive" / "site.css").read_text()
    colours = dict(re.findall(r"--([a-z]+):\s*(#[0-9a-fA-F]{6})", css))
    for text in ("fg", "accent", "muted", "ok", "warn"):
        assert contrast(colours[text], colours["bg"]) >= 4.5, text
    assert contrast(colours["fg"], colours["mark"]) >= 4.5
    assert contrast("#ffffff", colours["accent"]) >= 4.5  # button text
    assert "outline: 3px solid var(--focus)" in css
