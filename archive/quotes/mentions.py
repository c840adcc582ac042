"""How the text names a speaker at a cue: the mention, split into description and name.

"Harvard AI expert Louis Tompros remarked" → mention "Harvard AI expert Louis Tompros",
description "Harvard AI expert", name "Louis Tompros". The mention is read token by token
away from the cue (backwards for "X said", forwards for "said X" and "according to X"),
keeping capitalised words, name particles (von der, bin), role words (expert, founder),
and determiners at the edge ("the company", "some researchers").
"""
import re
from dataclasses import dataclass, field

from . import lexicon as lx
from .cues import FORM_FAMILY
from .kinds import infer_kind

TOKEN_RE = re.compile(r"(?:[A-Z]\.)+(?=\s+[A-Z])|[^\W_](?:[\w’'&.\-]*[^\W_])?|[^\w\s]")
LINKS = ("of", "for", "at", "&", "to", "in", "from")
PRONOUNS = {"he": "person", "she": "person", "they": "plural", "it": "thing", "i": "author",
            "we": "author", "him": "person", "her": "person"}
AUXILIARIES = set("""
has have had also once later then further is was were are be been would will could can may
might should must did does do just even again himself herself themselves itself not never
reportedly recently previously subsequently rightly aptly first often always repeatedly simply
only since already famously once memorably pointedly candidly bluntly publicly privately long
""".split())
DESCRIPTOR_ADJ = set("""
former senior chief top leading young veteran deputy vice executive general foreign defence
defense prime national security economic political prominent renowned noted well-known
longtime long-time independent ai tech technology policy research junior principal managing
associate assistant visiting distinguished emeritus finance trade commerce health education
science climate military intelligence industry data computer legal government state public
private investigative regional local international global then current acting interim
founding lead head outgoing incoming retired influential respected famous eminent
""".split())
QUOTED_AS_RE = re.compile(r"\s(?:was|were|is|are|has\s+been|had\s+been)\s+(?:also\s+)?quoted\s+"
                          r"(?:by\s+[^,.;“”\"]{1,60}?\s+|in\s+[^,.;“”\"]{1,60}?\s+)?as\s*$")
PARTICLE_NAME_RE = re.compile(r"^(?:al|el|ad|ash|as|at|az|abu|bin|ibn|d|l|da|de)[-’'][A-Z]")
TIME_WORDS = set("""monday tuesday wednesday thursday friday saturday sunday yesterday today tonight
january february march april may june july august september october november december week month
year morning afternoon evening night weekend""".split())
PHRASE_ENDS = {"in", "at", "from", "of", "on", "with", "who", "whose", "which", "based", "near", "outside"}
POSSESSIVE_PRONOUN = {"his": "he", "her": "she", "their": "they", "its": "it"}
WORKS = {"study", "report", "survey", "paper", "article", "analysis", "editorial", "review", "poll"}
TEAMS = {"team", "panel", "delegation", "group"}
SPOKES = {"spokesperson", "spokesman", "spokeswoman", "representative", "statement"}
APPOSITIVE_OPENERS = {"a", "an", "the", "who", "whose", "now", "formerly", "himself", "herself"}


@dataclass
class Mention:
    text: str
    start: int
    end: int
    tokens: list = field(default_factory=list)  # (word, start, end)
    description: str = ""  # from an appositive (", a professor at X,")

    @property
    def words(self):
        return [t[0] for t in self.tokens]


def tokens(text, start, end):
    return [(m.group(), m.start(), m.end()) for m in TOKEN_RE.finditer(text, start, end)]


def is_cap(word):
    return word[:1].isupper() or (word[:1].isdigit() and any(c.isalpha() for c in word))


def _is_role(word):
    w = word.lower().rstrip(".")
    if w.endswith(("’s", "'s")):
        return False
    if w in lx.ROLES or w in lx.GROUP_NOUNS or w in lx.BACKREF_KIND or (w.endswith("s") and w[:-1] in lx.ROLES):
        return True
    if "-" in w:  # Secretary-General, Vice-President, Editor-in-chief
        return any(part in lx.ROLES for part in w.split("-"))
    return False


