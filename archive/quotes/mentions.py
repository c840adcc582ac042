"""How the text names a speaker at a cue: the words of the mention (descriptors.py splits them).

"Harvard AI expert Louis Tompros remarked" → mention "Harvard AI expert Louis Tompros".
The mention is read token by token
away from the cue (backwards for "X said", forwards for "said X" and "according to X"),
keeping capitalised words, name particles (von der, bin), role words (expert, founder),
and determiners at the edge ("the company", "some researchers").
"""
import re
from dataclasses import dataclass, field

from . import lexicon as lx
from .cues import FORM_FAMILY
from .kinds import description_head, infer_kind
from .places import DEMONYMS

# A title abbreviation keeps its point ("Mr. Denny Roy", "Gen. Charles Flynn"): the point ends
# no mention and no sentence
TITLE_ABBREVIATION = r"(?:Mr|Mrs|Ms|Dr|Prof|Gen|Sen|Rep|Gov|Lt|Col|Sgt|Capt|Cmdr|Adm|Hon|Rev|Maj|Brig|Supt|Insp|Amb|Pres)\."
TOKEN_RE = re.compile(TITLE_ABBREVIATION + r"(?=\s+[A-Z])|(?:[A-Z]\.)+(?=\s+[A-Z])|[^\W_](?:[\w’'&.\-]*[^\W_])?|[^\w\s]")
LINKS = ("of", "for", "at", "&", "to", "in", "from", "on")
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
PARTICLE_NAME_RE = re.compile(rf"^{lx.JOINED_PARTICLE_ALT}[-’'][A-Z]")
PLACE_NOUNS = {"district", "province", "county", "village", "suburb", "prefecture", "township", "neighbourhood",
               "neighborhood", "region"}
FAMILIAR_RE = re.compile(r"\s+(?:familiar|close|briefed|involved|working|responsible)\s+(?:with|to|on|in|for)\s+(?:the\s+)?[a-z]+(?:\s+[a-z]+)?"
                         r"(?:,\s+who\s+[^,]{1,80},)?(?=\s*$)")
FAMILIAR_AFTER_RE = re.compile(r"\s+(?:familiar|close|briefed|involved|working|responsible)\s+(?:with|to|on|in|for)\s+(?:the\s+)?[a-z]+(?:\s+[a-z]+)?"
                               r"(?=\s*[,.;:—–)]|\s+(?:said|says|told|added))")
TIME_WORDS = set("""monday tuesday wednesday thursday friday saturday sunday yesterday today tonight
january february march april may june july august september october november december week month
year morning afternoon evening night weekend""".split())
PHRASE_ENDS = {"in", "at", "from", "of", "on", "with", "who", "whose", "which", "based", "near", "outside"}
POSSESSIVE_PRONOUN = {"his": "he", "her": "she", "their": "they", "its": "it"}
WORKS = {"study", "report", "survey", "paper", "article", "analysis", "editorial", "review", "poll"}
TEAMS = {"team", "panel", "delegation", "group"}
SPOKES = {"spokesperson", "spokesman", "spokeswoman", "representative", "statement"}
CLAUSE_OPENERS = {"and", "but", "while", "whereas", "meanwhile", "yet", "so", "then", "also"}
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
    if "-" in w:  # Secretary-General, Vice-President, Editor-in-chief, "the 37-year-old"
        return any(part in lx.ROLES for part in w.split("-")) or AGE_RE.match(w) is not None
    return False


def _is_adj(word):
    w = word.lower()
    # a demonym describes ("the Israeli newspaper", "the Iraqi minister"); the suffixes catch most,
    # the table the rest
    return w in DESCRIPTOR_ADJ or w.endswith(("al", "ic", "ese", "ian", "ish", "-based")) or w in DEMONYMS


AGE_RE = re.compile(r"^\d+-(?:year|month)-old$")


