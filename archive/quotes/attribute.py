"""Finding the cue and the speaker mention of one quoted span, in the order writers use them.

1. before: the last cue before the quote in its sentence ("X remarked, “…”", "X said: “…”",
   "X called it “…”", "As X noted, DeepSeek’s “…”", "with X stating, “…”").
2. after: a cue right after the quote ("“…,” X said", "“…,” said X", "“…,” according to X").
3. later in the sentence: "… “…” defied convention, as X noted".
4. colon: "The minister was blunt: “…”" (a whole sentence after a colon, the clause's subject).
The speaker mention is read next to the cue (see mentions.py); a participle cue
("…, stating “…”") takes the subject of its clause instead.
"""
import re
from dataclasses import dataclass

from . import cues
from . import lexicon as lx
from .mentions import TIME_WORDS, Mention, mention_after, mention_before, tokens

POSSESSIVE_PRONOUNS = {"his": "he", "her": "she", "their": "they", "its": "it", "my": "i", "our": "we"}

# What may stand between a cue and its quote for the quote to follow the cue directly:
# "told me bluntly: “…”", "told reporters, “…”", "told the BBC: “…”", "said that “…”".
IMMEDIATE_GAP_RE = re.compile(
    r"\s*(?:(?:me|us|him|her|them|reporters|journalists|(?:the\s+)?[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,3})\s*)?"
    r"(?:[a-z]+ly\s*)?(?:[,:—–-]\s*)?(?:that\s+)?(?:[,:]\s*)?"
)
QUOTED_X_AS_RE = re.compile(r"\bquot(?:ed|es|ing)\s+([^,.;“”\"]{1,80}?)\s+as\s+$")
PAREN_NAME_RE = re.compile(r"\s*\((?=[A-Z])([^()]{1,60})\)")
YEAR_TAIL_RE = re.compile(r",?\s*(?:19|20)\d\d[a-z]?(?:[,:]\s*(?:p\.\s*)?\d+)?$")
DATE_WORDS = TIME_WORDS | {"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
                           "see", "p", "pp", "fig", "table", "ibid", "emphasis", "translation", "original"}
DASH_NAME_RE = re.compile(r"[,.]?\s*(—|–|--|-)\s*(?=[A-Z])")
LEADING_RE = re.compile(r"[\s,.;:—–\-]*")
SENTENCE_GAP_WORDS = 30
OBJECT_GAP_WORDS = 10


@dataclass
class Attribution:
    cue: str
    cue_start: int
    mention: object  # mentions.Mention
    how: str  # "before", "after", "sentence", "colon"
    confidence: float
    family: str = "speech"
    answers: bool = False  # "came the reply", "Her answer:": the speaker is whoever was asked before


# "“Not yet,” came the reply", "“No,” was his answer"
REPLY_AFTER_RE = re.compile(r"[\s,]*((?:came|was)\s+(?:the|his|her|their|its)\s+(?:curt\s+|short\s+|terse\s+|"
                            r"blunt\s+|swift\s+|quick\s+|only\s+)?(?:reply|answer|response|retort))\b")
# "This raises a question:", "The real question is:", "which begs the question:"
QUESTION_HEAD_RE = re.compile(r"(?:\b(?:raises|raise|raised|poses|pose|posed|begs|beg|begged|prompts|leaves|invites)\s+"
                              r"(?:a|the|an|one|this)\s+(?:\w+\s+)?question|\b[Tt]he\s+(?:\w+\s+)?question\s+"
                              r"(?:is|remains|then\s+is|becomes))\s*:\s*$")
# "His answer:", "Her answer was shorter:", "The reply was blunt:"
ANSWER_HEAD_RE = re.compile(r"\s*(?:His|Her|Their|Its|The|My|Our)\s+(?:\w+\s+)?(?:reply|answer|response|retort)\b"
                            r"(?:\s+(?:was|came)\b[^:]{0,40})?\s*:\s*$")


IN_WORDS_RE = re.compile(r"\b[Ii]n\s+([^,.;:“”\"]{1,80}?(?:’s|'s|s’|s'))\s+(?:own\s+)?(words)\s*[,:—–-]?\s*$")
SUBORDINATORS = {"when", "if", "as", "after", "before", "while", "although", "though", "because", "since", "once",
                 "until", "unless", "whenever", "whereas"}
