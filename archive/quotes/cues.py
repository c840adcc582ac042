"""Reporting verbs and phrases ("said", "noted", "according to", "in a statement") in all forms.

The verb list is generated from lemmas so that every form is known (say, says, said,
saying; note, notes, noted, noting). Cues are matched case-sensitively in lower case
(so "States" in "United States" is not a cue), plus capitalised phrase openers
("According to").

Three families, because they license different speakers:
- SPEECH: verbs of saying or writing; any speaker.
- BELIEF: believe, predict, expect...; fine with a quote, and for reported statements.
- DOCUMENT: find, identify, show...; what reports and studies "say".
- NAMING: call, dub, describe ... as, label; a statement only with an object
  ("called it “a farce”"), otherwise they introduce a name or a term.
"""
import re

from .trie import trie_pattern

IRREGULAR = {
    "say": ["say", "says", "said", "saying"],
    "tell": ["tell", "tells", "told", "telling"],
    "write": ["write", "writes", "wrote", "written", "writing"],
    "think": ["thinks", "thought"],
    "find": ["finds", "found", "finding"],
    "forecast": ["forecast", "forecasts", "forecasted", "forecasting"],
    "put": ["put it", "puts it", "putting it"],
    "go": ["went on", "goes on", "going on"],
    "speak": ["spoke", "speaks", "spoken"],
    "sum": ["summed up", "sums up", "summing up"],
    "point": ["pointed out", "points out", "pointing out", "point out"],
    "show": ["shows", "showed", "shown", "showing"],
}
# Verbs of more than one syllable stressed on the last: the final consonant doubles (admitted,
# concurring), as it does in every one-syllable verb ending consonant-vowel-consonant (dubbed, slammed).
STRESS_FINAL = {"admit", "commit", "regret", "submit", "omit", "permit", "prefer", "refer", "aver", "rebut",
                "concur", "occur", "confer", "infer", "deter", "defer", "transfer", "compel", "propel", "repel",
                "expel", "excel", "control", "patrol", "rebel", "acquit", "abhor", "incur", "recur", "outwit"}
VOWELS = "aeiou"
# Nouns as much as verbs: only their inflected forms are cues ("reports", not "a report").
NOUNISH = {"slam", "blast", "welcome", "demand", "order", "echo", "plead", "report", "post", "tweet", "comment",
           "call", "claim", "state", "question", "promise", "pledge", "vow", "answer", "brand", "term", "label",
           "estimate", "forecast", "highlight", "joke", "reply", "remark", "note", "hope", "project"}

# "Economists call it “secular stagnation”": in the bare present these name a term, whoever the subject.
NAMES_A_TERM = {"call", "brand", "term", "label"}

SPEECH = """
say tell write note remark state argue add explain warn insist claim affirm reply respond ask pose
observe comment declare announce acknowledge admit assert contend emphasise emphasize stress
recall reiterate concede caution urge lament quip joke boast complain confirm deny exclaim
proclaim mention opine maintain agree counter retort wonder testify vow promise pledge reveal
order instruct post tweet elaborate clarify answer continue echo concur demand plead posit assure remind advise
speak recount put go point sum muse conclude observe repeat reaffirm allege signal
""".split()
BELIEF = "believe think predict forecast expect estimate fear suggest reckon hope project".split()
DOCUMENT = "find identify show highlight underline underscore recommend report conclude".split()
NAMING = """call dub describe label brand term characterise characterize hail praise criticise criticize condemn
dismiss accuse welcome denounce slam blast lambaste deride decry frame""".split()

PHRASES = {
    "according to": "speech",
    "in a statement": "speech",
    "in an interview": "speech",
    "in a post": "speech",
    "in a tweet": "speech",
    "in a speech": "speech",
    "in an op-ed": "speech",
    "in his words": "speech",
    "in her words": "speech",
    "in their words": "speech",
    "in the words of": "speech",
    "words of": "speech",
    "to quote": "speech",
    "called for": "speech",
    "spoke of": "speech",
    "spoken of": "speech",
    "speaks of": "speech",
    "talked of": "speech",
    "talked about": "speech",
    "calls for": "speech",
    "calling for": "speech",
    "held that": "document",
    "holds that": "document",
    "ruled that": "document",
    "rules that": "document",
    "as quoted by": "speech",
}


