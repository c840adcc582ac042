"""Choosing each statement's speaker among candidates, with weights learned from real text.

The rules in ``engine`` read one attribution each: a cue, a mention, a back-reference. They
are precise where a writer follows a common pattern and wrong in a characteristic way where
a page does not. Here the rules' pick is one candidate among the people and bodies the text
names around the quote (the referents the resolver found, the previous statement's speaker,
nobody). Each candidate is described by features that hold across outlets (how far, which
side, same sentence or paragraph, beside a cue, named how often, the method the rules used)
and a conditional logit trained on the annotated real corpus (``archive/quotes/train.py``)
scores them. The best becomes the speaker; the next three are the statement's
``alternatives`` for the review screen.

``confidence`` says how likely the chosen speaker is right, comparing statements rather than
candidates: a logistic model over the winning probability, the margin to the next candidate, how
the rules read the attribution and what was chosen (``confidence_features``; weights prefixed
``confidence:``), mapped through an isotonic calibration fitted out of fold on the corpus's
development splits, so that a band's figure is the share of right speakers an editor can expect
in it.

Pure Python, no Django. The weights live in ``weights.json`` beside this module.
"""
import bisect
import json
from collections import Counter
import math
import re
from functools import lru_cache
from pathlib import Path

from . import cues
from . import gender
from . import lexicon as lx
from .kinds import infer_kind
from .names import canonical
from .places import is_place, place_of, places_in
from .vocabulary import is_common

# The first words of two-word roles, seen capitalised at the end of a cut-off name.
ROLE_HEAD_WORDS = {"prime", "foreign", "defence", "defense", "finance", "interior", "deputy", "vice",
                   "supreme", "chief", "senior", "former", "acting", "leader"}

WEIGHTS_PATH = Path(__file__).with_name("weights.json")
WINDOW_BEFORE = 3000
WINDOW_AFTER = 600
# Where the text names the speaker at the cue ("X said", "said X", "as X noted", "X called it"),
# the rules' reading stands; the ranker decides where the rules resolved a reference ("he",
# "the minister"), followed a continuation, or guessed from the context.
EXPLICIT = {"before", "after", "as", "sentence"}
# Where the rules had no attribution of their own (a span the span model promoted, a speaker
# guessed from the context), their pick is one guess among others: the ranker decides alone.
UNATTRIBUTED = {"promoted", "context", "none"}
# A pick that only describes its speaker ("the Tory leader", "the newspaper", "the statement",
# a bare "He") names nobody an editor can file it under: it is a reference the rules did not
# resolve, and the candidates it may point back to are scored for it (see ``described_kinds``).
DESCRIBED_RE = re.compile(r"^(?:the|this|that|these|those)\s+[a-z][\w’'-]*(?:\s+[a-z][\w’'-]*){0,3}$|"
                          r"^(?:he|she|they|it|him|her|them)$", re.IGNORECASE)
KINDS = ("person", "organisation", "group", "publication", "ai_system")
_SPACE_RE = re.compile(r"\s+")
CAPITALISED_RE = re.compile(r"(?<![\w’'@-])[A-Z][a-z]+[A-Z]?[\w-]*(?![\w’'-])")
NEXT_CAPITAL_RE = re.compile(r"[ \t]+[A-Z]")
PREVIOUS_CAPITAL_RE = re.compile(r"[A-Z][\w’'.-]*[ \t]+$")
_COUNT_RE = re.compile(r"[^\W\d_]+")
# A social-media handle names an account, in any script: "@dril", "@中国外交部"
HANDLE_RE = re.compile(r"(?<![\w@/.])@[^\W][\w.]{1,30}(?<!\.)")


@lru_cache(maxsize=65536)
def norm(name):
    return _SPACE_RE.sub(" ", (name or "")).strip().casefold()


class Candidate:
    __slots__ = ("name", "kind", "mention", "description", "before", "after", "weak", "engine", "features", "score")

    def __init__(self, name, kind=None, mention="", description=""):
        self.name = name
        self.kind = kind
        self.mention = mention
        self.description = description
        self.before = None  # (start, end) of the nearest mention before the quote
        self.after = None  # (start, end) of the nearest mention after the quote
        self.weak = True
        self.engine = False
        self.features = {}
        self.score = 0.0