CONJUNCTIONS = {"but", "and", "yet", "so", "still", "however", "also", "then", "now", "indeed", "moreover",
                "meanwhile", "instead", "nevertheless", "nonetheless", "thus", "hence", "or", "nor"}


def clause_subject(text, lo, hi):
    """The subject that opens the clause in text[lo:hi] ("Grok 3 affirmed …", "In 2025, X said …")."""
    toks = tokens(text, lo, hi)
    i = 0
    if len(toks) > 2 and QA_LABEL_RE.fullmatch(toks[0][0]) and toks[1][0] == ":":
        toks = toks[2:]  # "A3: Prabowo has long presented himself …": an interview's label
    while toks and toks[0][0] in ",;—–-":
        toks = toks[1:]  # "…”, while the IMF's chief economist, X, struck a cautious tone, saying"
    if toks and toks[0][0].lower() in ("while", "whereas") and toks[0][0].islower():
        i = 1  # joining two clauses after a comma, not opening a subordinate one
    elif toks and toks[0][0].lower() in CONJUNCTIONS:
        i = 1  # "But Hugh White, the ANU's professor, isn't convinced": only the conjunction goes
    elif toks and toks[0][0].lower() in lx.STOP_CAPS and toks[0][0].lower() not in lx.DETERMINERS:
        # "When I asked a senior diplomat … what worried him most, he paused": the main clause's
        # subject follows the subordinate clause's comma, however long that clause
        reach = 40 if toks[0][0].lower() in SUBORDINATORS else 12
        for k in range(min(len(toks), reach)):
            if toks[k][0] in (";", "“", "”", '"'):
                i = 1
                break
            if toks[k][0] == ",":
                i = k + 1
                break
        else:
            i = 1
    while i < len(toks) and toks[i][0] in ",;:—–-":
        i += 1
    if i >= len(toks):
        return None
    return mention_after(text, toks[i][1], hi)


def _subject(text, cue_match, lo):
    """The speaker mention for a cue found before a quote."""
    cue = cue_match.group()
    if cue.lower().startswith(("according", "in a statement", "in the words of", "as quoted by", "words of",
                               "to quote")):
        if cue.lower().startswith("in a statement"):
            return mention_before(text, cue_match.start(), lo)
        return mention_after(text, cue_match.end(), cue_match.end() + 200)
    before = text[lo:cue_match.start()].rstrip()
    quoted_as = QUOTED_X_AS_RE.search(text, max(lo, cue_match.start() - 120), cue_match.start())
    if quoted_as:
        # "The Yomiuri Shimbun quoted a senior official as saying": the official speaks
        mention = mention_after(text, quoted_as.start(1), quoted_as.end(1))
        if mention is not None:
            return mention
    if cues.is_participle(cue) and (not before or before.endswith(",")):
        # "Grok 3 affirmed DeepSeek’s role, stating, “…”": the subject of the clause
        earlier = [m for m in cues.find_cues(text, lo, cue_match.start())]
        for m in reversed(earlier):
            mention = mention_before(text, m.start(), lo)
            if mention is not None:
                return mention
        subject = clause_subject(text, lo, cue_match.start())
        if subject is None:
            # "When I pressed further, asking “…”": the subject of the opening clause
            for word, start, end in reversed(tokens(text, lo, cue_match.start())):
                if word.lower() in ("i", "we", "he", "she", "they"):
                    return mention_after(text, start, end)
        return subject
    mention = mention_before(text, cue_match.start(), lo)
    if mention is None and COORDINATED_RE.search(before) and not text[max(0, lo - 2):lo].strip(" ,") \
            .endswith(("”", "\"", "’", "'", "»")):
        # "Pedro Sánchez visited China in September and urged the commission to “…”": a second
        # predicate of the clause's subject
        return clause_subject(text, lo, cue_match.start())
    if mention is None and cues.is_participle(cue) and not PROGRESSIVE_RE.search(before):
        # "The ministry issued a statement saying …": the clause's subject (but "small businesses
        # were finding credit “…”" is a verb of the clause, no cue of its subject)
        return clause_subject(text, lo, cue_match.start())
    return mention


