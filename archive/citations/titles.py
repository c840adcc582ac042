"""Title casing for citations: which capitals a style may lower, which it must keep.

Titles are stored and exported as published (usually headline case). APA and Harvard
print titles in sentence case, and BibTeX styles lower-case unprotected words, so both
need to know which capitalised words are names. A word counts as a name when the
entry's own text capitalises it mid-sentence and never writes it in lower case
("China", "Nvidia"), or when its shape says so ("DeepSeek", "AI", "CO25056"). Names of
several words are judged as phrases: in "DeepSeek Offers a Lesson for the Global
South", "Global South" is a name when the text writes "Global South" mid-sentence and
never "global south", even though it also says "global markets".
Pure Python.
"""
import re

_WORD = re.compile(r"[^\W\d_][\w’'\-]*", re.UNICODE)
_MAX_PHRASE = 4  # words; longer capitalised runs are judged by their 2- to 4-word parts


def _core(word):
    """The word without a possessive ending: "China’s" -> "China"."""
    return word[:-2] if word.endswith(("’s", "'s")) else word


_DIGIT = re.compile(r"\d")


def looks_like_name(word):
    """Shape alone says it is a name or acronym: inner capitals or digits ("DeepSeek", "AI", "R1")."""
    core = _core(word)
    rest = core[1:]
    return rest != rest.lower() or _DIGIT.search(core) is not None


_SENTENCE_END = set(".!?:“\"‘'\n•")


def _capitalised_runs(title):
    """Runs of consecutive capitalised title words separated by single spaces, as match lists."""
    runs, run = [], []
    for match in _WORD.finditer(title):
        if match.group()[0].isupper():
            if run and title[run[-1].end():match.start()] == " ":
                run.append(match)
                continue
            if len(run) > 1:
                runs.append(run)
            run = [match]
        else:
            if len(run) > 1:
                runs.append(run)
            run = []
    if len(run) > 1:
        runs.append(run)
    return runs


def proper_nouns(title, text):
    """The capitalised title words and phrases that the text treats as names (kept capitalised).

    ``text`` is the entry's body and synopsis. A word is a name when the text never
    writes it in lower case and writes it capitalised at least once after the start
    of a sentence, outside headings (short lines that do not end as sentences do); a phrase of two to four capitalised title words ("Global South")
    when the text writes the phrase so and never the phrase in lower case. The result
    holds words and phrases ("Global South"); ``sentence_case`` keeps a phrase's words
    capitalised where the title has the phrase. Bulk exports do this for every entry,
    so it is a handful of C-speed substring searches per title, no tokenising of the text.
    """
    title = title or ""
    candidates = set()
    for match in _WORD.finditer(title):
        for part in _core(match.group()).split("-"):
            if part and part[0].isupper() and not looks_like_name(part):
                candidates.add(part)
    phrases = set()
    for run in _capitalised_runs(title):
        for size in range(2, min(_MAX_PHRASE, len(run)) + 1):
            for first in range(len(run) - size + 1):
                words = run[first:first + size]
                phrase = title[words[0].start():words[-1].end()]
                phrase = phrase[: len(phrase) - (len(words[-1].group()) - len(_core(words[-1].group())))]
                if not all(looks_like_name(w.group()) for w in words):
                    phrases.add(phrase)
    if not text or not (candidates or phrases):
        return frozenset()
    # A word's lower-case form is usually found at once; a phrase's capitalised form is
    # usually not found at all: test the likelier failure first, one scan of the text.
    return frozenset([w for w in candidates if _never_lower(text, w) and _capitalised_in(text, w)]
                     + [p for p in phrases if _capitalised_in(text, p) and _never_lower(text, p)])


def _never_lower(text, words):
    return next(_whole_words(text, words.lower()), None) is None


def _capitalised_in(text, words):
    """Written so after the start of a sentence, not in a heading (in headline case itself)."""
    return any(not _starts_sentence(text, pos) and not _in_heading(text, pos) for pos in _whole_words(text, words))


_LINE_ENDS = set(".?!:;”\"’)…")


def _in_heading(text, pos):
    """A short line that does not end as a sentence does ("Shaping a Multipolar World")."""
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    line = text[start:end if end >= 0 else len(text)].rstrip()
    return len(line) < 150 and line[-1:] not in _LINE_ENDS


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


_AFTER_COLON = re.compile(r":\s*$")
_AFTER_STOP = re.compile(r"[?!][“”\"‘’')\]]*\s+$")


def _phrase_words(title, names, matches):
    """Indexes of the title words that belong to a name phrase found in the title."""
    kept = set()
    phrases = [n for n in names if " " in n]
    if not phrases:
        return kept
    starts = {m.start(): i for i, m in enumerate(matches)}
    for phrase in phrases:
        size = phrase.count(" ") + 1
        for pos in _whole_words(title, phrase):
            if pos in starts:
                kept.update(range(starts[pos], starts[pos] + size))
    return kept


def sentence_cases(title, names=frozenset()):
    """Both sentence-case forms of a title in one pass: (APA, Harvard).

    Both capitalise the first word and the first word after a question mark or
    exclamation point (a new sentence), keep names, phrases of names and acronyms, and
    lower every other headline capital. APA 7 (6.17) also capitalises the first word
    after a colon; Cite Them Right does not ("DeepSeek: a seed for ...").
    """
    title = title or ""
    matches = list(_WORD.finditer(title))
    kept = _phrase_words(title, names, matches)
    upper, lower = [], []
    pos = 0
    for index, match in enumerate(matches):
        between = title[pos:match.start()]
        upper.append(between)
        lower.append(between)
        word = match.group()
        marked = between and ("?" in between or "!" in between or ":" in between)
        if index == 0 or (marked and _AFTER_STOP.search(between)):
            upper.append(_capitalise(word))
            lower.append(_capitalise(word))
        elif index in kept:
            upper.append(word)
            lower.append(word)
        else:
            lowered = "-".join(_lower_part(part, names) for part in word.split("-")) if "-" in word \
                else _lower_part(word, names)
            upper.append(_capitalise(word) if marked and _AFTER_COLON.search(between) else lowered)
            lower.append(lowered)
        pos = match.end()
    upper.append(title[pos:])
    lower.append(title[pos:])
    return "".join(upper), "".join(lower)


def sentence_case(title, names=frozenset(), capitalise_after_colon=True):
    """The title in sentence case (see ``sentence_cases``).

    >>> sentence_case("DeepSeek: A Seed for Technological Equity", {"Equity"})
    'DeepSeek: A seed for technological Equity'
    >>> sentence_case("Is China Winning? A Look at the Global South", {"Global South", "China"})
    'Is China winning? A look at the Global South'
    """
    apa, harvard = sentence_cases(title, names)
    return apa if capitalise_after_colon else harvard


def _capitalise(word):
    return word[:1].upper() + word[1:]


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
