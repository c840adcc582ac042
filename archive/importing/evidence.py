"""Independent evidence for a headline the head's layout rules chose: emit it only when it holds.

The layout rules in :mod:`.head` choose the most likely headline among the head's lines. On
pages from outlets they were not written on, a quarter of those choices were wrong at first
sight (blind batches d-h and the second test split, batch c): the first teaser of a listing, a
column's name, a subscription banner, a tagline, a name line, a menu glued to a headline, a
standfirst under a headline the rules skipped. Each of those errors was a line that the layout
alone made plausible. So a chosen headline is kept only when something *independent of its
shape* supports it:

- **repeated**: the page prints it twice (the page title and the H1, or a breadcrumb's last
  crumb), which a teaser, a banner or a tagline rarely is;
- **signed**: the first line under it (past captions, furniture and a standfirst) is its byline,
  an author's name or its date, with no other heading between them;
- **opens**: nothing above it but furniture, its date or byline, or a stray word or two ("More",
  "back to top"), and the article's running text starts right under it (or under its standfirst);

and always **about the text**: it shares a content word (or an acronym) with the running text
under it, anywhere in the page beginning (a column name, a banner, a price or a tagline shares none;
a short headline often shares no word with the first paragraphs, only with later ones). It must also be its line,
give or take a label or a site's name (a headline cut out of a longer line is a guess), and the
topmost line that could head the page: a longer line above it that is neither its date, its
byline, a name, a sentence (a site's notice) nor furniture may be the real headline, and then
nothing is taken. A page whose running text is a stream of
teasers (a paragraph cut with "…" or "[…]", "Read more", a short paragraph then another
headline and its paragraph) gets no headline at all: its first teaser's headline is not the
page's. Whatever fails is left empty and flagged for review with the reason, which costs an
editor a look; a wrong headline would pass as known.

Pure Python.
"""
import re

# Lines that do not count when looking for what stands next to a headline.
PASSIVE_KINDS = {"furniture", "caption", "masthead", "section", "breadcrumb", "tag", "tagline"}
SIGNING_KINDS = {"byline", "date", "person"}

_TEASER_MARK = re.compile(r"(?:\w\s?(?:…|\.\.\.)|\[(?:…|\.\.\.)\]|\bread (?:more|the rest|full text)\b.{0,3}"
                          r"|\bcontinue reading\b(?:.{0,30}|\s+[A-Z“\"‘'][^.]{0,120}[^.\s])|\bfull story\b.{0,3})\s*$", re.I)
_STOP = set("about after again also among and are because been before being between both but can could does "
            "doing down during each from further have having here into itself just more most must need needs "
            "not now only other over own same should some such than that their them then there these they "
            "this those through under until very was were what when where which while will with would your "
            "you why how who whom our its".split())
_KEY_QUOTES = str.maketrans({"′": "'", "’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-"})


def key(text):
    """A line's words, casefolded, punctuation gone: what "the same line" compares."""
    return " ".join(re.sub(r"[^\w\s]", " ", text.translate(_KEY_QUOTES).casefold()).split())


# Three-letter words that carry no topic; the others do ("gun", "tax", "war", "oil", "job").
_SHORT_STOP = set("the and for are but not you all any can had her was one our out day get has him his how man "
                  "new now old see two way who did its let put say she too use may yes yet off own via per ago "
                  "why big few got lot set top end far six ten add ask try run saw sat end mrs etc via".split())


def content_words(text):
    """Words that carry a topic (three letters or more, not function words), cut to a stem of 5."""
    return {w.casefold()[:5] for w in re.findall(r"[^\W_]+", text)
            if (len(w) >= 4 and w.casefold() not in _STOP) or (len(w) == 3 and w.isalpha() and w.casefold() not in _SHORT_STOP)
            or (len(w) >= 2 and w.isupper())}


_FINISHED_SENTENCE = re.compile(r"[a-z)”\"’][.!?][”\"’]?\s+[A-Z“\"‘]")