def _is_adj(word):
    w = word.lower()
    return w in DESCRIPTOR_ADJ or w.endswith(("al", "ic", "ese", "ian", "ish", "-based"))


def _name_like(word):
    if len(word) > 1 and word.isupper() and word.isalpha():
        return True  # an acronym: IT, IDC, NATO
    if PARTICLE_NAME_RE.match(word):
        return True  # al-Sisi, bin-Salman, d'Estaing
    w = word.lower()
    return is_cap(word) and w.rstrip(".") not in lx.STOP_CAPS and w not in PRONOUNS


def _collect_back(toks, i):
    """Indices [j, i] of the mention ending at token i (inclusive), or None."""
    j = i
    seen_role = False
    while j >= 0:
        word = toks[j][0]
        low = word.lower()
        if word == ")":
            k = j - 1
            while k >= 0 and k > j - 8 and toks[k][0] != "(":
                k -= 1
            if k >= 0 and toks[k][0] == "(" and k < j - 1 and all(_name_like(t[0]) for t in toks[k + 1:j]):
                j = k - 1
                continue
            break

        if j < i and word == ":" and j > 0 and (_name_like(toks[j - 1][0]) or toks[j - 1][0].isdigit()) \
                and _name_like(toks[j + 1][0]):
            j -= 1
            continue
        if _is_role(word):
            seen_role = True
        elif _name_like(word):
            pass
        elif word.isdigit() and j > 0 and _name_like(toks[j - 1][0]) and len(word) <= 4:
            pass
        elif low in lx.NAME_PARTICLES or low in LINKS:
            if low in ("to", "in", "from") and not (j > 0 and _is_role(toks[j - 1][0])):
                break
            if not (j > 0 and (_name_like(toks[j - 1][0]) or _is_role(toks[j - 1][0])
                               or toks[j - 1][0].lower() in lx.NAME_PARTICLES)):
                break
        elif low == "the" and j > 1 and toks[j - 1][0].lower() in LINKS and j < i:
            pass  # "Yun Sun of the Stimson Center"
        elif low in lx.DETERMINERS or low in lx.GROUP_DETERMINERS:
            return j
        elif seen_role and word.isalpha() and word.islower() and _is_adj(word):
            pass
        elif word.isalpha() and word.islower() and j + 1 <= i and _is_role(toks[j + 1][0]) and \
                low not in lx.STOP_CAPS and low not in AUXILIARIES and not low.endswith(("ed", "ing")) \
                and low not in FORM_FAMILY:
            pass  # "factory owner", "hedge fund manager"
        else:
            break
        j -= 1
    j += 1
    return j if j <= i else None


def _trim(toks, j, i):
    while j <= i and (toks[j][0].lower() in LINKS + (":",) or toks[j][0] in "()"):
        j += 1
    while i >= j and (toks[i][0].lower() in LINKS + (":", "(", "the")):
        i -= 1
    return j, i


def _valid(words):
    if not words:
        return False
    last = words[-1]
    low = last.lower()
    if low in lx.DETERMINERS or low in lx.GROUP_DETERMINERS:
        return False
    return any(_name_like(w) or _is_role(w) for w in words)


def _make(text, toks, j, i, description=""):
    j, i = _trim(toks, j, i)
    if j > i:
        return None
    sel = toks[j:i + 1]
    words = [t[0] for t in sel]
    if not _valid(words):
        return None
    start, end = sel[0][1], sel[-1][2]
    return Mention(text[start:end], start, end, sel, description)


