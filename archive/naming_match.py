"""Near matches between name records: "J. Nye" and "Joseph Nye" may be one person.

Pure Python (no Django). The name authority links a speaker to an existing record only
when the names are equal after folding case, accents and punctuation
(``archive.naming.normalize_name``); anything looser is a guess, so it is only ever
*proposed* to an editor as a merge candidate. This module decides which pairs of names
are worth proposing and says why.

What counts as a near match (each one a reason an editor reads):

- initials: "J. Nye" / "Joseph Nye", "J.S. Nye" / "Joseph Samuel Nye";
- missing middle name: "Joseph S. Nye" / "Joseph Nye";
- diacritics and letters that accent-folding does not reach: "Søren" / "Soren",
  "Łukasz" / "Lukasz", "Weiß" / "Weiss";
- spelling of the same name with a hyphen or space: "Xi Jin-ping" / "Xi Jinping";
- name order: "Qi Dapeng" / "Dapeng Qi";
- bodies: a name with its acronym ("International Data Corporation (IDC)" /
  "International Data Corporation" / "IDC"), or with and without a leading "The".

A surname alone ("Nye") is never proposed against a full name: too many people share one.
"""
import re
import unicodedata
from functools import lru_cache

from archive.naming import split_name, strip_titles

# Letters that Unicode decomposition leaves alone but readers treat as accented forms.
_EXTRA_FOLDS = str.maketrans({
    "ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ð": "d", "Ð": "D",
    "þ": "th", "Þ": "Th", "æ": "ae", "Æ": "Ae", "œ": "oe", "Œ": "Oe", "ß": "ss",
    "ı": "i", "ħ": "h", "Ħ": "H",
})

# Words left out when forming an acronym from a body's name.
_ACRONYM_SKIP = frozenset("of for and the in on at to de des du la le el".split())

PERSON_KINDS = frozenset({"person"})
BODY_KINDS = frozenset({"organisation", "publication", "ai_system"})


def fold(text):
    """Lower-case, strip every accent and accent-like letter, keep letters, digits and spaces."""
    text = unicodedata.normalize("NFKD", text.translate(_EXTRA_FOLDS))
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = re.sub(r"[^\w\s-]", " ", text)
    return " ".join(text.split())


def _plain(text):
    """The folding ``normalize_name`` does: accents decomposed, punctuation dropped."""
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^\w\s]", " ", text.casefold()).split())


def _given_tokens(given):
    """Given names as tokens; "J.S." and "JS" become two initials."""
    tokens = []
    for raw in re.split(r"[\s]+", given.strip()):
        if not raw:
            continue
        bare = raw.replace(".", "")
        if "." in raw and len(bare) <= 3 and bare.isalpha():
            tokens.extend(bare)  # "J.S." -> J, S
        elif len(bare) in (2, 3) and bare.isupper() and bare.isalpha():
            tokens.extend(bare)  # "JS" -> J, S
        elif "-" in bare and all(len(p) == 1 for p in bare.split("-") if p):
            tokens.extend(p for p in bare.split("-") if p)  # "J-P" -> J, P
        else:
            tokens.append(bare)
    return [fold(t) for t in tokens if fold(t)]


def _compatible(short, long):
    """Whether two given-name tokens may be the same name: equal, or one the other's initial."""
    if short == long:
        return True
    if len(short) == 1:
        return long.startswith(short)
    if len(long) == 1:
        return short.startswith(long)
    return short.replace("-", "") == long.replace("-", "")


def _match_given(a, b):
    """Reasons the given-name lists may be one person's, or None when they cannot be."""
    if not a or not b:
        return None
    if not _compatible(a[0], b[0]):
        return None
    reasons = set()
    shorter, longer = (a, b) if len(a) <= len(b) else (b, a)
    # Every token of the shorter list must match a token of the longer one, in order,
    # starting with the first name.
    j = 0
    for token in shorter:
        while j < len(longer) and not _compatible(token, longer[j]):
            j += 1
        if j == len(longer):
            return None
        if token != longer[j]:
            reasons.add("initials" if len(token) == 1 or len(longer[j]) == 1 else "spelling")
        j += 1
    if len(shorter) < len(longer):
        reasons.add("missing middle name" if not reasons else "initials")
    return reasons


@lru_cache(maxsize=8192)
def _person_parts(name):
    family, given = split_name(strip_titles(name))
    return fold(family).replace("-", " "), tuple(_given_tokens(given))