def _log_distance(chars):
    return math.log1p(max(0, chars)) / 8.0


def _paragraph_breaks(text, lo, hi):
    return text.count("\n", lo, hi) if hi > lo else 0


def _cue_near(text, start, end):
    """Whether a speech cue stands right beside a mention ("X said", "said X", "X, …, told")."""
    lo, hi = max(0, start - 40), min(len(text), end + 60)
    for m in cues.find_cues(text, lo, hi):
        if m.start() >= end or m.end() <= start:
            return True
    return False


def _cue_sides(text, start, end):
    """(a cue right after the mention: "X said", "X told"; a cue right before it: "said X",
    "according to X"; the cue after it opens what follows: "X replied:") — the mention as the
    subject of a speech verb, and whether that verb looks forward rather than back."""
    after = before = forward = False
    for m in cues.find_cues(text, end, min(len(text), end + 25)):
        if not text[end:m.start()].strip(" ,") or len(text[end:m.start()].split()) <= 2:
            after = True
            forward = text[m.end():m.end() + 3].lstrip(" ").startswith(":")
            break
    for m in cues.find_cues(text, max(0, start - 25), start):
        if not text[m.end():start].strip(" ,") or text[m.end():start].strip(" ,").lower() in ("to", "by"):
            before = True
    return after, before, forward


_NOT_A_NAME = lx.STOP_CAPS | lx.DETERMINERS | {"another", "other", "expand", "read", "more", "share", "photo",
                                             "image", "video", "watch", "listen", "click", "subscribe", "advertisement"}


def described_kinds(name):
    """The speaker kinds a description or pronoun can point back to, or None when the name is
    not one ("the minister" → person; "the newspaper" → publication; "the statement" → a body
    or publication that issued it; "it" → a body, publication or AI system)."""
    if not name or not DESCRIBED_RE.match(name.strip()):
        return None
    words = name.strip().lower().split()
    head = words[-1]
    if len(words) == 1:
        return {"he": {"person"}, "she": {"person"}, "him": {"person"}, "her": {"person"},
                "it": {"organisation", "publication", "ai_system"}}.get(head, {"person", "group", "organisation"})
    if head in lx.AI_DESCRIPTORS or head in ("chatbot", "bot", "app"):
        return {"ai_system"}
    if head in lx.PUBLICATION_WORDS or head in ("newspaper", "paper", "daily", "outlet", "broadcaster", "agency",
                                                "magazine", "tabloid", "network", "channel", "site", "website"):
        return {"publication", "organisation"}
    if head in lx.DOCUMENT_NOUNS:
        return {"organisation", "publication", "person"}
    if head in lx.ORG_WORDS or head in ("company", "firm", "government", "ministry", "court", "group", "body",
                                        "administration", "department", "bank", "party", "council", "union"):
        return {"organisation"}
    if head in lx.ROLES or head in ("source", "spokesman", "spokeswoman", "statesman", "official", "man", "woman"):
        return {"person"}
    return None


_BRACKET_ALIAS_RE = re.compile(r"([A-Z][\w’'.-]*(?:[ \t]+(?:[A-Z][\w’'.-]*|of|for|and|the|de|al|bin|van|von))*)"
                               r"[ \t]*\(([A-Z][\w.-]{1,20})\)")


def _aliases(run):
    """"Joko Widodo (Jokowi)", "Australian Strategic Policy Institute (ASPI)": the word in brackets
    is another name for the one before it, so both are one candidate. Found once per text."""
    found = run.__dict__.get("_alias_map")
    if found is None:
        found = run._alias_map = {}
        if "(" in run.text:
            for m in _BRACKET_ALIAS_RE.finditer(run.text):
                full, alias = m.group(1).strip(), m.group(2)
                if len(full.split()) >= 2 and alias not in found:
                    found[norm(alias)] = full
    return found