def _name_like(word):
    if len(word) > 1 and word.isupper() and word.isalpha():
        return True  # an acronym: IT, IDC, NATO
    if PARTICLE_NAME_RE.match(word):
        return True  # al-Sisi, bin-Salman, d'Estaing
    if AGE_RE.match(word):
        return False
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
        elif low in lx.PLACE_NOUNS and j == i and j > 0 and _name_like(toks[j - 1][0]):
            pass  # "one farmer in Ben Tre province told us"
        elif j == i and j > 2 and word.isalpha() and word.islower() and toks[j - 1][0] == "the" and \
                toks[j - 2][0] in ("of", "at", "from", "in") and _is_role(toks[j - 3][0]):
            pass  # "A resident of the city, who asked not to be named, said"
        elif word in ("’", "'") and j > 0 and j < i and toks[j - 1][0].endswith("s") and toks[j - 1][2] == toks[j][1] \
                and toks[j - 1][0].isalpha():
            j -= 1  # "Nurses’ leaders have warned": a plural possessive in the mention
        elif word.isdigit() and j > 0 and _name_like(toks[j - 1][0]) and len(word) <= 4:
            pass
        elif low in lx.NAME_PARTICLES or low in LINKS:
            if low in ("to", "in", "from") and not (j > 0 and _is_role(toks[j - 1][0])) and not (
                    low == "in" and j < i and _body_words_before(toks, j)):
                break
            if not (j > 0 and (_name_like(toks[j - 1][0]) or _is_role(toks[j - 1][0])
                               or toks[j - 1][0].lower() in lx.NAME_PARTICLES)):
                break
        elif low == "and" and 0 < j < i and _name_like(toks[j - 1][0]) and (
                _name_like(toks[j + 1][0]) or (toks[j + 1][0] == "the" and j + 2 <= i and _name_like(toks[j + 2][0]))
        ) and (any(t[0].lower() in lx.ORG_WORDS or t[0].lower() in ("studies", "affairs")
                   for t in toks[max(0, j - 6):i + 1]) or _role_with_link_before(toks, j)):
            pass  # "Center for Strategic and International Studies", "Minister for Sustainability and the Environment"
        elif low == "the" and j > 1 and toks[j - 1][0].lower() in LINKS + ("and",) and j < i:
            pass  # "Yun Sun of the Stimson Center", "Minister for Sustainability and the Environment"
        elif low in lx.DETERMINERS or low in lx.GROUP_DETERMINERS:
            return j
        elif seen_role and word.isalpha() and word.islower() and _is_adj(word):
            pass
        elif seen_role and word.islower() and word.endswith(("’s", "'s")) and word[:-2].isalpha():
            pass  # "the company’s chief executive said"
        elif seen_role and word.isalpha() and word.islower() and j + 2 <= i and toks[j + 1][0].islower() and \
                _is_role(toks[j + 2][0]) and low not in lx.STOP_CAPS and low not in AUXILIARIES and \
                not low.endswith(("ed", "ing")) and low not in FORM_FAMILY and low not in lx.DETERMINERS:
            pass  # "Union parliamentary affairs minister Kiren Rijiju"
        elif word.isalpha() and word.islower() and j + 1 <= i and _is_role(toks[j + 1][0]) and \
                low not in lx.STOP_CAPS and low not in AUXILIARIES and not low.endswith(("ed", "ing")) \
                and low not in FORM_FAMILY:
            pass  # "factory owner", "hedge fund manager"
        elif j + 1 <= i and j > 0 and word.isalpha() and word.islower() and low.endswith("ing") and len(low) > 5 \
                and toks[j - 1][0].lower() in ("the", "a", "an") and _is_role(toks[j + 1][0]) and \
                low not in FORM_FAMILY:
            pass  # "The rating agency said", "the ruling party", "the governing coalition"
        else:
            break
        j -= 1
    j += 1
    return j if j <= i else None


def _body_words_before(toks, j):
    """Whether a body's name runs up to token j ("Chamber of Commerce | in China", "Embassy | in Seoul")."""
    k = j - 1
    while k >= 0 and j - k <= 5 and (_name_like(toks[k][0]) or toks[k][0].lower() in ("of", "for", "the")):
        if toks[k][0].lower() in lx.ORG_WORDS and toks[k][0][:1].isupper():
            return True
        k -= 1
    return False


def _role_with_link_before(toks, j):
    """A role followed by its complement's link within the few words before token j
    ("Minister for Sustainability and …")."""
    for k in range(max(0, j - 5), j - 1):
        if _is_role(toks[k][0]) and toks[k + 1][0] in ("of", "for"):
            return True
    return False


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