def _names_someone(mention):
    """A capitalised name or a pronoun, not a common noun ("a programme", "the report")."""
    words = mention.words
    last = words[-1].lower()
    return any(w[:1].isupper() for w in words) and words[-1][:1].isupper() or (
        len(words) == 1 and last in ("he", "she", "they", "it", "i", "we")) or (
        last in lx.ROLES or last in lx.GROUP_NOUNS)  # "one official called “…”"


def _words(s):
    return len(s.split())


def before(text, span, lo, skip=()):
    """Attribution from a cue before the quote, within text[lo:span.open]; ``skip``: (open, close)
    of earlier quoted spans in that stretch, whose words are nobody's cue."""
    words = IN_WORDS_RE.search(text, max(lo, span.open - 120), span.open)
    if words:
        # "In Xi's words, “…”", "In the minister's own words: “…”"
        mention = mention_before(text, words.end(1), lo)
        if mention is not None:
            return Attribution(text[words.start():words.end(2)], words.start(), mention, "before", 0.9)
    found = [m for m in cues.find_cues(text, lo, span.open)
             if not any(a < m.start() < b for a, b in skip)]
    for m in reversed(found):
        fam = cues.family(m.group())
        gap = text[m.end():span.open]
        if ";" in gap or _words(gap) > SENTENCE_GAP_WORDS:
            return None
        immediate = IMMEDIATE_GAP_RE.fullmatch(gap) is not None
        if fam == "naming" and _words(gap) > OBJECT_GAP_WORDS:
            continue
        if fam in ("document", "belief") and m.group().endswith("ing") and \
                PROGRESSIVE_RE.search(text[lo:m.start()].rstrip()):
            continue  # "small firms were finding loans “…”": a verb of the clause, not a cue
        by = PASSIVE_BY_RE.match(text, m.end(), span.open) if fam in ("naming", "speech") else None
        mention = mention_after(text, by.end(), span.open) if by else None
        if mention is not None:
            # "was hailed by Peruvian officials as “…”": the agent of a passive cue speaks
            mention.text = text[mention.start:mention.end]
        else:
            mention = _subject(text, m, lo)
        if mention is None:
            continue
        if fam in ("belief", "document") and _reported_by_earlier_cue(text, found, m, mention):
            continue  # "a diplomat said Beijing hoped Australia would show “…”": the diplomat's words
        if fam == "naming" and immediate and not _names_someone(mention):
            continue  # "a programme called “X”" names a thing; "what Xi Jinping has called “…”" quotes him
        how = "before" if immediate else "sentence"
        prior = tokens(text, max(lo, mention.start - 12), mention.start)
        if how == "sentence" and (m.group().lower().startswith(("according", "in the words", "words of", "to quote"))
                                  or (prior and prior[-1][0].lower() == "as")):
            how = "as"  # "As X noted, DeepSeek’s “…”": the writer hands the words to X
        if fam == "naming" and gap.strip():
            how = "before"
        conf = 0.95 if how == "before" else 0.85 if how == "as" else 0.8
        return Attribution(m.group(), m.start(), mention, how, conf, fam)
    view = IN_VIEW_RE.search(text, lo, span.open)
    if view and not found and ";" not in text[view.end():span.open] and \
            _words(text[view.end():span.open]) <= SENTENCE_GAP_WORDS:
        # "In his view, the country needed a government capable of “…”": his words
        word = view.group(1)
        start, end = view.start(1), view.end(1)
        if word.lower() in POSSESSIVE_PRONOUNS:
            word = POSSESSIVE_PRONOUNS[word.lower()]
            mention = Mention(word, start, end, [(word, start, end)])
        else:
            end -= 2
            mention = mention_after(text, start, end)
        if mention is not None:
            return Attribution(text[view.start():view.end(2)], view.start(), mention, "sentence", 0.75, "belief")
    return None


# "said [that]", "told analysts that": what lies between a speech cue and the clause it reports
IN_VIEW_RE = re.compile(r"\b[Ii]n\s+(his|her|their|[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?[’']s)\s+(?:own\s+)?"
                        r"(view|opinion|judgment|judgement|assessment|telling)\s*,")