def person_near_match(a, b):
    """Why two personal names may be the same person, or None.

    >>> person_near_match("J. Nye", "Joseph Nye")
    'initials'
    >>> person_near_match("Joseph S. Nye", "Joseph Nye")
    'missing middle name'
    >>> person_near_match("Joseph Nye", "Joseph Stiglitz") is None
    True
    """
    if _plain(a) == _plain(b):
        return None  # the same name: the name authority links it, nothing to propose
    fam_a, giv_a = _person_parts(a)
    fam_b, giv_b = _person_parts(b)
    reasons = set()
    if fam_a.replace(" ", "") != fam_b.replace(" ", ""):
        # Family name first in one, last in the other: the same words in another order.
        words_a = sorted(fold(a).replace("-", " ").split())
        words_b = sorted(fold(b).replace("-", " ").split())
        if len(words_a) > 1 and words_a == words_b:
            return "name order"
        return None
    if fam_a != fam_b:
        reasons.add("spelling")
    given = _match_given(giv_a, giv_b)
    if given is None:
        return None
    reasons |= given
    if not reasons:
        # Same words once parsed, different as written: accents, order or hyphens.
        if fold(a) == fold(b):
            reasons.add("diacritics")
        elif sorted(fold(a).split()) == sorted(fold(b).split()):
            reasons.add("name order")
        else:
            reasons.add("spelling")
    return "; ".join(sorted(reasons))


def _body_forms(name):
    """(full name without "the" and without a bracketed acronym, acronyms it declares)."""
    folded = fold(name)
    acronyms = set(re.findall(r"\(([^)]+)\)", name))
    full = fold(re.sub(r"\([^)]*\)", " ", name))
    full = re.sub(r"^the\s+", "", full)
    words = [w for w in re.split(r"[\s-]+", full) if w and w not in _ACRONYM_SKIP]
    if len(words) > 1:
        acronyms.add("".join(w[0] for w in words))
    return full, {fold(x).replace(" ", "") for x in acronyms} | ({folded} if " " not in folded else set())


def body_near_match(a, b):
    """Why two names of organisations, reports or AI systems may be the same body, or None.

    >>> body_near_match("International Data Corporation (IDC)", "IDC")
    'acronym'
    """
    if _plain(a) == _plain(b):
        return None
    full_a, acr_a = _body_forms(a)
    full_b, acr_b = _body_forms(b)
    if full_a and full_a == full_b:
        return "acronym" if ("(" in a) != ("(" in b) else "variant"
    single_a = " " not in full_a
    single_b = " " not in full_b
    if single_a and not single_b and full_a.replace("-", "") in acr_b and len(full_a) >= 2:
        return "acronym"
    if single_b and not single_a and full_b.replace("-", "") in acr_a and len(full_b) >= 2:
        return "acronym"
    if full_a.replace("-", "").replace(" ", "") == full_b.replace("-", "").replace(" ", ""):
        return "spelling"
    return None


def near_match(a, kind_a, b, kind_b):
    """Why name ``a`` (of ``kind_a``) and ``b`` may be one record, or None.

    Kinds are the name authority's ("person", "organisation", "ai_system",
    "publication", "group"). Anonymous groups never match: "some researchers" in one
    commentary are not those of another.
    """
    if kind_a in PERSON_KINDS and kind_b in PERSON_KINDS:
        return person_near_match(a, b)
    if kind_a in BODY_KINDS and kind_b in BODY_KINDS:
        return body_near_match(a, b)
    return None


def blocking_token(name, kind):
    """One folded word a near match must share with ``name`` (the longest family-name word).

    Used to narrow the records compared against a new one; None means compare with all
    records of a compatible kind.
    """
    if kind not in PERSON_KINDS:
        return None
    family, _ = _person_parts(name)
    words = family.split()
    return max(words, key=len) if words else None


FOLD_RESISTANT = "łøđðıħæœþ"
"""Letters that ``normalize_name`` keeps (Unicode has no decomposition for them)."""


def fold_resistant_segment(token):
    """The longest part of a folded word that reads the same whether or not the name was
    written with a letter of ``FOLD_RESISTANT`` ("walesa" -> "esa", since "ł" folds to "l").

    Lets a search over stored names (folded only by ``normalize_name``) find "Wałęsa" from
    "Walesa". Only l, o, d, i, h are considered (æ, œ, þ fold to two letters: not covered).
    """
    parts = re.split(r"[lodih]", token)
    return max(parts, key=len) if parts else ""
