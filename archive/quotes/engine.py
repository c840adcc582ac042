"""The extraction pass: spans → attribution → statement or not → speaker, in text order.

Text order matters: each resolved speaker becomes a referent for the pronouns, surnames
and "the company" that follow. A text that repeats itself (a page dump carrying the
commentary twice) yields each statement once: the first occurrence is kept.
"""
import bisect
import re

from . import attribute, classify, cues, ranking
from . import spans as spans_model
from . import lexicon as lx
from .kinds import infer_kind
from .names import canonical, expand_initialism, fullest_form, role_holder, without_glued_words, without_place_note
from .names import is_title as _is_title
from .marks import find_spans
from .descriptors import SPOKES_PEOPLE, parse
from .mentions import Mention, mention_after, mention_before, tokens
from .model import NonStatement, Result, Statement
from .reported import EXCLUDED_LEMMAS as REPORTED_EXCLUDED
from .reported import candidates as reported_candidates
from .resolve import AUTHOR, COMPANY_HEADS, PUBLIC_BODY_WORDS, Referents, fold
from .sentences import Sentences

_SPACE_RE = re.compile(r"\s+")
ACRONYM_RE = re.compile(r"^[A-Z][A-Z&]{1,6}$")
# "MK Shaked", "MP Jones", "MEP Weber": a parliamentary title in capitals before a name
TITLE_ABBREVIATION_RE = re.compile(r"^(?:MK|MP|MPs|MEP|MLA|MNA|MSP|MHA|TD|PM|US|USA|UK|EU|UN|PRC|ROK|DPRK|UAE)$")
SUBORDINATE_RE = re.compile(r",\s+(?:when|after|as|because|while|before|once|since)\s+")
# "…, Campbell and Rush Doshi argued": a surname named earlier, joined to the speaker's name
JOINT_BEFORE_RE = re.compile(r"(?:^|[.,;:”\"]\s+|\n)([A-Z][\w’'-]+)\s+and\s+$")
LISTED_BODY_RE = re.compile(r"\b((?:Ministry|Department|Minister|Secretary|Commission|Committee|Office|Bureau|"
                            r"Institute)\s+(?:of|for)\s+[A-Z][\w-]+),\s+$")
BRACKETED_ACRONYM_RE = re.compile(r" \([A-Z][A-Za-z&-]{1,9}\)")
LISTED_HEAD_RE = re.compile(r"\b(?:Ministry|Department|Minister|Secretary|Commission|Committee|Office|Bureau|"
                            r"Institute)\s+(?:of|for)\s+[A-Z][\w-]+$")
LISTED_TAIL_RE = re.compile(r",\s+((?:[A-Z][\w-]+,\s+)*[A-Z][\w-]+,?\s+(?:and|&)\s+[A-Z][\w-]+(?:\s+\([A-Z]{2,8}\))?)(?=[\s,.;:’'])")
# "The commission’s case rests on …": a possessive subject and the thing it owns
OWNER_SUBJECT_RE = re.compile(r"\s*((?:[Tt]he\s+)?[A-Za-z][\w&-]*(?:\s+(?:of\s+|for\s+)?[A-Z][\w&-]*){0,5})[’']s\s+"
                              r"(?:[a-z][\w-]*\s+){0,2}?([a-z][\w-]*)\b")
LEADING_YEAR_RE = re.compile(r"^(?:19|20)\d\d(?:[’']s)?\s+(?=[A-Z])")
# "Related: “…”", "READ MORE: “…”": a page's link to another article, not a speaker
LINK_LABEL_RE = re.compile(r"\s*(?:related(?:\s+articles?|\s+stories)?|read\s+more|see\s+also|also\s+read|more|"
                           r"recommended|popular|watch|listen|trending|previous|next)\s*[:|»›>-]\s*", re.IGNORECASE)
ACCORDING_RE = re.compile(r"\b[Aa]ccording\s+to\b")
_KEY_RE = re.compile(r"[^\w]+")
# "…, X said on Thursday, as Japan pours subsidies into …": the attribution before a trailing clause
TRAILING_CLAUSE_RE = re.compile(r",\s+(?:as|while|after|before|when|amid|despite|adding|citing|noting|but|and)\b.*$",
                                re.DOTALL)
# "SINGAPORE:", "TOKYO --", "LONDON, June 2 (Reuters) -": a wire dateline is no part of the clause
DATELINE_RE = re.compile(r"[A-Z][A-Z .'-]{2,40}(?:,\s+[A-Z][a-z]+\.?\s+\d{1,2})?(?:\s+\([A-Za-z. ]{2,30}\))?\s*"
                         r"(?:[:—–]|--|-)\s+")
# "the government", "the ministry" after a company: usually another body, never guessed from nearness
DISTINCT_BODY_HEADS = {"government", "ministry", "department", "embassy", "consulate", "party", "council", "commission",
                       "administration", "court", "parliament", "army", "police", "university"}
ASKED_RE = re.compile(r"\b(?:asked|asking|pressed|questioned|(?:put|posed|directed|addressed)\s+(?:the|this|that|my|a)\s+"
                      r"(?:same\s+|similar\s+|very\s+)?(?:question|questions|query)\s+to)\s+")
BODY_BACKREF_RE = re.compile(r"\b[Tt]he\s+(?:[\w-]+\s+)?(" + "|".join(
    sorted(lx.PUBLICATION_BACKREFS | lx.ORGANISATION_BACKREFS, key=len, reverse=True)) + r")(?![\w-])")


# "the authors", "the researchers" refer back to a group named with one of these heads
_WRITERS = {"researchers", "scientists", "economists", "scholars", "academics", "analysts", "experts", "authors"}
AUTHOR_GROUPS = {"authors": _WRITERS, "researchers": {"researchers", "scientists"}, "scientists": {"scientists",
                 "researchers"}, "economists": {"economists"}, "analysts": {"analysts"}, "scholars": {"scholars"}}


COPULA_END_RE = re.compile(r"\b(?:is|was|are|were|be|been|remains|remained|seems|seemed|looked|became|"
                           r"becomes|stays|stayed)\s+(?:still\s+|now\s+|very\s+|entirely\s+|fully\s+)?$")


# a cue with at most a short object, closed by a comma or the sentence end: an aside
PARENTHETICAL_RE = re.compile(r"[a-z]+(?:\s+(?:the\s+)?[A-Za-z]+){0,2}\s*(?:,|\.(?:\s|$))")
POSSESSIVE_TO_PRONOUN = {"his": "he", "her": "she", "their": "they"}


# "al-Sisi", "bin-Salman", "d’Estaing": a lower-case particle joined to a capitalised name
PARTICLE_JOINED_RE = re.compile(rf"^{lx.JOINED_PARTICLE_ALT}[-’'][A-Z]")