def teaser_stream(lines, start, is_prose, headline_shape, words, label_words=frozenset(), headline=""):
    """Whether the running text from ``start`` reads as teasers: its first paragraph cut short
    ("…", "[…]", "Read more"), a "Read more" line, two paragraphs cut to a length mid-sentence, three
    headings over one paragraph each with one of them cut with "…", or three different headlines
    each between two short paragraphs, or three headlines with one paragraph each (a headline and
    its teaser, again and again). ``label_words``: the words of short lines above the headline (a
    tag page's topic label), which do not make its cards one article's sections."""
    part = [" ".join(t.split()) for t in lines[start:start + 14]]
    last = start + 14 >= len(lines)  # the part ends where the dump ends
    part = [t for t in part if t]
    for n, t in enumerate(part):
        if not is_prose(t):
            continue
        mark = _TEASER_MARK.search(t)
        if mark and last and n == len(part) - 1 and t.endswith("..."):
            break  # the dump's own cut ends its last paragraph with "...", a teaser's cut is "…"
        following = next((u for u in part[n + 1:] if len(words(u)) > 3), "")
        if mark and (not re.search(r"\w\s?(?:…|\.\.\.)\s*$", t) or not is_prose(following)):
            return True  # "[…]", "Read more": a teaser; "…" too when no paragraph follows it
        break
    if any(re.fullmatch(r"(?:read more|read full text|continue reading)\W*", t, re.I) for t in part):
        return True
    # the same short paragraph printed twice apart, in a stream of short paragraphs (those between the
    # copies and the three after them): a teaser shown again in another card (a section's lead, then
    # its list of one-paragraph items); an article prints its standfirst again over long paragraphs
    paragraphs = [t for t in part if is_prose(t) and len(words(t)) >= 12]
    for t in paragraphs:
        at = [k for k, u in enumerate(part) if u == t]
        stream = part[at[0] + 1:at[-1]] + part[at[-1] + 1:at[-1] + 4] if len(at) >= 2 else []
        if len(words(t)) < 40 and len(stream) >= 4 and at[-1] - at[0] >= 2 \
                and all(is_prose(u) and 12 <= len(words(u)) < 40 for u in stream):
            return True
    # paragraphs cut to a length: two that finish a sentence, then stop in the middle of the next one
    # ("... No sooner had the Government obtained the authority of"), each under another item that opens
    # with a capital (a line wrapped mid-sentence, as a document's text is, goes on in lower case; the
    # dump's own last line, cut where the dump ends, has nothing under it)
    cut = [t for n, t in enumerate(part[:-1]) if is_prose(t) and len(words(t)) >= 12
           and t[-1:].isalpha() and _FINISHED_SENTENCE.search(t) and part[n + 1][:1].isupper()]
    if len(cut) >= 2:
        return True
    # a line that ends with its own "Read More >" link: the teaser's headline repeated as the link
    if any(re.search(r"\s(?:read more|continue reading)\s*[>»›→]$", t, re.I) and not is_prose(t) for t in part):
        return True
    headed = bool(start and headline_shape(" ".join(lines[start - 1].split())))
    # cards: a heading over one paragraph, three times from the headline on, one of the paragraphs cut
    # with a teaser's "…" ("A second referendum" / ... / "A not very dynamic argument" / "... I daresay…")
    full = ([" ".join(lines[start - 1].split())] if headed else []) + part
    def card_heading(t):
        return headline_shape(t) and not is_prose(t) and len(words(t)) >= 2 and not re.search(r"\d", t)
    cards = [j for j in range(len(full) - 1) if card_heading(full[j]) and is_prose(full[j + 1])
             and (j + 2 == len(full) or card_heading(full[j + 2]))]
    if headed and len(cards) >= 3 and cards[0] == 0 and any(re.search(r"\w\s?…$", full[j + 1]) for j in cards[1:]):
        return True
    # a headline between two short paragraphs, past stray lines ("16 min read", "Politics 08-11-2019")
    part = [t for t in part if len(words(t)) > 3]
    if headed:
        part.insert(0, " ".join(lines[start - 1].split()))  # the headline over the first paragraph
    def heading(t):
        # (a short question reads as prose by its sentence end, yet heads a card as any headline does)
        return headline_shape(t) and (not is_prose(t) or (t.endswith("?") and len(words(t)) <= 12)) \
            and len(words(t)) >= 4

    heads = set()
    for j in range(1, len(part) - 1):
        before, line, after = part[j - 1], part[j], part[j + 1]
        if is_prose(before) and len(words(before)) < 60 and heading(line) and is_prose(after) and len(words(after)) < 60:
            heads.add(line)
    # or headlines with one short paragraph each: headline, teaser, headline, teaser, headline (an
    # article's sections run longer)
    # (a headline printed again, as at the page's foot, is not another article's)
    alternations = sum(1 for j in range(len(part) - 2)
                       if heading(part[j]) and is_prose(part[j + 1]) and len(words(part[j + 1])) < 110
                       and heading(part[j + 2])
                       and key(part[j + 2]) not in {key(t) for t in part[:j + 2]})
    if (len(heads) >= 3 or alternations >= 3) and (headed or headline):
        # the headings under a headline that share its topic are the sections of its article
        # ("South Korea Under Martial Law? ..." over "The Likelihood of Martial Law"): a listing's
        # teasers each head another story
        # (the page's headline, even when its byline or date stands between it and the text; its
        # headings are the lines past it, save one that prints the headline again)
        own = headline or part[0]
        inner = [t for t in (part[1:] if headed else part) if heading(t) and key(own) not in key(t)]
        # (words every heading repeats are a series' name, "The Brief, powered by ...": cards, not sections)
        series = set.intersection(*(content_words(t) for t in inner)) if len(inner) >= 2 else set()
        # (and words the headline shares with a label above it are a tag page's topic, which its cards
        # share: "Lula da Silva" over "Lula and the Global South agenda ...", "Lula, Venezuela and ...")
        topic = content_words(own) - series - label_words
        if inner and sum(1 for t in inner if content_words(t) & topic) * 2 >= len(inner):
            return False
    return len(heads) >= 3 or alternations >= 3


