"""Title casing for citations: which capitals a style may lower, which it must keep.

Titles are stored and exported as published (usually headline case). APA and Harvard
print titles in sentence case, and BibTeX styles lower-case unprotected words, so both
need to know which capitalised words are names. A word counts as a name when the
entry's own text capitalises it mid-sentence and never writes it in lower case
("China", "Nvidia"), or when its shape says so ("DeepSeek", "AI", "CO25056").
Pure Python.
"""
import re

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


_SENTENCE_END = set(".!?:“\"‘'\n•")


def proper_nouns(title, text):
    """The capitalised title words that the text treats as names (kept capitalised).

    ``text`` is the entry's body and synopsis. A word is a name when the text never
    writes it in lower case and writes it capitalised at least once after the start
    of a sentence. Bulk exports do this for every entry, so it is a handful of C-speed
    substring searches per title, no tokenising of the text.
    """
    candidates = set()
    for match in _WORD.finditer(title or ""):
        for part in _core(match.group()).split("-"):
            if part and part[0].isupper() and not looks_like_name(part):
                candidates.add(part)
    if not candidates or not text:
        return frozenset()
    return frozenset(
        w for w in candidates
        if next(_whole_words(text, w.lower()), None) is None
        and any(not _starts_sentence(text, pos) for pos in _whole_words(text, w))
    )


def _whole_words(text, word):
    """Positions where ``word`` occurs as a whole word (a possessive ending allowed)."""
    pos = text.find(word)
    while pos >= 0:
        end = pos + len(word)
        if (pos == 0 or not (text[pos - 1].isalnum() or text[pos - 1] == "-")) and (
                end == len(text) or not (text[end].isalnum() or text[end] == "-")):
            yield pos
        pos = text.find(word, end)


def _starts_sentence(text, pos):
    i = pos - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    return i < 0 or text[i] in _SENTENCE_END


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
