"""The Diplomat (thediplomat.com), the Asia-Pacific current-affairs magazine.

Its pages print the headline, the author's name on its own line (or "By NAME"), the topic
words ("Diplomacy, Southeast Asia"), a standfirst, a photo credit ("Credit: Depositphotos")
and the subscription prompt, and close with "Copyright © YEAR The Diplomat".
"""
import re

from ..document import OutletInfo
from .base import Profile

FURNITURE = re.compile(
    r"^(?:the diplomat|the diplomat magazine|credit:.*|enjoying this article\?.*|read full article|"
    r"subscribe for full access.*|magazine|the diplomat brief|(?:east|south|southeast|central) asia|oceania|"
    r"(?:diplomacy|politics|security|economy|society|environment)(?:,\s*[A-Z][\w ]+)*)$",
    re.IGNORECASE,
)
SIGNS = re.compile(r"copyright ©?\s*\d{4} the diplomat|^the diplomat magazine|welcome to the diplomat magazine",
                   re.IGNORECASE | re.MULTILINE)


class DiplomatProfile(Profile):
    name = "thediplomat"
    genre = "commentary"
    outlet = OutletInfo(name="The Diplomat", short_name="The Diplomat", kind="magazine",
                        homepage="https://thediplomat.com", place="Tokyo")
    extra_boilerplate = FURNITURE
    masthead = re.compile(r"copyright ©?\s*\d{4} the diplomat|^the diplomat magazine", re.IGNORECASE | re.MULTILINE)

    def detect(self, text, url=""):
        return "thediplomat.com" in url or bool(SIGNS.search(text))


PROFILE = DiplomatProfile()