def mention_before(text, end, lo):
    """The speaker mention that ends just before ``end`` (a cue), not reaching before ``lo``."""
    lo = max(lo, end - 300)
    quoted_as = QUOTED_AS_RE.search(text, lo, end)
    if quoted_as:
        end = quoted_as.start()  # "X was quoted by Reuters as saying"
    toks = tokens(text, lo, end)
    i = len(toks) - 1
    while i >= 0:
        low = toks[i][0].lower()
        if low in AUXILIARIES or (toks[i][0].islower() and low.endswith("ly") and len(low) > 4):
            i -= 1
        elif low == "as" and i > 0 and toks[i - 1][0].lower() == "quoted":
            i -= 2  # "was quoted as saying"
        elif low in TIME_WORDS or (low.isdigit() and i > 0 and toks[i - 1][0].lower() in TIME_WORDS):
            # "Vice Premier He Lifeng on Wednesday called for", "said last week"
            k = i
            while k >= 0 and (toks[k][0].lower() in TIME_WORDS or toks[k][0].isdigit()):
                k -= 1
            if k >= 0 and toks[k][0].lower() in ("on", "last", "this", "earlier", "later", "in"):
                k -= 1
            if k == i:
                break
            i = k
        else:
            break
    if i < 0:
        return None
    if toks[i][0] == ")":
        # "The German chancellor (who has been cooler on the idea) said": skip the aside
        k = i - 1
        while k >= 0 and i - k < 30 and toks[k][0] != "(":
            k -= 1
        if k > 0 and toks[k][0] == "(" and k + 1 < i and toks[k + 1][0][:1].islower():
            i = k - 1
    word = toks[i][0]
    low = word.lower()
    if low in ("who", "which", "that") and i > 0:
        # relative clause: "a newspaper that called it", "Smith, who said"
        k = i - 1
        if toks[k][0] == ",":
            k -= 1
        if k < 0 or (low == "that" and toks[k][0].lower() in lx.GROUP_NOUNS):
            return None  # "told investors that demand …": "that" opens what was said
        return _from(text, toks, k)
    if low in PRONOUNS and low not in ("him", "her"):
        return Mention(word, toks[i][1], toks[i][2], [toks[i]])
    if word == ",":
        # appositive: "Smith, a professor at Harvard, said" (the appositive may hold commas itself)
        k = i - 1
        commas = 0
        while k > 0 and i - k < 30 and commas < 3:
            if toks[k][0] in (".", ";", "“", "”", '"'):
                break
            if toks[k][0] == "," and k + 1 < i:
                commas += 1
                inner = toks[k + 1:i]
                if commas == 1 and 2 <= len(inner) <= 9 and _name_like(inner[0][0]) and all(
                        _name_like(t[0]) or t[0].lower() in lx.NAME_PARTICLES or t[0].endswith(".")
                        or t[0].lower() in ("of", "at", "from", "the") for t in inner) or (
                        commas == 1 and len(inner) == 1 and _name_like(inner[0][0])):
                    # "His foreign minister, Sugiono, told": the name between commas, the role before
                    described = _from(text, toks, k - 1)
                    if described is not None and described.words[-1].lower() in lx.ROLES:
                        mention = _make(text, toks, k + 1, i - 1)
                        if mention is not None:
                            mention.description = described.text
                            return mention
                first = toks[k + 1][0]
                if first.lower() in APPOSITIVE_OPENERS or first.endswith(("’s", "'s")) or _is_role(first) or first.islower():
                    mention = _from(text, toks, k - 1)
                    if mention is not None:
                        mention.description = text[toks[k + 1][1]:toks[i - 1][2]]
                        return mention
            k -= 1
        return None
    return _from(text, toks, i)


def _from(text, toks, i):
    mention = _from_tokens(text, toks, i)
    if mention is not None:
        first = mention.tokens[0]
        k = toks.index(first)
        if k > 0 and toks[k - 1][0].lower() in lx.GENERIC_QUANTIFIERS:
            return None  # "Every government promises “structural change”": nobody in particular
    return mention


def _from_tokens(text, toks, i):
    j = _collect_back(toks, i)
    if j is None:
        # "China's position paper on the Ukraine crisis": a document named by its subject
        for k in range(i - 1, max(-1, i - 7), -1):
            if toks[k][0] in ",.;:“”\"":
                break
            if toks[k][0].lower() in ("on", "about", "into") and k > 0 and \
                    lx.BACKREF_KIND.get(toks[k - 1][0].lower()) == "publication":
                j = _collect_back(toks, k - 1)
                if j is not None:
                    mention = _make(text, toks, j, k - 1)
                    if mention is not None:
                        return Mention(text[mention.start:toks[i][2]], mention.start, toks[i][2],
                                       toks[j:i + 1], mention.description)
                break
        return None
    return _make(text, toks, j, i)