def _heading_line(text, start):
    """Whether a mention sits on a short line without a sentence's punctuation: a page heading, a
    caption, a menu ("Critiques Current Monetary Policy", "Expand full comment"), seldom a speaker."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    line = text[line_start:len(text) if line_end < 0 else line_end].strip()
    return bool(line) and len(line.split()) <= 10 and line[-1:] not in ".:;,!?”\"’'" and not any(
        c in line for c in "“\"")


_APPOSITION_RE = re.compile(r",[ \t]+((?:[\w’'-]+[ \t]+){0,5}?[\w’'-]+)(?=[,.;:)]|[ \t]+(?:said|says|told|of|at|for)\b)")


def _role_follows(text, end):
    """Whether the mention is followed by an apposition with a role ("Tan, the minister for …,",
    "Ms Lee, a senior fellow at …"): writers introduce the people they quote that way."""
    m = _APPOSITION_RE.match(text, end, min(len(text), end + 80))
    return bool(m) and any(w.lower() in lx.ROLES for w in m.group(1).split())


_DESCRIPTION_STOP = lx.DETERMINERS | {"former", "new", "top", "senior", "chief", "deputy", "then", "current",
                                      "country’s", "country's", "nation’s", "nation's"}


def _description_words(name):
    return {w.lower().strip("’'") for w in (name or "").split()} - _DESCRIPTION_STOP - {""}


def _occurrences(run, name):
    """How often the name's last word occurs: a person written about at length is a likely speaker."""
    words = _COUNT_RE.findall(name or "")
    if not words:
        return 0
    counts = run.__dict__.get("_word_counts")
    if counts is None:
        counts = run._word_counts = Counter(_COUNT_RE.findall(run.text))
    return counts.get(words[-1], 0)


def _named_words(run):
    """(start, end, word, kind) of the words outside quotations that may name a speaker without a
    role, title or cue: a capitalised word the text repeats and that stands alone ("DeepSeek",
    "Yunus", not "Commerce" in "Commerce Department", which the referents hold), and a handle.
    Found once per text."""
    found = run.__dict__.get("_named_words")
    if found is not None:
        return found
    text, refs = run.text, run.refs
    found = []
    for m in CAPITALISED_RE.finditer(text):
        word = m.group()
        low = word.lower()
        if low in lx.STOP_CAPS or low in lx.ROLES or low in lx.TITLES or _occurrences(run, word) < 2 or \
                refs.in_quote(m.start()) or NEXT_CAPITAL_RE.match(text, m.end()) or \
                PREVIOUS_CAPITAL_RE.search(text, max(0, m.start() - 30), m.start()):
            continue
        found.append((m.start(), m.end(), word, infer_kind(word)))
    for m in HANDLE_RE.finditer(text):
        if not refs.in_quote(m.start()):
            found.append((m.start(), m.end(), m.group(), "person"))
    found.sort()
    run._named_words = found
    return found


