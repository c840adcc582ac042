"""CSIS, the Center for Strategic and International Studies (csis.org).

Analysis pages put an image placeholder ("Remote Visualization", "Image") under the headline
and list their authors as cards after the summary: "Image", the name (often twice), then the
role ("Director, ... and Senior Fellow, ..."). The cards are the byline.
"""
import re

from ..document import OutletInfo
from ..head import ROLE_WORDS, clean_name, looks_like_person
from .base import Profile

FURNITURE = re.compile(r"^(?:remote visualization|image|photo|csis|center for strategic (?:and|&) international studies|"
                       r"critical questions|commentary|analysis|report)$", re.IGNORECASE)
SIGNS = re.compile(r"\|\s*CSIS\s*$|^Remote Visualization$|Center for Strategic and International Studies \(CSIS\)",
                   re.MULTILINE)


class CSISProfile(Profile):
    name = "csis"
    genre = "commentary"
    outlet = OutletInfo(name="CSIS", short_name="CSIS", kind="think_tank", homepage="https://www.csis.org",
                        place="Washington, DC")
    extra_boilerplate = FURNITURE
    masthead = re.compile(r"\|\s*CSIS\s*$|^CSIS\s*$|©\s*\d{4}.{0,40}\bCSIS\b", re.MULTILINE)

    def detect(self, text, url=""):
        return "csis.org" in url or bool(SIGNS.search(text))

    def parse(self, text, source_name, *, title_hint=""):
        doc = super().parse(text, source_name, title_hint=title_hint)
        cards = author_cards(text)
        if cards and not doc.authors:
            doc.authors = cards
        elif cards and set(doc.authors) - set(cards):
            doc.authors = cards
        return doc


def author_cards(text):
    """Names from "Image / NAME / [NAME] / ROLE" cards."""
    lines = [" ".join(line.split()) for line in text.splitlines() if line.strip()]
    names = []
    for i, line in enumerate(lines):
        if line != "Image" or i + 1 >= len(lines):
            continue
        name = lines[i + 1]
        rest = lines[i + 2:i + 4]
        if looks_like_person(name) and any(ROLE_WORDS.search(r) for r in rest):
            cleaned = clean_name(name)
            if cleaned not in names:
                names.append(cleaned)
    # A last card may come without its "Image" line: NAME then a role.
    for i, line in enumerate(lines[:-1]):
        if names and looks_like_person(line) and ROLE_WORDS.search(lines[i + 1]) and lines[i - 1] != "Image" \
                and lines[i - 1] not in names and clean_name(line) not in names and i > 0 and \
                ROLE_WORDS.search(lines[i - 1] if i > 0 else ""):
            names.append(clean_name(line))
    return names


PROFILE = CSISProfile()
