"""Who "he", "it", "Zheng" and "the company" are: resolving mentions against the text so far.

One pass over the text collects candidate referents with their positions:
- people named with a role or title ("IT Minister Ashwini Vaishnaw", "Dr Qi Dapeng") or
  an appositive ("Liang Wenfeng, DeepSeek’s young founder");
- the commentary's own author ("the author of this commentary", "this writer");
- bodies and systems introduced by a descriptor ("Chinese AI firm DeepSeek", "the chatbot
  Grok"), or recognisable by their words (Corporation, Report) or as known AI systems;
- every speaker resolved so far (added as the engine goes).
A pronoun takes the nearest earlier referent of a fitting kind; a surname takes the nearest
earlier full name that starts or ends with it; "the company" the nearest organisation.
"""
import bisect
import re
import unicodedata
from functools import lru_cache
from dataclasses import dataclass

from . import lexicon as lx
from .kinds import infer_kind
from .places import same_place
from .trie import trie_pattern


def fold(word):
    """A word without its accents ("Erdoğan" → "Erdogan"), for matching names a page spells both ways."""
    if word.isascii():
        return word
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))

AUTHOR = "(author)"
# a capitalised name word, or a middle initial between two ("Donald J. Trump", "Vladimir V. Putin")
_CAP = r"(?:(?<![\w.])[A-Z]\.(?=[^\S\n]+(?:[A-Z]\.[^\S\n]+)*[A-Z][a-z])|[A-Z][\w’'\-]*)"
_PART = r"(?:von|van|der|den|de|del|da|dos|bin|ibn|al|el|le|la|ter)"
NAME = rf"{_CAP}(?:[^\S\n]+(?:{_PART}[^\S\n]+)*{_CAP}){{0,3}}"
ROLE_ALT = trie_pattern(list(lx.ROLES) + [r.capitalize() for r in lx.ROLES])
TITLE_ALT = r"Dr\.?|Prof\.?|Professor|Mr\.?|Mrs\.?|Ms\.?|Sir|Dame|President|Premier|Chancellor|Senator|Ambassador"
ROLE_NAME_RE = re.compile(rf"\b(?:{ROLE_ALT}|{TITLE_ALT})\s+((?:[A-Z]\.\s?)+{_CAP}(?:[^\S\n]+(?:{_PART}[^\S\n]+)*{_CAP}){{0,4}}|"
                          rf"{_CAP}(?:[^\S\n]+(?:{_PART}[^\S\n]+)*{_CAP}){{1,5}})")
# "Another economist, Bhima Yudhistira of …": a role, a comma, then the name
ROLE_COMMA_NAME_RE = re.compile(rf"\b(?:{ROLE_ALT}),\s+({_CAP}(?:[^\S\n]+(?:{_PART}[^\S\n]+)*{_CAP}){{1,3}})(?=\s+(?:of|at|from)\s|,)")
# "Joko Widodo, universally known as Jokowi": another name for the same person
KNOWN_AS_RE = re.compile(rf"\b({_CAP}(?:[^\S\n]+(?:{_PART}[^\S\n]+)*{_CAP}){{1,3}}),\s+(?:(?:[a-z]+ly|also|better|widely)\s+)?"
                         rf"(?:known|called|nicknamed)\s+as\s+({_CAP})\b")
# Titles that stand for a role: "Dr Helen Okoye … the doctor said"
TITLE_ROLES = {"dr": "doctor", "dr.": "doctor", "prof": "professor", "prof.": "professor", "gen": "general",
               "gen.": "general", "adm": "admiral", "adm.": "admiral", "sen": "senator", "sen.": "senator",
               "col": "colonel", "col.": "colonel", "capt": "captain", "capt.": "captain", "gov": "governor",
               "gov.": "governor", "rep": "representative", "rep.": "representative"}
APPOSITIVE_RE = re.compile(
    rf"\b({_CAP}(?:[^\S\n]+(?:{_PART}[^\S\n]+)*{_CAP}){{1,3}}),\s+(?:a|an|the|{_CAP}’s|{_CAP}'s)\s+(?:[\w-]+\s+){{0,5}}?(?:{ROLE_ALT})\b"
)
AUTHOR_RE = re.compile(
    r"\b(?:the|this)\s+(?:present\s+)?(?:author|writer|columnist)(?:\s+of\s+(?:this|the\s+present)\s+"
    r"(?:commentary|article|piece|column|op-ed|essay|analysis))?\b",
    re.IGNORECASE,
)
DESCRIPTOR_THING_RE = re.compile(
    rf"\b(firm|company|startup|start-up|giant|maker|chipmaker|lab|agency|ministry|bank|group|regulator|"
    rf"newspaper|magazine|daily|journal|outlet|report|study|survey|chatbot|model|assistant|bot)\s+({NAME})"
)
# a body's full name: "Centre for Research on Energy and Clean Air (CREA)", "Ministry of Trade, Industry and Energy"
_WORDS = rf"{_CAP}(?:\s+{_CAP})*"
_BODY_CORE = rf"{_WORDS}(?:\s+(?:of|for|on)(?:\s+the)?\s+{_WORDS}(?:(?:,\s+{_WORDS})*\s+(?:and|&)\s+{_WORDS})?)*"
BODY_NAME = rf"{_BODY_CORE}(?:\s+\([A-Z][\w-]{{1,10}}\))?"
# "Taiwan Power Co (Taipower)": a short name in brackets that is not the initials
BRACKET_ALIAS_RE = re.compile(rf"\b({_BODY_CORE})[ \t]+\(([A-Z][a-z]{{2,15}}|[A-Z][A-Za-z]*[a-z][A-Za-z]*)\)")
WORK_BY_RE = re.compile(rf"\b(report|study|survey|paper|analysis|statement|assessment|review)"
                        rf"(?:\s+(?:published|released|issued)(?:\s+(?:last|this|in|on|earlier|on\s+\w+|\w+))?)?"
                        rf"\s+(?:by|from)\s+(?:the\s+)?({BODY_NAME})")