def candidates(run, stmt, how, prev_speaker):
    """Candidates for one statement: the rules' pick, the referents around it, the previous
    speaker and nobody. Each carries its features."""
    text = run.text
    a, b = stmt.start, stmt.end
    by_name = {}

    def get(name, kind, mention="", description=""):
        if name and name != run.refs.author:
            name, kind = canonical(name, kind)
        if name and kind == "person" and name != run.refs.author:
            cache = run.__dict__.setdefault("_person_names", {})
            if name not in cache:
                cache[name] = run.person_name(name, a)  # "Trump" and "Donald Trump" are one candidate
            name = cache[name]
        if name and "\n" in name.strip() and not name.startswith("@"):
            # a run read across a line or paragraph break ("commentary\n\nTeachers") names nobody:
            # a heading and the line under it are two things
            name, kind = None, None
        key = norm(name)
        if name and key.split()[0] in _NOT_A_NAME and (len(key.split()) == 1 or key.split()[1] in _NOT_A_NAME):
            # "The", "The Democrats" read off a sentence's first words: no speaker a name can file
            # under: the candidate is nobody
            name, key = None, ""
        alias = _aliases(run).get(key) if name else None
        if alias:
            name, key = alias, norm(alias)
        c = by_name.get(key)
        if c is None:
            c = by_name[key] = Candidate(name, kind, mention, description)
        return c

    pick = get(stmt.speaker, stmt.speaker_kind, stmt.speaker_mention, stmt.description) if stmt.speaker \
        else get(None, None)
    pick.engine = True
    refs = run.refs
    lo = bisect.bisect_left(refs._positions, a - WINDOW_BEFORE)
    hi = bisect.bisect_right(refs._positions, b + WINDOW_AFTER)
    for r in refs.items[lo:hi]:
        if a - 1 <= r.pos <= b + 1 or refs.in_quote(r.pos):
            continue
        c = get(r.name, r.kind, "", r.description)
        c.weak = c.weak and r.weak
        at = text.find(r.name, r.pos, r.pos + len(r.name) + 80)  # the name within its mention
        span = (at, at + len(r.name)) if at >= 0 else (r.pos, r.pos + len(r.name))
        if r.pos < a:
            if c.before is None or r.pos > c.before[0]:
                c.before = span
        elif c.after is None or r.pos < c.after[0]:
            c.after = span
    words = _named_words(run)
    lo = bisect.bisect_left(words, (a - WINDOW_BEFORE,))
    for start, stop, word, kind in words[lo:]:
        if start > b + WINDOW_AFTER:
            break
        if a - 1 <= start <= b + 1:
            continue
        c = get(word, kind)
        span = (start, stop)
        if start < a:
            if c.before is None or start > c.before[0]:
                c.before = span
        elif c.after is None or start < c.after[0]:
            c.after = span
    if prev_speaker:
        get(prev_speaker[0], prev_speaker[1])
    get(None, None)
    pick.weak = False  # the rules found it at a cue, not by a capitalised-word scan
    if pick.name and pick.before is None and pick.after is None:
        mention_at = text.rfind(stmt.speaker_mention, max(0, a - WINDOW_BEFORE), a) if stmt.speaker_mention else -1
        if mention_at >= 0:
            pick.before = (mention_at, mention_at + len(stmt.speaker_mention))
        elif stmt.speaker_mention:
            after_at = text.find(stmt.speaker_mention, b, b + WINDOW_AFTER)
            if after_at >= 0:
                pick.after = (after_at, after_at + len(stmt.speaker_mention))
    sent_start, sent_end = run.sents.start_of(a), run.sents.end_of(max(a, b - 1))
    out = list(by_name.values())
    described = described_kinds(pick.name) if pick.name else None
    nearest_fit = None
    if described:
        fits = [c for c in out if c.name and not c.engine and c.before and c.kind in described
                and not described_kinds(c.name)]
        nearest_fit = max(fits, key=lambda c: c.before[0], default=None)
    wanted = places_in(pick.name) if described else frozenset()  # the places a description names
    description_words = _description_words(pick.name) if described else set()
    befores = sorted(-c.before[0] for c in out if c.before)
    cue_cache = run.__dict__.setdefault("_cue_cache", {})

    def cue_features(start, end):
        key = (start, end)
        if key not in cue_cache:
            cue_cache[key] = (_cue_near(text, start, end), *_cue_sides(text, start, end))
        return cue_cache[key]
    engine_mention_at_cue = False
    mention = stmt.speaker_mention
    if pick.name and mention:
        at = text.rfind(mention, max(0, a - 60), a)
        if at < 0:
            at = text.find(mention, b, min(len(text), b + 60))
        if at >= 0:
            _, subject, inverted, forward = cue_features(at, at + len(mention))
            engine_mention_at_cue = (subject and not (at > b and forward)) or inverted
    wanted_gender = gender.pronoun_of(stmt.speaker_mention) if how.endswith("reference") or \
        how in ("continuation", "context") else None
    for c in out:
        f = {"bias": 1.0}
        if c.engine:
            f["engine"] = 1.0
            f["engine_how_" + how] = 1.0
            f["engine_confidence"] = stmt.confidence
            if described:
                f["engine_described"] = 1.0
            if engine_mention_at_cue:
                # the rules read the speaker from a mention beside the quote that a speech verb
                # takes as its subject ("he posed, “…”", "“…,” the official said")
                f["engine_mention_at_cue"] = 1.0
        elif described and c.name:
            if c.kind in described:
                f["fits_description"] = 1.0
            # "the Chinese minister" points back to a person the text placed in China, not to one
            # it placed elsewhere; "the bank" to a body whose name holds the word
            if wanted:
                have = places_in(f"{c.description} {c.name}")
                if have:
                    f["description_place_matches" if have & wanted else "description_place_differs"] = 1.0
                else:
                    f["description_place_unknown"] = 1.0
            if description_words & _description_words(c.name):
                f["description_word_in_name"] = 1.0
            if c is nearest_fit:
                f["nearest_fit_before"] = 1.0
            if described_kinds(c.name):
                f["also_described"] = 1.0
        if c.name is None:
            f["nobody"] = 1.0
            if c.engine:
                f["nobody_engine"] = 1.0
            c.features = f
            continue
        if c.kind in KINDS:
            # the rules' pick has kind features of its own: a group the rules found at a cue
            # ("Some analysts called …") is not a group guessed from a capitalised scan
            f[("engine_kind_" if c.engine else "kind_") + c.kind] = 1.0
        if c.name.startswith("@"):
            f["handle"] = 1.0
        if is_place(c.name):
            f["place"] = 1.0  # "China said" is read as its government at a cue; a bare place seldom speaks
        elif place_of(c.name):
            f["demonym"] = 1.0  # "Israeli" cut from "the Israeli newspaper" names no speaker
        elif " " in c.name and place_of(c.name.rsplit(None, 1)[-1]) and c.name.rsplit(None, 1)[-1][:1].isupper():
            # "Central European", "North American": a run that ends in a demonym describes people
            # or things from a place ("Central European officials"); no one is called so
            f["ends_in_demonym"] = 1.0
        if " " not in c.name and c.name.lower() in _lowercase_words(run):
            # "Really", "Just", "Here" opening a sentence: a word the text also writes in lower
            # case is a common word, not a name
            f["common_word"] = 1.0
        if " " not in c.name and is_common(c.name):
            # the same, learned from the corpus's text: a word pages mostly write in lower case
            f["common_in_corpus"] = 1.0
        last = c.name.rsplit(None, 1)[-1].lower() if " " in c.name else ""
        if last in lx.ROLES or last in lx.TITLES or last in ROLE_HEAD_WORDS:
            # a capitalised run cut before its role's head ("Japanese Prime", "Israeli Foreign")
            # or a role with no name: not a name of anyone
            f["ends_in_role_word"] = 1.0
        is_author = c.name == run.refs.author or c.name == "(author)"
        if is_author:
            f["author"] = 1.0  # the commentary's own writer: named in the byline, not the text
        if c.weak:
            f["weak"] = 1.0
        if c.before:
            start, end = c.before
            f["before"] = 1.0
            f["before_distance"] = _log_distance(a - end)
            f["before_same_sentence"] = float(start >= sent_start)
            f["before_same_paragraph"] = float(_paragraph_breaks(text, end, a) == 0)
            f["before_sentences"] = min(run.sents.count_between(end, a), 6) / 6.0
            near, subject, inverted, _ = cue_features(start, end)
            f["before_cue"] = float(near)
            f["before_subject_of_cue"] = float(subject)
            f["before_after_cue"] = float(inverted)
            f["before_rank"] = 1.0 / (1 + bisect.bisect_left(befores, -start))
            # the subject of the quote's own sentence ("Critics described the plan as “…”") or of
            # the sentence before it: who a sentence is about is who its quoted words belong to
            own_start = run.sents.start_of(start)
            if len(text[own_start:start].split()) <= 3:
                if start >= sent_start:
                    f["before_sentence_subject"] = 1.0
                elif own_start >= run.sents.start_of(max(0, sent_start - 1)):
                    f["before_previous_subject"] = 1.0
            if _heading_line(text, start):
                f["before_on_heading"] = 1.0
            if _role_follows(text, end):
                f["role_follows"] = 1.0
        if c.after:
            start, end = c.after
            f["after"] = 1.0
            f["after_distance"] = _log_distance(start - b)
            f["after_same_sentence"] = float(start < sent_end)
            f["after_same_paragraph"] = float(_paragraph_breaks(text, b, start) == 0)
            near, subject, inverted, forward = cue_features(start, end)
            f["after_cue"] = float(near)
            f["after_subject_of_cue"] = float(subject)
            f["after_cue_looks_forward"] = float(subject and forward)
            f["after_after_cue"] = float(inverted)
            if _heading_line(text, start):
                f["after_on_heading"] = 1.0
        if not c.before and not c.after:
            f["unplaced"] = 1.0
        if not is_author:
            f["occurrences"] = math.log1p(_occurrences(run, c.name)) / 3.0
        if prev_speaker and norm(c.name) == norm(prev_speaker[0]):
            f["previous_speaker"] = 1.0
        if wanted_gender:
            # "she said" points back to a person the text calls "she" (its pronouns after the name,
            # an honorific before it), not to the nearest name
            if c.kind == "person" and not is_author:
                have = gender.gender_of(text, c.name, run.__dict__.setdefault("_genders", {}))
                if have:
                    f["pronoun_gender_agrees" if have == wanted_gender else "pronoun_gender_differs"] = 1.0
            elif c.kind in ("organisation", "publication", "ai_system"):
                f["pronoun_not_person"] = 1.0
        c.features = f
    return out