# "A senior noncommissioned officer …": an article and lowercase modifiers opening the clause
UNNAMED_OPENING_RE = re.compile(r"(?<![\w’'-])((?:[Aa]n?|[Oo]ne)\s+(?:[a-z][a-z-]*\s+){0,3})$")
# "Wang Huiyao, founder of the Center for …, a Beijing-based think tank, said": the name before
NAME_BEFORE_ROLE_RE = re.compile(r"(?<![\w’'-])([A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){1,3}),\s+$")
BODY_APPOSITIVE_BEFORE_RE = re.compile(
    r"((?:[Tt]he|[Ii]ts|(?:[Tt]he\s+)?[A-Z][\w-]*[’']s)\s+(?:[a-z][\w’'-]*\s+){0,3}[a-z][\w-]*),\s+(?:the\s+)?"
    r"([A-Z][\w’'-]*(?:\s+(?:of|for|on|and|&|the|[A-Z][\w’'-]*)){1,8}),\s+(?:has\s+|have\s+|had\s+|also\s+)?$")
# "The head of a farming cooperative in Niigata Prefecture": a role of something indefinite, an
# unnamed person introduced, not a back-reference
_HEAD_OF_A = (r"([Tt]he\s+((?:[a-z-]+\s+){0,2}[a-z-]+)\s+of\s+an?\s+(?:[a-z-]+\s+){0,3}[a-z-]+"
              r"(?:\s+(?:in|at|from)\s+(?:the\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,3})?)")
HEAD_OF_A_BEFORE_RE = re.compile(r"(?<![\w’'-])" + _HEAD_OF_A + r"\s*$")
HEAD_OF_A_AFTER_RE = re.compile(_HEAD_OF_A + r"(?=\s*(?:[,.;:]|\s+[a-z]))")
UNNAMED_PLACED_RE = re.compile(r"(?<![\w’'-])((?:[Aa]n?|[Oo]ne)\s+((?:[\w-]+\s+){0,3}[\w-]+)\s+(in|at|from)\s+"
                               r"((?:(?:a|an|the)\s+)?(?:[\w’'-]+\s+){0,3}[\w’'-]+))\s*$")
CLAUSE_START_RE = re.compile(r"(?:^|[.;:!?”\"]|\n)\s*$")


# "Kim of the semiconductor association said": a surname placed by a lower-case body
SURNAME_OF_BODY_RE = re.compile(r"\b([A-Z][a-z][\w’'-]*)\s+(of\s+the\s+[a-z][\w-]*(?:\s+[a-z][\w-]*){0,3})\s+$")


# "Prime Minister Anthony Albanese’s office said", "Her office said"
OWNED_OFFICE_RE = re.compile(r"(?:(?<![\w’'])(?:[A-Z][\w.-]*\s+){0,5}[A-Z][\w-]*[’']s|\b[Hh]is|\b[Hh]er)\s+office\s+$")


def mention_before(text, end, lo):
    """The speaker mention that ends just before ``end`` (a cue), not reaching before ``lo``.

    A mention lies on one line: a page's headline or section label above ("US Markets") is no
    part of the name that opens the next line ("Trump says …")."""
    lo = max(lo, text.rfind("\n", lo, end) + 1)
    office = OWNED_OFFICE_RE.search(text, max(lo, end - 90), end)
    if office and CLAUSE_START_RE.search(text[max(lo, office.start() - 4):office.start()].removesuffix("The ")
                                         .removesuffix("the ")):
        start, stop = office.start(), office.end() - (len(office.group()) - len(office.group().rstrip()))
        return Mention(text[start:stop], start, stop, tokens(text, start, stop))
    surname_of = SURNAME_OF_BODY_RE.search(text, max(lo, end - 80), end)
    if surname_of and CLAUSE_START_RE.search(text[max(lo, surname_of.start() - 3):surname_of.start()]) and \
            surname_of.group(1).lower() not in lx.STOP_CAPS and surname_of.group(1).lower() not in lx.DETERMINERS:
        start, stop = surname_of.start(1), surname_of.end(1)
        return Mention(text[start:stop], start, stop, tokens(text, start, stop), surname_of.group(2))
    mention = _mention_before(text, end, lo)
    head_of = HEAD_OF_A_BEFORE_RE.search(text, max(lo, end - 120), end)
    if head_of and _is_role(head_of.group(2).split()[-1]) and (mention is None or mention.start > head_of.start(1)):
        start, stop = head_of.start(1), head_of.end(1)
        return Mention(text[start:stop], start, stop, tokens(text, start, stop))
    placed = UNNAMED_PLACED_RE.search(text, max(lo, end - 120), end)
    if placed and (mention is None or mention.start > placed.start(1)) and \
            CLAUSE_START_RE.search(text[max(0, placed.start(1) - 3):placed.start(1)]) and \
            _is_role(placed.group(2).split()[-1]) and not any(
                w.lower() in FORM_FAMILY or w.lower() in AUXILIARIES for w in placed.group(4).split()):
        # "A finance bureau official in a central province told Caixin", "A senior official at a
        # Seoul university hospital put it bluntly": an unnamed person and where they are
        start, stop = placed.start(1), placed.end(1)
        return Mention(text[start:stop], start, stop, tokens(text, start, stop))
    if mention is None:
        body = BODY_APPOSITIVE_BEFORE_RE.search(text, max(lo, end - 200), end)
        if body and CLAUSE_START_RE.search(text[max(0, body.start() - 3):body.start()]) and \
                infer_kind(body.group(2)) == "organisation":
            # "The Pentagon’s counter-drone office, the Joint Counter-small Unmanned Aircraft Systems
            # Office, has acknowledged": the body named after its description
            return Mention(body.group(2), body.start(2), body.end(2), tokens(text, body.start(2), body.end(2)),
                           body.group(1))
        return None
    if not mention.words or not mention.words[0].islower() or \
            mention.words[0] in ("a", "an", "one", "the"):
        return mention
    floor = max(lo, end - 300)
    opening = UNNAMED_OPENING_RE.search(text, max(floor, mention.start - 60), mention.start)
    if opening and opening.start(1) >= floor and CLAUSE_START_RE.search(text[max(0, opening.start(1) - 3):opening.start(1)]):
        start = opening.start(1)
        return Mention(text[start:mention.end], start, mention.end, tokens(text, start, mention.end),
                       mention.description)
    named = NAME_BEFORE_ROLE_RE.search(text, max(floor, mention.start - 60), mention.start)
    if named and CLAUSE_START_RE.search(text[max(0, named.start(1) - 3):named.start(1)]) and \
            _is_role(mention.words[0]) and infer_kind(named.group(1)) == "person" and \
            named.group(1).split()[0].lower() not in lx.STOP_CAPS:
        toks = tokens(text, named.start(1), named.end(1))
        return Mention(named.group(1), named.start(1), named.end(1), toks,
                       mention.text + (", " + mention.description if mention.description else ""))
    return mention


