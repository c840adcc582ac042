"""What kind of speaker a name is: person, organisation, AI system, publication or group.

Judged from the name's own words (Corporation, Report, Times), the description
("Chinese AI firm", "chatbot"), known AI system names, and acronyms.
"""
import re
from functools import lru_cache

from . import lexicon as lx

ACRONYM_RE = re.compile(r"^[A-Z][A-Z0-9&]{1,7}$")
VERSIONED_RE = re.compile(r"^[A-Z][\w-]*[\s-]?\d+(?:\.\d+)?[a-z]?$")


def _words(text):
    return [w.strip("()’'.,").lower() for w in text.replace("-", " ").split()]


POSSESSIVE_RE = re.compile(r"(?:[’']s|s[’'])\s+")
SPLIT_APPOSITIVE = re.compile(r"\s(?:at|of|for|with|in|from|who|whose|and|which)\s")


def description_head(description):
    """The noun a description is about: "researcher" in "Carnegie ... researcher", "professor" in
    "a professor at Harvard"."""
    main = description.split(",")[0].strip()
    owned = POSSESSIVE_RE.split(main)
    if len(owned) > 1 and owned[-1].strip():
        main = owned[-1].strip()  # "The Institute for Fiscal Studies' director": the director
    if main[:2].lower() in ("a ", "an") or main[:4].lower() == "the ":
        main = SPLIT_APPOSITIVE.split(main, maxsplit=1)[0]
    words = _words(main)
    return words[-1] if words else ""


@lru_cache(maxsize=4096)
def infer_kind(name, description=""):
    """The speaker kind of a named speaker."""
    words = _words(name)
    head = description_head(description)
    desc = {head} if head else set()
    if lx.AI_NAME_RE.match(name.strip()) or head in lx.AI_DESCRIPTORS:
        return "ai_system"
    if words and words[-1] == "affairs" and set(words) & lx.ORG_WORDS:
        return "organisation"  # "Ministry of External Affairs", not the journal Foreign Affairs
    if words and words[-1] in lx.PUBLICATION_WORDS or (words and words[-1].isdigit() and len(words) > 1
                                                        and words[-2] in lx.PUBLICATION_WORDS):
        return "publication"
    if set(words) & {"report", "study", "survey", "index", "declaration", "charter", "communique", "outlook",
                     "article", "clause", "section", "resolution", "treaty", "constitution", "act", "agreement",
                     "accord", "convention", "manifesto", "memorandum", "statement", "paper", "guidelines",
                     "update", "yearbook", "barometer"}:
        return "publication"
    if desc & {"newspaper", "magazine", "journal", "daily", "tabloid", "outlet", "report", "study", "survey", "editorial"}:
        return "publication"
    if set(words) & lx.ORG_WORDS or desc & {"firm", "company", "startup", "agency", "ministry", "organisation",
                                            "organization", "bank", "regulator", "institute", "lab", "group",
                                            "giant", "maker", "think", "tank", "government", "body"}:
        return "organisation"
    parts = name.replace("(", " ").replace(")", " ").split()
    if parts and all(ACRONYM_RE.match(p) for p in parts):
        return "organisation"
    if name.lower() in lx.KNOWN_ORGS or name.lower() in lx.GOVERNMENT_SEATS or (
            len(parts) == 1 and ACRONYM_RE.match(parts[0])):
        return "organisation"
    if len(parts) == 2 and VERSIONED_RE.match(name) and parts[1][:1].isdigit():
        return "ai_system"
    return "person"