def _syllables(word):
    """Vowel groups, "qu" counting as a consonant (quip has one)."""
    plain = word.replace("qu", "q")
    groups, prev = 0, False
    for ch in plain:
        vowel = ch in VOWELS
        if vowel and not prev:
            groups += 1
        prev = vowel
    return groups


def _ends_cvc(word):
    plain = word.replace("qu", "q")
    return len(plain) >= 3 and plain[-1] not in VOWELS + "wxy" and plain[-2] in VOWELS and plain[-3] not in VOWELS


def doubles(lemma):
    """Whether the final consonant doubles before -ed/-ing (dub → dubbed, concur → concurring)."""
    return _ends_cvc(lemma) and (lemma in STRESS_FINAL or _syllables(lemma) == 1)


def _regular_forms(lemma):
    if lemma.endswith("e"):
        return [lemma, lemma + "s", lemma + "d", lemma[:-1] + "ing"] if not lemma.endswith("ee") else [
            lemma, lemma + "s", lemma + "d", lemma + "ing"]
    if lemma.endswith("y") and lemma[-2] not in "aeiou":
        return [lemma, lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"]
    third = lemma + ("es" if lemma.endswith(("s", "sh", "ch", "x", "z", "o")) else "s")
    if doubles(lemma):
        return [lemma, third, lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"]
    result = [lemma, third, lemma + "ed", lemma + "ing"]
    if lemma.endswith("l") and _ends_cvc(lemma) and _syllables(lemma) > 1:
        result += [lemma + "led", lemma + "ling"]  # British spelling: labelled, signalling
    return result


def forms(lemma):
    """Every form of a reporting verb that counts as a cue anywhere (see BARE_FAMILY for the bare
    form of verbs that double as nouns)."""
    if lemma in IRREGULAR:
        return list(IRREGULAR[lemma])
    result = _regular_forms(lemma)
    if lemma in NOUNISH:
        result = result[1:]  # drop the bare form that doubles as a noun
    return result


FORM_FAMILY = {}
FORM_LEMMA = {}
BARE_FAMILY = {}  # "claim", "note", "demand": cues only after a plural subject (see is_cue)
for family, lemmas in (("naming", NAMING), ("document", DOCUMENT), ("belief", BELIEF), ("speech", SPEECH)):
    for lemma in lemmas:
        for form in forms(lemma):
            FORM_FAMILY[form] = family
            FORM_LEMMA[form] = lemma
        if lemma in NOUNISH and lemma not in IRREGULAR and lemma not in NAMES_A_TERM:
            BARE_FAMILY.setdefault(lemma, family)
FORM_FAMILY.update(PHRASES)
FORM_LEMMA.update({p: p for p in PHRASES})
for _bare in list(BARE_FAMILY):
    if _bare in FORM_FAMILY:
        del BARE_FAMILY[_bare]

CUE_RE = re.compile(
    r"(?<![\w’'-])(?:" + trie_pattern(list(FORM_FAMILY) + list(BARE_FAMILY) + [
        "According to", "In a statement", "In the words of", "To quote", "As quoted by"]) + r")(?![\w’'-])"
)


def family(cue):
    """The family of a matched cue ("speech", "belief", "document", "naming")."""
    key = " ".join(cue.lower().split())
    return FORM_FAMILY.get(key) or BARE_FAMILY.get(key, "speech")


def lemma(cue):
    return FORM_LEMMA.get(" ".join(cue.lower().split()), cue.lower())


def is_participle(cue):
    """"stating", "saying": the speaker is the clause's subject, not the word before."""
    first = cue.split()[0].lower()
    return first.endswith("ing") and first not in ("according",)


# Plural nouns that are also verb forms ("member states", "the claims"): cues only when what follows
# introduces words ("states that", "notes:", "claims, “…”").
PLURAL_LOOKALIKES = set("""states calls notes claims reports answers comments posts tweets remarks demands orders
estimates forecasts promises pledges vows hopes labels terms brands highlights jokes echoes projects""".split())
CLAUSE_END_RE = re.compile(r"\s*(?:[.;!?]|\s+(?:in|on|at)\s)")
SAYING_NOUN_RE = re.compile(r"\s+(?:goes|has\s+it|says|runs|is|was)\b")
INTRODUCES_RE = re.compile(r"\s*(?:that\b|[:,“\"‘']|(?:it|him|her|them|this|us|me)\b|$)")


# a singular subject named just before: "Anwar", "(METI)", "the bank"
NAMED_SUBJECT_RE = re.compile(r"(?:(?<![.!?]\s)(?<!^)\b[A-Z][\w’'-]*[a-z0-9]|\([A-Z]{2,8}\)|\b(?:the|its)\s+[a-z]{3,}[^s\W])\s+$")
OBJECT_AFTER_RE = re.compile(r"\s+(?:it|them|this|that|these|those|the|a|an|his|her|its|their)\s")
MODAL_BEFORE_RE = re.compile(r"(?:\b(?:would|will|could|should|might|may|must|can|cannot|to|shall)|n[’']t)\s+$")


PLURAL_SUBJECT_RE = re.compile(
    r"(?:\b(?:they|we|you|I|[Tt]hey|[Ww]e|[Yy]ou)|[A-Za-z][a-z-]*(?:[^sui’'\W]s|ies)|\b(?:people|[Pp]eople))"
    r"(?:\s+(?:also|often|now|still|rightly|widely|generally|increasingly|themselves|all|both|[a-z]+ly))?\s+$")
BARE_FOLLOW_RE = re.compile(
    r"\s*(?:that\b|[:,“\"‘']|(?:it|this|these|those|there|the|a|an|its|their|his|her|our|they|we|he|she)\b|"
    r"[A-Z][\w’'-]+\s+(?:is|was|are|were|has|have|had|will|would|can|could|should|must|may|might)\b)")
SINGULAR_PRONOUN_RE = re.compile(r"\b(?:[Ii]t|[Hh]e|[Ss]he)(?:\s+(?:also|now|still|further|then|[a-z]+ly))?\s+$")
NOT_SUBJECT = {"this", "his", "its", "was", "has", "is", "as", "us", "does", "less", "unless", "thus", "yes",
               "news", "series", "species", "its"}


def _plural_subject_before(text, pos):
    """"Critics claim", "Analysts note", "they demand": a plural noun or pronoun right before ``pos``."""
    m = PLURAL_SUBJECT_RE.search(text, max(0, pos - 40), pos)
    if m is None:
        return False
    word = m.group().split()[0].lower()
    return word not in NOT_SUBJECT and word not in PLURAL_LOOKALIKES


def is_cue(text, match, after_quote=False):
    """False for a plural noun that only looks like a reporting verb, and for a bare verb after a
    modal or "to" ("the bloc would respond “calmly”", "urged donors to step up"): nobody said it yet.
    The bare form of a verb that doubles as a noun ("claim", "note", "demand") is a cue only after a
    plural subject and before words that open what was said ("Critics claim the policy …")."""
    word = match.group()
    if word in BARE_FAMILY:
        if not _plural_subject_before(text, match.start()):
            return False
        if after_quote and CLAUSE_END_RE.match(text, match.end()):
            return True  # "“…,” critics claim."
        return BARE_FOLLOW_RE.match(text, match.end()) is not None
    if word in PLURAL_LOOKALIKES:
        if SINGULAR_PRONOUN_RE.search(text, max(0, match.start() - 12), match.start()):
            return True  # "It projects global growth of 2.4 percent": after "it", a verb
        if after_quote and CLAUSE_END_RE.match(text, match.end()):
            return True  # "“…,” the report states."
        if NAMED_SUBJECT_RE.search(text, max(0, match.start() - 40), match.start()) and \
                OBJECT_AFTER_RE.match(text, match.end()):
            return True  # "METI calls the package a “…” investment": after a name, a verb
        return INTRODUCES_RE.match(text, match.end()) is not None
    if FORM_LEMMA.get(word) == word and MODAL_BEFORE_RE.search(text, max(0, match.start() - 12), match.start()):
        return False
    if word == "saying" and SAYING_NOUN_RE.match(text, match.end()):
        return False  # "as an old Chinese saying goes": a proverb, not someone saying
    return True


def find_cues(text, start=0, end=None, after_quote=False):
    """Cue matches in text[start:end], in order."""
    return [m for m in CUE_RE.finditer(text, start, len(text) if end is None else end)
            if is_cue(text, m, after_quote)]
