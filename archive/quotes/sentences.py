"""Sentence boundaries, found once per text so every look-up is a binary search.

A boundary follows ., ! or ? (and any closing quote or bracket) before a capital, a digit
or an opening mark, except after abbreviations and initials ("Dr.", "U.S.", "J. Nye");
a line break is always a boundary (page dumps put one paragraph per line).
"""
import bisect
import re

BOUNDARY_RE = re.compile(r"[.!?…][\"”’')\]»›]*\s+(?=[\"“‘'(\[«‹„]?[A-Z0-9]|[“«„\"])|\n\s*")
ABBREVIATIONS = set("""
mr mrs ms dr prof st gen sen rep gov lt col sgt capt cmdr adm no vs etc inc ltd co corp jr sr
u.s u.k u.n e.g i.e fig vol p pp ed eds rev hon approx dept univ est jan feb mar apr jun jul
aug sep sept oct nov dec mt ft
""".split())
INITIALS_RE = re.compile(r"(?:[a-z]\.)+[a-z]")
WORD_BEFORE_RE = re.compile(r"([\w.]+)\.$")


class Sentences:
    def __init__(self, text):
        self.text = text
        bounds = [0]
        for m in BOUNDARY_RE.finditer(text):
            if text[m.start()] == ".":
                word = WORD_BEFORE_RE.search(text, max(0, m.start() - 12), m.start() + 1)
                if word:
                    w = word.group(1).lower()
                    if w in ABBREVIATIONS or (len(w) == 1 and w.isalpha()) or INITIALS_RE.fullmatch(w):
                        continue
            bounds.append(m.end())
        self.bounds = bounds

    def start_of(self, pos):
        """Where the sentence holding ``pos`` starts."""
        return self.bounds[bisect.bisect_right(self.bounds, pos) - 1]

    def end_of(self, pos):
        """Where the next sentence after ``pos`` starts (or the text's end)."""
        k = bisect.bisect_right(self.bounds, pos)
        return self.bounds[k] if k < len(self.bounds) else len(self.text)

    def count_between(self, start, end):
        """How many sentences begin in (start, end]."""
        return bisect.bisect_right(self.bounds, end) - bisect.bisect_right(self.bounds, start)

    def all(self):
        """(start, end) of every sentence."""
        b = self.bounds + [len(self.text)]
        return [(b[i], b[i + 1]) for i in range(len(b) - 1) if b[i + 1] > b[i]]
