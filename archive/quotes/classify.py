"""Statement or not: scare quotes, terms, names, titles and translations have no speaker.

A quoted span is a statement when the text attributes it (a cue and a speaker), or when it
is a whole sentence that continues or stands for someone's words. It is not one when the
words around it mark it as a term ("the so-called", "the word for", "known as", "dubbed"),
a name or title ("a programme called", "the report titled", Title Case words), or a
translation ("“wei” for “danger”"); and a short unattributed phrase is a scare quote.
"""
import re

TERM_BEFORE_RE = re.compile(
    r"(?<![\w-])(?:so-called|so\s+called|(?:the|a|this|that)\s+(?:term|word|words|phrase|expression|slogan|concept|"
    r"notion|label|motto|mantra|buzzword|catchphrase|hashtag|character|characters)(?:\s+(?:of|for))?|"
    r"(?:word|words|term|phrase|character|characters|chinese|english|japanese|arabic)\s+for|known\s+as|"
    r"dubbed|termed|nicknamed|titled|entitled|named|called|labelled|labeled|branded|meaning|means|"
    r"translated\s+as|translates\s+(?:as|to)|literally|stands\s+for|spelled|spelt|as\s+in|"
    r"(?:word|term|phrase)s?\s+like|such\s+as|refer(?:s|red)?\s+to\s+as|the\s+idea\s+of|"
    r"(?:speak|speaks|spoke|spoken|speaking|talk|talks|talked|talking)\s+(?:of|about)(?:\s+(?:a|an|the))?|"
    r"defined\s+as|define[sd]?\s+(?:it|this|them)\s+as|refers?\s+to|referred\s+to|"
    r"(?:saying|adage|proverb|maxim|motto|cliché|cliche|old\s+line)\s+(?:goes|has\s+it|says)|as\s+they\s+say)"
    r"\s*[,:]?\s*$",
    re.IGNORECASE,
)
PREDICATE_START_RE = re.compile(r"(?:cannot|can|could|will|would|should|must|may|might|is|are|was|were|has|have|had|"
                                r"does|do|did|won[’']t|can[’']t)\s")
POSSESSIVE_SLOT_RE = re.compile(r"[A-Za-z][’']s\s*$")
CLAUSE_VERB_RE = re.compile(r"\s+(?:has|have|had|is|are|was|were|remains|remained|does|did|cannot|can|will|would)\s")
# "de-risking", "friend-shoring", "jump-start", "risk-based": a two-part coinage is a term whoever
# uses it; a phrase ("best-in-class", "once-in-a-generation") or an adjective with "non-", "well-"
# ("non-negotiable") quotes its speaker
COINAGE_RE = re.compile(r"(?!(?:non|well|long|short|self|far|hard|high|low|full|half|all)-)[a-z]+-[a-z]+$")
QUOTED_ADJECTIVE_RE = re.compile(r"[a-z]{3,}(?:able|ible|ive|ful|ous|less|ical|ent|ant)")
SPEAK_OF_RE = re.compile(r"(?:speak|speaks|spoke|spoken|speaking|talk|talks|talked|talking)\s+(?:of|about)\s*$",
                         re.IGNORECASE)
SAYING_BEFORE_RE = re.compile(
    r"(?:saying|adage|proverb|maxim|motto|old\s+line)\s+(?:goes|has\s+it|says|runs)\s*[,:]?\s*$|as\s+they\s+say\s*[,:]?\s*$",
    re.IGNORECASE)
HYPOTHETICAL_RE = re.compile(r"\s*(?:Imagine|Suppose|Picture|What\s+if)\b")
TITLE_BEFORE_RE = re.compile(
    r"\b(?:the|a|an|his|her|their|its|our|my|this|that|new|latest|recent|[\w-]+[’']s)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:book|memoir|memoirs|novel|autobiography|biography|treatise|poem|play|report|article|paper|essay|film|movie|"
    r"documentary|song|album|speech|column|op-ed|piece|"
    r"podcast|series|show|event|campaign|initiative|programme|program|strategy|plan|policy|project|law|"
    r"act|bill|doctrine|summit|conference|forum|week|exhibition|festival|award|course|module)\s*,?\s*$",
    re.IGNORECASE,
)
TRANSLATION_AFTER_RE = re.compile(r"\s*(?:for\s+[\"“‘']|\(|,\s*(?:meaning|or|i\.e\.)|means\b|meaning\b)")
TRANSLATION_BEFORE_RE = re.compile(r"[\"”’']\s*(?:for|or|meaning|means|,\s*meaning)\s*$")
WORD_MENTIONED_RE = re.compile(r"\s*,?\s*(?:is|was|are|were|has\s+become|had\s+become|means|meant|refers|"
                               r"remains|has\s+been)\b")