_SAYING = set("is are was were be been will would can could should must may might need needs has have had do does "
              "did don't won't can't isn't aren't it's we you i they he she our your my their "
              "them him me".split())  # (an object pronoun stands after a verb: "Prove them wrong"; not "us", the US)


def _says_or_titles(title):
    """A headline either says something (a question; a verb or a person speaking: "Think before you
    tip", "Politics will stand in the way of reform") or is set in title case ("A Eulogy for
    Abenomics"). A site's tagline or an offer in sentence case without either ("Independent and
    cutting-edge analysis on global affairs", "Just $1.99 per week") describes, it heads nothing."""
    if re.search(r"[$€£¥]\s?\d", title):
        return False  # a price: an offer
    ws = re.findall(r"[\w'’-]+", title)
    if title.rstrip().endswith("?") or any(w.casefold().replace("’", "'") in _SAYING for w in ws):
        return True
    content = [w for w in ws if len(w) >= 4 and w.casefold() not in _STOP and w[:1].isalpha()]
    return bool(content) and sum(w[0].isupper() for w in content) * 10 >= len(content) * 6


def title_evidence(lines, kinds, title_at, title, first_prose, is_prose):
    """The evidence (a set of names, see the module's docstring) for ``title`` at ``title_at``."""
    found = set()
    k = key(title)
    if not k:
        return found
    same = [i for i, t in enumerate(lines) if key(" ".join(t.split())) == k or (len(k) >= 12 and k in key(t)
                                                                              and len(key(t)) <= len(k) * 2 + 20)]
    if len(same) >= 2:
        found.add("repeated")
    at = int(title_at)
    nwords = len(title.split())

    def standfirst(j):  # a sentence under the headline, longer than it
        text = " ".join(lines[j].split())
        return len(text.split()) >= max(10, nwords + 1) and kinds.get(j) in {"other", "headline", None}

    def short(j):  # a stray word or two: a site's name, "More", "AI"
        return kinds.get(j) in {"other", "headline", None} and len(lines[j].split()) <= 3

    above = [j for j in range(0, at) if lines[j].strip() and kinds.get(j) not in PASSIVE_KINDS]
    # a letter under it: its salutation ("To the editor,", "Dear Editor:") opens the running text or stands
    # right above it. A letter's headline is the paper's, often with no word of the letter's in it, but
    # it heads that letter as surely as a shared word would show
    salute = re.compile(r"^(?:to the editors?|dear (?:editors?|sirs?|madam|sir or madam))\b\s*[,:]?", re.I)
    opening = [j for j in range(at + 1, min(first_prose + 1, len(lines), at + 6)) if lines[j].strip()]
    if any(salute.match(" ".join(lines[j].split())) for j in opening):
        found.add("about")

    # signed: a byline, an author's name or a date within four lines under it, with nothing
    # between but furniture, its standfirst, a stray word or two, or (when nothing stands above
    # it) one deck line; never another headline under a line that reads as a notice
    decks = 0
    for j in range(at + 1, min(at + 5, len(lines))):
        kind = kinds.get(j)
        if kind in SIGNING_KINDS:
            found.add("signed")
            break
        if kind in PASSIVE_KINDS or not lines[j].strip() or standfirst(j) or short(j):
            continue
        if not above and not decks and kind in {"other", "headline"} and not title.endswith("."):
            decks += 1
            continue
        break
    # opens: nothing above it but furniture, its date or byline, or a stray word or two ("More",
    # "back to top", an author's name); and between it and the running text nothing but furniture and at most one
    # line (its standfirst or deck; any line when nothing at all stands above it)
    def stands_aside(j):  # a line above that could not be the page's headline
        text = lines[j].strip()
        if kinds.get(j) in {"date", "byline", "person"} or len(text.split()) <= 4 or k in key(text):
            return True
        if text.endswith((".", ":")):
            return True  # a sentence: a site's notice
        # a menu, a tagline or a share bar: entries apart, "|" or bullets between them
        return kinds.get(j) == "other" and bool(re.search(r"\||•|\S {2,}\S|^[-–•]", text))

    above_ok = all(stands_aside(j) for j in above)
    between = [j for j in range(at + 1, first_prose) if lines[j].strip() and kinds.get(j) not in PASSIVE_KINDS
               and not (short(j) and len(lines[j].split()) <= 2)]  # "Must read", "!!!"
    # a letters page: the paper's list of the other letters ("• Reauthorize PEPFAR") between the letter's
    # headline and its salutation ("To the Editor:") stands aside
    if any(0 <= j < len(lines) and salute.match(" ".join(lines[j].split())) for j in (first_prose - 1, first_prose)):
        between = [j for j in between if not re.match(r"^\s*[•·]\s+\S", lines[j])]
    # (a blog's date header above the headline stands aside like nothing at all: "Saturday, 30 August 2014")
    undated = [j for j in above if kinds.get(j) != "date"]
    deck = len(between) == 1 and (standfirst(between[0]) or (not undated and kinds.get(between[0]) in {"other", "headline"}))
    if above_ok and first_prose > at and (not between or deck):
        found.add("opens")
    # first: the page's very first line (past furniture and captions), of three words or more ("A Brief
    # Sermon"; two words are a section's or a column's name), in title case or saying something, with
    # the running text right under it: no line above could head the page, no deck, no label between
    under = [j for j in range(at + 1, first_prose) if lines[j].strip() and kinds.get(j) not in PASSIVE_KINDS]
    if not above and first_prose > at and len(title.split()) >= 3 and _says_or_titles(title) and (
            not under or (len(under) == 1 and standfirst(under[0]) and lines[under[0]].rstrip()[-1:] in ".?!")):
        found.add("first")
    if not above_ok:
        found.add("below-another")  # a line above it could be the headline (or a notice): no evidence holds
    line = key(" ".join(lines[at].split()))
    if len(line) > len(k) + 40:
        found.add("part-of-line")
    body = " ".join(t for t in (" ".join(u.split()) for u in lines[at + 1:])
                    if is_prose(t) or len(t.split()) >= 12)[:4000]
    if content_words(title) & content_words(body):
        found.add("about")
    return found


def title_supported(evidence):
    """Whether the evidence suffices: about the text, and printed twice, signed or opening it; or,
    without a word in common with the text (a short letter's or a column's headline often has none:
    "We need more, not fewer, unions", "Think before you tip"), the page's first line right above
    its running text (``first``; the head's reader has already ruled out names, outlets and notices)."""
    # (or, with no word in common, the page's first line, opening the text, with its writer's byline or
    # a standfirst naming its writer right under it: "Surveying the wreckage" / "NAME writes on ...")
    if {"named-top", "opens"} <= evidence and not evidence & {"part-of-line", "below-another"}:
        return True
    # (or a date line right beside it, with the text right under it or about the text: the headline
    # and its date stamp, "Monday, December 8, 2008" / "Driver pays ultimate price for fare collection")
    if "dated" in evidence and evidence & {"opens", "about"} and not evidence & {"part-of-line", "below-another"}:
        return True
    return (bool(evidence & {"about", "first"}) and not evidence & {"part-of-line", "below-another"}
            and bool(evidence & {"repeated", "signed", "opens"}))