_LOWER_WORD_RE = re.compile(r"(?<![\w’'])[^\W\d_A-Z][^\W\d_]*(?![\w’'])")


def _lowercase_words(run):
    """The words the text writes in lower case, computed once per text."""
    words = run.__dict__.get("_lowercase_words")
    if words is None:
        words = run.__dict__["_lowercase_words"] = {w for w in _LOWER_WORD_RE.findall(run.text) if w.islower()}
    return words


@lru_cache(maxsize=1)
def load_model(path=WEIGHTS_PATH):
    """(ranker weights, calibration, span weights, span thresholds) from the trained file; empty
    when there is none (the rules alone decide)."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}, [], {}, {}
    return (data.get("weights", {}), [tuple(p) for p in data.get("calibration", [])],
            data.get("span_weights", {}), data.get("span_thresholds", {}))


def softmax_scores(group, weights):
    raw = [sum(weights.get(k, 0.0) * v for k, v in c.features.items()) for c in group]
    top = max(raw)
    exps = [math.exp(r - top) for r in raw]
    total = sum(exps)
    for c, e in zip(group, exps):
        c.score = e / total
    return group


def calibrate(p, calibration):
    """The isotonic map from a winning probability to the expected share of right speakers."""
    if not calibration:
        return p
    xs = [x for x, _ in calibration]
    k = bisect.bisect_right(xs, p) - 1
    if k < 0:
        return calibration[0][1]
    if k >= len(calibration) - 1:
        return calibration[-1][1]
    (x0, y0), (x1, y1) = calibration[k], calibration[k + 1]
    return y0 if x1 == x0 else y0 + (y1 - y0) * (p - x0) / (x1 - x0)


CONFIDENCE_PREFIX = "confidence:"
PRONOUN_MENTIONS = {"he", "she", "they", "it", "i", "we"}


def confidence_features(stmt, score, second, how):
    """What makes a speaker more or less likely right beyond the ranker's probability: how the
    rules read it (a cue beside a name or a guess from the context), whether anybody was chosen,
    the kind and length of the name, a pronoun or a description for a mention, a partial quote, no
    cue. The ranker's probability compares candidates of one statement; these compare statements,
    which is what a confidence band is about."""
    f = {"bias": 1.0, "logit": math.log(max(score, 1e-4) / max(1.0 - score, 1e-4)) / 4.0,
         "margin": score - second, "how_" + how.split("_")[0]: 1.0}
    if stmt.speaker is None:
        f["nobody"] = 1.0
    else:
        f["kind_" + str(stmt.speaker_kind)] = 1.0
        f["words_%d" % min(len(stmt.speaker.split()), 3)] = 1.0
        mention = (stmt.speaker_mention or "").strip().lower()
        if mention in PRONOUN_MENTIONS:
            f["pronoun_mention"] = 1.0
        elif mention.startswith(("the ", "a ", "an ")):
            f["described_mention"] = 1.0
        if stmt.speaker.startswith("("):
            f["author"] = 1.0
    f["quote_" + stmt.kind] = 1.0
    if len(stmt.quote) < 25:
        f["short_quote"] = 1.0
    if not stmt.cue:
        f["no_cue"] = 1.0
    return f


def confidence_probability(features, weights, score=None):
    """The learned probability that the statement's speaker is right (the ``confidence:`` weights of
    the trained file, beside the ranker's), or the ranker's own probability ``score`` where there
    are none."""
    if CONFIDENCE_PREFIX + "bias" not in weights:
        return score
    z = sum(weights.get(CONFIDENCE_PREFIX + k, 0.0) * v for k, v in features.items())
    return round(1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z)))), 3)


def rerank(run, statements, hows, weights, calibration, margin=None):
    """Re-choose each quoted statement's speaker in text order; fill alternatives and confidence."""
    margin = margin or 0.0
    prev = None
    for stmt in statements:
        if stmt.kind == "reported":
            continue
        group = softmax_scores(candidates(run, stmt, hows.get(id(stmt), "none"), prev), weights)
        group.sort(key=lambda c: -c.score)
        best = group[0]
        pick = next(c for c in group if c.engine)
        how = hows.get(id(stmt), "none")
        # a reference at a cue that the rules would not resolve ("The government said" after a
        # company) stays unresolved rather than taking the nearest name
        explicit = how in EXPLICIT or (how.split("_")[0] in EXPLICIT and pick.name is None) or \
            (how.split("_")[0] in EXPLICIT and "engine_mention_at_cue" in pick.features)
        if how.endswith("_reference") and pick.name and \
                _description_words(stmt.speaker_mention) & _description_words(pick.name) - lx.DETERMINERS:
            # the rules resolved a description to a body or person whose name carries its words
            # ("the agriculture department" → the Department of Agriculture): explicit evidence
            explicit = True
        need = 0.0 if how in UNATTRIBUTED else margin
        if pick.name and " " not in pick.name and is_common(pick.name):
            # a cue beside a common word ("Consider …:", "Again, …") is no evidence of a name: the
            # candidates compete on equal terms
            explicit, need = False, 0.0
        if pick.name and described_kinds(pick.name):
            # "the elder statesman said": explicit about the cue, not about who; a description
            # names nobody, so the candidates it may point back to compete with it on equal terms
            explicit, need = False, 0.0
            if places_in(pick.name) and "description_place_matches" not in best.features:
                # but "the German chancellor" is not whoever was named last: a description that
                # places its speaker points back only to someone the text placed there too
                explicit = True
        if not best.engine and (explicit or best.score < pick.score + need):
            # the rules' pick stands unless the ranker prefers another clearly: where both are
            # plausible the rules' explicit evidence (a cue beside a name) is worth more
            group.remove(pick)
            group.insert(0, pick)
            best = pick
        if not best.engine:
            stmt.speaker, stmt.speaker_kind = best.name, best.kind if best.name else None
            if best.name:
                stmt.description = best.description
                stmt.speaker_mention = _mention_text(run, best, stmt)
            else:
                stmt.speaker_mention, stmt.description = "", ""
        second = max((c.score for c in group if c is not best), default=0.0)
        features = confidence_features(stmt, best.score, second, how)
        run.__dict__.setdefault("confidence_features", {})[id(stmt)] = features  # what training pairs with gold
        stmt.confidence = round(calibrate(confidence_probability(features, weights, best.score), calibration), 3)
        stmt.alternatives = [{"speaker": c.name, "speaker_kind": c.kind, "speaker_mention": _mention_text(run, c, stmt),
                              "score": round(c.score, 3)} for c in group[1:] if c.name][:3]
        prev = (stmt.speaker, stmt.speaker_kind) if stmt.speaker else prev


def _mention_text(run, c, stmt):
    """The words of a candidate's nearest mention, as written."""
    if c.mention:
        return c.mention
    span = c.before if c.before and not (c.after and _after_closer(c, stmt)) else c.after
    return run.text[span[0]:span[1]] if span else ""


def _after_closer(c, stmt):
    return (c.after[0] - stmt.end) < (stmt.start - c.before[1])