SMALL_WORDS = set("a an the of for and or in on at to by with from as vs".split())


def word_count(s):
    return len(s.split())


def is_sentence_like(quote):
    """Whole-sentence quotes are someone's words even when the text hides the speaker."""
    words = word_count(quote)
    if words >= 7:
        return True
    return words >= 4 and quote[:1].isupper() and quote.rstrip()[-1:] in ".!?,;…"


def is_title_case(quote):
    words = re.findall(r"[\w’'-]+", quote)
    if len(words) < 2 or quote.rstrip()[-1:] == "." or (quote.rstrip()[-1:] in "!?" and len(words) < 4):
        return False
    return all(w[:1].isupper() or w[:1].isdigit() or w.lower() in SMALL_WORDS for w in words)


def term_reason(text, span, lo):
    """Why the words around a span mark it as a term, name, title or translation (or None)."""
    head = text[max(lo, span.open - 80):span.open]
    if SAYING_BEFORE_RE.search(head):
        return "saying or proverb"
    if HYPOTHETICAL_RE.match(text, lo, span.open):
        return "imagined words"
    tail = text[span.close + 1:span.close + 40]
    quote = text[span.start:span.end]
    short = word_count(quote) <= 4
    if short and TRANSLATION_BEFORE_RE.search(head):
        return "translation"
    if short and TRANSLATION_AFTER_RE.match(tail):
        return "term or translation"
    if TERM_BEFORE_RE.search(head) and word_count(quote) <= 8:
        return "term or name"
    if word_count(quote) == 1 and WORD_MENTIONED_RE.match(tail):
        return "word mentioned"  # "“overcapacity” is a false proposition": the word itself
    if TITLE_BEFORE_RE.search(head) and (is_title_case(quote) or short) and not PREDICATE_START_RE.match(quote):
        # but "told a seminar that monetary policy “cannot fix structural problems”": a predicate
        return "title or name"
    return None


def shape_reason(quote):
    """The reason given for an unattributed span that is not a sentence."""
    if is_title_case(quote):
        return "name or title"
    if word_count(quote) <= 4:
        return "scare quote or term"
    return "unattributed phrase"


NOUN_SLOT_RE = re.compile(r"(?:\b(?:a|an|the|its|their|his|her|our|this|that)|[’']s)\s*$")
ARTICLE_RE = re.compile(r"\b(?:a|an|the)\s*$", re.IGNORECASE)


MODIFIER_SLOT_RE = re.compile(r"(?:\b(?:a|an|the|its|their|his|her|our|this|that|these|those|first|new|latest)|"
                              r"\d[\d,.]*|[’']s)\s*$", re.IGNORECASE)
NOUN_AFTER_RE = re.compile(r"\s*([a-z][a-z-]+)\b")
NOUN_SUFFIX_RE = re.compile(r"[a-z]{3}(?:tion|sion|ment|ness|ity|ism|ance|ence|ship|hood)$")
FUNCTION_WORDS = set("""is are was were be been has have had will would can could may might must should shall
and or but nor so yet if than then that which who whom whose where when while because although though
into onto upon over under about above below after before between through during without within against
among around across toward towards despite like unlike via per""".split())
NOT_NOUNS = set("""is was has as us this its his thus yes less unless across always perhaps towards whereas
does was""".split())


def quoted_modifier(quote, head, tail):
    """"the first “Made in India” chip", "30,000 “light public housing” units": a name or label
    standing before the noun it qualifies, in a noun phrase opened by an article or a number."""
    if word_count(quote) > 5 or quote.rstrip()[-1:] in ".,!?;:" or not MODIFIER_SLOT_RE.search(head):
        return False
    after = NOUN_AFTER_RE.match(tail)
    if after is None:
        return False
    noun = after.group(1)
    plural = noun.endswith("s") and not noun.endswith(("ss", "us")) and noun not in NOT_NOUNS
    # a noun phrase qualifying a noun ("the “dual circulation” development pattern"), not quoted
    # adjectives ("a “complete and lasting” ceasefire"): the quote ends in a noun's suffix
    noun_phrase = NOUN_SUFFIX_RE.search(quote) is not None
    return plural or ((is_title_case(quote) or noun_phrase) and noun not in SMALL_WORDS and noun not in NOT_NOUNS
                      and not noun.endswith(("ed", "ly")) and noun not in FUNCTION_WORDS)


