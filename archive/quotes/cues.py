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
DOUBLING = {"admit", "quip", "commit", "regret", "submit", "omit", "permit", "prefer", "refer", "aver", "rebut"}
# Nouns as much as verbs: only their inflected forms are cues ("reports", not "a report").
NOUNISH = {"slam", "blast", "welcome", "demand", "order", "echo", "plead", "report", "post", "tweet", "comment",
           "call", "claim", "state", "question", "promise", "pledge", "vow", "answer", "brand", "term", "label",
           "estimate", "forecast", "highlight", "joke", "reply", "remark", "note", "hope"}

SPEECH = """
say tell write note remark state argue add explain warn insist claim affirm reply respond ask pose
observe comment declare announce acknowledge admit assert contend emphasise emphasize stress
recall reiterate concede caution urge lament quip joke boast complain confirm deny exclaim
proclaim mention opine maintain agree counter retort wonder testify vow promise pledge reveal
order instruct post tweet elaborate clarify answer continue echo concur demand plead posit assure remind advise
speak recount put go point sum muse conclude observe
""".split()
BELIEF = "believe think predict forecast expect estimate fear suggest reckon hope".split()
DOCUMENT = "find identify show highlight underline underscore recommend report conclude".split()
NAMING = """call dub describe label brand term characterise characterize hail praise criticise criticize condemn
dismiss accuse welcome denounce slam blast lambaste deride decry""".split()

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
    "calls for": "speech",
    "calling for": "speech",
    "held that": "document",
    "holds that": "document",
    "ruled that": "document",
    "rules that": "document",
    "as quoted by": "speech",
}


def _regular_forms(lemma):
    if lemma.endswith("e"):
        return [lemma, lemma + "s", lemma + "d", lemma[:-1] + "ing"] if not lemma.endswith("ee") else [
            lemma, lemma + "s", lemma + "d", lemma + "ing"]
    if lemma.endswith("y") and lemma[-2] not in "aeiou":
        return [lemma, lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"]
    third = lemma + ("es" if lemma.endswith(("s", "sh", "ch", "x", "z", "o")) else "s")
    if lemma in DOUBLING:
        return [lemma, third, lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"]
    return [lemma, third, lemma + "ed", lemma + "ing"]


def forms(lemma):
    """Every form of a reporting verb that counts as a cue."""
    if lemma in IRREGULAR:
        return list(IRREGULAR[lemma])
    result = _regular_forms(lemma)
    if lemma in NOUNISH:
        result = result[1:]  # drop the bare form that doubles as a noun
    return result


FORM_FAMILY = {}
FORM_LEMMA = {}
for family, lemmas in (("naming", NAMING), ("document", DOCUMENT), ("belief", BELIEF), ("speech", SPEECH)):
    for lemma in lemmas:
        for form in forms(lemma):
            FORM_FAMILY[form] = family
            FORM_LEMMA[form] = lemma
FORM_FAMILY.update(PHRASES)
FORM_LEMMA.update({p: p for p in PHRASES})

CUE_RE = re.compile(
    r"(?<![\w’'-])(?:" + trie_pattern(list(FORM_FAMILY) + ["According to", "In a statement", "In the words of", "To quote",
                                                          "As quoted by"]) + r")(?![\w’'-])"
)


def family(cue):
    """The family of a matched cue ("speech", "belief", "document", "naming")."""
    return FORM_FAMILY.get(" ".join(cue.lower().split()), "speech")


def lemma(cue):
    return FORM_LEMMA.get(" ".join(cue.lower().split()), cue.lower())


def is_participle(cue):
    """"stating", "saying": the speaker is the clause's subject, not the word before."""
    first = cue.split()[0].lower()
    return first.endswith("ing") and first not in ("according",)


# Plural nouns that are also verb forms ("member states", "the claims"): cues only when what follows
# introduces words ("states that", "notes:", "claims, “…”").
PLURAL_LOOKALIKES = set("""states calls notes claims reports answers comments posts tweets remarks demands orders
estimates forecasts promises pledges vows hopes labels terms brands highlights jokes echoes""".split())
CLAUSE_END_RE = re.compile(r"\s*(?:[.;!?]|\s+(?:in|on|at)\s)")
SAYING_NOUN_RE = re.compile(r"\s+(?:goes|has\s+it|says|runs|is|was)\b")
INTRODUCES_RE = re.compile(r"\s*(?:that\b|[:,“\"‘']|(?:it|him|her|them|this|us|me)\b|$)")


MODAL_BEFORE_RE = re.compile(r"(?:\b(?:would|will|could|should|might|may|must|can|cannot|to|shall)|n[’']t)\s+$")


def is_cue(text, match, after_quote=False):
    """False for a plural noun that only looks like a reporting verb, and for a bare verb after a
    modal or "to" ("the bloc would respond “calmly”", "urged donors to step up"): nobody said it yet."""
    word = match.group()
    if word in PLURAL_LOOKALIKES:
        if after_quote and CLAUSE_END_RE.match(text, match.end()):
            return True  # "“…,” the report states."
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
