"""One canonical form for a speaker's name, whichever mention reached it.

A mention carries more than the name: roles inside a capitalised run ("Majority Leader Steve
Scalise"), the body a person works for ("Professor Hannah Cloke of the University of Reading",
"Heather Stewart in The Guardian"), the document a publisher wrote ("an editorial in Global
Times"), a name written twice where a page dump joined a caption to its text ("Craig Sivall
Craig Sivall"). Editors file statements under the person or body, so the name is cut to it.

Pure Python, no Django.
"""
from functools import lru_cache
import re

from . import lexicon as lx
from .kinds import infer_kind
from .places import DEMONYMS, is_place, place_of
from .vocabulary import POSITIONAL_RE, is_common

_CONNECTOR_RE = re.compile(r"\s+(?:of|at|in|from|with|for)\s+(?:the\s+)?(?=[A-Z])")
# Documents and the words that stand for a publisher's own voice: "an editorial in Global Times",
# "a report by the IMF", "a commentary published by Xinhua".
_PUBLISHED_RE = re.compile(r"\s+(?:in|by|from|of|at)\s+(?:the\s+)?(?=[A-Z])|\s+(?:published|issued|released|run)"
                           r"\s+(?:in|by)\s+(?:the\s+)?(?=[A-Z])")


def is_title(word):
    """A title or role word ("Dr", "Gen.", "minister"): never part of a person's name."""
    return word.lower() in lx.TITLES or word.lower().rstrip(".") in lx.ROLES


def _is_role(word):
    return is_title(word.rstrip(","))


def _name_run(words):
    """The leading run of capitalised name words (particles inside allowed), possessive dropped."""
    out = []
    for w in words:
        if out and not (w[:1].isupper() or w in lx.NAME_PARTICLES):
            break
        if not out and not w[:1].isupper():
            break
        if w.endswith(("’s", "'s")):
            out.append(w[:-2])
            break
        out.append(w.rstrip(",;:"))
    while len(out) > 1 and out[-1] in lx.NAME_PARTICLES:
        out.pop()
    return out


