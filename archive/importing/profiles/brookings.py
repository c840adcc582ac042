"""The Brookings Institution (brookings.edu) commentary and analysis pages.

Dumps open with the site's "Sections" menu and a content-type word ("Commentary",
"Analysis"), then the headline, a photo caption that ends with "/ Brookings" (its names and
date belong to the photo, not to the byline), and an "Editor's note:".
"""
import re

from ..document import OutletInfo
from .base import Profile

FURNITURE = re.compile(
    r"^(?:sections|commentary|analysis|expert commentary|op-ed|research|editor's note:?|brookings|"
    r"the brookings institution|share|search|subscribe to.*|sign up.*)$",
    re.IGNORECASE,
)
SIGNS = re.compile(r"/ Brookings\s*$|^Brookings Institution\s*$|at the Brookings Institution\.\s*$", re.MULTILINE)


class BrookingsProfile(Profile):
    name = "brookings"
    genre = "commentary"
    outlet = OutletInfo(name="Brookings", short_name="Brookings", kind="think_tank",
                        homepage="https://www.brookings.edu", place="Washington, DC")
    extra_boilerplate = FURNITURE
    masthead = re.compile(r"/ Brookings\s*$|^The Brookings Institution\s*$|©\s*\d{4}.{0,20}Brookings", re.MULTILINE)

    def detect(self, text, url=""):
        head = "\n".join(text.splitlines()[:15])
        return "brookings.edu" in url or (bool(SIGNS.search(head)) and "Sections" in head)


PROFILE = BrookingsProfile()