PROGRESSIVE_RE = re.compile(r"\b(?:is|are|was|were|be|been|being|am)$")
QA_LABEL_RE = re.compile(r"[QA]\d{0,2}")
PASSIVE_BY_RE = re.compile(r"\s+by\s+(?=[A-Za-z])")
COORDINATED_RE = re.compile(r"[^,;:]\s+(?:and|but)(?:\s+then|\s+later|\s+also)?$")
REPORTED_GAP_RE = re.compile(r"\s*(?:that\s+)?|\s+(?:[a-z]+\s+){1,3}that\s+")


def _reported_by_earlier_cue(text, found, m, mention):
    """Whether the subject of cue ``m`` opens the clause reported by an earlier speech cue
    ("said [that] Beijing hoped"): the one who said it speaks, not the one said to hope."""
    for earlier in found:
        if earlier.end() <= mention.start and cues.family(earlier.group()) == "speech" and \
                REPORTED_GAP_RE.fullmatch(text, earlier.end(), mention.start):
            return True
    return False


RELATIVE_WORDS = {"that", "which", "who", "whom", "whose"}


def after(text, span, hi, crossed=False):
    """Attribution from a cue right after the quote ("…,” X said", "…,” said X").

    ``crossed``: text[span.close:hi] runs into the next sentence ("…win.” Smith said."), which
    then must be a short attribution, not a new sentence about something else.
    """
    nl = text.find("\n", span.close + 1, hi)
    if nl >= 0:
        hi = nl
    reply = REPLY_AFTER_RE.match(text, span.close + 1, hi)
    if reply:
        word, start, end = tokens(text, reply.start(1), reply.end(1))[-1]
        return Attribution(reply.group(1), reply.start(1), Mention(word, start, end, [(word, start, end)]), "after",
                           0.8, answers=True)
    paren = PAREN_NAME_RE.match(text, span.close + 1, hi)
    if paren:
        # "“Not in my lifetime” (Barry Eichengreen)": a source named in brackets
        year = YEAR_TAIL_RE.search(text, paren.start(1), paren.end(1))  # "(Eichengreen 2011)"
        mention = mention_after(text, paren.start(1), year.start() if year else paren.end(1))
        if mention is not None and not text[mention.end:paren.end(1)].strip(" ,0123456789abp.:") \
                and not any(w.lower().rstrip(".") in DATE_WORDS for w in mention.words):
            return Attribution("", paren.start(1), mention, "after", 0.8)
    dash = DASH_NAME_RE.match(text, span.close + 1, hi)
    if dash:
        # "“The past is never dead.” — William Faulkner": an epigraph's source
        mention = mention_after(text, dash.end(), hi)
        if mention is not None and not text[mention.end:hi].strip(" ,.;)\t") or (
                mention is not None and text[mention.end:mention.end + 1] == ","):
            return Attribution(dash.group(1), dash.start(1), mention, "after", 0.85)
    m0 = LEADING_RE.match(text, span.close + 1, hi)
    pos = m0.end()
    if pos >= hi:
        return None
    m = cues.CUE_RE.match(text, pos, hi)
    if m and cues.is_cue(text, m, after_quote=True):
        fam = cues.family(m.group())
        if fam in ("speech", "belief"):
            mention = mention_after(text, m.end(), hi)
            if mention is not None:
                return Attribution(m.group(), m.start(), mention, "after", 0.95, fam)
        return None
    for m in cues.find_cues(text, pos, min(hi, pos + 220), after_quote=True):
        fam = cues.family(m.group())
        if m.group().lower().startswith("according"):
            return None
        mention = mention_before(text, m.start(), pos)
        if mention is None or mention.start != pos:
            return None
        if mention.words[0] in RELATIVE_WORDS:  # lower case: "WHO Director-General" is no relative
            return None  # "… spending” that Pacific leaders say they want": a relative clause on the object
        if fam not in ("speech", "belief"):
            return None
        rest = text[m.end():hi]
        if fam == "belief" and not re.match(r"\s*[.,;]", rest):
            return None
        clause = re.split(r"[.!?;]", rest, maxsplit=1)[0]
        if crossed and (len(clause.split()) > 6 or clause.rstrip().endswith(":")):
            return None  # a new sentence about something else, or one introducing the next quote
        return Attribution(m.group(), m.start(), mention, "after", 0.95, fam)
    return None


