"""The Straits Times opinion pages (straitstimes.com), and its stories as e-paper readers reprint them.

Editorials carry the label "The Straits Times says" above the headline; columns a column
name ("Thinking Aloud", "News analysis"); subscriber stories end with "A version of this
article appeared in the print edition of The Straits Times on DATE, with the headline ...".
E-paper copies print "The Straits Times | DATE" and "- NAME" under the headline.
"""
import re

from ..document import OutletInfo
from ..dates import head_date
from .base import Profile

FURNITURE = re.compile(
    r"^(?:the straits times says|the sunday times says|st illustration.*|new: gift this subscriber-only story.*|"
    r"already a subscriber\?|read the full story and more at.*|get exclusive reports and insights.*|"
    r"unlock these benefits|all subscriber-only content.*|easy access any time.*|e-paper with 2-week archive.*|"
    r"join st's whatsapp channel.*|thinking aloud|global affairs|st editorial)$",
    re.IGNORECASE,
)
SIGNS = re.compile(r"^the straits times says$|^join st's whatsapp channel|^the straits times\s*$|"
                   r"print edition of the (?:sunday|straits) times", re.IGNORECASE | re.MULTILINE)
PRINT_LINE = re.compile(r"appeared in the print edition of The (?:Sunday|Straits) Times on (?P<date>[A-Z][a-z]+ \d{1,2}, \d{4})")


class StraitsTimesProfile(Profile):
    name = "straitstimes"
    genre = "op_ed"
    outlet = OutletInfo(name="The Straits Times", short_name="ST", kind="newspaper",
                        homepage="https://www.straitstimes.com", place="Singapore")
    extra_boilerplate = FURNITURE
    masthead = re.compile(r"^The (?:Straits|Sunday) Times says\s*$|^The Straits Times\s*$|print edition of The (?:Straits|Sunday) Times", re.MULTILINE)

    def detect(self, text, url=""):
        return "straitstimes.com" in url or bool(SIGNS.search(text))

    def parse(self, text, source_name, *, title_hint=""):
        doc = super().parse(text, source_name, title_hint=title_hint)
        printed = PRINT_LINE.search(text)
        if doc.date is None and printed:
            found = head_date(printed.group("date"))
            if found and found.value:
                doc.date, doc.date_precision = found.value
        return doc


PROFILE = StraitsTimesProfile()
