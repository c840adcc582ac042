"""A speaker mention taken apart: description and name, or pronoun, group, back-reference.

"Harvard AI expert Louis Tompros" → description "Harvard AI expert", name "Louis Tompros";
"he" → a pronoun to resolve; "some researchers" → a group named as written; "the company"
→ a back-reference to an organisation named earlier; "an Alibaba spokesperson" → Alibaba.
"""
from dataclasses import dataclass

from . import lexicon as lx
from .kinds import infer_kind
from .mentions import (
    LINKS, POSSESSIVE_PRONOUN, PRONOUNS, SPOKES, TEAMS, WORKS, _is_adj, _is_role, _name_like,
)


@dataclass
class Parsed:
    """A mention taken apart: what sort of reference it is, the name, the description."""

    form: str  # "name", "pronoun", "group", "backref", "anonymous"
    name: str = ""
    description: str = ""
    backref_kind: str = ""  # for "the company": organisation; for "the report": publication
    pronoun: str = ""


BODY_HEADS = {"chairman", "chairwoman", "chair", "president", "director", "head", "chief", "secretary-general",
              "director-general", "governor", "ceo"}
PEERAGE = {"lord", "lady", "baroness", "baron", "earl", "viscount"}


def _plain_name(text, sel):
    words = [t[0] for t in sel]
    if len(words) == 2 and words[0].lower() in PEERAGE:
        return text[sel[0][1]:sel[-1][2]]  # "Lord Darzi" is how a peer is named
    while len(words) > 1 and words[0].lower() in lx.TITLES:
        sel = sel[1:]
        words = words[1:]
    return text[sel[0][1]:sel[-1][2]]


def _group_head(lows, words):
    """Index of a plural group noun heading the mention ("Some analysts", "Researchers at X"), or None."""
    for g, w in enumerate(lows):
        plural = w in lx.GROUP_NOUNS or (w.endswith("s") and w[:-1] in lx.ROLES)
        if not plural or w in lx.GROUP_DETERMINERS:
            continue
        if g + 1 < len(lows) and lows[g + 1] not in LINKS:
            continue
        if any(_name_like(x) and x.lower() not in lx.DETERMINERS and x.lower() not in lx.GROUP_DETERMINERS
               and not x.endswith(("’s", "'s")) and not _is_adj(x) and x.lower() not in ("western", "eastern")
               for x in words[1:g]):
            continue
        return g
    return None


def _trailing_name(sel, linked):
    """The person's name at the end of ``sel``; after a role's complement ("ambassador to India
    Eric Garcetti") only its last two words (with particles and initials)."""
    run = []
    for t in reversed(sel):
        w = t[0]
        if _name_like(w) or w.lower() in lx.NAME_PARTICLES or (w[:-1].isupper() and w.endswith(".")):
            run.insert(0, t)
        else:
            break
    if not run:
        return []
    if linked and len(run) <= 2:
        return []  # "a librarian in Leeds", "a professor at Harvard University": the place, no name
    if linked and len(run) > 2:
        keep = 2
        while keep < len(run) and (run[-keep - 1][0].lower() in lx.NAME_PARTICLES or run[-keep - 1][0].endswith(".")
                                   or run[-keep][0].lower() in lx.NAME_PARTICLES):
            keep += 1
        run = run[-keep:]
    return run


def _lower_first(phrase, first_low):
    if phrase[:1].isupper() and (first_low in lx.GROUP_DETERMINERS or first_low in lx.DETERMINERS
                                 or first_low in lx.GROUP_NOUNS or first_low.rstrip("s") in lx.ROLES):
        return phrase[:1].lower() + phrase[1:]
    return phrase


SPOKES_PEOPLE = {"spokesperson", "spokesman", "spokeswoman", "representative", "spokespeople", "spokesmen"}


def _spokesperson_for(text, sel, lows):
    """"a spokesperson for the Ministry of External Affairs", "a deputy spokesman at the embassy":
    the body speaks through its spokesperson (description "spokesperson"). None otherwise."""
    for k, w in enumerate(lows):
        if w in SPOKES_PEOPLE and k + 1 < len(lows) and lows[k + 1] in ("for", "of", "at", "from"):
            body = sel[k + 2:]
            while body and body[0][0].lower() in lx.DETERMINERS:
                body = body[1:]
            if not body or not _name_like(body[0][0]):
                return None
            start = 1 if lows[0] in lx.DETERMINERS or lows[0] in ("one",) else 0
            description = text[sel[start][1]:sel[k][2]] if start <= k else sel[k][0]
            first = body[0][0].lower().rstrip(".")
            if first in lx.TITLES and len(body) > 1:
                return Parsed("anonymous", name=text[body[1][1]:body[-1][2]], description=description,
                              backref_kind="person")  # "a spokesman for President Lula"
            return Parsed("anonymous", name=text[body[0][1]:body[-1][2]], description=description,
                          backref_kind="organisation")
    return None