AI_SCAN_RE = re.compile(
    r"\b(?:ChatGPT|GPT-?\d[\w.]*|Grok(?:\s\d(?:\.\d)?)?|Gemini|Claude|Copilot|Llama\s?\d?|ERNIE\s+Bot|Ernie\s+Bot|"
    r"Qwen[\w.]*|Kimi|Doubao|DeepSeek-[RV]\d|Le\s+Chat|Siri|Alexa)\b"
)
WORK_NOUN_RE = re.compile(r"(?<=[A-Za-z] )(report|study|survey|index|outlook|review|white\s+paper|assessment|yearbook)\b")
TITLE_BEFORE_RE = re.compile(rf"\b({_CAP}(?:\s+{_CAP}){{0,5}})\s+$")
# within one line: a headline's last word and the byline under it are no one's name
NEWSROOM_AFTER_RE = re.compile(r"\s+(?:(?:own|latest|recent|new|main|lead|front-page|weekend|daily)\s+)?(?:editorials?|"
                               r"columns?|columnists?|op-eds?|reporters?|correspondents?|headlines?|"
                               r"editors?|editorial\s+board|newsroom|front\s+page)\b", re.IGNORECASE)
RUN_RE = re.compile(rf"{_CAP}(?:[ \t]+(?:(?:{_PART}|of|for|of[ \t]+the|for[ \t]+the)[ \t]+)*{_CAP})*")
_groups = lx.GROUP_NOUNS - lx.GROUP_DETERMINERS
GROUP_ALT = trie_pattern(list(_groups) + [g.capitalize() for g in _groups])
GROUP_DET_RE = re.compile(r"\b(?:[Ss]ome|[Mm]any|[Ss]everal|[Mm]ost|[Oo]ther|[Ff]ew|[Tt]he)\s+$")
GROUP_REF_RE = re.compile(
    rf"\b(?:{GROUP_ALT})\b"
    rf"(?:\s+(?:at|from|of|in)\s+(?:(?:the|both|all|two|three|several|many)\s+)?(?:{_CAP}(?:\s+(?:(?:{_PART}|of|for|on|and|&|of\s+the|for\s+the)\s+)*{_CAP})*(?:\s+\([A-Z]{{2,8}}\))?|[a-z]+(?=[\s,.])))?"
)
ANONYMOUS_RE = re.compile(rf"\b(?:[Aa]n?|[Oo]ne)\s+(?:[\w-]+\s+){{0,3}}?(?:{ROLE_ALT})\b(?![\w-])")
PREDICATE_RE = re.compile(r"\b(?:is|was|are|were|as|became|become|becomes|been|be|remains|remained)$")
LEADING_MODIFIERS_RE = re.compile(r"(?:[A-Za-z][\w-]*\s+){1,3}$")
SENTENCE_START_RE = re.compile(r"(?:^|[.!?:]\s+|\n\s*)$")
# Back-reference heads that fit any body of their kind ("the company" → the firm named last);
# others ("the government", "the ministry", "the report") must match the referent's words.
GENERIC_HEADS = set("""company firm startup start-up group organisation organization giant maker chipmaker carrier
airline lab laboratory chatbot bot model assistant system ai tool newspaper paper daily magazine journal outlet
tabloid document report study survey index review analysis""".split())
COMPANY_HEADS = {"company", "firm", "startup", "start-up", "giant", "maker", "chipmaker", "carmaker", "automaker",
                 "carrier", "airline", "lender", "insurer", "retailer", "conglomerate", "group"}
PUBLIC_BODY_WORDS = {"ministry", "government", "department", "commission", "committee", "council", "parliament",
                     "court", "embassy", "consulate", "authority", "university", "institute", "institution", "army", "navy",
                     "police", "senate", "congress", "assembly", "cabinet", "administration", "office", "bureau",
                     "nations", "union", "guard", "forces"}
