"""Whether a quoted span is somebody's statement, with weights learned from real text.

The rules decide each span with a reason ("scare quote or term", "name or title", an
attribution found). On real pages they reject short partial quotes that the sentence plainly
attributes ("described the move as “reckless”") and keep some titles and page furniture. A
logistic model over features that hold across outlets (the rules' own decision and reason, the
span's shape, a speech or naming cue in its sentence, a title or term marker before it, a
naming or expressing verb and who the sentence names before it, a passive "by …" after it, its
place on the line) gives each span a probability of being a statement, trained on the
annotated corpus. Only a confident disagreement with the rules changes the outcome: a span the
rules rejected is promoted above ``promote`` (its speaker is then chosen by the ranker), and a
statement is demoted below ``demote``.

Pure Python, no Django.
"""
import math
import re

from . import classify, cues

TERM_MARKERS_RE = re.compile(r"(?:so-called|the\s+(?:term|word|phrase|slogan|label|concept|notion|idea|motto|"
                             r"hashtag|title|headline|book|report|article|film|song|series|programme|program|"
                             r"campaign|operation|policy|doctrine|strategy|initiative)|dubbed|known\s+as|"
                             r"titled|entitled|called|named)\s*$", re.IGNORECASE)
NAMING_RE = re.compile(r"\b(?:called|calls|calling|described|describes|describing|labell?ed|labels|branded|brands|"
                       r"termed|dubbed|characteri[sz]ed|hailed|denounced|slammed|warned|warns|urged|urges|vowed|vows|"
                       r"pledged|promised|as)\s+(?:\w+\s+){0,3}$")
# Imagined or hypothetical speech: what someone "would say", "imagine X declaring", "might reply".
HYPOTHETICAL_RE = re.compile(r"\b(?:imagine|imagining|suppose|picture|would|might|could|may|will\s+one\s+day|"
                             r"someday|some\s+day|hypothetical(?:ly)?|future)\b", re.IGNORECASE)
# Speech the sentence itself calls imagined ("Imagine a president declaring: …", "suppose they
# replied …"): never a statement (the guidelines' "imagined or hypothetical speech").
IMAGINED_RE = re.compile(r"\b(?:imagine|imagining|suppose|supposing|picture|hypothetical(?:ly)?)\b", re.IGNORECASE)
NAMING_FAR_RE = re.compile(r"\b(?:called|calls|calling|described|describes|describing|labell?ed|branded|termed|"
                           r"dubbed|characteri[sz]ed)\b")
# A passive naming: "described as “genocidal” by some", "dubbed ‘Divine mandate’ by his supporters".
BY_AGENT_RE = re.compile(r"\s*,?\s*by\s+(?:some|many|critics|analysts|officials|the\s+|his\s+|her\s+|their\s+|[A-Z])")
# Verbs of expressing and asking that take a quoted object (not "promised a “…”": a promise's
# quoted object is mostly a slogan or programme's name) ("expressed a “strong protest”",
# "threatened “decisive action”", "demanded an “immediate halt”").
EXPRESS_RE = re.compile(r"\b(?:express(?:ed|es|ing)?|voic(?:ed|es|ing)|threaten(?:ed|s|ing)?|demand(?:ed|s|ing)?|"
                        r"condemn(?:ed|s|ing)?|accus(?:ed|es|ing)|prais(?:ed|es|ing)|criticis(?:ed|es|ing)|"
                        r"criticiz(?:ed|es|ing)|insist(?:ed|s|ing)?|call(?:ed|s|ing)\s+for|"
                        r"concerns?\s+(?:about|over)|regards?|regarded|sees|saw|views?|viewed)\b", re.IGNORECASE)
# Lexical context: the words next to the marks and the clause's words before the span. The
# rules name a few dozen cue and naming verbs; real text attributes partial quotes with hundreds
# ("touting", "referred to", "cited", "felt", "claims of"). The learned weights of these words,
# fitted on the corpus, carry what no hand list keeps up with; the L2 penalty keeps a word seen
# once from deciding anything.
LEX_WORD_RE = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
CLAUSE_BREAK_RE = re.compile(r"[;:(){}\[\]\n]|[.!?…](?=\s)")
ARTICLE_BEFORE_RE = re.compile(r"\b(?:a|an|the|its|their|his|her|our|this|that)\s*$", re.IGNORECASE)
SENTENCE_END = ".!?…"


def _bucket(n):
    return "1" if n <= 1 else "2-3" if n <= 3 else "4-7" if n <= 7 else "8-15" if n <= 15 else "16+"


def imagined(run, span):
    """Whether the sentence presents the quoted words as imagined speech."""
    return bool(IMAGINED_RE.search(run.text[run.sents.start_of(span.open):span.open]))


