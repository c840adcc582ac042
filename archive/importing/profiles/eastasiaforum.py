"""East Asia Forum (eastasiaforum.org, Crawford School, ANU).

Its pages put a tagline above the headline ("Peer reviewed analysis from world leading
experts"), then "Reading Time: N mins", a photo caption, and an "In Brief" summary; older
pages print "Author: NAME, Affiliation" or "Authors: A and B, Affiliation" under the
headline. The shared head reader finds the headline and the byline once the tagline and
the reading-time line are known as furniture.
"""
import re

from ..document import OutletInfo
from .base import Profile

FURNITURE = re.compile(
    r"^(?:peer reviewed analysis from world leading experts|east asia forum|eaf|reading time:.*|in brief|"
    r"a|print this page|eastasiaforum\.org.*)$",
    re.IGNORECASE,
)
SIGNS = re.compile(r"^peer reviewed analysis from world leading experts$|^authors?:\s.+,\s*East Asia Forum\s*$",
                   re.IGNORECASE | re.MULTILINE)


class EastAsiaForumProfile(Profile):
    name = "eastasiaforum"
    genre = "commentary"
    outlet = OutletInfo(name="East Asia Forum", short_name="EAF", kind="think_tank",
                        homepage="https://eastasiaforum.org", place="Canberra")
    extra_boilerplate = FURNITURE
    masthead = re.compile(r"^(?:East Asia Forum|EAF)\s*$|East Asia Forum Quarterly", re.MULTILINE)

    def detect(self, text, url=""):
        return "eastasiaforum.org" in url or bool(SIGNS.search(text))


PROFILE = EastAsiaForumProfile()