OWNER_RE = re.compile(r"^(?:the\s+)?([A-Z][\w&-]*(?:\s+[A-Z][\w&-]*){0,4})[’']s\s")
BODY_RUN_RE = re.compile(r"[A-Z][\w&-]*(?:\s+(?:of|for|the|of\s+the)?\s*[A-Z][\w&-]*)*")
PORTFOLIO_AND_RE = re.compile(r"\s+(?:and|&)\s+(?:the\s+)?[A-Z]")
PORTFOLIO_ROLE_RE = re.compile(r"\b((?:[A-Z][a-z]+\s+)?(?:Minister|Secretary|Commissioner|Ministry|Department))\s+(?:of|for)\s+[^.;:“”\n]*$")
AND_IN_BODY_RE = re.compile(r"\b(?:of|for)\s+(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?\s+(?:and|&)\s+$")
# Role nouns a writer uses for one another on second reference.
ROLE_SYNONYMS = {
    "envoy": ("ambassador", "diplomat", "high commissioner"), "ambassador": ("envoy",),
    "diplomat": ("ambassador", "envoy"), "doctor": ("physician", "gp", "surgeon"), "physician": ("doctor",),
    "lawmaker": ("legislator", "mp", "senator", "congressman", "congresswoman", "member of parliament"),
    "legislator": ("lawmaker", "mp"), "executive": ("ceo", "chief executive"), "boss": ("ceo", "chief executive"),
    "academic": ("professor", "lecturer", "scholar"), "scholar": ("professor", "academic", "fellow"),
    "general": ("army chief", "chief of army", "chief of staff"), "economist": ("economics",),
}
# bodies whose name runs on with the place they sit in ("US Embassy in Manila")
IN_PLACE_HEADS = {"chamber", "embassy", "consulate", "mission", "delegation"}
IN_PLACE_RE = re.compile(r"[ \t]+in[ \t]+([A-Z][\w-]+(?:[ \t]+[A-Z][\w-]+)?)\b")
THINK_TANK_WORDS = {"institute", "institution", "centre", "center", "foundation", "council", "forum", "endowment",
                    "tank", "program", "programme", "initiative", "corporation"}
ACRONYM_SKIP = {"of", "for", "the", "and", "&", "on", "in", "to", "de"}
MAX_NAMESAKES = 40  # people sharing a first or last name looked at, nearest first
GENERIC_PERSON_NOUNS = set("""leader official politician diplomat man woman executive head veteran
figure boss chief statesman stateswoman envoy""".split())
NAME_SUFFIXES = ("jr", "jr.", "sr", "sr.", "jnr", "snr", "ii", "iii", "iv")
PLACE_WORDS = set("""
south north east west new united states kingdom republic sea ocean valley street city province island
islands asia africa europe america pacific atlantic gulf middle global hong kong lumpur korea china
japan india russia ukraine taiwan beijing washington london paris tokyo singapore brussels moscow
delhi shanghai shenzhen jakarta manila bangkok hanoi canberra ottawa berlin rome madrid union day week
war wars revolution crisis summit conference olympics games cup festival dialogue forum
""".split())


@dataclass
class Referent:
    pos: int
    name: str
    kind: str
    description: str = ""
    weak: bool = False  # found by the capitalised-words scan, not by a role, title or cue


def _person_name(name):
    if name.endswith(("’s", "'s")):
        name = name[:-2]  # "President Prabowo Subianto's free meals programme"
    parts = name.split()
    if len(parts) == 2 and parts[0].lower() in ("lord", "lady", "baroness", "baron", "earl", "viscount"):
        return name  # "Lord Darzi"
    while len(parts) > 1 and (parts[0].lower().rstrip(".") in lx.ROLES or parts[0].lower() in lx.TITLES):
        parts = parts[1:]
    return " ".join(parts)


def _after_last_role(name, start):
    """"Prime Minister Gan Kim Yong" after "Deputy": the name follows the last role word."""
    words = name.split()
    roles = [k for k, w in enumerate(words) if w.lower().rstrip(".") in lx.ROLES]
    if roles and roles[-1] + 1 < len(words):
        cut = name.index(words[roles[-1] + 1], sum(len(w) + 1 for w in words[:roles[-1]]))
        return name[cut:], start + cut
    return name, start


# Where a description read backwards from a name must stop: a quotation mark (not an
# apostrophe), a sentence end, a line break, a semicolon or a bracket.
DESCRIPTION_STOP_RE = re.compile(r"[“”\"«»]|(?<![A-Za-z])[‘’']|[‘’'](?![A-Za-z])|[.!?;:()\[\]](?:\s|$)|\n")


def _words_before(text, pos, limit=5):
    """Up to ``limit`` words before a name, within its own sentence and outside any quotation
    ("Finance Minister", not "up next year,” Finance Minister")."""
    head = text[max(0, pos - 60):pos]
    stops = list(DESCRIPTION_STOP_RE.finditer(head))
    if stops:
        head = head[stops[-1].end():]
    return " ".join(head.split()[-limit:]).strip(" ,")


def _WORDCHAR(c):
    return c.isalnum() or c == "_"


# the capitalised word (and name particles) right before a position, and right after one
_PREV_CAP_RE = re.compile(rf"(?<![\w’'\-])({_CAP})[^\S\n]+(?:{_PART}[^\S\n]+)*$")
_NEXT_CAP_RE = re.compile(rf"[^\S\n]+({_CAP})")


