"""RSIS Commentaries (S. Rajaratnam School of International Studies, Singapore).

Page dumps of rsis.edu.sg put the commentary after the site menus as::

    CO25056 | Title
    Author One and Author Two
    17 March 2025
    SYNOPSIS / synopsis paragraph / COMMENTARY / paragraphs and headings
    About the Author(s) / bio
    Categories: A / B / C

and often repeat the commentary (from SYNOPSIS on) before the footer. Everything
from the first end marker on is ignored, so the repeat never reaches the body.
"""
import re

from ..boilerplate import is_boilerplate
from ..dates import parse_date
from ..document import OutletInfo, ParsedDocument
from ..layout import ABOUT_AUTHOR, CATEGORIES, classify, is_prose, split_blocks, split_names, take_categories
from .base import Profile

HEADER = re.compile(r"^(?P<number>(?P<prefix>[A-Z]{2,3})\d{4,6})\s*\|\s*(?P<title>.+)$")
SYNOPSIS = re.compile(r"^synopsis\s*:?$", re.IGNORECASE)
COMMENTARY = re.compile(r"^commentary\s*:?$", re.IGNORECASE)
SERIES_BY_PREFIX = {"CO": "RSIS Commentary", "IP": "IDSS Paper", "WP": "RSIS Working Paper",
                    "PR": "RSIS Policy Report"}
FURNITURE = re.compile(
    r"^(popular links|getting to rsis|get in touch|connect|rsis|rss|latest book|more info|"
    r"rsis\.\w+|rsis_\w+|rsisntu|rsisvideocast|school/rsis-ntu|nanyang technological university)$",
    re.IGNORECASE,
)


class RSISProfile(Profile):
    name = "rsis"
    genre = "commentary"
    outlet = OutletInfo(
        name="S. Rajaratnam School of International Studies (RSIS)",
        short_name="RSIS",
        kind="think_tank",
        homepage="https://www.rsis.edu.sg",
        place="Singapore",
    )
    extra_boilerplate = FURNITURE

    def detect(self, text, url=""):
        if "rsis.edu.sg" in url:
            return True
        if any(HEADER.match(line.strip()) for line in text.splitlines()):
            return "RSIS" in text
        return "S. Rajaratnam School of International Studies" in text and "RSIS Commentar" in text

    def parse(self, text, source_name, *, title_hint=""):
        blocks = split_blocks(text)
        doc = ParsedDocument(source_name=source_name, profile=self.name, genre=self.genre, outlet=self.outlet)
        _, doc.categories = take_categories(blocks)
        start = 0
        for i, block in enumerate(blocks):
            header = HEADER.match(block)
            if header:
                doc.title = header.group("title").strip()
                doc.number = header.group("number")
                doc.series = SERIES_BY_PREFIX.get(header.group("prefix"), "")
                start = i + 1
                break
        doc.title = title_hint or doc.title
        i = start
        # Byline and date: up to the synopsis, the commentary or the first paragraph.
        while i < len(blocks) and not (SYNOPSIS.match(blocks[i]) or COMMENTARY.match(blocks[i])
                                       or is_prose(blocks[i])):
            block = blocks[i]
            date = parse_date(block)
            if date:
                doc.date, doc.date_precision = date
            elif start and not self._is_furniture(block):
                doc.authors.extend(n for n in split_names(block) if n not in doc.authors)
            i += 1
        if i < len(blocks) and SYNOPSIS.match(blocks[i]):
            i += 1
            synopsis = []
            while i < len(blocks) and not COMMENTARY.match(blocks[i]) and is_prose(blocks[i]):
                synopsis.append(blocks[i])
                i += 1
            doc.synopsis = "\n\n".join(synopsis)
        if i < len(blocks) and COMMENTARY.match(blocks[i]):
            i += 1
        body = []
        while i < len(blocks) and not self._ends_body(blocks[i]):
            body.append(blocks[i])
            i += 1
        doc.blocks = classify(body, self.extra_boilerplate)
        if i < len(blocks) and ABOUT_AUTHOR.match(blocks[i]):
            i += 1
            note = []
            while i < len(blocks) and is_prose(blocks[i]) and not self._ends_body(blocks[i]):
                note.append(blocks[i])
                i += 1
            doc.author_note = "\n\n".join(note)
        return doc

    def _is_furniture(self, block):
        return is_boilerplate(block, self.extra_boilerplate)

    @staticmethod
    def _ends_body(block):
        return bool(ABOUT_AUTHOR.match(block) or CATEGORIES.match(block) or SYNOPSIS.match(block)
                    or HEADER.match(block) or re.match(r"^comments? powered by", block, re.IGNORECASE))


PROFILE = RSISProfile()
