"""One canonical form for a speaker's name, whichever mention reached it.

A mention carries more than the name: roles inside a capitalised run ("Majority Leader Steve
Scalise"), the body a person works for ("Professor Hannah Cloke of the University of Reading",
"Heather Stewart in The Guardian"), the document a publisher wrote ("an editorial in Global
Times"), a name written twice where a page dump joined a caption to its text ("Craig Sivall
Craig Sivall"). Editors file statements under the person or body, so the name is cut to it.

Pure Python, no Django.
"""
import re

from . import lexicon as lx
from .kinds import infer_kind

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
    run = _dedouble(_name_run(words[start:]))
    if not run or _is_role(run[0]) and len(run) == 1:
        return None
    return " ".join(run)


def canonical(name, kind):
    """(name, kind) cut to the person or body the mention names; unchanged where it is unsure."""
    if not name or name.startswith(("@", "(")) or "\n" in name:
        return name, kind
    words = name.split()
    if len(words) < 2:
        return name, kind
    deduped = _dedouble(words)
    if deduped != words:
        return " ".join(deduped), kind
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
    if person and len(person.split()) >= 2 and infer_kind(person) == "person" and \
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

