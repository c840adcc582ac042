"""The words of a quoted statement: comparing them, finding them again, showing them.

Pure Python (no Django), shared by the statement workflows and the review screen:

- ``statement_key`` / ``same_statement``: two quotes are the same statement when their
  words are equal after folding punctuation, case, accents and British/American
  spelling (-ise/-ize, -our/-or, -tre/-ter, -ll-/-l-, ...), or when one is contained in
  the other (a commentary quoting part of what another quotes whole).
- ``find_words`` / ``reanchor``: where a statement's words stand in a (changed) body,
  tolerant of changed spacing, line breaks and quote or apostrophe style.
- ``context``: the words before and after a statement, for the review screen.
"""
import hashlib
import re
import unicodedata
from functools import lru_cache

# Quotation marks and apostrophes in their typographic variants, folded to one form.
_QUOTE_FOLDS = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "`": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
    "\u00ab": '"', "\u00bb": '"', "\u2039": "'", "\u203a": "'",
    "\u2013": "-", "\u2014": "-", "\u2212": "-", "\u00a0": " ",
})

# Whole words that differ between British and American spelling in ways the
# suffix rules below do not catch.
_WORD_VARIANTS = {
    "programme": "program", "programmes": "programs", "judgement": "judgment",
    "judgements": "judgments", "ageing": "aging", "grey": "gray", "sceptic": "skeptic",
    "sceptics": "skeptics", "sceptical": "skeptical", "scepticism": "skepticism",
    "defence": "defense", "offence": "offense", "licence": "license", "pretence": "pretense",
    "cheque": "check", "tyre": "tire", "plough": "plow", "aluminium": "aluminum",
    "mould": "mold", "manoeuvre": "maneuver", "enrol": "enroll", "fulfil": "fulfill",
    "analogue": "analog", "catalogue": "catalog", "dialogue": "dialog",
}

# -our words that are not British spellings of an -or word.
_OUR_KEEP = frozenset("your four pour tour hour sour flour dour scour".split())

MIN_CONTAINED_WORDS = 5
"""A quote must have at least this many words to be matched inside a longer one.

Shorter fragments ("engineering simplicity") are too common to say that two
commentaries quote the same thing.
"""

KEY_LENGTH = 255


_OUR = re.compile(r"^(\w+?)our(s|ed|ing|ite|ites|able|ably|al|er|ers|ful|less)?$")
_TRE = re.compile(r"([^aeiou])tre(s|d)?$")
_OGUE = re.compile(r"ogue(s)?$")
_DOUBLE_L = re.compile(r"^(\w{3,}[aeiou])ll(ed|ing|er|ers)$")


@lru_cache(maxsize=65536)
def _fold_word(word):
    if word in _WORD_VARIANTS:
        return _WORD_VARIANTS[word]
    # -ise/-ize, -yse/-yze and their derivatives (civilisation, organising, analysed).
    word = word.replace("iz", "is").replace("yz", "ys")
    # -our/-or (colour, favourite, behavioural, labourer), not "four" or "hour".
    match = _OUR.match(word)
    if match and match.group(1) + "our" not in _OUR_KEEP and len(match.group(1)) > 1:
        word = match.group(1) + "or" + (match.group(2) or "")
    # -tre/-ter (centre, theatres, sceptre), -ogue/-og.
    word = _TRE.sub(r"\1ter\2", word)
    word = _OGUE.sub(r"og\1", word)
    # travelled/traveled, modelling/modeling: the doubled l before a suffix.
    return _DOUBLE_L.sub(r"\1l\2", word)


@lru_cache(maxsize=4096)
def normalize_statement(text):
    """The words of a statement with punctuation, case, accents and spelling folded.

    >>> normalize_statement("AI should not be a sceptre of power, but a tool for civilisation.")
    'ai should not be a scepter of power but a tool for civilisation'
    >>> normalize_statement("AI should NOT be a scepter of power but a tool for civilization")
    'ai should not be a scepter of power but a tool for civilisation'
    """
    text = unicodedata.normalize("NFKD", text.translate(_QUOTE_FOLDS))
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = text.replace("'s ", " ").replace("'", "")
    words = re.findall(r"\w+", text)
    return " ".join(_fold_word(w) for w in words)


def statement_key(text):
    """A key of at most 255 characters naming a statement's normalised words.

    Short statements are their own key; longer ones keep a readable head and a hash
    of the whole, so the key stays unique and exact.
    """
    normal = normalize_statement(text)
    if len(normal) <= KEY_LENGTH:
        return normal
    digest = hashlib.sha256(normal.encode()).hexdigest()[:32]
    return normal[:KEY_LENGTH - len(digest) - 1] + "#" + digest


def same_statement(a, b):
    """Whether two quotes are the same statement: equal or contained, once normalised."""
    na, nb = normalize_statement(a), normalize_statement(b)
    if not na or not nb:
        return False
    if na == nb:
        return True
    shorter, longer = (na, nb) if len(na) <= len(nb) else (nb, na)
    if len(shorter.split()) < MIN_CONTAINED_WORDS:
        return False
    return f" {shorter} " in f" {longer} "


