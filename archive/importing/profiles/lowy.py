"""The Interpreter, published daily by the Lowy Institute (lowyinstitute.org/the-interpreter).

Its pages open with the masthead line "Published daily by the Lowy Institute" or with the
site's clock ("Tuesday 20 Feb 2018 | 22:41 | SYDNEY") under "What's happening at the" /
"What's happening on": the clock is the reader's time, never the article's date, which is
printed under the headline ("10 September 2010 09:17"). Section pages ("Asia and Pacific",
"Myanmar") list teasers and are read as listings.
"""
import re

from ..document import OutletInfo
from .base import Profile

FURNITURE = re.compile(
    r"^(?:what's happening (?:at|on)(?: the)?|published daily by the lowy institute|the interpreter|"
    r"interpreter - menu links|articles|debates|contributors|about)$",
    re.IGNORECASE,
)
SIGNS = re.compile(r"^published daily by the lowy institute$|^\w+day \d{1,2} \w{3} \d{4} \| \d{1,2}:\d{2} \| SYDNEY$",
                   re.IGNORECASE | re.MULTILINE)


class LowyInterpreterProfile(Profile):
    name = "lowy"
    genre = "commentary"
    outlet = OutletInfo(name="Lowy Institute", short_name="The Interpreter", kind="think_tank",
                        homepage="https://www.lowyinstitute.org/the-interpreter", place="Sydney")
    extra_boilerplate = FURNITURE
    masthead = re.compile(r"^Published daily by the Lowy Institute\s*$", re.IGNORECASE | re.MULTILINE)

    def detect(self, text, url=""):
        return "lowyinstitute.org" in url or "lowyinterpreter" in url or bool(SIGNS.search(text))


PROFILE = LowyInterpreterProfile()