def _dedouble(words):
    """"Craig Sivall Craig Sivall" → "Craig Sivall": a name repeated whole."""
    n = len(words)
    if n >= 2 and n % 2 == 0 and words[:n // 2] == words[n // 2:]:
        return words[:n // 2]
    return words


def _describes(word):
    """A capitalised word that stands before a name without being part of it: the adjective of a
    people ("Brazilian Carlos Melo"), a compound descriptor ("Marxist-leaning", "Harvard-educated")
    or a compound office ("Director-General", "Vice-Minister")."""
    low = word.lower().rstrip(".,")
    if low in DEMONYMS:
        return True
    parts = low.split("-")
    return len(parts) > 1 and word[:1].isupper() and all(parts) and (
        is_common(parts[-1]) or any(is_title(p) for p in parts))


def person_name(name):
    """A person's name without the roles in front of it and the body after it, or None when the
    mention holds no name ("the minister")."""
    words = name.split()
    # the name starts after the last role or title word that has capitalised words after it
    start = 0
    for i, w in enumerate(words[:-1]):
        if _is_role(w) and words[i + 1][:1].isupper() and not _is_role(words[i + 1]) or \
                (not w[:1].isupper() and w.lower() not in lx.NAME_PARTICLES):
            start = i + 1
    # and after the descriptors in front of it, when a name is left (two words after a common word:
    # "Will Hurd" is a name, "Meet Javier Milei" is not)
    while start < len(words) - 1 and _describes(words[start]) and words[start + 1][:1].isupper():
        start += 1
    run = _dedouble(_name_run(words[start:]))
    if not run or _is_role(run[0]) and len(run) == 1:
        return None
    return " ".join(run)


_OWNED_WORDS_RE = re.compile(r"^(?:[Tt]he\s+)?([A-Z][\w&.-]*(?:\s+(?:of\s+|for\s+)?[A-Z][\w&.-]*){0,5})(?:’s|'s|’|')\s+"
                             r"(?:[a-z-]+\s+)?([a-z]+(?:\s+board)?)$")
_NEWSROOM_NOUNS = {"editors", "editorial board", "newsroom", "reporters", "reporting", "journalists"}


def canonical(name, kind):
    """(name, kind) cut to the person or body the mention names; unchanged where it is unsure."""
    if not name or name.startswith(("@", "(")) or "\n" in name:
        return name, kind
    if name.endswith(("s’", "s'")) and len(name) > 3:
        name = name[:-1]  # "the New York Times’ …" cut after its possessive mark
    words = name.split()
    if len(words) < 2:
        return name, kind
    deduped = _dedouble(words)
    if deduped != words:
        return " ".join(deduped), kind
    owner = _OWNED_WORDS_RE.match(name)
    if owner and (owner.group(2).lower() in lx.DOCUMENT_NOUNS or owner.group(2).lower() in _NEWSROOM_NOUNS):
        # "the New York Times’ editors", "the Times’ report": a paper's or a body's own words speak for it
        body = owner.group(1)
        return body, infer_kind(body) if kind in (None, "person", "group") else kind
    first = words[0].lower()
    # "an editorial in Global Times" → Global Times (a group at a body, "researchers at the
    # Grattan Institute", stays a group: they speak as themselves)
    if first in lx.DETERMINERS or first in lx.GROUP_DETERMINERS or first in lx.DOCUMENT_NOUNS or first in lx.GROUP_NOUNS:
        m = _PUBLISHED_RE.search(name)
        if m:
            head = name[:m.start()].split()
            head_noun = head[-1].lower().rstrip(",") if head else ""
            if head_noun in lx.DOCUMENT_NOUNS:
                body = _name_run(name[m.end():].split())
                if body and infer_kind(" ".join(body)) in ("organisation", "publication"):
                    body_name = " ".join(body)
                    return body_name, infer_kind(body_name)
        return name, kind
    # "Professor Hannah Cloke of the University of Reading", "Heather Stewart in The Guardian":
    # the person before the connector, when the words before it make a person's name
    m = _CONNECTOR_RE.search(name)
    head = name[:m.start()] if m else name
    person = person_name(head)
    # one word is a name when only titles stood before it ("Pandit Nehru", "President Trump")
    titled = person and not m and len(person.split()) == 1 and kind == "person" and head.split()[-1] == person \
        and all(is_title(w) or _describes(w) for w in head.split()[:-1]) and not is_common(person) \
        and head.split()[0].lower() not in lx.PEERAGES  # "Lord Darzi" is how a peer is named
    if person and (len(person.split()) >= 2 or titled) and infer_kind(person) == "person" and \
            not any(_is_role(w) for w in person.split()):
        if m or kind == "person":
            return person, "person"
    return name, kind


_PARENTHETICAL_RE = re.compile(r"^(.*\S)\s*\(([^()]+)\)$")
_ACRONYM_RE = re.compile(r"^[A-Z][A-Za-z0-9&.-]{0,11}$")


def without_place_note(name):
    """"The National (United Arab Emirates)" → "The National": a bracketed place or note after a
    name tells readers which one it is; a bracketed acronym ("… Institute (ASPI)") is an alias
    and stays."""
    m = _PARENTHETICAL_RE.match(name or "")
    if m and not _ACRONYM_RE.match(m.group(2).strip()):
        return m.group(1)
    return name


_INITIAL_WORDS_RE = re.compile(r"[A-Z][\w’'.-]*(?:\s+(?:(?:of|for|and|the|on|de|van|von|&)\s+)*[A-Z][\w’'.-]*)+")
_SMALL = {"of", "for", "and", "the", "on", "de", "van", "von", "&"}


def expand_initialism(name, text, cache=None):
    """The words an initialism stands for, where the text spells them out: "OGS" → "Ole Gunnar
    Solskjaer", "IMF" → "International Monetary Fund". The fullest form is the canonical name;
    an initialism the text never spells out, or spells out two ways, stays as it is."""
    if not name or not name.isupper() or not 2 <= len(name) <= 6 or not name.isalpha():
        return name
    if cache is None:
        cache = {}
    runs = cache.get("runs")
    if runs is None:
        runs = cache["runs"] = [m.group() for m in _INITIAL_WORDS_RE.finditer(text)]
    found = set()
    for run in runs:
        words = run.split()
        # every contiguous stretch of the run whose initials spell the name
        for i in range(len(words)):
            if words[i] in _SMALL or not words[i][:1] == name[0]:
                continue
            initials, j = "", i
            while j < len(words) and len(initials) < len(name):
                if words[j] not in _SMALL:
                    initials += words[j][0]
                j += 1
            if initials == name and j - i >= len(name) and words[j - 1] not in _SMALL:
                found.add(" ".join(words[i:j]))
    return found.pop() if len(found) == 1 else name



# -- the fullest form a text gives a short name -------------------------------------------------
# A name word as pages write it: capitalised, an initial ("F."), or a particle joined by a hyphen
# ("el-Sisi", "al-Hayya"); particles between name words ("Ursula von der Leyen").
_NAME_WORD = rf"(?:[A-Z][\w’'.-]*|{lx.JOINED_PARTICLE_ALT}-[A-Z][\w’'-]*)"
_JOINED_PARTICLE_RE = re.compile(rf"^{lx.JOINED_PARTICLE_ALT}-", re.IGNORECASE)
_PARTICLE_BEFORE_RE = re.compile(rf"(?<![\w’'.]){lx.JOINED_PARTICLE_ALT}-$",
                                 re.IGNORECASE)
_ALIAS_RUN_RE = re.compile(rf"({_NAME_WORD}(?:[^\S\n]+(?:(?:of|for|the|and|on|&)[^\S\n]+)*{_NAME_WORD}){{0,5}})[^\S\n]*$")
_FAMILY_TAIL_RE = re.compile(rf"[^\S\n]+((?:{lx.FAMILY_PARTICLE_ALT}-[A-Z][\w’'-]*)|(?:bin|ibn|bint)[^\S\n]+[A-Z][\w’'-]*)")
_SURNAME_TAIL_RE = re.compile(r"[^\S\n]+([A-Z][\w’'-]+)(?![\w’'-])")
_BODY_TAIL_RE = re.compile(r"(?:[^\S\n]+(?:of|for)(?:[^\S\n]+the)?)?((?:[^\S\n]+[A-Z][\w’'-]*){1,3})")


def _fold_form(name):
    """Comparable form: case, hyphens between words and curly apostrophes ignored."""
    return re.sub(r"[\s-]+", " ", name.replace("’", "'")).strip().casefold()


def _stops_extension(word):
    low = word.lower().rstrip(".,")
    return (low in lx.ROLES or low in lx.TITLES or low in lx.STOP_CAPS or low in lx.DETERMINERS
            or low in lx.GROUP_NOUNS or not word[:1].isupper() and low not in lx.NAME_PARTICLES
            and not _JOINED_PARTICLE_RE.match(word)
            # "Ask Grok", "Consider Biden": a common word capitalised by its place opens no name
            # (a paper's own words, "Daily", "Times", stay part of its name)
            or is_common(word) and low not in lx.PUBLICATION_WORDS and low not in lx.PERIODICAL_WORDS)


def fullest_form(name, kind, text):
    """The fullest form of a one- or two-word name that the text writes somewhere: "Musk" where the
    text has "Elon Musk", "Sisi" in "Abdel Fattah el-Sisi", "Jokowi" from "Joko Widodo (Jokowi)",
    "Maverick" in "the Daily Maverick", "Bank" in "the Bank of England". Editors file a speaker under
    one name, and the guidelines give the fullest one the passage gives anywhere, before or after
    the quote. Unchanged when the text gives two different fuller forms (two Browns) or none."""
    if not name or kind not in ("person", "organisation", "publication", "ai_system") or name.startswith(("@", "(")):
        return name
    words = name.split()
    if len(words) > 2 or not words[0][:1].isupper():
        return name
    words = re.split(r"[\s-]+", name)  # "Saint-Cyr" is "Saint Cyr" written another way
    forms = {}
    # "Joko Widodo (Jokowi)", "Nihon Keizai Shimbun (Nikkei)": a bracketed alias after a name (the
    # run is read back from each bracket, never scanned for over the whole text)
    for bracket in re.finditer(rf"\(\s*{re.escape(name)}\s*\)", text):
        m = _ALIAS_RUN_RE.search(text, max(0, bracket.start() - 160), bracket.start())
        if not m:
            continue
        run = m.group(1).split()
        while run and _stops_extension(run[0]):
            run = run[1:]
        if run and _fold_form(" ".join(run)) != _fold_form(name):
            forms.setdefault(_fold_form(" ".join(run)), " ".join(run))
    if len(forms) == 1:
        return next(iter(forms.values()))
    forms = {}
    core = r"[\s-]+".join(re.escape(w) for w in words)
    # "Tan Chuan-Jin" for "Tan Chuan": a hyphenated given name the mention cut at its hyphen
    suffix = r"(?-i:-[A-Z][a-z]+)?" if kind == "person" else ""
    pattern = re.compile(rf"(?<![\w’'])({core}{suffix})(?![\w’'-])", re.IGNORECASE)
    for m in pattern.finditer(text):
        found, start = m.group(1), m.start()
        if text[start - 1:start] == "-":
            # "el-Sisi" is a fuller form of "Sisi"; "Israel-Hamas" (a war) is none of "Hamas"
            particle = _PARTICLE_BEFORE_RE.search(text, max(0, start - 6), start)
            if not particle:
                continue
            found, start = text[particle.start():start] + found, particle.start()
        elif found[:1].islower() and not _JOINED_PARTICLE_RE.match(found):
            continue  # "the bank", "musk" as common words ("al-Hayya" is a name)
        before = text[max(0, start - 80):start]
        line = before.rsplit("\n", 1)[-1]
        left = []
        for w in reversed(line.split()):
            if w.endswith((",", ";", ":", ".", "!", "?", "”", "\"", ")")) and not re.fullmatch(r"[A-Z]\.", w):
                break  # a sentence or clause ends before the name ("Egypt. Sisi said")
            if _stops_extension(w) or w.endswith(("’s", "'s")):
                break
            if kind == "person" and (w.lower() in lx.ORG_WORDS or w.lower() in lx.PLACE_NOUNS or w.isupper()
                                     or place_of(w) or is_place(w) or w.lower() in lx.PUBLICATION_WORDS):
                break  # "Secretary of State John F. Kerry", "Yamina MK Ayelet Shaked", "India Narendra Modi":
                # a portfolio, a party's initials, a place or a paper's words are no given name
            if kind != "person" and (place_of(w) or "-" in w and w[:1].isupper() and w.split("-")[-1].islower()):
                break  # "Chinese-based DeepSeek": a describing word, not part of the name
            left.insert(0, w)
            if len(left) >= 4:
                break
        while left and left[0].lower() in lx.NAME_PARTICLES:
            left = left[1:]
        if kind == "person" and len(name.split()) > 1 and not re.fullmatch(r"[A-Z]\.", words[0]):
            left = []  # a two-word name is a full name ("Ayelet Shaked"); only "F. Kerry" lacks its first
        right = []
        tail = _FAMILY_TAIL_RE.match(text, m.end()) if kind == "person" else None
        if tail:
            # "Nasser Nafeh al-Barrak", "Mohammed bin Salman": a family name joined by a particle
            # goes on after the words the mention kept
            right = tail.group(1).split()
        elif kind == "person" and not left and len(name.split()) == 1 and "-" not in name and \
                not _heading_line(text, start):
            # "Donald" where the text has "Donald Trump": a given name alone, the surname after it
            # (not in a title-case heading, where any word follows a name: "How Trump Reshaped …")
            after = _SURNAME_TAIL_RE.match(text, m.end())
            if after and not _stops_extension(after.group(1)) and after.group(1).lower() not in lx.ORG_WORDS \
                    and after.group(1).lower() not in lx.PLACE_NOUNS and after.group(1).lower() not in lx.DOCUMENT_NOUNS:
                right = [after.group(1)]
        elif kind != "person":
            # "Bank of England": a body's name goes on with "of" and capitalised words
            after = _BODY_TAIL_RE.match(text, m.end())
            if after and after.group(0).split()[0] in ("of", "for") and words[-1].lower() in lx.ORG_WORDS:
                right = after.group(0).split()
        if not left and not right and _fold_form(found) == _fold_form(name):
            continue
        full = " ".join(left + [found] + right).strip(" ,")
        forms.setdefault(_fold_form(full), full)
    if not forms:
        return name
    longest = max(forms, key=len)
    # every fuller form is a part of the longest: one person or body; else two namesakes, unchanged
    if all(f in longest for f in forms):
        return forms[longest]
    return name


def without_glued_words(name, text):
    """A person's name without words a page glued after it ("Nanaia Mahuta Photo:", "William Ruto
    Concedes", "Zuma applauds court"): a lower-case word (not a particle) ends a name, and so does
    a last word that is a common word (learned, ``vocabulary``) or opens a caption (a colon after
    it) when the text writes the rest of the name elsewhere without it and never with it again.
    A last name word stays ("Sri Mulyani Indrawati" where the text also writes "Sri Mulyani"), and
    two-word names are left alone ("Mark Young" is a name even where the text also writes "Mark").
    Before the name, a common word or a label with a digit goes the same way (below)."""
    words = name.split()
    if len(words) < 2 or name.startswith(("@", "(")) or not words[0][:1].isupper() or \
            words[0].lower() in lx.DETERMINERS or not all(w[:1].isupper() for w in words[:2]):
        return name  # a description ("the manager", "a Kabul University student") is no name
    for k in range(1, len(words)):
        w = words[k]
        if not w[:1].isupper() and w.lower() not in lx.NAME_PARTICLES and not _JOINED_PARTICLE_RE.match(w):
            return " ".join(words[:k]) if k >= 2 or len(words[0]) > 2 else name
    while len(words) >= 3 and words[-1].lower() in lx.POST_NOMINALS and not place_of(" ".join(words[:-1])) \
            and not place_of(words[-2]):
        words = words[:-1]  # "Russell George MS": a seat or an honour after the name ("Sri Lankan MP" is a role)
    while len(words) >= 3 and words[-1].lower().rstrip(".,") in _TIME_WORDS:
        words = words[:-1]  # "Harsh Vardhan Saturday said": a day or month the sentence goes on with

    # A common word or a label with a digit glued before a name opens no name ("Meet Javier Milei",
    # "Astronaut Rick Mastracchio", "COP26 Boris Johnson", "Climate Change Simon Stiell") where the
    # text names the person without it: the rest of the name written alone, or (when the longer
    # form stands only where capitals fall by position) the surname alone. "Harsh Vardhan Shringla"
    # and "Ng Eng Hen", written whole throughout, keep their first word.
    def count(form):
        return len(re.findall(rf"(?<![\w’'-]){re.escape(form)}(?![\w’'-])", text))

    for k in range(1, len(words) - 1):
        if not (is_common(words[k - 1]) or re.search(r"\d", words[k - 1])) or words[k - 1].lower() in lx.NAME_PARTICLES:
            break
        whole = [m.start() for m in re.finditer(rf"(?<![\w’'-]){re.escape(' '.join(words))}(?![\w’'-])", text)]
        positional = bool(whole) and all(POSITIONAL_RE.search(text[max(0, at - 4):at]) for at in whole)
        if count(" ".join(words[k:])) > len(whole) or positional and count(words[-1]) > len(whole):
            words = words[k:]
            break
    while len(words) >= 2:
        head = " ".join(words[:-1])
        alone = re.findall(rf"(?<![\w’'-]){re.escape(head)}(?![\w’'-])(?![^\S\n]+{re.escape(words[-1])}(?![\w’'-]))", text)
        whole = [m.start() for m in re.finditer(rf"(?<![\w’'-]){re.escape(' '.join(words))}(?![\w’'-])", text)]
        glued = is_common(words[-1]) or re.search(rf"(?<![\w’'-]){re.escape(' '.join(words))}:", text)
        # a headline in title case glues its next word to a name ("William Ruto Concedes", "Trump
        # Reshaped"): the longer form is printed only in headings and the shorter one in the text
        in_headings = bool(whole) and all(_heading_line(text, at) for at in whole) and \
            (is_common(words[-1]) or _INFLECTED_RE.search(words[-1])) and not _JOINED_PARTICLE_RE.match(words[-1])
        if len(words) == 2:
            # a two-word name stays ("Mark Young") unless its first word is the name the text uses
            # by itself and its last word never stands alone: a surname recurs, a headline's verb not
            last_alone = re.search(rf"(?<![\w’'-]){re.escape(words[-1])}(?![\w’'-])", text.replace(" ".join(words), ""))
            if not (in_headings and len(alone) >= 2 and not last_alone and not is_title(words[0])):
                break
            words = words[:-1]
            break
        if alone and (len(whole) <= 1 and glued or in_headings):
            words = words[:-1]
        else:
            break
    return " ".join(words)


_TIME_WORDS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today",
               "yesterday", "tonight", "january", "february", "march", "april", "june", "july", "august",
               "september", "october", "november", "december"}
# an English word's inflection ("Concedes", "Reshaped", "Warning", "Quickly"): a headline's verb or
# adverb glued to a name, where a name word seldom ends so
_INFLECTED_RE = re.compile(r"[a-z](?:ed|es|ing|ly)$")


def _heading_line(text, at):
    """Whether the line at ``at`` is a heading: short, without a sentence's closing punctuation or
    quotation marks, its words mostly capitalised ("William Ruto Concedes After Protests")."""
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    line = text[start:len(text) if end < 0 else end].strip()
    words = line.split()
    if not words or len(words) > 14 or line[-1:] in ".;,!?”\"’'" or any(c in line for c in "“\""):
        return False
    capitalised = sum(w[:1].isupper() or not w[:1].isalpha() for w in words)
    return capitalised >= 0.6 * len(words)


# -- the holder of an office named without a name ----------------------------------------------


def _is_office(name):
    """A capitalised office with no name in it ("Energy Minister", "Fed Chair", "Tesla CEO", "Prime
    Minister"): its last word is a role or title."""
    words = name.split()
    if not words or len(words) > 5 or not all(w[:1].isupper() for w in words):
        return False
    last = words[-1].lower().rstrip(".")
    return last in lx.ROLES or last in lx.TITLES  # a person's name ends in a name, an office in its role


@lru_cache(maxsize=1024)
def _holder_pattern(office):
    """An office followed by a person's name: "Fed Chair Jerome Powell", "Rear Admiral (Ret.) David Titley"."""
    word = r"(?:[A-Z][\w’'.-]*|" + lx.JOINED_PARTICLE_ALT + r"-[A-Z][\w’'-]*)"
    return re.compile(
        rf"(?<![\w’'-]){re.escape(office)}(?:[^\S\n]*\([^()\n]{{1,12}}\))?[^\S\n]+"
        rf"({word}(?:[^\S\n]+(?:(?:{'|'.join(sorted(lx.NAME_PARTICLES))})[^\S\n]+)*{word}){{0,3}})")


def role_holder(name, text):
    """The one person the text names right after an office written without a name ("Fed Chair
    Jerome Powell", "Energy Minister Abdulaziz bin Salman", "Rear Admiral (Ret.) David Titley"),
    or None: when the office names nobody there, or two different people."""
    if not _is_office(name):
        return None
    holders = set()
    for m in _holder_pattern(name).finditer(text):
        words = m.group(1).split()
        while words and (is_title(words[0]) or words[0].lower().rstrip(".") in lx.ROLES):
            words = words[1:]  # "Rear Admiral Sir John …": a second title before the name
        while words and (words[-1].lower().rstrip(".,") in lx.STOP_CAPS or is_common(words[-1].rstrip(".,"))):
            words = words[:-1]  # "Fed Chair Jerome Powell Said": a word the sentence goes on with
        if words and words[-1].endswith(("’s", "'s")):
            words[-1] = words[-1][:-2]  # "Fed Chairman Powell’s remarks"
        person = " ".join(w.rstrip(".,") if w.endswith(",") or not re.fullmatch(r"[A-Z]\.", w) else w
                          for w in words)
        if person and infer_kind(person) == "person" and not is_place(person) and not place_of(person):
            holders.add(person)
    # "Prime Minister Anthony Albanese" and later "Prime Minister Albanese": one holder, named in full
    holders = {h for h in holders if not any(o != h and o.endswith(" " + h) for o in holders)}
    if len(holders) != 1:
        return None
    return holders.pop()