def mention_after(text, start, hi):
    """The speaker mention that starts at ``start`` ("said Louis Tompros, a ...", "according to X")."""
    hi = min(hi, start + 300)
    toks = tokens(text, start, hi)
    if not toks:
        return None
    first = toks[0][0].lower()
    if first in PRONOUNS and first not in ("him", "her"):
        return Mention(toks[0][0], toks[0][1], toks[0][2], [toks[0]])
    if len(toks) > 3 and first in ("a", "an", "the") and toks[1][0].lower() in SPOKES | {"report", "study", "survey",
                                                                                       "paper", "note"} \
            and toks[2][0].lower() in ("from", "by", "of", "issued"):
        # "according to a statement from the White House": the White House speaks
        inner = mention_after(text, toks[3][1] if toks[2][0].lower() != "issued" else toks[3][1], hi)
        if inner is not None:
            inner.description = text[toks[0][1]:toks[2][2]]
            return inner
    i = 0
    if first in lx.DETERMINERS or first in lx.GROUP_DETERMINERS:
        i = 1
    seen_name = False
    while i < len(toks):
        word = toks[i][0]
        low = word.lower()
        if word == "(":
            k = i + 1
            while k < len(toks) and k < i + 8 and toks[k][0] != ")":
                k += 1
            if k < len(toks) and toks[k][0] == ")" and seen_name:
                i = k + 1
                continue
            break
        if _is_role(word) or _name_like(word):
            seen_name = True
        elif word.endswith(("’s", "'s")) and _is_role(word[:-2]) and i + 1 < len(toks):
            pass  # "said the ministry’s deputy spokesperson Lin Jian"
        elif word.isdigit() and i > 0 and _name_like(toks[i - 1][0]) and len(word) <= 4:
            pass
        elif low in lx.NAME_PARTICLES or low in LINKS or (low == "the" and i > 0 and toks[i - 1][0].lower() in LINKS):
            if not (i + 1 < len(toks) and (_name_like(toks[i + 1][0]) or _is_role(toks[i + 1][0])
                                           or toks[i + 1][0].lower() in ("the",) + tuple(lx.NAME_PARTICLES))):
                break
        elif word.islower() and word.isalpha() and i + 1 < len(toks) and (
                _is_role(toks[i + 1][0]) or (_is_adj(word) and (_is_adj(toks[i + 1][0]) or _name_like(toks[i + 1][0]))))\
                and low not in lx.STOP_CAPS \
                and low not in FORM_FAMILY and low not in AUXILIARIES:
            pass
        else:
            break
        i += 1
    mention = _make(text, toks, 0, i - 1)
    if mention is None and first in ("a", "an", "one"):
        # "says one senior mandarin.": an unnamed source in plain words
        k = 1
        while k < len(toks) and k < 6 and toks[k][0].isalpha() and toks[k][0].islower() \
                and toks[k][0].lower() not in FORM_FAMILY and toks[k][0].lower() not in lx.STOP_CAPS:
            k += 1
        if k > 1 and (k == len(toks) or toks[k][0] in ",.;:!?)" or toks[k][0].lower() in PHRASE_ENDS):
            sel = toks[:k]
            return Mention(text[sel[0][1]:sel[-1][2]], sel[0][1], sel[-1][2], sel)
    if mention is None:
        return None
    if i + 2 < len(toks) and toks[i][0] == "," and mention.words[-1].lower() in lx.ROLES:
        # "His deputy, Jonathan Malaya, went further": the name after the role
        k = i + 1
        while k < len(toks) and k < i + 6 and (_name_like(toks[k][0]) or toks[k][0].lower() in lx.NAME_PARTICLES):
            k += 1
        if k > i + 1 and k < len(toks) and toks[k][0] == ",":
            named = _make(text, toks, i + 1, k - 1)
            if named is not None:
                named.description = mention.text
                return named
    # appositive after the name: "said Louis Tompros, a Harvard AI expert."
    if i + 1 < len(toks) and toks[i][0] == "," and toks[i + 1][0].lower() in APPOSITIVE_OPENERS:
        k = i + 1
        while k < len(toks) and toks[k][0] not in (",", ".", ";", "“", "”", '"', "—", "–"):
            k += 1
        if k > i + 2:
            mention.description = text[toks[i + 1][1]:toks[k - 1][2]]
    return mention


