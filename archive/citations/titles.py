"""Title casing for citations: which capitals a style may lower, which it must keep.

Titles are stored and exported as published (usually headline case). APA and Harvard
print titles in sentence case, and BibTeX styles lower-case unprotected words, so both
need to know which capitalised words are names. A word counts as a name when the
entry's own text capitalises it mid-sentence and never writes it in lower case
("China", "Nvidia"), or when its shape says so ("DeepSeek", "AI", "CO25056").
Pure Python.
"""
import re
from collections import Counter

_WORD = re.compile(r"[^\W\d_][\w’'\-]*", re.UNICODE)
_POSSESSIVE = re.compile(r"[’']s$")


def _core(word):
    """The word without a possessive ending: "China’s" -> "China"."""
    return _POSSESSIVE.sub("", word)


_DIGIT = re.compile(r"\d")


def looks_like_name(word):
    """Shape alone says it is a name or acronym: inner capitals or digits ("DeepSeek", "AI", "R1")."""
    core = _core(word)
    rest = core[1:]
    return rest != rest.lower() or _DIGIT.search(core) is not None


_TOKEN = re.compile(r"[^\W\d_][\w\-]*")  # words without possessive endings: "China’s" -> "China"
_SENTENCE_END = set(".!?:“\"‘'\n•")


def proper_nouns(title, text):
    """The capitalised title words that the text treats as names (kept capitalised).

    ``text`` is the entry's body and synopsis. A word is a name when the text never
    writes it in lower case and writes it capitalised at least once after the start
    of a sentence. Bulk exports do this for every entry, so the text is tokenised once
    (C-speed findall and Counter) and only surviving words are located.
    """
    candidates = set()
    for match in _WORD.finditer(title or ""):
        for part in _core(match.group()).split("-"):
            if part and part[0].isupper() and not looks_like_name(part):
                candidates.add(part)
    if not candidates or not text:
        return frozenset()
    counts = Counter(_TOKEN.findall(text))
    return frozenset(
        w for w in candidates if counts[w] and not counts[w.lower()] and _mid_sentence(text, w)
    )


def _mid_sentence(text, word):
    """Whether ``word`` occurs (as a whole word) somewhere other than a sentence's start."""
    pos = text.find(word)
    while pos >= 0:
        end = pos + len(word)
        whole = (pos == 0 or not (text[pos - 1].isalnum() or text[pos - 1] == "-")) and (
            end == len(text) or not (text[end].isalnum() or text[end] == "-"))
        if whole:
            i = pos - 1
            while i >= 0 and text[i] in " \t":
                i -= 1
            if i >= 0 and text[i] not in _SENTENCE_END:
                return True
        pos = text.find(word, end)
    return False


def sentence_case(title, names=frozenset(), capitalise_after_colon=True):
    """The title in sentence case: first word (and, for APA, the first after a colon)
    capitalised, names and acronyms kept, every other headline capital lowered.

    >>> sentence_case("DeepSeek: A Seed for Technological Equity", {"Equity"})
    'DeepSeek: A seed for technological Equity'
    """
    out = []
    pos = 0
    first = True
    for match in _WORD.finditer(title or ""):
        between = title[pos:match.start()]
        out.append(between)
        word = match.group()
        after_colon = bool(re.search(r"[:?!]\s*$", between))
        if first or (after_colon and capitalise_after_colon):
            out.append(word)
        else:
            out.append("-".join(_lower_part(part, names) for part in word.split("-")))
        first = False
        pos = match.end()
    out.append((title or "")[pos:])
    return "".join(out)


def _lower_part(part, names):
    if not part or not part[0].isupper() or looks_like_name(part) or part in names or _core(part) in names:
        return part
    if part == "I":
        return part
    return part[0].lower() + part[1:]


def protected_words(title, names=frozenset(), sentence=None):
    """Words a BibTeX style must not lower-case: those sentence case keeps capitalised
    (the first word only when its inner capitals matter, as in "DeepSeek").
    ``sentence``: the title already in sentence case (lower after a colon), if known."""
    kept = set()
    if sentence is None:
        sentence = sentence_case(title, names, capitalise_after_colon=False)
    for index, match in enumerate(_WORD.finditer(sentence)):
        word = match.group()
        if looks_like_name(word) or (index and any(c.isupper() for c in word)):
            kept.add(word)
    return kept