def parse(text, mention):
    """Split a mention into description and name, or say it is a pronoun, group or back-reference."""
    sel = mention.tokens
    words = [t[0] for t in sel]
    lows = [w.lower() for w in words]
    if len(words) == 1 and lows[0] in PRONOUNS:
        return Parsed("pronoun", pronoun=lows[0])
    g = _group_head(lows, words)
    if g is not None:
        return Parsed("group", name=_lower_first(mention.text, lows[0]), description=mention.description)
    if len(words) > 3 and lows[0] == "the" and lows[1] in ("government", "administration", "cabinet") and \
            lows[2] == "of" and _name_like(words[3]):
        # "The government of President Yoon Suk Yeol insists": the government, named as written
        return Parsed("name", name=text[sel[1][1]:sel[-1][2]], description="")
    if len(lows) > 4 and lows[0] == "the" and "of" in lows[2:4] and lows[lows.index("of", 2) + 1] in ("a", "an") \
            and _is_role(words[lows.index("of", 2) - 1]):
        # "The head of a farming cooperative in Niigata Prefecture": an unnamed person introduced
        return Parsed("anonymous", name=mention.text[:1].lower() + mention.text[1:], description="")
    spokes = _spokesperson_for(text, sel, lows)
    if spokes is not None:
        return spokes
    head = lows[-1]
    if head in lx.BACKREF_KIND and not words[-1][:1].isupper():
        # "the company", "The World Bank's latest Global Economic Prospects report"
        run = []
        for t in reversed(sel[:-1]):
            if _name_like(t[0]) and not t[0].endswith(("’s", "'s")) and t[0].lower() not in lx.STOP_CAPS \
                    and t[0].lower() not in lx.DETERMINERS:
                run.insert(0, t)
            else:
                break
        two = " ".join(lows[-2:])
        kind = lx.BACKREF_KIND.get(two) or lx.BACKREF_KIND[head]
        if run and not all(_is_adj(t[0]) or t[0].isupper() and kind != "publication" for t in run):
            # a report keeps its title ("Global Economic Prospects"); a body keeps its noun
            # ("the Dongguan government", "the Biden administration")
            end = run[-1][2] if kind == "publication" else sel[-1][2]
            if kind == "publication" and len(run) == 1 and not run[0][0].isupper() and lows[-1] == "report":
                end = sel[-1][2]  # "the Draghi report", "the Mueller report": named for a person
            return Parsed("name", name=text[run[0][1]:end], description=mention.text, backref_kind=kind)
        if lows[0] in ("the", "this", "that", "its", "their", "his", "her", "our", "my") or len(words) <= 2:
            return Parsed("backref", name=mention.text, backref_kind=kind, description=mention.text)
    # the last role word: a description before it, the name after it
    k = None
    lowercase_role = any(w.islower() and _is_role(w) for w in words[:-1])
    if lowercase_role or not (len(words) > 1 and words[-1][:1].isupper() and _name_like(words[-2])
                              and lows[-1] in lx.BACKREF_KIND):
        for idx in range(len(words) - 1, -1, -1):
            ends_a_name = words[idx][:1].isupper() and idx > 0 and _name_like(words[idx - 1]) and (
                lows[idx] in lx.BACKREF_KIND or idx == len(words) - 1)
            # "The National Governors’ Association", "the Teachers' Union": a plural possessive
            # role inside a body's name, not a role before a name
            # "the Intergovernmental Panel on Climate Change": a capitalised body noun inside a name
            ends_a_name = ends_a_name or (words[idx][:1].isupper() and lows[idx] in lx.ORG_WORDS and idx > 0
                                          and _name_like(words[idx - 1]) and lows[idx - 1] not in lx.DETERMINERS)
            ends_a_name = ends_a_name or (words[idx][:1].isupper() and lows[idx].endswith("s")
                                          and idx + 2 < len(words) and words[idx + 1] in ("’", "'")
                                          and lows[idx + 2] in lx.ORG_WORDS)
            if _is_role(words[idx]) and not ends_a_name:
                # a capitalised role closing a run of names is part of a body's name
                # ("Federation of American Scientists"), not the speaker's role
                k = idx
                break
    if k is not None:
        after = sel[k + 1:]
        linked = bool(after) and after[0][0] in LINKS  # lower case only: "To Lam" is a name
        if linked and lows[k] in WORKS and after[0][0].lower() in ("in", "by", "from"):
            body = [t for t in after[1:] if t[0].lower() not in lx.DETERMINERS]
            if body and all(_name_like(t[0]) or t[0].lower() in LINKS + ("and",) for t in body):
                # "a 2023 study in Nature", "a report by Human Rights Watch": where it came from
                name = text[body[0][1]:body[-1][2]]
                kind = "publication" if after[0][0].lower() == "in" else infer_kind(name)
                return Parsed("anonymous", name=name, description=mention.text,
                              backref_kind=kind if kind != "person" else "publication")
        if linked and lows[k] in SPOKES and after[0][0] in ("for", "of", "at", "from"):
            body = [t for t in after[1:] if t[0].lower() not in lx.DETERMINERS]
            if body and _name_like(body[0][0]):
                # "a spokesman for the Dongguan government": the body speaks
                return Parsed("anonymous", name=text[body[0][1]:body[-1][2]], description=mention.text,
                              backref_kind="organisation")
        if linked and lows[k] in TEAMS and words[k].islower():
            # "a team at Epoch AI": the body speaks through its team
            body = [t for t in after[1:] if t[0].lower() not in lx.DETERMINERS]
            if body:
                return Parsed("anonymous", name=text[body[0][1]:body[-1][2]], description=mention.text,
                              backref_kind="organisation")
        affiliation = None
        if after and not linked:
            # "Economist Selena Ling of OCBC": the name, then where the person works
            for q in range(1, len(after) - 1):
                if after[q][0] in ("of", "at", "from") and all(
                        _name_like(t[0]) or t[0].lower() in lx.NAME_PARTICLES for t in after[:q]):
                    affiliation = text[after[q][1]:after[-1][2]]
                    after = after[:q]
                    break
        name_sel = _trailing_name(after, linked) if after else []
        if linked and name_sel and infer_kind(text[name_sel[0][1]:name_sel[-1][2]]) != "person":
            name_sel = []  # "the head of the Federal Reserve": an office, no name
        if not name_sel and lows[k] in BODY_HEADS and len(words) == 2 and lows[0] == "its":
            # "Its chairman has warned": a body's unnamed head speaks for it, as its spokesman does
            return Parsed("pronoun", pronoun="it", description=lows[k], backref_kind="spokes")
        if not name_sel and lows[k] in SPOKES and k == 1 and lows[0] in POSSESSIVE_PRONOUN:
            # "His spokeswoman called the question “premature”": he speaks through her
            return Parsed("pronoun", pronoun=POSSESSIVE_PRONOUN[lows[0]], description=lows[k], backref_kind="spokes")
        if not name_sel and lows[k] in SPOKES and k > 0:
            body = [t for t in sel[:k] if _name_like(t[0]) and t[0].lower() not in lx.DETERMINERS]
            if body:
                # "an Alibaba spokesperson said": the organisation speaks
                name = text[body[0][1]:body[-1][2]]
                return Parsed("anonymous", name=name[:-2] if name.endswith(("’s", "'s")) else name,
                              description=mention.text, backref_kind="organisation")
        if not name_sel:
            kind = lx.BACKREF_KIND.get(lows[k], "person")
            if lows[0] in ("the", "this", "that", "its", "their", "his", "her", "our", "my") or len(words) == 1:
                return Parsed("backref", name=mention.text, backref_kind=kind, description=mention.text)
            return Parsed("anonymous", name=_lower_first(mention.text, lows[0]), description=mention.description,
                          backref_kind=kind if kind != "person" else "")
        desc_end = name_sel[0][1]
        desc_start = sel[1][1] if lows[0] in lx.DETERMINERS and len(sel) > 1 else sel[0][1]
        desc = text[desc_start:desc_end].strip()
        if affiliation:
            desc = (desc + " " if desc else "") + affiliation
        if mention.description:
            desc = (desc + ", " if desc else "") + mention.description
        return Parsed("name", name=_plain_name(text, name_sel), description=desc)
    link = next((q for q, w in enumerate(words) if q and w in LINKS), len(words))
    if lows[0] in ("a", "an", "one") and not any(_name_like(w) for w in words[1:link]):
        # "a retired postwoman in Bolton": an unnamed person, with where they are
        return Parsed("anonymous", name=_lower_first(mention.text, lows[0]), description=mention.description)
    # no role: a possessive prefix ("DeepSeek’s Liang Wenfeng"), an affiliation ("Yun Sun of the Stimson Center")
    p = 0
    for idx in range(len(words) - 1):
        if words[idx].endswith(("’s", "'s")) and words[idx][:-2].lower() not in lx.COMMON_POSSESSORS:
            p = idx + 1  # "Johns Hopkins University's China Africa Research Initiative"
        # but "The People's Daily", "King's College": a common noun's possessive inside a name
    if lows[0] in lx.DETERMINERS:
        p = max(p, 1)
    name_sel = sel[p:]
    if not name_sel:
        return Parsed("anonymous", name=mention.text, description=mention.description)
    desc = text[sel[0][1]:sel[p - 1][2]] if p and (lows[0] not in lx.DETERMINERS or p > 1) else ""
    for q in range(1, len(name_sel) - 1):
        if name_sel[q][0].lower() in ("of", "at", "from") and not any(
                t[0].lower() in lx.ORG_WORDS for t in name_sel[:q]):
            desc = (desc + " " if desc else "") + text[name_sel[q][1]:name_sel[-1][2]]
            name_sel = name_sel[:q]
            break
    name = _plain_name(text, name_sel)
    if name.endswith(("’s", "'s")):
        name = name[:-2]  # "Yellen's warning that …"
    # a body's leading article goes, as it does for "the Ministry of Commerce": "Financial Times"
    return Parsed("name", name=name, description=mention.description or desc)