@lru_cache(maxsize=4096)
def _longer_name_re(name):
    return re.compile(rf"(?<![\w’'-]){re.escape(name)}((?:\s[A-Z][a-z]+){{1,2}})\b(?![’'-])")


class Referents:
    """Candidate referents in text order, with look-ups by kind and by surname."""

    def __init__(self, text, author=None, quoted=()):
        """``quoted``: (open, close) of each quoted span, sorted; words inside them ("a doctor" in
        "‘I am not a doctor’", a paper's title) name no referent by the capitalised-word scans."""
        self.author = author or AUTHOR
        self.text = text
        self._quoted_opens = [q[0] for q in quoted]
        self._quoted = list(quoted)
        self.items = []
        for m in ROLE_NAME_RE.finditer(text):
            name, start = _after_last_role(m.group(1), m.start(1))
            name = _person_name(name)
            if 2 <= len([w for w in name.split() if w.lower() not in lx.NAME_PARTICLES]) <= 4 \
                    and infer_kind(name) == "person":
                self._add(start, name, "person", _words_before(text, start))
        for m in ROLE_COMMA_NAME_RE.finditer(text):
            name = _person_name(m.group(1))
            if infer_kind(name) == "person" and name.split()[0].lower() not in lx.STOP_CAPS:
                self._add(m.start(1), name, "person", _words_before(text, m.start(1)))
        self._aliases = {}
        for m in KNOWN_AS_RE.finditer(text):
            if infer_kind(m.group(1)) == "person":
                self._aliases.setdefault(m.group(2).lower(), []).append((m.start(2), m.group(1)))
        for m in APPOSITIVE_RE.finditer(text):
            name = _person_name(m.group(1))
            if infer_kind(name) == "person" and name.split()[0].lower() not in lx.STOP_CAPS:
                self._add(m.start(1), name, "person", text[m.end(1):m.end()].strip(" ,"))
        for m in AUTHOR_RE.finditer(text):
            self._add(m.start(), self.author, "person", "author")
        for m in DESCRIPTOR_THING_RE.finditer(text):
            noun = m.group(1).lower()
            kind = lx.BACKREF_KIND.get(noun, "organisation")
            if kind == "person":
                continue
            self._add(m.start(2), m.group(2), kind)
        for m in AI_SCAN_RE.finditer(text):
            self._add(m.start(), m.group(), "ai_system")
        for m in GROUP_REF_RE.finditer(text):
            start = m.start()
            det = GROUP_DET_RE.search(text, max(0, start - 9), start)
            if det:
                start = det.start()
            else:
                # "Small island states were blunter": modifiers back to the sentence start
                lead = LEADING_MODIFIERS_RE.search(text, max(0, start - 40), start)
                if lead and SENTENCE_START_RE.search(text, max(0, lead.start() - 3), lead.start()):
                    start = lead.start()
            phrase = text[start:m.end()]
            at_start = SENTENCE_START_RE.search(text, max(0, start - 3), start) is not None
            by = text[max(0, start - 3):start] == "by "  # "a study … by researchers at X": its authors
            if (at_start and phrase[:1].isupper()) or (det and det.group().strip().lower() != "the") or \
                    (by and " " in m.group()):
                self._add(start, phrase[:1].lower() + phrase[1:], "group", weak=True)
        for m in RUN_RE.finditer(text):
            if not self.in_quote(m.start()):
                self._run(m)
        for m in ANONYMOUS_RE.finditer(text):
            if self.in_quote(m.start()):
                continue
            before = text[max(0, m.start() - 12):m.start()].rstrip()
            if before.endswith(",") or PREDICATE_RE.search(before):
                continue  # "Smith, a professor" describes Smith; "he is a professor" too
            phrase = m.group()
            self._add(m.start(), phrase[:1].lower() + phrase[1:], "person", weak=True)
        for m in WORK_NOUN_RE.finditer(text):
            # "the latest Global Economic Prospects report …, the report states": a work by its title
            title = TITLE_BEFORE_RE.search(text, max(0, m.start() - 90), m.start())
            if title is None:
                continue
            words = title.group(1).split()
            while words and (words[0].lower() in lx.STOP_CAPS or words[0].lower() in lx.DETERMINERS):
                words = words[1:]
            if words and not words[-1].endswith(("’s", "'s")):
                name = " ".join(words)
                if len(words) == 1 and not name.isupper() and m.group(1).lower() == "report" and \
                        infer_kind(name) == "person":
                    # "the Draghi report": a report named for a person keeps its noun
                    self._add(title.end(1) - len(name), name + " report", "publication", "report")
                    continue
                self._add(title.end(1) - len(name), name, "publication", m.group(1).lower())
        for m in WORK_BY_RE.finditer(text):
            # "A new report by Human Rights Watch …, the report concludes": its author speaks
            self._add(m.start(2), m.group(2), "publication", m.group(1).lower())
        self.items.sort(key=lambda r: r.pos)
        self._positions = [r.pos for r in self.items]
        self._by_token = {}
        self._orgs_by_first = {}
        self._surname_cache = {}
        for r in self.items:
            self._index(r)
        for r in self.items:
            if r.kind == "person":
                r.name = self.full_name(r.name, r.pos)
        self._acronyms = {}  # "IMF" → [(position, "International Monetary Fund"), ...]
        for r in self.items:
            self._index_acronym(r)
        self._bracket_aliases = {}  # "Taipower" → [(position, "Taiwan Power Co (Taipower)")]
        if "(" in text:
            for m in BRACKET_ALIAS_RE.finditer(text):
                full = m.group(1)
                words = full.split()
                while words and (words[0].lower() in lx.STOP_CAPS or words[0].lower() in lx.DETERMINERS):
                    words = words[1:]
                if len(words) >= 2 and infer_kind(" ".join(words)) == "organisation":
                    self._bracket_aliases.setdefault(m.group(2), []).append(
                        (m.start(), f"{' '.join(words)} ({m.group(2)})"))
        self._roles_raw = {}
        self._roles = {}  # a person's name → (position, description) of each time they were described
        for r in self.items:
            self._index_role(r)

    def _index_acronym(self, r):
        if r.kind != "organisation":
            return
        words = [w for w in r.name.replace("-", " ").split() if w.lower() not in ACRONYM_SKIP]
        if len(words) >= 2 and all(w[:1].isupper() for w in words):
            self._acronyms.setdefault("".join(w[0] for w in words), []).append((r.pos, r.name))

    def expand_acronym(self, acronym, pos):
        """"the IMF" after "The International Monetary Fund’s executive board": the body named
        earlier in full whose words' initials spell it, or None."""
        found = [(p, name) for p, name in self._acronyms.get(acronym, ()) if p < pos]
        if not found:
            return None
        p, name = max(found, key=lambda f: len(f[1]))
        at = self.text.find(name, p)
        if at >= 0 and self.text.startswith(f" ({acronym})", at + len(name)):
            return f"{name} ({acronym})"  # written "Korean Medical Association (KMA)": named so
        return name

    def bracket_alias(self, word, pos):
        """"Taipower" after "Taiwan Power Co (Taipower)": the body as first named, or None."""
        found = [name for p, name in self._bracket_aliases.get(word, ()) if p < pos]
        return found[-1] if found else None

    def in_quote(self, pos):
        k = bisect.bisect_right(self._quoted_opens, pos) - 1
        return k >= 0 and self._quoted[k][0] < pos < self._quoted[k][1]

    def full_name(self, name, pos):
        """"von der Leyen" or "Zheng" after "Ursula von der Leyen" or "Zheng Yongnian": the full name."""
        low = fold(name.lower())
        parts = low.split()
        if not parts:
            return name
        for token in dict.fromkeys((parts[-1], parts[0])):
            for r in self._persons_with(token, pos):
                full = fold(r.name.lower())
                if len(full) > len(low) and (full.endswith(" " + low) or full.startswith(low + " ")
                                             or (len(parts) == 1 and low in full.split())
                                             or (len(parts) >= 2 and f" {low} " in f" {full} ")):
                    return r.name
        if len(parts) >= 2:
            # "Onn Hafiz" after "Johor Menteri Besar Onn Hafiz Ghazi" (no known role, so no referent):
            # the same words written earlier with a further capitalised name word
            cache = self.__dict__.setdefault("_longer_cache", {})
            if name not in cache:  # scanned once per name (no quadratic look-ups)
                cache[name] = [(m.start(), name + m.group(1)) for m in _longer_name_re(name).finditer(self.text)
                               if all(w.lower() not in lx.ROLES and w.lower() not in lx.STOP_CAPS
                                      and w.lower() not in lx.ORG_WORDS and w.lower() not in PLACE_WORDS
                                      for w in m.group(1).split())]
            for start, longer in cache[name]:
                if start < pos:
                    return longer
        return name

    def _run(self, m):
        """A run of capitalised words: a person ("Elon Musk", "Minister for Foreign Affairs Vivian
        Balakrishnan") or a body ("The Association of Southeast Asian Nations"), weakly."""
        words = m.group().split()
        start = m.start()
        titles = []
        while words and (words[0].lower() in lx.STOP_CAPS or words[0].lower() in lx.DETERMINERS
                         or (words[0].lower() in lx.TITLES and len(words) > 2)):
            if words[0].lower() in lx.TITLES:
                titles.append(words[0])  # "Governor Shaktikanta Das … The governor said": a role kept
            start = self.text.index(words[0], start) + len(words[0])
            words = words[1:]
        if not words:
            return
        lows = [w.lower().rstrip(".") for w in words]
        if AND_IN_BODY_RE.search(self.text, max(0, start - 60), start):
            role = PORTFOLIO_ROLE_RE.search(self.text, max(0, start - 80), start)
            rest = words[1:]
            if role and 2 <= len(rest) <= 3 and all(w[1:2].islower() and w.lower() not in lx.ORG_WORDS
                                                    and w.lower() not in PLACE_WORDS for w in rest):
                # "Minister for Digital Development and Information Josephine Teo": the portfolio's
                # last word, then the minister's name
                cut = self.text.index(rest[0], start + len(words[0]))
                self._add(cut, " ".join(rest), "person", (role.group(1) + " " + words[0]).strip(), weak=True)
            return  # "Department of Health and Social Care": no person called Social Care
        roles = [i for i, w in enumerate(lows) if w in lx.ROLES]
        if roles:
            after = words[roles[-1] + 1:]
            if after and after[0].lower() in ("of", "for", "to", "at"):
                if PORTFOLIO_AND_RE.match(self.text, m.end()):
                    return  # "Minister for Digital Development and …": the portfolio goes on past "and"
                after = after[-2:]
            after = [w for w in after if w.lower() not in ("of", "for", "the")]
            if after and after[-1].endswith(("’s", "'s")):
                after[-1] = after[-1][:-2]  # "President Prabowo Subianto's free meals"
            if 2 <= len(after) <= 4 and not any(w.lower() in PLACE_WORDS or w.lower() in lx.ORG_WORDS for w in after):
                self._add(start, " ".join(after), "person", " ".join(words[:roles[-1] + 1]), weak=True)
            return
        name = " ".join(words)
        if name.endswith(("’s", "'s")):
            name = name[:-2]
        if all(w in PLACE_WORDS for w in lows):
            return  # "HONG KONG, Sept 5 (Reuters)": a dateline's place is no one
        kind = infer_kind(name)
        if kind == "organisation" and set(lows) & IN_PLACE_HEADS:
            place = IN_PLACE_RE.match(self.text, m.end())
            if place:
                name += " in " + place.group(1)  # "American Chamber of Commerce in Taiwan … the chamber said"
        if len(words) == 1 and words[0].endswith(("’s", "'s")) and lows[0] not in lx.STOP_CAPS:
            newsroom = NEWSROOM_AFTER_RE.match(self.text, m.end())
            if newsroom:
                # "Haaretz's editorial", "Xinhua's correspondent": a one-word publication, named by
                # what it publishes or who writes for it, that "the newspaper" can point back to
                self._add(start, name, "publication", weak=True)
                return
        if kind != "person":
            if len(words) >= 2 or kind == "ai_system":
                self._add(start, name, kind, weak=True)
            return
        if 2 <= len(words) <= 4 and not any(w in PLACE_WORDS or w in lx.ORG_WORDS for w in lows) and not any(
                w.endswith(("’s", "'s")) for w in words[:-1]) and all(w[1:2].islower() or w in lx.NAME_PARTICLES
                                                                    or w.endswith(".") for w in words):
            self._add(start, name[:-2] if name.endswith(("’s", "'s")) else name, "person", " ".join(titles),
                      weak=True)

    def _add(self, pos, name, kind, description="", weak=False):
        if name.endswith((" Jr", " Sr")) and self.text.find(name + ".", pos, pos + len(name) + 3) >= 0:
            name += "."  # "Ferdinand Marcos Jr." keeps its point
        self.items.append(Referent(pos, name, kind, description, weak))

    def add(self, pos, name, kind, description=""):
        """Record a resolved speaker, so later pronouns and surnames can refer to it."""
        k = bisect.bisect_right(self._positions, pos)
        ref = Referent(pos, name, kind, description)
        self.items.insert(k, ref)
        self._positions.insert(k, pos)
        self._index(ref)
        self._index_role(ref)
        self._index_acronym(ref)

    def items_between(self, lo, hi):
        """The referents whose mention starts in [lo, hi), in text order."""
        return self.items[bisect.bisect_left(self._positions, lo):bisect.bisect_left(self._positions, hi)]

    def _before(self, pos, window):
        items = self.items
        for idx in range(bisect.bisect_left(self._positions, pos) - 1, -1, -1):
            r = items[idx]
            if pos - r.pos > window:
                break
            yield r

    def org_starting(self, word, pos):
        """"Micron" after "Micron Technology", "Alibaba" after "Alibaba Group": the nearest earlier
        body whose name is the word and then only words like Technology, Group, Corporation."""
        bucket = self._orgs_by_first.get(word.lower(), [])
        end = bisect.bisect_left(bucket, (pos, -1))
        return bucket[end - 1][2] if end else None

    def body_of(self, name, pos):
        """The organisation a person's description names ("Alibaba's chief executive" → Alibaba,
        "President of the European Commission" → European Commission), or None."""
        descriptions = [d for _, d in self._roles_raw.get(name, ())]
        parts = name.lower().split()
        for r in self._persons_with(parts[-1], pos) if parts else ():
            if r.name == name:
                # the appositive after the name: "Dana Wu, chief executive of the Harbour Trust,"
                after = self.text[r.pos:r.pos + len(name) + 120]
                if after.startswith(name + ","):
                    descriptions.append(re.split(r"[,.;:“”\"()]", after[len(name) + 1:])[0].strip())
        for desc in descriptions:
            owner = OWNER_RE.match(desc)
            if owner and infer_kind(owner.group(1)) != "person" or owner and owner.group(1) in lx.KNOWN_ORGS:
                return owner.group(1)
            for run in BODY_RUN_RE.finditer(desc):
                body = run.group()
                words = body.split()
                while words and words[0].lower() in ("the", "of", "for", "at"):
                    words = words[1:]
                body = " ".join(words)
                if body and infer_kind(body) == "organisation" and (
                        set(w.lower() for w in words) & lx.ORG_WORDS or body.lower() in lx.KNOWN_ORGS):
                    return body
        return None

    def _index_role(self, r):
        if r.kind == "person" and r.description:
            self._roles.setdefault(r.name, []).append((r.pos, r.description.lower()))
            self._roles_raw.setdefault(r.name, []).append((r.pos, r.description))

    def roles_of(self, r, pos):
        """Every description given to the person ``r`` names before ``pos`` ("Trade Minister" for a
        later plain "Farrell"), joined, with the roles its titles stand for ("Dr" → doctor)."""
        found = self._roles.get(r.name)
        desc = r.description.lower()
        if found:
            desc = " ".join([desc] + [d for p, d in found if p < pos])
        titles = [TITLE_ROLES[w] for w in desc.replace(",", " ").split() if w in TITLE_ROLES]
        return desc + " " + " ".join(titles) if titles else desc

    def _index(self, r):
        if r.kind == "organisation":
            parts = r.name.split()
            if len(parts) >= 2 and all(w.lower().rstrip(".,") in lx.ORG_WORDS for w in parts[1:]):
                bucket = self._orgs_by_first.setdefault(parts[0].lower(), [])
                bisect.insort(bucket, (r.pos, len(bucket), r))
        if r.kind == "person":
            parts = [p for p in r.name.lower().split() if p not in NAME_SUFFIXES]
            if len(parts) >= 2:
                # every word: "Lam" is the family name in "Paul Lam Ting-kwok"
                tokens = set(parts) - lx.NAME_PARTICLES
                # and without accents: a page writes "Erdogan" after "Recep Tayyip Erdoğan"
                for token in tokens | {fold(t) for t in tokens}:
                    bucket = self._by_token.setdefault(token, [])
                    bisect.insort(bucket, (r.pos, len(bucket), r))

    def _persons_with(self, token, pos):
        """Multi-word person referents starting or ending with ``token``, nearest first, before pos."""
        bucket = self._by_token.get(token, [])
        end = bisect.bisect_left(bucket, (pos, -1))
        for idx in range(end - 1, max(-1, end - 1 - MAX_NAMESAKES), -1):
            yield bucket[idx][2]

    def pronoun(self, pronoun, pos, exclude=()):
        """The referent of he/she/it/they at ``pos``, or None; ``exclude``: names it cannot be
        (whoever asked the question "she replied" answers)."""
        if pronoun in ("i", "we"):
            return Referent(pos, self.author, "person", "author")
        if pronoun in ("he", "she", "him", "her"):
            wanted, window = {"person"}, 2500
        elif pronoun == "it":
            wanted, window = {"organisation", "ai_system", "publication"}, 800
        else:
            wanted, window = {"group", "organisation"}, 800
        found = [r for r in self._before(pos, window) if r.kind in wanted and r.name not in exclude]
        if pronoun == "they":
            groups = [r for r in found if r.kind == "group"]
            found = groups or found
        strong = [r for r in found if not r.weak]
        if strong and (not found or strong[0] is found[0] or found[0].pos - strong[0].pos < 400):
            return strong[0]
        return found[0] if found else None

    def by_kind(self, kind, pos, word="", modifiers=()):
        """"the company" → the nearest earlier organisation; "the report" prefers a referent
        described as a report over a nearer newspaper."""
        candidates = [r for r in self._before(pos, 20000) if r.kind == kind]
        if word in COMPANY_HEADS:
            # "the chipmaker said" is a business, not "New Delhi" or the ministry named since
            candidates = [r for r in candidates if r.name.lower() not in lx.GOVERNMENT_SEATS
                          and not set(r.name.lower().split()) & PUBLIC_BODY_WORDS]
        if word == "tank":
            # "the think tank said": the nearest body named like one (Institute, Centre, Foundation …)
            candidates = [r for r in candidates if set(r.name.lower().split()) & THINK_TANK_WORDS
                          or "think tank" in r.description.lower() or "think-tank" in r.description.lower()]
            return candidates[0] if candidates else None
        if word:
            fitting = [r for r in candidates if word in r.description.lower() or word in r.name.lower()]
            if modifiers and fitting:
                # "the agriculture department" is the Department of Agriculture, not the nearer
                # Department of Trade and Industry
                better = [r for r in fitting if all(m in r.name.lower() for m in modifiers)]
                if better:
                    fitting = better
            if fitting:
                first = fitting[0]
                for r in fitting[1:4]:
                    # a capitalised-words guess just after the speaker named in full ("European Union
                    # Chamber of Commerce" inside "… in China"): the full name
                    if first.weak and not r.weak and first.pos - r.pos < 80 and r.name.startswith(first.name):
                        return r
                return first
            if kind != "person" and word not in GENERIC_HEADS:
                return None  # "the government" is not the university named last
        return candidates[0] if candidates else None

    def described_as(self, word, pos, window=6000):
        """The nearest earlier referent, of any kind, whose description carries ``word``
        ("the spokesperson" → the ministry that spoke through "a spokesperson for" it); ``word``
        may be a set of words that stand for one another ("spokeswoman", "spokesperson")."""
        words = {word} if isinstance(word, str) else set(word)
        for r in self._before(pos, window):
            if words & set(r.description.lower().split()):
                return r
        return None

    def group_headed(self, heads, pos, window=2500):
        """"the authors", "the researchers": the nearest earlier group named with one of ``heads``
        ("researchers at the Takshashila Institution"), or None."""
        for r in self._before(pos, window):
            words = r.name.lower().split()
            if r.kind == "group" and (words[0] in heads or (
                    len(words) > 3 and words[0] in ("a", "the") and words[2] == "of" and words[3] in heads)):
                return r  # "researchers at X", "a team of researchers at X"
        return None

    def ending_with(self, word, pos, kind):
        """"the Court" → "Supreme Court" named earlier."""
        low = " " + word.lower()
        for r in self._before(pos, 50000):
            if r.kind == kind and r.name.lower().endswith(low):
                return r
        return None

    def person_by_role(self, pos, head, modifiers, definite=True):
        """"the prime minister", "the Chinese leader", "the economist": the person named earlier
        whose description carries the role (or its modifiers, for generic heads like "leader");
        failing that, a person named in the last sentence or two. None when nothing fits."""
        generic = head in GENERIC_PERSON_NOUNS
        heads = (head,) + ROLE_SYNONYMS.get(head, ())  # "the former envoy" after "a former ambassador"
        nearest = None
        for r in self._before(pos, 6000):
            if r.kind != "person" or r.name == self.author:
                continue
            if nearest is None:
                nearest = r
            # the latest mention of a person whose role fits, even a plain "Farrell has said …"
            # after "Trade Minister Don Farrell" (not another minister described in between)
            desc = self.roles_of(r, pos)
            if any(h in desc for h in heads) and (not modifiers or any(
                    m in desc or m in r.name.lower() or same_place(m, desc) for m in modifiers)):
                return r
            if generic and modifiers and all(m in desc or same_place(m, desc) for m in modifiers):
                # "the Spanish leader" after "Spain’s prime minister, Pedro Sánchez"
                return r
        for r in self._before(pos, 6000):
            if r.kind == "person" and r.name != self.author and head in r.description.lower():
                return r
        if definite:
            for r in self._before(pos, 2500):
                # "A finance bureau official in a central province told Caixin …. “…,” the official
                # said": the unnamed person named by that noun
                if r.kind == "person" and r.name.split()[0] in ("a", "an", "one") and head in r.name.split() and \
                        all(m in r.name for m in modifiers):
                    for other in self._before(r.pos + 1, 2):
                        # "an official" scanned where "an official at the Ministry of Finance" spoke
                        if other.kind == "person" and len(other.name) > len(r.name) and \
                                other.name.startswith(r.name + " "):
                            return other
                    return r
        if definite and not modifiers and nearest is not None and pos - nearest.pos < 250 \
                and "\n" not in self.text[nearest.pos:pos]:
            return nearest
        return None

    def surname(self, word, pos):
        """"Zheng" → the nearest earlier full name starting or ending with it."""
        low = word.lower()
        alias = [a for a in self._aliases.get(low, ()) if a[0] < pos]
        if alias:
            return Referent(pos, self.full_name(alias[-1][1], pos), "person")  # "Jokowi"
        for r in self._persons_with(fold(low), pos):
            return r
        # a full name anywhere earlier in the text ("Zheng Yongnian argued ..."), found once per word
        if low not in self._surname_cache:
            self._surname_cache[low] = self._scan_surname(word)
        found = self._surname_cache[low]
        k = bisect.bisect_left(found, (pos, ""))
        if k:
            return Referent(pos, found[k - 1][1], "person")
        return None

    def _scan_surname(self, word):
        """(position, full name) for every "First Word" or "Word Last" written around ``word``.

        One look-up per occurrence with two fixed patterns (no pattern compiled per word)."""
        text = self.text
        found = []
        n = len(word)
        at = text.find(word)
        skip_to = 0
        while at >= 0:
            end = at + n
            if at >= skip_to and (at == 0 or not _WORDCHAR(text[at - 1])) and \
                    (end >= len(text) or not _WORDCHAR(text[end])):
                prev = _PREV_CAP_RE.search(text, max(0, at - 80), at)
                nxt = _NEXT_CAP_RE.match(text, end)
                first = prev.group(1) if prev else None
                last = nxt.group(1) if nxt else None
                candidate = None
                if first and first.lower() not in lx.STOP_CAPS and first.lower() not in lx.TITLES and not (
                    first.lower().rstrip(".") in lx.ROLES
                ):
                    candidate = text[prev.start(1):end]
                    if infer_kind(candidate) != "person":
                        candidate = None
                # the word before may be a body's name ("Speaker of Parliament Tan Chuan-Jin"): then the
                # name may still run on after the word
                if candidate is None and last and last.lower() not in lx.STOP_CAPS and \
                        infer_kind(word + " " + last) == "person":
                    candidate = word + " " + last
                if candidate:
                    found.append((at if candidate == word + " " + (last or "") else prev.start(1), candidate))
                skip_to = nxt.end() if nxt else end
            at = text.find(word, at + 1)
        return found
