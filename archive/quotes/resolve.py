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
from dataclasses import dataclass

from . import lexicon as lx
from .kinds import infer_kind

AUTHOR = "(author)"
_CAP = r"[A-Z][\w’'\-]*"
_PART = r"(?:von|van|der|den|de|del|da|dos|bin|ibn|al|el|le|la|ter)"
NAME = rf"{_CAP}(?:\s+(?:{_PART}\s+)*{_CAP}){{0,3}}"
_roles = sorted(lx.ROLES, key=len, reverse=True)
ROLE_ALT = "|".join(re.escape(r) for r in _roles) + "|" + "|".join(re.escape(r.capitalize()) for r in _roles)
TITLE_ALT = r"Dr\.?|Prof\.?|Professor|Mr\.?|Mrs\.?|Ms\.?|Sir|Dame|President|Premier|Chancellor|Senator|Ambassador"
ROLE_NAME_RE = re.compile(rf"\b(?:{ROLE_ALT}|{TITLE_ALT})\s+({_CAP}(?:\s+(?:{_PART}\s+)*{_CAP}){{1,3}})")
APPOSITIVE_RE = re.compile(
    rf"\b({_CAP}(?:\s+(?:{_PART}\s+)*{_CAP}){{1,3}}),\s+(?:a|an|the|{_CAP}’s|{_CAP}'s)\s+(?:[\w-]+\s+){{0,5}}?(?:{ROLE_ALT})\b"
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
AI_SCAN_RE = re.compile(
    r"\b(?:ChatGPT|GPT-?\d[\w.]*|Grok(?:\s\d(?:\.\d)?)?|Gemini|Claude|Copilot|Llama\s?\d?|ERNIE\s+Bot|Ernie\s+Bot|"
    r"Qwen[\w.]*|Kimi|Doubao|DeepSeek-[RV]\d|Le\s+Chat|Siri|Alexa)\b"
)
ORG_SEQ_RE = re.compile(rf"\b(?:The\s+)?({NAME})")


@dataclass
class Referent:
    pos: int
    name: str
    kind: str
    description: str = ""


def _person_name(name):
    parts = name.split()
    while len(parts) > 1 and (parts[0].lower().rstrip(".") in lx.ROLES or parts[0].lower() in lx.TITLES):
        parts = parts[1:]
    return " ".join(parts)


class Referents:
    """Candidate referents in text order, with look-ups by kind and by surname."""

    def __init__(self, text, author=None):
        self.author = author or AUTHOR
        self.text = text
        self.items = []
        for m in ROLE_NAME_RE.finditer(text):
            name = _person_name(m.group(1))
            if len(name.split()) >= 2 and infer_kind(name) == "person":
                self._add(m.start(1), name, "person")
        for m in APPOSITIVE_RE.finditer(text):
            name = _person_name(m.group(1))
            if infer_kind(name) == "person" and name.split()[0].lower() not in lx.STOP_CAPS:
                self._add(m.start(1), name, "person")
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
        self.items.sort(key=lambda r: r.pos)
        self._positions = [r.pos for r in self.items]

    def _add(self, pos, name, kind, description=""):
        self.items.append(Referent(pos, name, kind, description))

    def add(self, pos, name, kind, description=""):
        """Record a resolved speaker, so later pronouns and surnames can refer to it."""
        k = bisect.bisect_right(self._positions, pos)
        self.items.insert(k, Referent(pos, name, kind, description))
        self._positions.insert(k, pos)

    def _before(self, pos, window):
        k = bisect.bisect_left(self._positions, pos)
        for r in reversed(self.items[:k]):
            if pos - r.pos > window:
                break
            yield r

    def pronoun(self, pronoun, pos):
        """The referent of he/she/it/they at ``pos``, or None."""
        if pronoun in ("i", "we"):
            return Referent(pos, self.author, "person", "author")
        if pronoun in ("he", "she", "him", "her"):
            wanted, window = {"person"}, 2500
        elif pronoun == "it":
            wanted, window = {"organisation", "ai_system", "publication"}, 800
        else:
            wanted, window = {"group", "organisation"}, 800
        for r in self._before(pos, window):
            if r.kind in wanted:
                return r
        return None

    def by_kind(self, kind, pos, word=""):
        """"the company" → the nearest earlier organisation (any earlier, not only nearby)."""
        for r in self._before(pos, 20000):
            if r.kind == kind:
                if kind == "person" and word and word not in r.description.lower():
                    continue
                return r
        if kind == "person" and word:
            return self.by_kind(kind, pos)
        return None

    def surname(self, word, pos):
        """"Zheng" → the nearest earlier full name starting or ending with it."""
        low = word.lower()
        for r in self._before(pos, 50000):
            parts = r.name.lower().split()
            if len(parts) >= 2 and (parts[0] == low or parts[-1] == low) and r.kind == "person":
                return r
        # a full name anywhere earlier in the text ("Zheng Yongnian argued ...")
        pattern = re.compile(rf"\b(?:({_CAP})\s+(?:{_PART}\s+)*)?{re.escape(word)}\b(?:\s+({_CAP}))?")
        best = None
        for m in pattern.finditer(self.text, 0, pos):
            first, last = m.group(1), m.group(2)
            if first and first.lower() not in lx.STOP_CAPS and first.lower() not in lx.TITLES and not (
                first.lower().rstrip(".") in lx.ROLES
            ):
                best = m.group(0) if not last else m.group(0)[: m.end(0) - m.start(0) - len(last) - 1].rstrip()
                best = best if infer_kind(best) == "person" else None
                best = best or None
            elif last and last.lower() not in lx.STOP_CAPS and infer_kind(word + " " + last) == "person":
                best = word + " " + last
        if best:
            return Referent(pos, best, "person")
        return None