def _words_pattern(words):
    """A regex for ``words`` that tolerates spacing, line breaks and quote styles."""
    tokens = re.findall(r"\w+|[^\w\s]", words.translate(_QUOTE_FOLDS))
    parts = []
    for token in tokens:
        if token == "'":
            parts.append("['\u2018\u2019\u201b\u2032`]")
        elif token == '"':
            parts.append('["\u201c\u201d\u201e\u201f\u00ab\u00bb]')
        elif token == "-":
            parts.append("[-\u2013\u2014\u2212]")
        else:
            parts.append(re.escape(token))
    return r"\s*".join(parts) if parts else None


def find_words(body, words):
    """Every (start, end) where ``words`` occur in ``body``: exactly, else tolerantly.

    Tolerant means spacing, line breaks, quote and dash styles may differ; the words
    and their order may not.
    """
    words = words.strip()
    if not words:
        return []
    spans, pos = [], body.find(words)
    while pos != -1:
        spans.append((pos, pos + len(words)))
        pos = body.find(words, pos + 1)
    if spans:
        return spans
    pattern = _words_pattern(words)
    if pattern is None:
        return []
    return [m.span() for m in re.finditer(pattern, body)]


def shifted_offset(old_body, new_body, offset):
    """Where ``offset`` in ``old_body`` most likely moved to in ``new_body``.

    Looks at the unchanged head and tail of the two texts: an offset in the head stays,
    one in the tail moves by the change in length, one inside the changed part stays put.
    """
    limit = min(len(old_body), len(new_body))
    head = 0
    while head < limit and old_body[head] == new_body[head]:
        head += 1
    tail = 0
    while tail < limit - head and old_body[-1 - tail] == new_body[-1 - tail]:
        tail += 1
    if offset <= head:
        return offset
    if offset >= len(old_body) - tail:
        return offset + len(new_body) - len(old_body)
    return min(offset, len(new_body))


def reanchor(quote, old_start, new_body, old_body=None):
    """The (start, end) of ``quote`` in ``new_body`` nearest its old place, or None.

    The old place is ``old_start`` carried over the edit when ``old_body`` is given.
    """
    spans = find_words(new_body, quote)
    if not spans:
        return None
    target = shifted_offset(old_body, new_body, old_start) if old_body is not None else old_start
    return min(spans, key=lambda span: (abs(span[0] - target), span[0]))


def context(body, start, end, words=12):
    """(before, quoted, after): up to ``words`` words either side of body[start:end].

    Spacing is collapsed; an ellipsis marks text cut off.
    """
    start = max(0, min(start, len(body)))
    end = max(start, min(end, len(body)))
    head = list(re.finditer(r"\S+", body[:start]))
    cut = head[-words].start() if len(head) > words else 0
    tail = list(re.finditer(r"\S+", body[end:]))
    stop = end + tail[words - 1].end() if len(tail) > words else len(body)
    before = re.sub(r"\s+", " ", body[cut:start]).lstrip()
    after = re.sub(r"\s+", " ", body[end:stop]).rstrip()
    if cut > 0:
        before = "… " + before
    if stop < len(body):
        after = after + " …"
    return before, body[start:end], after


# A sentence ends at . ! or ? (with any closing quotation marks or brackets after it)
# followed by white space, or at a paragraph break.
_SENTENCE_END = re.compile(r"[.!?…][”’\"')\]»]*(?=\s)|\n")
_CLOSERS = "”’\"')]»"
_ABBREVIATIONS = frozenset("mr mrs ms dr prof st jr sr gen col lt sen rep gov pres no vs etc e.g i.e u.s u.k".split())


def _ends_sentence(body, match):
    """Not the point of "Mr." or "U.S." before a name."""
    if match.group() == "\n" or body[match.start()] != ".":
        return True
    # The word before the point, read from a short window: the longest abbreviation is
    # four letters, and searching the whole text before every sentence end made person
    # pages quadratic in an entry's length (2.6 s of a 4 s page at 10,000 entries).
    word = re.search(r"([\w.]+)$", body[max(0, match.start() - 40):match.start()])
    return not (word and word.group(1).lower() in _ABBREVIATIONS)


def sentence_around(body, start, end, limit=40):
    """(before, words, after): the sentence (or sentences) holding body[start:end].

    For a reader, a statement without its sentence loses its cue and speaker ("Tompros
    said, “…”"). At most ``limit`` words either side are kept, an ellipsis marking a cut.
    """
    start = max(0, min(start, len(body)))
    end = max(start, min(end, len(body)))
    # A line break always ends a sentence, so the search starts at the last one before
    # the statement: every sentence end before it is superseded (a person page read
    # about 70 candidate ends per statement, from the top of its entry).
    sentence_start = 0
    for match in _SENTENCE_END.finditer(body, max(0, body.rfind("\n", 0, start)), start):
        if _ends_sentence(body, match):
            sentence_start = match.end()
    if body[end - 1:end] in (".", "!", "?", "…"):
        stop = end
        while stop < len(body) and body[stop] in _CLOSERS:
            stop += 1
    else:
        stop = len(body)
        for match in _SENTENCE_END.finditer(body, end):
            if _ends_sentence(body, match):
                stop = match.end()
                break
    before = re.sub(r"\s+", " ", body[sentence_start:start]).lstrip()
    after = re.sub(r"\s+", " ", body[end:stop]).rstrip()
    head = before.split(" ")
    if len(head) > limit:
        before = "… " + " ".join(head[-limit:])
    tail = after.split(" ")
    if len(tail) > limit:
        after = " ".join(tail[:limit]) + " …"
    return before, body[start:end], after