def _without_titles(name):
    """The name without the titles and roles in front of it, or None when nothing else is left."""
    words = name.split()
    if len(words) == 2 and words[0].lower() in lx.PEERAGES:
        return name  # "Lord Darzi" is how a peer is named
    k = 0
    while k < len(words) - 1 and (_is_title(words[k]) or (TITLE_ABBREVIATION_RE.match(words[k])
                                                           and words[k + 1][:1].isupper())):
        k += 1
    if _is_title(words[k]) or not words[k][:1].isupper():
        return None
    # the name is the run of name words: what follows ("of the University of Reading", "in The
    # Guardian") places it, and a possessive ("Prashant Bhushan’s") is no part of it
    end = k
    while end < len(words):
        w = words[end]
        if end > k and not (w[:1].isupper() or w in lx.NAME_PARTICLES or PARTICLE_JOINED_RE.match(w)):
            break
        end += 1
        if w.endswith(("’s", "'s")):
            words[end - 1] = w[:-2]
            break
    while end - 1 > k and words[end - 1] in lx.NAME_PARTICLES:
        end -= 1
    return " ".join(words[k:end])


def _key(s):
    return _KEY_RE.sub(" ", s.casefold()).strip()


def _is_person_phrase(mention):
    """"a US official", "one senior diplomat": an unnamed person, fine as a reported speaker."""
    words = [w.lower() for w in mention.words]
    return words[0] in ("a", "an", "one") and words[-1] in lx.ROLES


def _anonymous_kind(mention):
    """"person" for one unnamed person ("a senior official"), "group" for several ("two officials")."""
    words = [w.lower() for w in mention.words]
    head = next((w for w in reversed(words) if w in lx.ROLES or w in lx.GROUP_NOUNS
                 or (w.endswith("s") and w[:-1] in lx.ROLES)), words[-1])
    plural = head in lx.GROUP_NOUNS or (head.endswith("s") and head[:-1] in lx.ROLES) or words[0] in (
        "two", "three", "four", "five", "several", "some", "many")
    return "group" if plural else "person"


def _lower_first(phrase):
    first = phrase.split()[0].lower() if phrase.split() else ""
    return phrase[:1].lower() + phrase[1:] if first in ("the", "a", "an", "this", "that", "his", "her", "their",
                                                         "its") else phrase


def _norm_name(s):
    return _SPACE_RE.sub(" ", s).strip().casefold()