def features(run, span, engine_statement, reason, how):
    """Features of one quoted span, from the text around it and what the rules made of it."""
    text = run.text
    quote = text[span.start:span.end]
    words = classify.word_count(quote)
    sent_start = run.sents.start_of(span.open)
    sent_end = run.sents.end_of(span.close)
    head = text[sent_start:span.open]
    tail = text[span.close + 1:min(sent_end, span.close + 200)]
    f = {"bias": 1.0, "words_" + _bucket(words): 1.0}
    if engine_statement:
        f["rules_statement"] = 1.0
        f["rules_how_" + (how or "none")] = 1.0
    else:
        f["rules_reason_" + re.sub(r"\W+", "_", reason or "none").strip("_")] = 1.0
    if quote[:1].isupper():
        f["starts_upper"] = 1.0
    if quote.rstrip(" ,\"”’'")[-1:] in SENTENCE_END:
        f["ends_sentence"] = 1.0
    if classify.is_title_case(quote) and words > 1:
        f["title_case"] = 1.0
    if TERM_MARKERS_RE.search(head[-40:]):
        f["term_marker_before"] = 1.0
    if NAMING_RE.search(head[-60:]):
        f["naming_before"] = 1.0
    elif NAMING_FAR_RE.search(head):
        f["naming_in_sentence"] = 1.0  # "called the proposed cut to the budget “so disturbing”"
    if EXPRESS_RE.search(head):
        f["express_before"] = 1.0
    if BY_AGENT_RE.match(tail):
        f["by_agent_after"] = 1.0
    # somebody the text names earlier in the sentence, its subject when near its start: who a
    # sentence is about is whom its quoted words may belong to
    refs = run.refs
    for r in refs.items_between(sent_start, span.open):
        if r.kind in ("person", "organisation", "publication", "group", "ai_system") and not refs.in_quote(r.pos):
            f["referent_before_in_sentence"] = 1.0
            if r.pos - sent_start <= 40:
                f["referent_subject"] = 1.0
            break
    if HYPOTHETICAL_RE.search(head):
        f["hypothetical_before"] = 1.0
    if ARTICLE_BEFORE_RE.search(head[-12:]):
        f["article_before"] = 1.0
    if any(True for _ in cues.find_cues(text, sent_start, span.open)):
        f["cue_before_in_sentence"] = 1.0
    if any(True for _ in cues.find_cues(text, span.close + 1, min(len(text), span.close + 60))):
        f["cue_after"] = 1.0
    if not head.strip():
        f["opens_sentence"] = 1.0
    line_start = text.rfind("\n", 0, span.open) + 1
    line_end = text.find("\n", span.close)
    line_end = len(text) if line_end < 0 else line_end
    if not text[line_start:span.open].strip() and not text[span.close + 1:line_end].strip(" .,;:!?"):
        f["whole_line"] = 1.0
        if engine_statement:
            f["rules_statement_whole_line"] = 1.0
    if quote.rstrip(" \"”’'")[-1:] == "?":
        f["question"] = 1.0
    para_start = text.rfind("\n\n", 0, span.open)
    para_start = 0 if para_start < 0 else para_start + 2
    para_end = text.find("\n\n", span.close)
    para_end = len(text) if para_end < 0 else para_end
    if not any(True for _ in cues.find_cues(text, para_start, span.open)) and \
            not any(True for _ in cues.find_cues(text, span.close + 1, para_end)):
        f["no_cue_in_paragraph"] = 1.0
        if engine_statement:
            f["rules_statement_no_cue"] = 1.0
    if ":" in text[max(line_start, span.open - 3):span.open]:
        f["after_colon"] = 1.0
    if tail[:1] == "," or tail[:2] in (", ", ",\u201d"):
        f["comma_after"] = 1.0
    if any(c in quote for c in "<>{}=") or "_blank" in quote:
        f["markup"] = 1.0
    f.update(lexical(head, tail))
    return f


def lexical(head, tail):
    """The words around a span: the one and two words before the opening mark, the word after
    the closing mark, and the words of the clause before the span (up to eight)."""
    f = {}
    clause = CLAUSE_BREAK_RE.split(head[-160:])[-1]
    before = [w.lower() for w in LEX_WORD_RE.findall(clause)][-8:]
    if before:
        f["w-1=" + before[-1]] = 1.0
        if len(before) > 1:
            f["w-2=" + before[-2] + "_" + before[-1]] = 1.0
    for w in set(before[:-1]):
        f["cw=" + w] = 0.5
    after = LEX_WORD_RE.findall(tail[:40])
    if after and not CLAUSE_BREAK_RE.search(tail[:tail.find(after[0])]):
        f["w+1=" + after[0].lower()] = 1.0
    return f


def probability(f, weights):
    z = sum(weights.get(k, 0.0) * v for k, v in f.items())
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def fit(examples, l2=0.01, epochs=400, rate=0.3):
    """Logistic regression by gradient ascent (Adagrad), deterministic."""
    weights, sq = {}, {}
    for _ in range(epochs):
        grad = {k: -l2 * w for k, w in weights.items()}
        for f, y in examples:
            err = (1.0 if y else 0.0) - probability(f, weights)
            for k, v in f.items():
                grad[k] = grad.get(k, 0.0) + err * v
        for k, g in grad.items():
            sq[k] = sq.get(k, 0.0) + g * g
            weights[k] = weights.get(k, 0.0) + rate * g / (math.sqrt(sq[k]) + 1e-8)
    return {k: round(w, 5) for k, w in sorted(weights.items()) if abs(w) > 1e-6}