def _mention_before(text, end, lo):
    lo = max(lo, end - 300)
    quoted_as = QUOTED_AS_RE.search(text, lo, end)
    if quoted_as:
        end = quoted_as.start()  # "X was quoted by Reuters as saying"
    familiar = FAMILIAR_RE.search(text, max(lo, end - 80), end)
    if familiar:
        # "Two people familiar with the negotiations said": the complement belongs to the mention
        inner = mention_before(text, familiar.start(), lo)
        if inner is not None:
            return Mention(text[inner.start:familiar.end()].rstrip(), inner.start, familiar.end(), inner.tokens,
                           inner.description)
    relative = RELATIVE_BEFORE_RE.search(text, max(lo, end - 120), end)
    if relative and relative.start() > lo:
        # "A 41-year-old engineer who recently refinanced her flat in Punggol said": the
        # relative clause describes the speaker, who stands before "who"
        head = tokens(text, lo, relative.start())
        if head and head[-1][0] not in ",;:":
            inner = _from(text, head, len(head) - 1)
            if inner is not None and (_is_role(inner.words[-1]) or inner.words[-1].lower() in PERSON_NOUNS):
                return inner
    toks = tokens(text, lo, end)
    i = len(toks) - 1
    while i >= 0:
        low = toks[i][0].lower()
        if low in AUXILIARIES or (toks[i][0].islower() and low.endswith("ly") and len(low) > 4):
            i -= 1
        elif low == "as" and i > 0 and toks[i - 1][0].lower() == "quoted":
            i -= 2  # "was quoted as saying"
        elif low == "and" and i > 1 and toks[i - 1][0].islower() and toks[i - 1][0].endswith("ed") and \
                toks[i - 1][0].lower() not in FORM_FAMILY:
            i -= 2  # "she smiled and said", "he paused and added"
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
    if toks[i][0] == "." and i > 1 and toks[i - 1][0].lower() in ("jr", "sr") and toks[i - 1][2] == toks[i][1]:
        i -= 1  # "President Ferdinand Marcos Jr. said": the point belongs to the name
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
                    described = _role_phrase_before(text, toks, k - 1)
                    if described is not None:
                        mention = _make(text, toks, k + 1, i - 1)
                        if mention is not None:
                            mention.description = described.text
                            return mention
                first = toks[k + 1][0]
                if first.lower() in APPOSITIVE_OPENERS or first.endswith(("’s", "'s")) or _is_role(first) or first.islower() \
                        or any(_is_role(t[0]) for t in toks[k + 2:min(i, k + 4)]):
                    # "Rajiv Biswas, Asia-Pacific chief economist at S&P Global, said": a modifier first
                    mention = _from(text, toks, k - 1)
                    if mention is not None and first.lower() in ("which", "who", "whose") and \
                            toks.index(mention.tokens[0]) > 0 and toks[toks.index(mention.tokens[0]) - 1][0] == ",":
                        # "Matthew Taylor, the chief executive of X, which represents …, warned":
                        # the relative clause is about the body; the speaker is further back
                        k -= 1
                        continue
                    if mention is not None:
                        mention.description = text[toks[k + 1][1]:toks[i - 1][2]]
                        return mention
            k -= 1
        return None
    return _from(text, toks, i)