class _Run:
    def __init__(self, text, author):
        self.text = text
        self.author = author
        self.sents = Sentences(text)
        self.spans = find_spans(text)
        self._opens = [s.open for s in self.spans]
        self.refs = Referents(text, author, [(s.open, s.close) for s in self.spans])
        self.result = Result()
        self.seen = set()
        self.prev = None  # (Statement, Span) of the span just before, when it was a statement
        self.hows = {}  # id(statement) → how the rules attributed it ("before", "after", "continuation" …)
        self.decisions = []  # (span, statement or None, reason) for every quoted span, in text order

    # --- speakers -------------------------------------------------------------------------
    def speaker(self, mention, exclude=()):
        """(speaker, kind, description, resolved_by_reference) for a mention, speaker None if unknown."""
        name, kind, desc, by_ref = self._speaker(mention, exclude)
        if name and kind == "person" and name.endswith((" Jr", " Sr")) and \
                self.text.startswith(".", mention.end) and mention.text.endswith(name.rsplit(" ", 1)[1]):
            name += "."  # "President Ferdinand Marcos Jr. said": the name keeps its point
        if name and kind in ("organisation", "publication") and " at " in name:
            inner = name.partition(" at ")[0]
            if len(inner.split()) >= 2 and inner.split()[-1].lower() in lx.ORG_WORDS and inner[:1].isupper():
                name = inner  # "the Development Policy Centre at the Australian National University"
        if name and by_ref and kind == "organisation" and " " in name and not name.endswith(")"):
            at = self.text.find(name + " (", 0, mention.start)
            acr = BRACKETED_ACRONYM_RE.match(self.text, at + len(name)) if at >= 0 else None
            if acr:
                # "The Association of Southeast Asian Nations (ASEAN) … The bloc said": named so
                return name + acr.group(), kind, desc, by_ref
        if name and kind == "organisation" and " " not in name:
            full = self.refs.bracket_alias(name, mention.start)
            if full is not None:
                return full, kind, desc, True  # "A Taipower spokesperson" → Taiwan Power Co (Taipower)
        return name, kind, desc, by_ref

    def _speaker(self, mention, exclude=()):
        text = self.text
        if len(mention.words) >= 2 and mention.words[-1] == "office" and (
                mention.words[-2].endswith(("’s", "'s")) or mention.words[0].lower() in ("his", "her")):
            # "Prime Minister Anthony Albanese’s office said": the office as written, as "his spokeswoman"
            phrase = _lower_first(mention.text) if mention.words[0].lower() in ("his", "her") else mention.text
            return phrase, "organisation", "", False
        if LISTED_HEAD_RE.search(mention.text):
            tail = LISTED_TAIL_RE.match(text, mention.end)
            if tail:
                # "According to the Ministry of Trade, Industry and Energy, …": the list is in the name
                name = text[mention.start:tail.end()]
                if name.startswith(("the ", "The ")):
                    name = name[4:]
                self.refs.add(mention.start, name, "organisation")
                return name, "organisation", "", False
        p = parse(text, mention)
        if p.form == "pronoun" and p.backref_kind == "spokes":
            return self.spokesperson_of(mention, p, exclude)
        if p.form == "pronoun":
            if p.pronoun == "it":
                owner = self.sentence_owner(mention.start, exclude)
                if owner is not None:
                    return owner[0], owner[1], "", True
                body = self.previous_body(mention.start, exclude) if mention.text.lower() == "it" else None
                if body is not None:
                    return body[0], body[1], "", True
            if p.pronoun in ("he", "she"):
                subject = self.sentence_subject(mention.start, exclude) or \
                    self.previous_subject(mention.start, exclude)
                if subject is not None:
                    return subject, "person", "", True
            ref = self.refs.pronoun(p.pronoun, mention.start, exclude)
            if ref is None:
                return None, None, "", True
            return ref.name, ref.kind, ref.description if ref.description != "author" else "", True
        if p.form == "backref" and p.backref_kind == "publication" and len(mention.words) == 2 and \
                mention.words[0].lower() in POSSESSIVE_TO_PRONOUN:
            # "His report found …", "her study shows": its author, whoever he or she is
            pronoun = POSSESSIVE_TO_PRONOUN[mention.words[0].lower()]
            whose = Mention(pronoun, mention.start, mention.start + len(mention.words[0]),
                            [(pronoun, mention.start, mention.start + len(mention.words[0]))])
            name, kind, _, by_ref = self.speaker(whose, exclude)
            if name is not None:
                return name, kind, mention.text, True
        if p.form == "backref":
            head = mention.words[-1].lower()
            if p.backref_kind == "person" and head in ("author", "writer", "columnist") and \
                    mention.words[0].lower() in ("the", "this"):
                return self.author or AUTHOR, "person", "", True  # "the author argues", "this writer asked"
            if p.backref_kind == "person" and head in SPOKES_PEOPLE and mention.words[0].lower() in ("the", "that"):
                # "According to the spokesperson": the body whose spokesperson spoke before
                # (whichever word the text used: "spokesperson Mao Ning … the spokeswoman said")
                ref = self.refs.described_as(SPOKES_PEOPLE, mention.start)
                if ref is not None:
                    return ref.name, ref.kind, ref.description, True
            if p.backref_kind == "person":
                modifiers = [w.lower() for w in mention.words[1:-1]
                             if w.lower() not in ("former", "then", "new", "current", "outgoing")]
                ref = self.refs.person_by_role(mention.start, head, modifiers,
                                               definite=mention.words[0].lower() in ("the", "this", "that"))
                if ref is None:
                    # "the German chancellor" is not whoever was named last: keep the office as written
                    phrase = _lower_first(mention.text)
                    self.refs.add(mention.start, phrase, "person")  # "the senator … he"
                    return phrase, "person", "", False
                return ref.name, "person", p.description, True
            if p.backref_kind == "organisation" and head in COMPANY_HEADS and mention.words[0].lower() == "the" \
                    and len(mention.words) == 2:
                # "SAIC, which owns the MG brand, received the highest duty. The company said …":
                # the business that was the sentence before's subject
                body = self.subject_body(mention.start)
                if body is not None:
                    return body, "organisation", p.description, True
            modifiers = [w.lower() for w in mention.words[1:-1]] if mention.words[0].lower() == "the" and all(
                w.islower() and w.isalpha() for w in mention.words[1:]) else []
            ref = self.refs.by_kind(p.backref_kind, mention.start, head, modifiers)
            if ref is None and p.backref_kind == "organisation" and mention.words[0].lower() == "the" and \
                    head not in DISTINCT_BODY_HEADS and all(w.islower() for w in mention.words[1:]):
                # "the Monetary Authority of Singapore (MAS) said … the central bank said": a body
                # named in the sentence before, whatever its name's words
                near = self.body_nearby(mention.start)
                if near is not None:
                    return near.name, near.kind, p.description, True
            owned = mention.words[0][:1].isupper() and mention.words[0].endswith(("’s", "'s"))
            if p.backref_kind != "person" and (len(mention.words) >= 3 or owned) and (
                    ref is None or (head not in ref.description.lower() and head not in ref.name.lower()
                                    and head != "tank")):
                # "The Chinese commerce ministry", "Somalia's government" name their body well enough
                phrase = mention.text
                if mention.words[0].lower() in ("the", "this", "that"):
                    phrase = text[mention.tokens[1][1]:mention.end]
                return phrase, p.backref_kind, "", False
            if ref is None and p.backref_kind == "publication":
                ref = self.refs.by_kind("organisation", mention.start)  # "the document said": its issuer
            if ref is None:
                return None, p.backref_kind if p.backref_kind != "person" else None, p.description, True
            return ref.name, ref.kind, p.description, True
        if p.form == "group":
            words = [w.lower() for w in mention.words]
            if len(words) == 2 and words[0] == "the" and words[1] in AUTHOR_GROUPS:
                # "A study by researchers at X found … The authors write": those researchers
                heads = AUTHOR_GROUPS[words[1]]
                ref = self.refs.group_headed(heads, mention.start)
                if ref is not None:
                    return ref.name, "group", p.description, True
            return p.name, "group", p.description, False
        if p.form == "anonymous":
            # "a 23-year-old student", "one librarian in Leeds" (an unnamed person); "China's
            # foreign ministry" (a body)
            if mention.words[-1].lower() in SPOKES_PEOPLE and not p.backref_kind:
                # "The Department of Health said …. A spokesperson said: “…”": that body's spokesperson
                body = self.body_nearby(mention.start)
                if body is not None:
                    return body.name, body.kind, mention.words[-1].lower(), True
            kind = p.backref_kind or _anonymous_kind(mention)
            lead = []
            for w in mention.words:
                if w.lower() in ("at", "in", "from", "of", "with", "for"):
                    break
                lead.append(w.lower())
            if kind == "organisation" and len(lead) < len(mention.words) and lead and lead[-1] not in SPOKES_PEOPLE and (
                    lead[-1] in lx.ROLES or (lead[-1].endswith("s") and lead[-1][:-1] in lx.ROLES)):
                # "An official at the Ministry of Finance": a person at the body, not the body
                kind = _anonymous_kind(Mention(mention.text, mention.start, mention.end, mention.tokens[:len(lead)]))
            self.refs.add(mention.start, p.name, kind, p.description if kind != "person" else "")
            return p.name, kind, p.description, False
        name, desc = p.name, p.description
        by_ref = False
        listed = LISTED_BODY_RE.search(text, max(0, mention.start - 60), mention.start)
        if listed and name == text[mention.start:mention.end].removeprefix("the ").removeprefix("The "):
            # "The Ministry of Economy, Trade and Industry (METI) calls …": the comma is in the name
            name = listed.group(1) + ", " + name
        kind = infer_kind(name, desc)
        if kind == "person" and not desc:
            kind = self.titled_body_kind(mention) or kind
        if kind == "publication" and ":" in name:
            name = name.split(":")[0].strip()  # a report's subtitle is not its name
        if kind == "publication" and LEADING_YEAR_RE.match(name):
            name = LEADING_YEAR_RE.sub("", name)  # "The 2023 Defence Strategic Review"
        if self.author and _norm_name(name) == _norm_name(self.author):
            return self.author, "person", desc, False
        parts = name.split()
        if len(parts) == 1 and kind == "organisation" and ACRONYM_RE.match(name):
            full = self.refs.expand_acronym(name, mention.start)
            if full is not None:
                self.refs.add(mention.start, full, kind, desc)  # "the IMF" → International Monetary Fund
                return full, kind, desc, True
        if len(parts) == 1 and kind in ("organisation", "publication"):
            ref = self.refs.ending_with(parts[0], mention.start, kind)
            if ref is not None:
                name, by_ref = ref.name, True
        if len(parts) == 1 and kind == "person":
            ref = self.refs.surname(parts[0], mention.start)
            placed = [w for w in desc.lower().split() if w not in ("of", "the", "at", "from", "for")]
            if ref is not None and placed and desc.lower().startswith("of "):
                # "Kim of the semiconductor association" after two Kims: the one described so
                for r in self.refs._persons_with(parts[0].lower(), mention.start):
                    if all(w in self.refs.roles_of(r, mention.start) for w in placed):
                        ref = r
                        break
            if ref is not None:
                name, by_ref = ref.name, True
            else:
                body = self.refs.org_starting(parts[0], mention.start)
                if body is not None:
                    # "Micron said" after "Micron Technology": the company, not a person
                    name, kind, by_ref = body.name, body.kind, True
        elif kind == "person":
            full = self.refs.full_name(name, mention.start)
            by_ref = full != name
            name = full
        if kind == "person":
            joint = JOINT_BEFORE_RE.search(text, max(0, mention.start - 40), mention.start)
            other = joint and self.refs.surname(joint.group(1), joint.start(1)) if joint and \
                " " not in joint.group(1) else None
            if other is not None:
                # "Campbell and Rush Doshi argued": two named authors speak together
                return f"{other.name} and {name}", "group", desc, True
        self.refs.add(mention.start, name, kind, desc)
        return name, kind, desc, by_ref

    def spokesperson_of(self, mention, p, exclude=()):
        """"His spokeswoman said": the body that person speaks for when the text names it in their
        description ("Alibaba's chief executive", "president of the European Commission"); a
        body's own spokesperson ("Its spokesman") speaks for the body; else the mention as
        written ("his spokeswoman"), an unnamed person."""
        whose = Mention(p.pronoun, mention.start, mention.start + len(mention.words[0]),
                        [(p.pronoun, mention.start, mention.start + len(mention.words[0]))])
        name, kind, _, _ = self.speaker(whose, exclude)
        if name is not None and kind != "person":
            return name, kind, p.description, True
        if name is not None:
            body = self.refs.body_of(name, mention.start)
            if body is not None:
                return body, "organisation", p.description, True
        if p.pronoun == "it":
            near = self.body_nearby(mention.start)
            if near is not None:
                return near.name, near.kind, p.description, True
        return _lower_first(mention.text.lower() if mention.words[0][:1].isupper() else mention.text), \
            "person", "", False

    def body_nearby(self, pos):
        """The organisation named in this sentence or the one before (one named with a cue
        preferred over a capitalised-words guess), or None."""
        sentence = self.sents.start_of(pos)
        since = self.sents.start_of(sentence - 1) if sentence > 0 else sentence
        near = [r for r in self.refs._before(pos, pos - since) if r.kind == "organisation"]
        near = [r for r in near if not r.weak] or near
        return near[0] if near else None

    def titled_body_kind(self, mention):
        """"The Hindu", "Le Monde": a name written with an article is a body, not a person; its
        kind comes from a back-reference soon after ("… The newspaper said", "the rights group's
        director"), else organisation ("The" names no person) or None (a foreign article may
        be a name particle: "Le Pen")."""
        words = mention.words
        first = words[0].lower()
        if first == "the":
            default = "organisation"
        elif first in lx.FOREIGN_ARTICLES and words[0][:1].isupper() and len(words) == 2:
            default = None
        else:
            return None
        m = BODY_BACKREF_RE.search(self.text, mention.end, min(len(self.text), mention.end + 500))
        if m is not None:
            return "publication" if m.group(1).lower() in lx.PUBLICATION_BACKREFS else "organisation"
        return default

    # --- quoted spans ---------------------------------------------------------------------
    def quoted(self, i):
        text, span, sents = self.text, self.spans[i], self.sents
        prev_close = self.spans[i - 1].close + 1 if i else 0
        next_open = self.spans[i + 1].open if i + 1 < len(self.spans) else len(text)
        lo = max(sents.start_of(span.open), prev_close)
        if not text[lo:span.open].strip() and lo > prev_close:
            # a quote opening a paragraph after "He said:" belongs to that sentence
            k = lo - 1
            while k > prev_close and text[k].isspace():
                k -= 1
            if text[k] == ":":
                lo = max(sents.start_of(k), prev_close)
        sentence_end = sents.end_of(span.close)
        hi = min(sentence_end, next_open)
        quote = text[span.start:span.end]
        if quote.rstrip()[-1:] in ".!?" and sentence_end <= span.close + 3 \
                and next_open >= sents.end_of(sentence_end):
            # "“…win.” Smith said." — but not "“…right.” Egypt's Sisi warned of “…”", whose
            # sentence carries a quote of its own
            hi_after = sents.end_of(sentence_end)
        else:
            hi_after = hi

        att = attribute.before(text, span, lo)
        if att is None and self.prev is None and i and lo == prev_close and lo > sents.start_of(span.open):
            # the span before, in this sentence, was no statement ("As X pointed out, “overcapacity”
            # is a false proposition: “…”"): the sentence's cue before it still counts
            start = sents.start_of(span.open)
            earlier = [(s.open, s.close) for s in self.spans[:i] if s.close >= start]
            att = attribute.before(text, span, start, skip=earlier)
        if att is None or att.how != "before":
            after = attribute.after(text, span, hi_after, crossed=hi_after != hi)
            if after is not None and after.cue and len(text[lo:span.open].split()) > 1 \
                    and classify.word_count(quote) <= 3 and not PARENTHETICAL_RE.match(text, after.cue_start):
                # "During this year's “two sessions”, Premier Li pledged": not his words; but "The
                # NHS was ‘broken’, he told the Commons, and …" hands them to him
                after = None
            if after is not None and (att is None or hi_after == hi):
                att = after
        term = classify.term_reason(text, span, min(lo, sents.start_of(span.open)))
        if att is None and self.whole_line(span) and not text[sents.start_of(span.open):span.open].strip(" \t\n"
                                                                                                    ).endswith(","):
            line_start = text.rfind("\n", 0, span.open) + 1
            if LINK_LABEL_RE.fullmatch(text[line_start:span.open]):
                return self.non_statement(span, "headline or title line")
        modifier = classify.quoted_modifier(quote, text[lo:span.open], text[span.close + 1:span.close + 40])
        if att is None:
            if not term and not modifier and self.prev is not None and self.same_sentence(span) and self.prev[0].cue:
                # "Beijing has said it will “firmly defend” … and will “never allow” …, according to
                # …": the sentence's speaker keeps the later quotes too
                return self.continuation(span, lo)
            att = attribute.later(text, span, hi) or attribute.colon(text, span, lo)
        if term in ("saying or proverb", "imagined words"):
            return self.non_statement(span, term)
        if att is not None and att.how == "colon" and classify.is_title_case(quote) and \
                quote.rstrip()[-1:] not in ".!?" and self.whole_line_after(span):
            att = None  # "RSIS Commentary: “ASEAN and the Myanmar Crisis”": a linked title, not words
        if att is not None and classify.overrules_attribution(
                att.how, att.family, term, quote, text[lo:span.open],
                by_group=self.by_group(att), tail=text[span.close + 1:span.close + 40]):
            att = None
        if att is None and term:
            return self.non_statement(span, term)
        if att is not None:
            return self.statement(span, att, lo)
        if classify.is_title_case(quote):
            return self.non_statement(span, "name or title")
        if self.prev is not None and not modifier and (self.continues(span) or self.same_sentence(span)):
            return self.continuation(span, lo)
        if self.whole_line(span):
            # a line holding nothing but a quote, with no one named: a headline, related-article
            # title or pull quote of the page, not a statement of the text
            return self.non_statement(span, "headline or title line")
        if classify.is_sentence_like(quote):
            speaker, kind, mention_text, desc = self.context_speaker(span)
            stmt = Statement(quote, span.start, span.end, self.kind_of(span, lo, None), "", speaker, kind,
                             mention_text, desc, 0.35 if speaker is None else 0.4)
            self.hows[id(stmt)] = "context"
            return self.keep(stmt, span)
        return self.non_statement(span, classify.shape_reason(quote))

    def by_group(self, att):
        """Whether the cue's subject is an anonymous group ("analysts say", "they warn" after critics)."""
        p = parse(self.text, att.mention)
        if p.form == "group":
            return att.how != "as"
        if p.form == "pronoun" and p.pronoun == "they" and att.how == "sentence":
            ref = self.refs.pronoun("they", att.mention.start)
            return ref is not None and ref.kind == "group"
        return False

    def continues(self, span):
        stmt, prev_span = self.prev
        gap = self.text[prev_span.close + 1:span.open]
        quote = self.text[span.start:span.end]
        if gap.count("\n") > 2 or len(gap) > 400:
            return False
        if self.text[self.sents.start_of(span.open):span.open].strip():
            return False  # "That is the “China plus one” model": inside the writer's own sentence
        if self.sents.count_between(prev_span.close, span.open) > 1:
            return False  # a sentence of the writer's own stands between: see context_speaker
        return classify.is_sentence_like(quote) or (quote[:1].isupper() and classify.word_count(quote) >= 3)

    def whole_line_after(self, span):
        """Whether nothing but punctuation follows the span on its line."""
        nl = self.text.find("\n", span.close)
        return not self.text[span.close + 1:nl if nl >= 0 else len(self.text)].strip(" \t.,;")

    def whole_line(self, span):
        text = self.text
        line_start = text.rfind("\n", 0, span.open) + 1
        line_end = text.find("\n", span.close)
        line_end = len(text) if line_end < 0 else line_end
        before = text[line_start:span.open]
        return (not before.strip() or LINK_LABEL_RE.fullmatch(before)) and \
            not text[span.close + 1:line_end].strip(" \t.,;:!?")

    def context_speaker(self, span):
        """A whole-sentence quote with no cue: "Xi addressed the summit. “We must …”" is most
        likely the words of the previous sentence's subject. (None, None, "", "") when unclear."""
        start = self.sents.start_of(span.open)
        if self.text[start:span.open].strip() or start == 0:
            return None, None, "", ""
        prev_start = self.sents.start_of(start - 1)
        if self.text.count("\n", prev_start, start) > 2:
            return None, None, "", ""
        mention = attribute.clause_subject(self.text, prev_start, start)
        if mention is None:
            return None, None, "", ""
        p = parse(self.text, mention)
        if p.form not in ("name", "pronoun", "backref", "group"):
            return None, None, "", ""
        speaker, kind, desc, _ = self.speaker(mention)
        if speaker is None:
            return None, None, "", ""
        return speaker, kind, mention.text, desc

    def same_sentence(self, span):
        """"X declared that Indonesia “will not join …” and would pursue “a free … policy”"."""
        stmt, prev_span = self.prev
        if stmt.kind == "reported" or self.sents.start_of(span.open) > prev_span.open:
            return False
        words = classify.word_count(self.text[span.start:span.end])
        # one word as the predicate of the speaker's clause ("… and that the stance remained
        # “appropriate”"), not one used as a noun ("the bloc's ‘centrality’")
        return words >= 2 or (words == 1 and COPULA_END_RE.search(self.text, max(0, span.open - 20), span.open)
                              is not None)

    def continuation(self, span, lo):
        stmt, prev_span = self.prev
        gap = self.text[prev_span.close + 1:span.open]
        conf = 0.7 if len(gap) <= 120 else 0.55
        between = cues.find_cues(self.text, prev_span.close + 1, span.open)
        cue = between[-1].group() if between and len(gap) <= 120 else stmt.cue  # "…,’ adding: ‘…’"
        new = Statement(self.text[span.start:span.end], span.start, span.end, self.kind_of(span, lo, None),
                        cue, stmt.speaker,
                        stmt.speaker_kind, stmt.speaker_mention, stmt.description, conf)
        self.hows[id(new)] = "continuation"
        return self.keep(new, span)

    def kind_of(self, span, lo, att):
        quote = self.text[span.start:span.end]
        head = self.text[lo:span.open].rstrip()
        if not (quote[:1].isupper() or quote[:1].isdigit()):
            return "direct" if self.completes_split(span) else "partial"
        if not head or head[-1] in ",:—–-.":
            return "direct"
        if att is not None and att.how == "after" and not re.search(r"\w\s*$", head):
            return "direct"
        if att is not None and att.how == "before" and head.endswith(att.cue):
            return "direct"
        return "partial"

    def completes_split(self, span):
        """"“My pension is enough,” she said, “but my son …”": the second half of a split sentence
        whose first half was a quoted sentence opening, with only a short attribution between."""
        if self.prev is None:
            return False
        stmt, prev_span = self.prev
        gap = self.text[prev_span.close + 1:span.open]
        first = self.text[prev_span.start:prev_span.end]
        return stmt.kind == "direct" and first.rstrip()[-1:] == "," and gap.rstrip().endswith(",") and \
            len(gap.split()) <= 6 and "\n" not in gap and not any(c in gap for c in ".;:!?")

    def previous_sentence(self, pos):
        """(start, end) of the sentence before ``pos``'s sentence, each read from outside any
        quotation it opens in; None at the start of the text or across a section break."""
        start = self.sents.start_of(self.outside_quote(self.sents.start_of(pos)))
        if start == 0:
            return None
        prev_start = self.sents.start_of(self.outside_quote(start - 1))
        if self.text.count("\n", prev_start, start) > 2:
            return None
        return prev_start, start

    def previous_subject(self, pos, exclude=()):
        """"Kamikawa raised the detention … “…,” she told reporters": he or she is most often the
        named subject of the sentence before (not whoever was named last). None when that
        subject is not a named person. A sentence that opens inside a quotation ("‘… list. That
        is all,’ she said") starts where the quotation opens."""
        bounds = self.previous_sentence(pos)
        if bounds is None:
            return None
        prev_start, start = bounds
        mention = attribute.clause_subject(self.text, prev_start, start)
        if mention is None:
            return self.subordinate_person(prev_start, start, exclude)
        if len(mention.words) == 1 and mention.words[0].lower() in ("he", "she"):
            # "When Wes Streeting took over …, he did not waste time": the opening clause's subject
            toks = tokens(self.text, prev_start, start)
            if len(toks) > 2 and toks[0][0].lower() in attribute.SUBORDINATORS:
                opening = mention_after(self.text, toks[1][1], mention.start)
                if opening is not None and parse(self.text, opening).form == "name":
                    return self.subject_name(opening, exclude)
        name = self.subject_name(mention, exclude)
        if name is None and parse(self.text, mention).form not in ("pronoun", "name", "anonymous"):
            return self.subordinate_person(prev_start, start, exclude)
        return name

    def subordinate_person(self, lo, hi, exclude=()):
        """"The break came into the open in June, when Duterte quit …. In a statement, she said": when
        no one is a sentence's subject, the person named as the subject of its when-clause, or None."""
        for m in SUBORDINATE_RE.finditer(self.text, lo, hi):
            opening = mention_after(self.text, m.end(), hi)
            if opening is not None and parse(self.text, opening).form == "name":
                name = self.subject_name(opening, exclude)
                if name is not None:
                    return name
        return None

    def subject_body(self, pos):
        """The business named as the subject of the sentence before ``pos``'s sentence, or None."""
        bounds = self.previous_sentence(pos)
        if bounds is None:
            return None
        prev_start, start = bounds
        mention = attribute.clause_subject(self.text, prev_start, start)
        if mention is None:
            return None
        p = parse(self.text, mention)
        if p.form != "name" or infer_kind(p.name, p.description) != "organisation":
            return None
        low = p.name.lower()
        if low in lx.GOVERNMENT_SEATS or set(low.split()) & PUBLIC_BODY_WORDS:
            return None
        if ACRONYM_RE.match(p.name):
            return self.refs.expand_acronym(p.name, mention.start) or p.name
        ref = self.refs.org_starting(p.name, mention.start) if " " not in p.name else None
        return ref.name if ref is not None else p.name

    def previous_body(self, pos, exclude=()):
        """"The Chinese embassy in Honiara was less restrained. In a post on its website, it said":
        "it" is the body (or publication) that was the sentence before's subject, or None."""
        bounds = self.previous_sentence(pos)
        if bounds is None:
            return None
        prev_start, start = bounds
        mention = attribute.clause_subject(self.text, prev_start, start)
        if mention is None or mention.words[0].lower() in ("it", "its", "they", "he", "she"):
            return None
        p = parse(self.text, mention)
        if p.form not in ("name", "backref", "anonymous"):
            return None
        if p.form == "name" and infer_kind(p.name, p.description) not in ("organisation", "publication"):
            return None
        if p.form != "name" and p.backref_kind not in ("organisation", "publication"):
            return None
        name, kind, _, _ = self.speaker(mention, exclude)
        if name is None or kind not in ("organisation", "publication") or name in exclude:
            return None
        for r in self.refs._before(mention.end + 1, mention.end + 1 - mention.start):
            if r.kind == kind and not r.weak and len(r.name) > len(name) and r.name.startswith(name):
                name = r.name  # "Japan Electronics and … Association (JEITA)": the full name found
        return name, kind

    def sentence_owner(self, pos, exclude=()):
        """"The commission’s case rests on what it calls …": "it" after its own sentence's
        possessive subject is the body that owns it, when the thing owned is no speaker
        itself (a case, a view, a plan). Returns (name, kind) or None."""
        start = self.sents.start_of(pos)
        head = self.text[start:pos]
        if not head.strip() or any(c in head for c in "“”\"«»;"):
            return None
        m = OWNER_SUBJECT_RE.match(head)
        if m is None or m.group(2).lower() in lx.BACKREF_KIND or m.group(2).lower() in lx.ORG_WORDS:
            return None
        mention = mention_after(self.text, start + m.start(1), start + m.end(1))
        if mention is None:
            return None
        name, kind, _, _ = self.speaker(mention, exclude)
        if name is None or kind not in ("organisation", "publication"):
            return None
        return name, kind

    def outside_quote(self, pos):
        """``pos``, or the opening mark of the quotation that holds it."""
        k = bisect.bisect_right(self._opens, pos) - 1
        if k >= 0 and self.spans[k].open < pos <= self.spans[k].close:
            return self.spans[k].open
        return pos

    def sentence_subject(self, pos, exclude=()):
        """"Minister Rajeev Chandrasekhar dismissed what he called the “…”": a pronoun after its
        own sentence's named subject (with no quotation between) is that person. None otherwise."""
        start = self.sents.start_of(pos)
        head = self.text[start:pos]
        if not head.strip() or any(c in head for c in "“”\"«»;"):
            return None
        mention = attribute.clause_subject(self.text, start, pos)
        if mention is None or mention.end >= pos:
            return None
        p = parse(self.text, mention)
        if p.form != "name":
            return None
        return self.subject_name(mention, exclude)

    def subject_name(self, mention, exclude=()):
        """The person a clause's subject names (full name, author), or None when it names no person."""
        p = parse(self.text, mention)
        if p.form == "backref" and p.backref_kind == "person" and mention.words[0].lower() in ("the", "this"):
            # "The finance minister was unapologetic. “…,” she told parliament"
            name = self.speaker(mention)[0]
            return None if name in exclude else name
        if p.form == "anonymous" and not p.backref_kind and mention.words[0].lower() in ("a", "an", "one", "the") \
                and mention.words[-1].lower() not in SPOKES_PEOPLE:
            # "A woman who shares a 70 sq ft unit told me …. “I want a window,” she said": the
            # unnamed person the sentence before was about
            name = self.speaker(mention)[0]
            return None if name in exclude else name
        if p.form != "name" or infer_kind(p.name, p.description) != "person":
            return None
        name = p.name
        if len(name.split()) == 1:
            ref = self.refs.surname(name, mention.start)
            if ref is None and mention.words[0].lower() not in lx.TITLES:
                return None
            name = ref.name if ref is not None else name  # "Ms Lin, a retired teacher, …": Lin
        else:
            name = self.refs.full_name(name, mention.start)
        if self.author and _norm_name(name) == _norm_name(self.author):
            name = self.author
        return None if name in exclude else name

    def person_asked(self, pos):
        """Who was asked, in this sentence or the two before ("I asked a senior NATO official in
        Brussels whether …", "I put the same question to an American friend"): the mention of the
        one asked, cut after its role (what follows may say where the asking was), or None."""
        start = self.sents.start_of(pos)
        for _ in range(2):
            if start > 0:
                start = self.sents.start_of(start - 1)
        found = None
        for m in ASKED_RE.finditer(self.text, start, pos):
            found = m
        if found is None:
            return None
        mention = mention_after(self.text, found.end(), pos)
        if mention is None or parse(self.text, mention).form == "pronoun":
            return None
        toks = mention.tokens
        roles = [k for k, t in enumerate(toks) if t[0].lower() in lx.ROLES]
        if roles and roles[-1] + 1 < len(toks) and toks[roles[-1] + 1][0] in ("in", "at", "from", "on"):
            toks = toks[:roles[-1] + 1]
            mention = Mention(self.text[toks[0][1]:toks[-1][2]], toks[0][1], toks[-1][2], toks)
        return mention

    def asker(self, att):
        """Who asked, when the cue answers a question ("When I asked X …, she replied"): not the speaker."""
        if cues.lemma(att.cue) not in ("reply", "answer", "respond", "retort", "counter"):
            return ()
        start = self.sents.start_of(att.cue_start)
        for m in cues.find_cues(self.text, start, att.cue_start):
            if cues.lemma(m.group()) == "ask":
                mention = mention_before(self.text, m.start(), start)
                if mention is not None and mention.start != att.mention.start:
                    name = self.speaker(mention)[0]
                    return (name,) if name else ()
        return ()

    def statement(self, span, att, lo):
        quote = self.text[span.start:span.end]
        if att.how in ("sentence", "colon") and classify.word_count(quote) <= 3 and not quote[:1].isupper():
            speaker = self.speaker(att.mention)[0] if parse(self.text, att.mention).form != "name" else "named"
            if speaker is None:
                # "The government says it wants “common prosperity”": a short phrase nobody can be
                # found to have said is a term
                return self.non_statement(span, "scare quote or term")
        asked = self.person_asked(att.cue_start) if att.answers else None
        if asked is not None:
            speaker, kind, desc, by_ref = self.speaker(asked)
            by_ref = True
        else:
            speaker, kind, desc, by_ref = self.speaker(att.mention, self.asker(att))
        if speaker is None and att.how == "colon":
            # "Her message was simple: “…” Finance Minister X repeated the line": named just after
            following = self.sents.end_of(span.close)
            mention = attribute.clause_subject(self.text, following, self.sents.end_of(following))
            if mention is not None and parse(self.text, mention).form == "name":
                speaker, kind, desc, by_ref = self.speaker(mention)
                by_ref = True
        conf = att.confidence - (0.1 if by_ref else 0.0)
        if speaker is None:
            conf = min(conf, 0.4)
        mention_text = asked.text if asked is not None else att.mention.text
        stmt = Statement(self.text[span.start:span.end], span.start, span.end, self.kind_of(span, lo, att),
                         att.cue, speaker, kind, mention_text, desc, round(conf, 2))
        self.hows[id(stmt)] = att.how + ("_reference" if by_ref else "")
        return self.keep(stmt, span)

    def keep(self, stmt, span):
        key = ("s", _key(stmt.quote))
        self.prev = (stmt, span)
        if key in self.seen:
            return
        self.seen.add(key)
        self.result.statements.append(stmt)
        self.decisions.append((span, stmt, None))

    def non_statement(self, span, reason):
        self.prev = None
        words = self.text[span.start:span.end]
        key = ("n", _key(words))
        if key in self.seen:
            return
        self.seen.add(key)
        self.result.non_statements.append(NonStatement(words, span.start, span.end, reason))
        self.decisions.append((span, None, self.result.non_statements[-1]))

    def full_form(self, surname, pos):
        """The fullest form of a one-word name: the nearest full name before ``pos``, else the first
        after it ("“…,” Shaked said. … Ayelet Shaked"); a titled form ("MK Shaked") is no fuller."""
        def fuller(name):
            name = _without_titles(name or "")
            return name if name and len(name.split()) > 1 else None

        ref = self.refs.surname(surname, pos)
        found = fuller(ref.name) if ref is not None else None
        if found:
            return found
        later = sorted((r.pos, r.name) for _, _, r in self.refs._by_token.get(fold(surname.lower()), ()) if r.pos > pos)
        low = surname.lower()
        if low not in self.refs._surname_cache:
            self.refs._surname_cache[low] = self.refs._scan_surname(surname)
        for _, name in [*later, *self.refs._surname_cache[low]]:
            found = fuller(name)
            if found:
                return found
        return surname

    def person_name(self, name, pos):
        """The canonical form of a person's name written near ``pos`` (see canonical_speaker)."""
        bare = _without_titles(name)
        if bare is None:
            return name
        if len(bare.split()) == 1:
            return self.full_form(bare, pos)
        return bare

    def canonical_speaker(self, stmt):
        """A person's name as one canonical form, whichever mention reached it: titles and roles
        in front go ("Dr Wu Shicun", "MK Shaked"), and a surname alone becomes the fullest
        form of the name the text gives, before or after ("Shaked" → "Ayelet Shaked")."""
        if not stmt.speaker or stmt.speaker_kind != "person" or stmt.speaker in (self.author, AUTHOR):
            return
        name = _without_titles(stmt.speaker)
        if name is None:
            return  # a role with no name ("Prime Minister"): left as the rules found it
        if len(name.split()) == 1:
            name = self.full_form(name, stmt.start)
        elif name != stmt.speaker:
            name = _without_titles(self.refs.full_name(name, stmt.start)) or name
        stmt.speaker = name

    # --- reported statements --------------------------------------------------------------
    def according_to(self, start, end):
        """"According to X, <clause>." and "<clause>, according to X.": a reported statement."""
        text = self.text
        m = ACCORDING_RE.search(text, start, end)
        if m is None:
            return False
        mention = mention_after(text, m.end(), end)
        if mention is None:
            return False
        head = text[start:m.start()].strip()
        if not head:
            listed = LISTED_TAIL_RE.match(text, mention.end) if LISTED_HEAD_RE.search(mention.text) else None
            after = listed.end() if listed else mention.end
            comma = text.find(",", after, end)
            if comma < 0 or comma - after > 3:
                return False
            cstart, cend = comma + 1, end
        else:
            if not head.endswith(","):
                return False
            cstart, cend = start, start + len(text[start:m.start()].rstrip().rstrip(","))
        while cstart < cend and text[cstart].isspace():
            cstart += 1
        while cend > cstart and (text[cend - 1].isspace() or text[cend - 1] in ".;:!?"):
            cend -= 1
        if len(text[cstart:cend].split()) < 3:
            return False
        speaker, kind, desc, by_ref = self.speaker(mention)
        if speaker is None:
            return False
        self.add_reported(cstart, cend, m.group(), speaker, kind, mention.text, desc, by_ref)
        return True

    def add_reported(self, cstart, cend, cue, speaker, kind, mention_text, desc, by_ref):
        key = ("r", _key(self.text[cstart:cend]))
        if key in self.seen:
            return
        self.seen.add(key)
        self.result.statements.append(Statement(
            self.text[cstart:cend], cstart, cend, "reported", cue, speaker, kind, mention_text, desc,
            0.45 if by_ref else 0.55))

    def reported(self, start, end):
        text = self.text
        if self.according_to(start, end):
            return
        for m, cstart, cend in reported_candidates(text, start, end):
            mention = mention_before(text, m.start(), start)
            if mention is None:
                continue
            p = parse(text, mention)
            if (p.form == "anonymous" and not p.backref_kind and not _is_person_phrase(mention)) or (
                    p.form == "name" and not any(c.isupper() for c in p.name)):
                continue
            speaker, kind, desc, by_ref = self.speaker(mention)
            if speaker is None:
                continue
            self.add_reported(cstart, cend, m.group(), speaker, kind, mention.text, desc, by_ref)
            return
        self.reported_inverted(start, end)

    def reported_inverted(self, start, end):
        """"TSMC will begin mass production …, Chairman C.C. Wei said on Thursday, as Japan …" and
        "…, said the ministry.": the attribution closes the sentence (or stands before a trailing
        "as/while/after" clause); what comes before its comma is the reported clause."""
        text = self.text
        for m in cues.find_cues(text, start, end):
            if cues.family(m.group()) not in ("speech", "belief") or cues.is_participle(m.group()) or \
                    cues.lemma(m.group()) in REPORTED_EXCLUDED:
                continue
            head = text[start:m.start()].rstrip()
            if head.endswith(","):
                mention = mention_after(text, m.end(), end)
                if mention is None:
                    continue
                comma, tail_start = len(head) + start - 1, mention.end
            else:
                mention = mention_before(text, m.start(), start)
                if mention is None:
                    continue
                before = text[start:mention.start].rstrip()
                if not before.endswith(","):
                    continue
                comma, tail_start = len(before) + start - 1, m.end()
            tail = text[tail_start:end].rstrip()
            clause = TRAILING_CLAUSE_RE.search(tail)
            if clause:
                tail = tail[:clause.start()] + "."
            if not attribute.END_ADJUNCT_RE.fullmatch(tail):
                continue
            cstart, cend = start, comma
            while cstart < cend and text[cstart].isspace():
                cstart += 1
            dateline = DATELINE_RE.match(text, cstart, cend)
            if dateline:
                cstart = dateline.end()
            if len(text[cstart:cend].split()) < 4 or ACCORDING_RE.search(text, cstart, cend):
                continue
            p = parse(text, mention)
            if p.form == "anonymous" and not p.backref_kind and not _is_person_phrase(mention):
                continue
            speaker, kind, desc, by_ref = self.speaker(mention)
            if speaker is None:
                continue
            self.add_reported(cstart, cend, m.group(), speaker, kind, mention.text, desc, by_ref)
            return

    def run(self, rank=True, model=None):
        """Every statement and non-statement in text order. ``model`` is (ranker weights,
        calibration, span weights, span thresholds), by default the trained file's; ``rank=False``
        keeps the rules' speakers (what the ranker is trained on)."""
        events = [(s.open, 0, i) for i, s in enumerate(self.spans)]
        opens = [s.open for s in self.spans]
        for start, end in self.sents.all():
            k = bisect.bisect_left(opens, start)
            if k < len(opens) and opens[k] < end:
                continue
            if k and self.spans[k - 1].close >= start:
                continue
            events.append((start, 1, end))
        events.sort()
        for pos, what, arg in events:
            if what == 0:
                self.quoted(arg)
            else:
                self.reported(pos, arg)
        weights, calibration, span_weights, thresholds = model if model is not None else ranking.load_model()
        if span_weights:
            self.reconsider(span_weights, thresholds)
        self.result.statements.sort(key=lambda s: s.start)
        for stmt in self.result.statements:
            self.canonical_speaker(stmt)
        if rank and weights:
            ranking.rerank(self, self.result.statements, self.hows, weights, calibration, thresholds.get("switch"))
        self.finish_names()
        return self.result

    def finish_names(self):
        """Every speaker under the name an editor files it by, whoever chose it (rules or ranker)."""
        initialisms, forms = {}, {}  # per text: a name is looked up once however many statements it has
        for stmt in self.result.statements:
            if stmt.speaker and stmt.speaker not in (self.author, AUTHOR):
                key = ("holder", stmt.speaker)
                if key not in forms:
                    forms[key] = role_holder(stmt.speaker, self.text)
                holder = forms[key]
                if holder:
                    # "the Fed Chair said" where the text writes "Fed Chair Jerome Powell": the person
                    # who holds the office is the speaker an editor files it under
                    stmt.description = stmt.description or stmt.speaker
                    stmt.speaker, stmt.speaker_kind = holder, "person"
                stmt.speaker, stmt.speaker_kind = canonical(stmt.speaker, stmt.speaker_kind)
                stmt.speaker = expand_initialism(without_place_note(stmt.speaker), self.text, initialisms)
                if stmt.speaker_kind == "person":
                    key = ("glued", stmt.speaker)
                    if key not in forms:
                        forms[key] = without_glued_words(stmt.speaker, self.text)
                    stmt.speaker = forms[key]
                    if len(stmt.speaker.split()) == 1 and stmt.speaker[:1].isupper():
                        stmt.speaker = self.full_form(stmt.speaker, stmt.start)
                key = ("fullest", stmt.speaker, stmt.speaker_kind)
                if key not in forms:
                    forms[key] = fullest_form(stmt.speaker, stmt.speaker_kind, self.text)
                    if stmt.speaker_kind == "person":
                        # a fuller form read off a heading may carry the heading's next word
                        forms[key] = without_glued_words(forms[key], self.text)
                stmt.speaker = forms[key]
                stmt.speaker = self.as_handle(stmt.speaker)

    def as_handle(self, name):
        """"Liv_Agar" → "@Liv_Agar" where the text writes the name only as a handle: an account is
        filed under its handle, which a word scan reads without its "@"."""
        if not name or " " in name or name.startswith("@") or "@" + name not in self.text:
            return name
        bare = re.search(r"(?<![@\w])" + re.escape(name) + r"(?!\w)", self.text)
        return name if bare else "@" + name

    def under_link_label(self, span):
        """Whether the span's line sits in a list of links ("Related articles", "Read more" on the
        line above, or before it on its line): page furniture, whatever a model makes of its shape."""
        line_start = self.text.rfind("\n", 0, span.open) + 1
        if LINK_LABEL_RE.fullmatch(self.text[line_start:span.open]) and self.text[line_start:span.open].strip():
            return True
        prev_end = line_start - 1
        while prev_end > 0 and not self.text[self.text.rfind("\n", 0, prev_end) + 1:prev_end].strip():
            prev_end = self.text.rfind("\n", 0, prev_end)
        prev_line = self.text[self.text.rfind("\n", 0, max(prev_end, 0)) + 1:max(prev_end, 0)]
        return bool(prev_line.strip()) and LINK_LABEL_RE.fullmatch(prev_line.strip() + ":") is not None

    def reconsider(self, span_weights, thresholds):
        """Where the learned span model disagrees confidently with the rules, it wins: a rejected
        span becomes a statement (the ranker then chooses its speaker), a statement a non-statement."""
        promote, demote = thresholds.get("promote", 1.1), thresholds.get("demote", -0.1)
        for span, stmt, non in self.decisions:
            f = spans_model.features(self, span, stmt is not None, non.reason if non else None,
                                     self.hows.get(id(stmt)) if stmt else None)
            p = spans_model.probability(f, span_weights)
            if stmt is None and p > promote and not self.under_link_label(span) and \
                    not spans_model.imagined(self, span):
                self.result.non_statements.remove(non)
                new = Statement(non.text, non.start, non.end,
                                self.kind_of(span, self.sents.start_of(span.open), None), "", None, None, "", "",
                                0.3)
                self.hows[id(new)] = "promoted"
                self.result.statements.append(new)
            elif stmt is not None and p < demote and stmt in self.result.statements:
                self.result.statements.remove(stmt)
                self.result.non_statements.append(NonStatement(stmt.quote, stmt.start, stmt.end,
                                                               "unlikely to be a statement (learned)"))
        self.result.non_statements.sort(key=lambda n: n.start)


def extract(text, author=None):
    """Quoted statements, reported statements and non-statements of one commentary's text.

    ``author`` is the commentary author's name: statements by the text's own author are
    given to it (else to "(author)").
    """
    if not isinstance(text, str):
        raise TypeError("extract() needs the commentary's text as a str")
    author = (author or "").strip() or None
    return _Run(text, author).run()


__all__ = ["extract", "AUTHOR"]