PROCESS_NOUN_RE = re.compile(r"[a-z]{5,}ing")
NOT_OBJECT_VERBS = {"is", "was", "were", "are", "be", "been", "being", "am", "become", "became", "becomes", "remain",
                    "remains", "remained", "keep", "keeps", "kept", "stop", "stopped", "start", "started", "begin",
                    "began", "continue", "continued", "like", "liked", "hate", "avoid", "avoided", "enjoy", "mind",
                    "would", "will", "could", "should", "might", "may", "can", "must", "not", "and", "or", "but",
                    "as", "its", "his", "her", "their", "our", "the", "a", "an", "of", "on", "in", "at", "to",
                    "for", "with", "by", "from", "about", "against", "into", "without", "after", "before", "is"}
VERB_BEFORE_OBJECT_RE = re.compile(r"\b([a-z]+)\s*$")
def _object_verb(head):
    m = VERB_BEFORE_OBJECT_RE.search(head)
    return m is not None and m.group(1) not in NOT_OBJECT_VERBS and not m.group(1).endswith("ly")


OBJECT_TAIL_RE = re.compile(r"\s+(?:to|across|into|beyond)\s")


def overrules_attribution(how, family, term, quote, head, by_group=False, tail=""):
    """Whether the words around a span outweigh the cue found for it (the span is then no statement).

    ``how`` is how the cue was found (attribute.py), ``head`` the sentence before the span,
    ``tail`` the words after it.
    """
    if how != "before" and quoted_modifier(quote, head, tail):
        return True
    if term and how in ("sentence", "colon"):
        return True  # "X said the so-called “…”": the term marker is nearer than the cue
    if term and by_group:
        return True  # "Analysts speak of “stagflation”": a term in a group's mouth
    if family == "naming" and is_title_case(quote) and ARTICLE_RE.search(head):
        return True  # "described India as a “Vishwa Mitra”": a name given, in Title Case
    if term == "word mentioned" and how != "before":
        return True  # "As X pointed out, “overcapacity” is a false proposition"
    if term == "title or name" and (is_title_case(quote) or (how != "before" and quote.rstrip()[-1:] not in ".!?")):
        return True  # "In his new book, “The Avoidable War”, Kevin Rudd writes …", "the article “…” (Jan 12)"
    words = word_count(quote)
    if words == 1 and term and SPEAK_OF_RE.search(head):
        return True  # "The G7 has spoken of “overcapacity”": one word talked about is a term
    if words == 1 and NOUN_SLOT_RE.search(head) and (how == "sentence" or by_group) and not (
            not by_group and QUOTED_ADJECTIVE_RE.fullmatch(quote.strip()) and NOUN_AFTER_RE.match(tail)):
        # but "the governor … wanted a “responsible” funding source": a named speaker's adjective
        # "analysts say the bloc's ‘centrality’ …", "analysts have described it as a “miracle”":
        # one quoted word used as a noun, with no one in particular behind it, is a term
        return True
    if words == 1 and how == "sentence" and PROCESS_NOUN_RE.fullmatch(quote.strip()) and \
            _object_verb(head) and OBJECT_TAIL_RE.match(tail):
        # "Prabowo said Indonesia would extend “downstreaming” to bauxite": a policy's name as the
        # object of the speaker's verb is a term ("talks had been “constructive”" still quotes him)
        return True
    if words == 1 and how == "sentence" and "-" in quote and (by_group or COINAGE_RE.match(quote.strip())):
        # "the Act's authors say it is “risk-based”": a hyphenated coinage in a group's mouth is a
        # term; but "the governor has said … is “non-negotiable”" quotes him
        return True
    if words <= 3 and how == "sentence" and POSSESSIVE_SLOT_RE.search(head) and CLAUSE_VERB_RE.match(tail):
        return True  # "…, because Beijing’s “nine-dash line” has no basis": the writer's own subject, a term
    if words <= 3 and how == "sentence" and (family in ("belief", "document") or by_group) \
            and ARTICLE_RE.search(head):
        return True  # "critics believe a “debt trap” …", "when they warn of a “new Cold War”"
    return False