RELATIVE_BEFORE_RE = re.compile(r"\s\bwho\s+[^,;:.!?“”\"()]{3,100}?\s*$")
PERSON_NOUNS = {"woman", "man", "girl", "boy", "mother", "father", "grandmother", "grandfather", "couple"}
HEAD_SPLIT_RE = re.compile(r"\s(?:of|for|at|in|from|to|on|with)\s")


def _is_role_head(phrase):
    """Whether a description is about a role or body: its head noun, read before its first
    preposition ("Minister of Economy", "The analyst at Nomura") or, failing that, at its end."""
    owned = re.split(r"(?:[’']s|s[’'])\s+", phrase)
    main = owned[-1] if owned[-1].strip() else phrase
    before_link = HEAD_SPLIT_RE.split(" " + main.strip() + " ", maxsplit=1)[0].split()
    for head in (before_link[-1].lower() if before_link else "", description_head(phrase)):
        if head in lx.ROLES or head in lx.BACKREF_KIND or (head.endswith("s") and head[:-1] in lx.ROLES):
            return True
    return False


ADJUNCT_PREPOSITIONS = {"in", "at", "on", "from", "during", "to", "after", "before", "outside", "near", "into"}


def _after_preposition(toks, i):
    """Whether the run of capitalised words ending at token i is a preposition's object ("in Washington")."""
    q = i
    while q > 0 and _name_like(toks[q - 1][0]):
        q -= 1
    return q > 0 and toks[q - 1][0].lower() in ADJUNCT_PREPOSITIONS