def later(text, span, hi):
    """"… “…” defied convention, as X noted" / "…, according to X"."""
    for m in cues.find_cues(text, span.close + 1, hi):
        cue = m.group()
        if cue.lower().startswith("according"):
            mention = mention_after(text, m.end(), hi)
            if mention is not None:
                return Attribution(cue, m.start(), mention, "as", 0.8)
            continue
        end_attribution = _closing_attribution(text, m, span.close + 1, hi)
        if end_attribution is not None:
            return end_attribution
        mention = mention_before(text, m.start(), span.close + 1)
        if mention is None:
            continue
        prior = tokens(text, max(span.close + 1, mention.start - 6), mention.start)
        if prior and prior[-1][0].lower() == "as":
            return Attribution(cue, m.start(), mention, "as", 0.8, cues.family(cue))
    return None


END_ADJUNCT_RE = re.compile(
    r"(?:\s*,)?(?:\s+(?:on|in|at|last|this|earlier|late|early|during|after|before|from|to|with|while|when|via)\b[^,.;:!?“”\"]{0,60})?"
    r"\s*[.!?]?\s*$")


def _closing_attribution(text, m, lo, hi):
    """"Singapore will take a “balanced and principled” approach …, said Prime Minister Lawrence
    Wong on May 20." / "…, Wong said in a statement.": the attribution closes the sentence after
    a comma, with nothing but adjuncts after the mention."""
    if cues.family(m.group()) not in ("speech", "belief"):
        return None
    before = text[lo:m.start()].rstrip()
    if before.endswith(","):
        mention = mention_after(text, m.end(), hi)  # ", said X"
        if mention is None or parse_pronoun(mention):
            return None
        rest_start = mention.end
    else:
        mention = mention_before(text, m.start(), lo)  # ", X said"
        if mention is None or not text[lo:mention.start].rstrip().endswith(","):
            return None
        rest_start = m.end()
    tail = text[rest_start:hi].rstrip()
    if "\n" in tail or not END_ADJUNCT_RE.fullmatch(tail) or (tail[-1:] not in ".!?" and hi < len(text.rstrip())):
        return None  # the sentence must end there: no later quote, no further clause
    return Attribution(m.group(), m.start(), mention, "sentence", 0.8, cues.family(m.group()))


def parse_pronoun(mention):
    return len(mention.words) == 1 and mention.words[0].lower() in ("him", "her", "it", "them")


def colon(text, span, lo):
    """"The minister was blunt: “…”" (the quote must be a whole sentence)."""
    head = text[lo:span.open].rstrip()
    if not head.endswith(":"):
        return None
    inner = text[span.start:span.end]
    if QUESTION_HEAD_RE.search(text, max(lo, lo + len(head) - 80), lo + len(head)) and inner.rstrip()[-1:] == "?":
        # "This raises a question: “Can a city-state ever be truly water secure?”": the writer asks
        toks = tokens(text, lo, lo + len(head))
        mention = clause_subject(text, lo, lo + len(head) - 1)
        if mention is None or mention.words[0].lower() in ("this", "that", "it", "which"):
            word, start, end = toks[0]
            mention = Mention("I", start, end, [("I", start, end)])
        return Attribution(":", lo + len(head) - 1, mention, "colon", 0.6)
    answer = ANSWER_HEAD_RE.fullmatch(text, lo, lo + len(head))
    if answer:
        # "Her answer was shorter: “China's patience.”": whoever was asked answers, however briefly
        toks = tokens(text, lo, lo + len(head))
        word, start, end = toks[0]
        pronoun = POSSESSIVE_PRONOUNS.get(word.lower())
        mention = Mention(pronoun or word, start, end, [(pronoun or word, start, end)])
        return Attribution(":", lo + len(head) - 1, mention, "colon", 0.7, answers=True)
    if (not inner[:1].isupper() or _words(inner) < 4) and _words(inner) < 6:
        return None
    mention = clause_subject(text, lo, len(head) + lo - 1)
    if mention is None:
        toks = tokens(text, lo, lo + len(head))
        if toks and toks[0][0].lower() in POSSESSIVE_PRONOUNS:
            # "Her message to investors was simple: “…”": she is the speaker
            word, start, end = toks[0]
            mention = Mention(POSSESSIVE_PRONOUNS[word.lower()], start, end, [(POSSESSIVE_PRONOUNS[word.lower()], start, end)])
    if mention is None:
        return None
    return Attribution(":", lo + len(head) - 1, mention, "colon", 0.7)
