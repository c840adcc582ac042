"""South China Morning Post opinion pages (scmp.com/comment).

Dumps of its opinion articles carry the site's navigation first, with the list of its
columnists' names under "Columnists" (none of them is the byline), then a caption, the
author's name (twice), "Opinion", the headline, the summary bullets and "Updated: 9:03am,
25 Sep, 2019". After "TOP PICKS" come other columns with their own headlines and authors,
which are not this article's. Older pages print "PUBLISHED : Saturday, 10 May, 2014, 4:13am".
Index pages ("Comment | South China Morning Post" with "Today's poll", "Column finder") list
columns and are read as listings.
"""
import re

from ..document import OutletInfo
from ..head import headline_shape, looks_like_person
from .base import Profile

FURNITURE = re.compile(
    r"^(?:scmp|scmp editorial|channels|columnists|opinion|comment|top picks|read full article|scmp today:.*|"
    r"get updates direct to your inbox|by registering, you agree to our t&c and privacy policy|download the sc.*|"
    r"hong kong opinion|china opinion|asia opinion|world opinion|scmp editorials|letters|harry's view|"
    r"video opinion|my take|asian angle|\+ follow|advertisement|videocam)$",
    re.IGNORECASE,
)
SIGNS = re.compile(r"^SCMP$|\|\s*South China Morning Post\s*$|^SCMP TODAY", re.MULTILINE)
INDEX = re.compile(r"^(?:Today's poll|Column finder|Leaders & Letters)$", re.MULTILINE)


class SCMPProfile(Profile):
    name = "scmp"
    genre = "op_ed"
    outlet = OutletInfo(name="South China Morning Post", short_name="SCMP", kind="newspaper",
                        homepage="https://www.scmp.com", place="Hong Kong")
    extra_boilerplate = FURNITURE
    masthead = re.compile(r"^SCMP$|South China Morning Post", re.MULTILINE)

    def detect(self, text, url=""):
        return "scmp.com" in url or bool(SIGNS.search(text))

    def parse(self, text, source_name, *, title_hint=""):
        lines = text.splitlines()
        kept, skipping = [], False
        for line in lines:
            stripped = line.strip()
            if stripped == "TOP PICKS":
                break  # other columns follow
            if stripped == "Columnists":
                skipping = True
                continue
            if skipping:
                if stripped == "Channels":
                    skipping = False
                continue
            kept.append(line)
        doc = super().parse("\n".join(kept), source_name, title_hint=title_hint)
        if INDEX.search(text):
            doc.title, doc.authors, doc.date, doc.date_precision = "", [], None, "unknown"
            doc.doubts["title"] = "the page lists several articles"
            return doc
        names = [" ".join(s.split()) for s in kept if looks_like_person(s.strip())]
        repeated = {n for n in names if names.count(n) >= 2}
        if not doc.authors and len(repeated) == 1:
            doc.authors = [next(iter(repeated))]
        if not doc.title and doc.authors:
            # The headline is the line that follows the author's name under "Opinion".
            clean = [" ".join(s.split()) for s in kept if s.strip()]
            for i, line in enumerate(clean[:-1]):
                following = clean[i + 1]
                if line == doc.authors[0] and headline_shape(following) and not looks_like_person(following) \
                        and not FURNITURE.match(following):
                    doc.title = following
                    doc.doubts.pop("title", None)
                    break
        return doc


PROFILE = SCMPProfile()
