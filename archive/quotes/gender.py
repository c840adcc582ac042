"""Which pronoun a text uses for a person it names, read from the text itself.

"He said" or "she said" after a quote points back to a person, and a page that names two people
before it usually tells them apart by the pronoun it uses for each: "Claudia Sheinbaum met López
Obrador. She said …". No list of first names is needed (and none would cover the world's names):
the text itself says which pronoun follows a name, and which honorific ("Mr", "Ms") goes before it.
The evidence is counted per name and per text; the ranker weighs it (``ranking``).

Pure Python, no Django.
"""
import re

MALE = {"he", "him", "his", "himself"}
FEMALE = {"she", "her", "hers", "herself"}
PRONOUN_RE = re.compile(r"(?<![\w’'-])(he|him|his|himself|she|her|hers|herself)(?![\w’'-])", re.IGNORECASE)
MALE_HONORIFICS = {"mr", "mr.", "sir", "lord", "king", "prince", "father", "brother", "monsieur", "señor", "herr"}
FEMALE_HONORIFICS = {"mrs", "mrs.", "ms", "ms.", "miss", "dame", "lady", "queen", "princess", "sister", "madam",
                     "madame", "mme", "señora", "frau"}
# A pronoun this far after a name, in the same paragraph, with no other capitalised word between, is
# taken to be about it ("Sheinbaum, who took office in October, said she …"; not "Obrador met
# Sheinbaum, and she …").
WINDOW = 160
_BREAK_RE = re.compile(r"\n")
_OTHER_NAME_RE = re.compile(r"(?<![\w’'-])[A-Z][\w’'-]+")
_HONORIFIC_BEFORE_RE = re.compile(r"([A-Za-zñ.]+)[ \t]+$")


def pronoun_of(pronoun):
    """"m" for he/him/his, "f" for she/her/hers, else None."""
    word = (pronoun or "").strip().lower()
    return "m" if word in MALE else "f" if word in FEMALE else None


def evidence(text, name):
    """(male, female) counts for a person's name in ``text``: an honorific before a mention of its
    last word, and the first gendered pronoun after a mention within the same paragraph when no
    other capitalised word comes between."""
    words = (name or "").split()
    if not words or not words[-1][:1].isupper():
        return 0, 0
    last = words[-1]
    male = female = 0
    for m in re.finditer(rf"(?<![\w’'-]){re.escape(last)}(?![\w-])", text):
        before = _HONORIFIC_BEFORE_RE.search(text, max(0, m.start() - 12 - (len(name) - len(last))), m.start())
        if before:
            word = before.group(1).lower()
            male += word in MALE_HONORIFICS
            female += word in FEMALE_HONORIFICS
        end = m.end()
        window = text[end:end + WINDOW]
        stop = _BREAK_RE.search(window)
        if stop:
            window = window[:stop.start()]
        p = PRONOUN_RE.search(window)
        if p and not _OTHER_NAME_RE.search(window, 0, p.start()):
            g = pronoun_of(p.group(1))
            male += g == "m"
            female += g == "f"
    return male, female


def gender_of(text, name, cache=None):
    """"m", "f" or None (no evidence, or evidence both ways that does not lean two to one)."""
    if cache is not None and name in cache:
        return cache[name]
    male, female = evidence(text, name)
    g = "m" if male >= 1 and male >= 2 * female + (1 if female else 0) else \
        "f" if female >= 1 and female >= 2 * male + (1 if male else 0) else None
    if cache is not None:
        cache[name] = g
    return g