@dataclass
class Parsed:
    """A mention taken apart: what sort of reference it is, the name, the description."""

    form: str  # "name", "pronoun", "group", "backref", "anonymous"
    name: str = ""
    description: str = ""
    backref_kind: str = ""  # for "the company": organisation; for "the report": publication
    pronoun: str = ""


def _plain_name(text, sel):
    words = [t[0] for t in sel]
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
            return Parsed("name", name=text[run[0][1]:run[-1][2]], description=mention.text,
                          backref_kind=kind)
        if lows[0] in ("the", "this", "that", "its", "their", "his", "her", "our", "my") or len(words) <= 2:
            return Parsed("backref", name=mention.text, backref_kind=kind, description=mention.text)
    # the last role word: a description before it, the name after it
    k = None
    lowercase_role = any(w.islower() and _is_role(w) for w in words[:-1])
    if lowercase_role or not (len(words) > 1 and words[-1][:1].isupper() and _name_like(words[-2])
                              and lows[-1] in lx.BACKREF_KIND):
        for idx in range(len(words) - 1, -1, -1):
            if _is_role(words[idx]) and not (words[idx][:1].isupper() and lows[idx] in lx.BACKREF_KIND
                                             and idx > 0 and _name_like(words[idx - 1])):
                k = idx
                break
    if k is not None:
        after = sel[k + 1:]
        linked = bool(after) and after[0][0].lower() in LINKS
        if linked and lows[k] in WORKS and after[0][0].lower() in ("in", "by", "from"):
            body = [t for t in after[1:] if t[0].lower() not in lx.DETERMINERS]
            if body and all(_name_like(t[0]) or t[0].lower() in LINKS for t in body):
                # "a 2023 study in Nature", "a report by Human Rights Watch": where it came from
                name = text[body[0][1]:body[-1][2]]
                kind = "publication" if after[0][0].lower() == "in" else infer_kind(name)
                return Parsed("anonymous", name=name, description=mention.text,
                              backref_kind=kind if kind != "person" else "publication")
        if linked and lows[k] in TEAMS:
            # "a team at Epoch AI": the body speaks through its team
            body = [t for t in after[1:] if t[0].lower() not in lx.DETERMINERS]
            if body:
                return Parsed("anonymous", name=text[body[0][1]:body[-1][2]], description=mention.text,
                              backref_kind="organisation")
        name_sel = _trailing_name(after, linked) if after else []
        if linked and name_sel and infer_kind(text[name_sel[0][1]:name_sel[-1][2]]) != "person":
            name_sel = []  # "the head of the Federal Reserve": an office, no name
        if not name_sel and lows[k] in SPOKES and k == 1 and lows[0] in POSSESSIVE_PRONOUN:
            # "His spokeswoman called the question “premature”": he speaks through her
            return Parsed("pronoun", pronoun=POSSESSIVE_PRONOUN[lows[0]])
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
        if mention.description:
            desc = (desc + ", " if desc else "") + mention.description
        return Parsed("name", name=_plain_name(text, name_sel), description=desc)
    if lows[0] in ("a", "an", "one") and not any(_name_like(w) for w in words[1:]):
        return Parsed("anonymous", name=_lower_first(mention.text, lows[0]), description=mention.description)
    # no role: a possessive prefix ("DeepSeek’s Liang Wenfeng"), an affiliation ("Yun Sun of the Stimson Center")
    p = 0
    for idx in range(len(words) - 1):
        if words[idx].endswith(("’s", "'s")):
            p = idx + 1  # "Johns Hopkins University's China Africa Research Initiative"
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
    if lows[0] == "the" and p == 1 and _is_periodical(name):
        name = text[sel[0][1]:name_sel[-1][2]]
    return Parsed("name", name=name, description=mention.description or desc)


def _is_periodical(name):
    return any(w.lower() in lx.PERIODICAL_WORDS for w in name.split())