def _role_phrase_before(text, toks, i):
    """The role or body described before ", Name," ending at token i: "His foreign minister",
    "The analyst at Nomura", "The UN agency for Palestinian refugees". Judged by the head noun
    (before the first preposition), not the last word. None when the phrase names no role."""
    described = _from(text, toks, i)
    if described is not None and _is_role_head(described.text):
        k = toks.index(described.tokens[0])
        if k > 1 and toks[k - 1][0] == "," and _name_like(toks[k - 2][0]) and not _after_preposition(toks, k - 2):
            # "Zheng Yongnian, a professor at X, Shenzhen,": an appositive's place; but "In a
            # speech in Washington, its managing director, Chia Der Jiun, said": a place adjunct
            return None
        if k > 1 and toks[k - 1][0] in ("'", "’") and toks[k - 2][0].endswith("s") and _name_like(toks[k - 2][0]):
            # "The Institute for Fiscal Studies' director": the owner named before a plural possessive
            j = _collect_back(toks, k - 2)
            if j is not None:
                if j > 0 and toks[j - 1][0].lower() in lx.DETERMINERS:
                    j -= 1
                return Mention(text[toks[j][1]:toks[i][2]], toks[j][1], toks[i][2], toks[j:i + 1])
        return described
    j = i
    while j >= 0 and i - j < 10:
        word = toks[j][0]
        if word.lower() in lx.DETERMINERS or (word.endswith(("’s", "'s")) and word[:-2].isalpha()):
            break
        if not (word.isalpha() or "-" in word):
            return None
        j -= 1
    if j < 0 or i - j >= 10 or j == i:
        return None
    if j > 0 and toks[j - 1][0] not in (",", ":", ";", "—", "–") and toks[j - 1][0].lower() not in CLAUSE_OPENERS:
        return None  # the phrase must open its clause
    phrase = text[toks[j][1]:toks[i][2]]
    if not _is_role_head(phrase):
        return None
    return Mention(phrase, toks[j][1], toks[i][2], toks[j:i + 1])


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
    head_of = HEAD_OF_A_AFTER_RE.match(text, start, hi)
    if head_of and _is_role(head_of.group(2).split()[-1]):
        return Mention(head_of.group(1), head_of.start(1), head_of.end(1), tokens(text, head_of.start(1), head_of.end(1)))
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
        elif word.endswith(("’s", "'s")) and i + 1 < len(toks) and (
                _is_role(word[:-2]) or _is_role(toks[i + 1][0]) or _is_adj(toks[i + 1][0])):
            pass  # "said the ministry’s deputy spokesperson Lin Jian", "the poll's director"
        elif word.isdigit() and i > 0 and _name_like(toks[i - 1][0]) and len(word) <= 4:
            pass
        elif low in PLACE_NOUNS and i > 0 and _name_like(toks[i - 1][0]) and seen_name:
            pass  # "A noodle vendor in Bangkok’s Bang Rak district": the place's own noun
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
    if mention is not None:
        familiar = FAMILIAR_AFTER_RE.match(text, mention.end, hi)
        if familiar:
            # "according to a senior official familiar with the talks, “…”": the complement belongs to it
            return Mention(text[mention.start:familiar.end()], mention.start, familiar.end(), mention.tokens,
                           mention.description)
    if mention is None and first in ("a", "an", "one"):
        # "says one senior mandarin.": an unnamed source in plain words
        k = 1
        while k < len(toks) and k < 6 and toks[k][0].isalpha() and toks[k][0].islower() \
                and toks[k][0].lower() not in FORM_FAMILY and toks[k][0].lower() not in lx.STOP_CAPS:
            k += 1
        if k > 1 and (k == len(toks) or toks[k][0] in ",.;:!?)" or toks[k][0].lower() in PHRASE_ENDS):
            if k + 2 < len(toks) and toks[k][0] in ("in", "from", "at") and toks[k + 1][0] in ("a", "an", "the"):
                # "A senior official at a Seoul university hospital put it bluntly": lowercase place words
                q = k + 2
                while q < len(toks) and q < k + 6 and toks[q][0].isalpha() and toks[q][0].lower() not in FORM_FAMILY \
                        and toks[q][0].lower() not in AUXILIARIES and toks[q][0].lower() not in lx.STOP_CAPS:
                    q += 1
                if q > k + 2 and (q == len(toks) or toks[q][0] in ",.;:!?" or toks[q][0].lower() in FORM_FAMILY):
                    k = q
            if k + 1 < len(toks) and toks[k][0] in ("in", "from", "at") and _name_like(toks[k + 1][0]):
                # "A retired postwoman in Bolton who has waited …": where the person is from
                k += 1
                while k < len(toks) and _name_like(toks[k][0]):
                    k += 1
                if k < len(toks) and toks[k][0].lower() in PLACE_NOUNS:
                    k += 1  # "in Jakarta’s Tanah Abang district"
            sel = toks[:k]
            return Mention(text[sel[0][1]:sel[-1][2]], sel[0][1], sel[-1][2], sel)
    if mention is None:
        return None
    if i + 2 < len(toks) and toks[i][0] == "," and (mention.words[-1].lower() in lx.ROLES or (
            _is_role_head(mention.text) and any(w in LINKS for w in mention.words))):
        # "His deputy, Jonathan Malaya, went further": the name after the role
        k = i + 1
        q = k
        while q < len(toks) and q < k + 8 and (_name_like(toks[q][0]) or toks[q][0] in ("and", "&")):
            q += 1
        if q > k + 1 and q + 1 < len(toks) and toks[q][0] == "," and any(
                t[0] in ("and", "&") for t in toks[k:q]) and _name_like(toks[q + 1][0]):
            # "Japan's Minister of Economy, Trade and Industry, Yoji Muto,": the title's own list
            mention = Mention(text[mention.start:toks[q - 1][2]], mention.start, toks[q - 1][2],
                              mention.tokens + toks[i:q])
            i = q
            k = q + 1
        while k < len(toks) and k < i + 6 and (_name_like(toks[k][0]) or toks[k][0].lower() in lx.NAME_PARTICLES):
            k += 1
        owned = mention.words[0].lower() in lx.DETERMINERS or mention.words[0].endswith(("’s", "'s")) or (
            len(mention.words) > 1 and mention.words[1].endswith(("’s", "'s")))
        ends = k < len(toks) and toks[k][0] == "," or (
            # "said its chief executive, Pat Gelsinger.": after an owned role, the name ends the clause
            owned and (k == len(toks) or toks[k][0] in (".", ";", "!", "?", ")", "—", "–")))
        if k > i + 1 and ends and not any(t[0].lower() in TIME_WORDS for t in toks[i + 1:k]):
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
