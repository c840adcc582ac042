"""Reported statements: what a named source said, in the writer's words, without quotation marks.

"The International Data Corporation (IDC) predicts that by 2026 …", "IT Minister Ashwini
Vaishnaw confirmed deployment on local servers", "Grok 3 replied: US-China competition …".
Only sentences without quotation marks are read; a sentence needs a speaker mention right
before a reporting verb and at least three words of reported content after it. The span is
the reported clause (after "that" or a colon), so text[start:end] is its exact wording.
"""
import re

from . import cues

# Verbs that report what someone holds or found; "ask", "call" and the like introduce no content.
EXCLUDED_LEMMAS = {"ask", "pose", "call", "dub", "label", "brand", "term", "hail", "praise", "criticise",
                   "criticize", "condemn", "show", "highlight", "underline", "underscore", "hope", "think",
                   "fear", "go", "speak", "remind", "advise", "answer", "continue", "echo", "post", "tweet",
                   "promise", "vow", "pledge", "demand", "plead", "wonder", "mention", "describe",
                   "characterise", "characterize", "put", "suggest",
                   "comment", "order", "instruct"}
CONTENT_START_RE = re.compile(r"\s*(?:,\s*)?(?:(?P<that>that\b\s*,?\s*|:\s*)|,\s*)?")
ADJUNCT_RE = re.compile(
    r"(?:(?:on|last|this|next|earlier|late|early)\s+(?:\w+day|week|month|year|morning|evening|night)|yesterday|today|"
    r"in\s+a\s+(?:statement|speech|interview|post|letter|report)|at\s+a\s+\w+(?:\s+\w+)?\s+(?:conference|briefing|forum|summit|event))"
    r"(?:\s*,)?\s+(?:that\s+)?"
)
# "said it had invested £250m": "it" opening a clause of its own, not the verb's object
IT_CLAUSE_RE = re.compile(r"it\s+(?:had|has|would|will|was|is|could|can|should|must|may|might|did|does|planned|"
                          r"plans|expected|expects|intended|intends|remained|remains|hoped|hopes)\b")
SUBORDINATE_STARTS = {"as", "while", "after", "before", "when", "amid", "despite", "though", "although", "because",
                      "since", "whereas"}
THAT_RE = re.compile(r"(?:[\w’'-]+\s+){1,6}?that\s+")
BAD_CONTENT_START = {"to", "by", "about", "on", "in", "at", "with", "for", "as", "of", "from", "and", "but",
                     "or", "so", "it", "him", "her", "them", "us", "me", "himself", "herself", "itself", "up",
                     "out", "off", "into", "over", "back", "down"}


def candidates(text, start, end):
    """(cue match, content start, content end) for the reporting verbs of one sentence."""
    for m in cues.find_cues(text, start, end):
        cue = m.group()
        if cues.lemma(cue) in EXCLUDED_LEMMAS or cue.lower().startswith(("according", "in ", "as ")):
            continue
        if cues.is_participle(cue):
            continue
        c = CONTENT_START_RE.match(text, m.end(), end)
        cstart = c.end()
        adjunct = ADJUNCT_RE.match(text, cstart, end)  # "said on Wednesday it would ..."
        if adjunct:
            cstart = adjunct.end()
        that = THAT_RE.match(text, cstart, end)  # "said in a statement that ..."
        if that and not c.group("that"):
            cstart = that.end()
        cend = end
        while cend > cstart and (text[cend - 1].isspace() or text[cend - 1] in ".;:!?"):
            cend -= 1
        words = text[cstart:min(cend, cstart + 120)].split()
        licensed = c.group("that") or adjunct or that
        if len(words) < 3 or (not licensed and words[0].lower() in BAD_CONTENT_START
                              and not IT_CLAUSE_RE.match(text, cstart, end)):
            continue
        if not (c.group("that") or that) and words[0].lower() in SUBORDINATE_STARTS:
            continue  # "…, X said on Thursday, as Japan pours …": a trailing clause, not what was said
        yield m, cstart, cend
