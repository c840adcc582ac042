"""China Daily opinion columns (chinadaily.com.cn and the Hong Kong edition, chinadailyhk.com).

Dumps of these pages may carry a title, a byline ("By X | China Daily | Updated:
2025-02-05 09:12") and a date, or only the body. Inside the body, "READ MORE:" lines
link to other stories; the column closes with a line about the author ("The author
is ...") and the paper's disclaimer ("The views do not necessarily reflect those of
China Daily."). The shared layout rules handle all of that; this profile adds the
outlet and the paper's own furniture lines.
"""
import re

from ..document import OutletInfo
from .base import Profile

DISCLAIMER = re.compile(r"views do not necessarily reflect those of china daily", re.IGNORECASE)
FURNITURE = re.compile(
    r"^(china daily|chinadaily\.com\.cn|chinadailyhk\.com|editor'?s? ?pick|opinion|op-ed|columnists|"
    r"global edition|hk edition|hong kong edition|(chinadaily|china daily) (app|e-paper).*|"
    r"follow china daily.*|.*opinion@chinadaily.*|.*comment@chinadaily.*)$",
    re.IGNORECASE,
)


class ChinaDailyProfile(Profile):
    name = "chinadaily"
    genre = "op_ed"
    outlet = OutletInfo(name="China Daily", short_name="China Daily", kind="newspaper")
    extra_boilerplate = FURNITURE

    def detect(self, text, url=""):
        return bool(DISCLAIMER.search(text) or re.search(r"chinadaily(hk)?\.com", url)
                    or re.search(r"^By .{3,80}\|\s*China Daily", text, re.MULTILINE))


PROFILE = ChinaDailyProfile()
