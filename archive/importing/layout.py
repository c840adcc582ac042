"""Finding the commentary inside a page dump: blocks, headings, byline, body.

Shared by the outlet profiles. The rules are about how commentaries are laid out
in general (a title line, a byline, a date, prose paragraphs with short headings
between them), not about any one file.
"""
import re
from dataclasses import dataclass, field

from archive.naming import strip_titles

from .boilerplate import is_boilerplate
from .dates import find_date, parse_date
from .head import read_head

_TERMINAL = ".!?\"”’)…:;"
_NAME_PARTICLES = {"van", "von", "der", "den", "de", "del", "della", "da", "di", "du", "la", "le",
                   "bin", "binti", "al", "el", "ibn", "y", "dos", "das", "ter", "ten", "zu"}
_NAME_WORD = re.compile(r"^[A-Z\u00C0-\u024F][\w'’.\-]*$|^[A-Z]\.$")
BYLINE = re.compile(r"^(?:by|written by|authors?\s*:)\s+(?P<names>.+)$", re.IGNORECASE)
CATEGORIES = re.compile(r"^(?:categories|category|tags|topics|filed under|themes?)\s*:\s*(?P<items>.+)$", re.IGNORECASE)
ABOUT_AUTHOR = re.compile(r"^about the (?:authors?|writers?|contributors?)\s*:?$", re.IGNORECASE)
AUTHOR_NOTE = re.compile(r"^(?:the )?(?:authors?|writers?|columnists?) (?:is|are|was|were)\b", re.IGNORECASE)
URL_LINE = re.compile(r"^(?:(?:source|url|link|original|originally published at)\s*:\s*)?(?P<url>https?://\S+)$", re.IGNORECASE)


def split_blocks(text):
    """Candidate blocks in reading order: one per line, or one per blank-line chunk when hard-wrapped."""
    lines = [line.strip() for line in text.split("\n")]
    chunks, current = [], []
    for line in lines:
        if line:
            current.append(line)
        elif current:
            chunks.append(current)
            current = []
    if current:
        chunks.append(current)
    width = _wrap_width(lines)
    blocks = []
    for chunk in chunks:
        if width and len(chunk) > 1 and all(len(line) >= width // 2 for line in chunk[:-1]):
            blocks.append(" ".join(chunk))
        else:
            blocks.extend(chunk)
    return blocks


def _wrap_width(lines):
    """The width plain text was wrapped at (e-mail style), or 0 when lines are whole paragraphs.

    Wrapped text has no line longer than ~100 characters and many lines close to the
    width; within a chunk, only lines that reach about half the width continue a
    paragraph, so a header chunk of short lines (name, date) is never glued together.
    """
    widest = max((len(line) for line in lines), default=0)
    long_lines = [line for line in lines if len(line) >= 40]
    return widest if len(long_lines) >= 5 and widest <= 100 else 0


def word_count(text):
    return len(text.split())


def is_prose(text):
    """A paragraph of running text: sentences, or simply too long to be anything else."""
    words = word_count(text)
    return (words >= 4 and text[-1] in _TERMINAL and not looks_like_heading(text)) or words > 20


def looks_like_heading(text):
    """A short line without sentence punctuation: a title or a section heading."""
    words = text.split()
    if not words or len(words) > 15 or len(text) > 140:
        return False
    if not (text[0].isupper() or text[0].isdigit() or text[0] in "“\"‘'"):
        return False
    if text.endswith("?"):
        capitalised = [w for w in words if len(w) > 3]
        return len(words) <= 12 and sum(w[0].isupper() for w in capitalised) * 2 >= len(capitalised)
    if text[-1] in "”\"’'" and len(text) > 1:
        return text[-2] not in ".,!?;:"
    return text[-1] not in ".!,;:…"


def split_names(text):
    """Names from a byline ("A, B and C"); anything that does not look like a name is dropped."""
    text = re.sub(r"\s*\((?:[^)]*)\)", "", text)
    names = []
    for piece in re.split(r"\s*(?:,|;|&|\band\b)\s*", text):
        piece = re.sub(r"\s+(?:in|from)\s+[A-Z][\w .'-]*$", "", piece.strip(" .·"))  # "Zhang Wei in Beijing"
        piece = strip_titles(piece)
        if piece.isupper() and len(piece) > 3:  # "ZHANG WEI", as some bylines print names
            piece = " ".join(w.capitalize() for w in piece.split())
        if looks_like_name(piece):
            names.append(piece)
    return names


def looks_like_name(text):
    words = text.split()
    if not 1 <= len(words) <= 5 or any(ch.isdigit() for ch in text):
        return False
    if not any(_NAME_WORD.match(w) for w in words):
        return False
    return all(_NAME_WORD.match(w) or w.lower() in _NAME_PARTICLES for w in words)


def parse_byline(text):
    """``(authors, date)`` from a byline such as "By A and B | China Daily | Updated: 2025-02-05"."""
    match = BYLINE.match(text)
    pieces = re.split(r"\s*[|•·]\s*", match.group("names") if match else text)
    authors = split_names(pieces[0]) if match or len(pieces) > 1 else []
    date = find_date(text) if len(pieces) > 1 or not match else None
    if not match and not date:
        return [], None
    return authors, date


def split_categories(text):
    return [c.strip() for c in re.split(r"\s*[/,|;·]\s*", text) if c.strip()]


def drop_repeats(blocks):
    """Keep the commentary once when a dump repeats it.

    A run of blocks that repeats earlier text is dropped when it holds at least one
    long block; a lone short repeated line (a heading such as "Conclusion") is kept.
    """
    seen, marks = set(), []
    for kind, text in blocks:
        key = " ".join(text.split()).casefold()
        marks.append(key in seen)
        seen.add(key)
    result, i = [], 0
    while i < len(blocks):
        if not marks[i]:
            result.append(blocks[i])
            i += 1
            continue
        j = i
        while j < len(blocks) and marks[j]:
            j += 1
        run = blocks[i:j]
        if not any(word_count(text) > 12 for _, text in run):
            result.extend(run)
        i = j
    return result


def classify(texts, extra_boilerplate=None):
    """``(kind, text)`` blocks for the commentary part of a dump; furniture lines dropped."""
    blocks = []
    for text in texts:
        if is_boilerplate(text, extra_boilerplate):
            continue
        kind = "paragraph" if is_prose(text) or not looks_like_heading(text) else "heading"
        blocks.append((kind, text))
    while blocks and blocks[-1][0] == "heading":
        blocks.pop()
    return drop_repeats(blocks)


@dataclass
class Article:
    """What the layout rules found; a profile fills in what it knows better."""

    title: str = ""
    authors: list = field(default_factory=list)
    date: tuple | None = None
    url: str = ""
    blocks: list = field(default_factory=list)
    author_note: str = ""
    categories: list = field(default_factory=list)
    outlet: str = ""
    doubts: dict = field(default_factory=dict)


def take_categories(texts):
    """Remove "Categories: a / b" lines from ``texts``; return ``(rest, categories)``."""
    rest, categories = [], []
    for text in texts:
        match = CATEGORIES.match(text)
        if match:
            for item in split_categories(match.group("items")):
                if item not in categories:
                    categories.append(item)
        else:
            rest.append(text)
    return rest, categories


def take_author_note(texts, extra_boilerplate=None):
    """Remove the "About the Author" section and closing "The author is ..." lines; return ``(rest, note)``."""
    notes, rest, i = [], [], 0
    while i < len(texts):
        text = texts[i]
        if ABOUT_AUTHOR.match(text):
            i += 1
            while i < len(texts) and not is_boilerplate(texts[i], extra_boilerplate) \
                    and not CATEGORIES.match(texts[i]) and is_prose(texts[i]):
                if texts[i] not in notes:
                    notes.append(texts[i])
                i += 1
            continue
        rest.append(text)
        i += 1
    # Closing lines describing the author, after the last paragraph of the commentary.
    tail = []
    while rest and (AUTHOR_NOTE.match(rest[-1]) or is_boilerplate(rest[-1], extra_boilerplate)):
        tail.insert(0, rest.pop())
    notes.extend(t for t in tail if AUTHOR_NOTE.match(t) and t not in notes)
    rest.extend(t for t in tail if not AUTHOR_NOTE.match(t))
    return rest, "\n\n".join(notes)


def find_article(texts, *, extra_boilerplate=None, title_hint=""):
    """Locate title, byline, date, outlet and body in a dump's blocks (texts in reading order).

    The head above the first paragraph is read by :func:`.head.read_head`; what it doubts it
    leaves empty (and says why in ``doubts``), so the entry is flagged for review.
    """
    article = Article()
    raw_head = []
    for text in texts:
        if is_prose(text):
            break
        raw_head.append(" ".join(text.split()))
    texts = [t for t in texts if not is_boilerplate(t, extra_boilerplate)]
    texts, article.categories = take_categories(texts)
    texts, article.author_note = take_author_note(texts, extra_boilerplate)
    kept = []
    for text in texts:
        url = URL_LINE.match(text)
        if url:
            article.url = article.url or url.group("url").rstrip(".,;)")
        else:
            kept.append(text)
    texts = kept
    head = read_head(texts, extra_boilerplate=extra_boilerplate, raw_head=raw_head)
    article.doubts = dict(head.doubts)
    first_prose = head.end
    if first_prose >= len(texts):
        return article
    article.authors = list(head.authors)
    article.date = head.date
    article.outlet = head.outlet
    header = texts[:first_prose]
    used = {i for i in head.used if i < first_prose}
    if title_hint:
        article.title = title_hint
        article.doubts.pop("title", None)
        header_rest = [t for j, t in enumerate(header) if j not in used
                       and " ".join(t.split()) != " ".join(title_hint.split())]
        if used:
            header_rest = [t for j, t in enumerate(header) if j > max(used) and j not in used]
    else:
        article.title = head.title
        if used:
            header_rest = [t for j, t in enumerate(header) if j > max(used)]
        elif len(header) <= 2:
            header_rest = header
        else:
            header_rest = []
    last_prose = max(i for i, t in enumerate(texts) if is_prose(t))
    if not article.authors and not head.listing:
        # a bare name at the end is a signature under an article whose headline the evidence
        # supports; without one, only in a letter's full shape (the name, then its place)
        article.authors = _signature(texts, last_prose, need_place=not article.title)
    tail = [t for j, t in enumerate(texts[first_prose:last_prose + 1], first_prose) if j not in head.used]
    body = header_rest + tail
    if not article.author_note and article.authors and len(body) > 1 and _describes(body[-1], article.authors):
        article.author_note = body.pop()
    article.blocks = classify(body, extra_boilerplate)
    return article


_PAGE_FURNITURE = re.compile(r"^(?:article |reader |user )?(?:comments?|discussion|related(?: headlines| articles| stories)?|"
                             r"share(?: this)?|more from .{1,30}|recommended|advertisement|tags?:.*|"
                             r"leave a (?:reply|comment)|(?:sign up|subscribe)|.{0,60}\bin your inbox|.{0,40}\bnewsletters?|"
                             r"submit (?:your|a) letter|(?:read more )?letters? to the editor|most read|most popular|"
                             r"the latest|more stories|trending(?: now| stories)?)\b|"
                             # an empty comment section, and the paper's call for comments or letters
                             r"^(?:there are no comments|no comments yet|be the first to comment)\b|"
                             r"^(?=.{0,200}$).*\b(?:share (?:them|it|your (?:thoughts|views))|write us a letter|"
                             r"(?:by )?writing a letter to the editor|send (?:us )?a letter)\b|"
                             # the paper's call for letters under a printed one ("Have something on your mind?
                             # ... click to submit ... Letters under 200 words have the best chance ...")
                             r"^(?=.{0,400}$).*\b(?:(?:click|tap) (?:here )?to submit|submit (?:a|your) (?:letter|comment|"
                             r"column|op-ed|opinion)|letters? (?:under|of up to|of no more than|must not exceed|"
                             r"should not exceed) \d+ words)\b",
                             re.I)  # comments, related stories, newsletter sign-ups


_CLOSING_CREDIT = re.compile(r"^(?:\W{0,3})(?:this|the) (?:article|piece|column|op-ed|commentary|essay|post|story|"
                             r"blog post|analysis) (?:was )?(?:written|contributed|authored|prepared) by\s+(?P<names>[A-Z].{3,160})$",
                             re.I)
_VALEDICTION = re.compile(r"^(?:(?:yours\s+)?(?:sincerely|truly|faithfully|respectfully|cordially)(?:\s+yours)?|"
                         r"(?:with\s+)?(?:best|kind|warm)?\s*regards|respectfully submitted|thank you)\s*[,.!]?$", re.I)


def _signature(texts, last_prose, need_place=False):
    """A letter signed under its last paragraph: the writer's name on its own line, then at most
    a place ("Matthew LaPierre" / "Mundelein"), then the end of the text, or the page's furniture
    under a short heading ("Article Comments"), never more of the letter."""
    from .head import BYLINE, ORG_WORDS, ROLE_WORDS, clean_name, given_name_first, looks_like_person, split_byline  # imports this module

    lines = [" ".join(t.split()) for t in texts if t.strip()]
    # "NAME," on its own line right under the last paragraph: the signer's comma announces the place,
    # which may come below a photo's caption; lines further down are not the signature
    for k in range(max(1, len(lines) - 8), len(lines)):
        if lines[k].endswith(",") and is_prose(lines[k - 1]) and word_count(lines[k - 1]) >= 8 \
                and looks_like_person(lines[k].rstrip(",")) and not ROLE_WORDS.search(lines[k]):
            places = [t for t in lines[k + 1:k + 3] if word_count(t) <= 3 and t[:1].isupper() and not re.search(r"[\d/()|]", t)]
            if places or not need_place:
                return [clean_name(lines[k].rstrip(","))]
    # a closing credit that says who wrote the piece: "This article was written by NAME, a ..."
    for text in lines[-3:]:
        credit = _CLOSING_CREDIT.match(text)
        if credit:
            names = re.split(r",\s+(?:a|an|the|who)\s|\s+(?:for|of|at)\s+(?:the\s+)?(?=[A-Z])", credit.group("names"))[0]
            persons = split_byline(names.rstrip(". "))
            if persons:
                return persons
    for k in range(len(lines) - 2, -1, -1):
        if not is_prose(lines[k]) or word_count(lines[k]) < 8 and not (
                k > 0 and is_prose(lines[k - 1]) and word_count(lines[k - 1]) >= 8 and lines[k][-1:] in ".!?"):
            continue  # a short closing sentence ("Please don't entertain this idea!") under a paragraph counts
        # a letter's closing formula between the last paragraph and the name ("Sincerely yours,")
        if k + 2 < len(lines) and _VALEDICTION.match(lines[k + 1]):
            lines = lines[:k + 1] + lines[k + 2:]
        # a credit under the last paragraph in a byline's own shape: "By NAME, ROLE", "• NAME, ROLE of ORG"
        credit = lines[k + 1].lstrip("•·-–—* ").strip()
        by = BYLINE.match(credit) if word_count(credit) <= 30 else None
        if by and split_byline(by.group("names")):
            return split_byline(by.group("names"))
        named, _, role = credit.partition(",")
        # (a bulleted credit may end with a full stop: "• Olena Pavlenko, President of DiXi Group, energy expert.")
        bulleted = bool(re.match(r"^\s*[•·*]\s", lines[k + 1]))
        if bulleted and re.match(r"^\s*[•·*]\s", lines[k]):
            break  # the last of a bulleted list of persons (a panel's guests), not the piece's credit
        if role and ROLE_WORDS.search(role) and looks_like_person(named) and word_count(credit) <= 30 \
                and (not is_prose(credit) or (bulleted and word_count(credit) <= 15)):
            # a letter signed by several people, one "NAME, ROLE" line each, to the page's end
            signers = [clean_name(named)]
            for more in lines[k + 2:]:
                other, _, other_role = more.lstrip("•·-–—* ").partition(",")
                if not (other_role and looks_like_person(other.strip()) and word_count(more) <= 30
                        and (ROLE_WORDS.search(other_role) or ORG_WORDS.search(other_role))):
                    break
                signers.append(clean_name(other))
            return signers
        signed = re.sub(r"^[—–]\s*", "", lines[k + 1]).rstrip(",")  # ("— NAME": a signature's dash)
        rest = lines[k + 2:]
        # the name and its place on one line: "Vernon Sanders, Payson"
        # (and its date: "Jack Lilly, Dummerston, Sept. 22")
        on_line = re.fullmatch(r"(?P<name>[^,]{3,60}?)\s*,\s*(?P<place>[A-Z][^\d/()|,]{1,40})"
                               r"(?:\s*,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?)?", signed)
        if on_line and word_count(on_line.group("place")) <= 3 and not ROLE_WORDS.search(on_line.group("place")):
            signed, rest = on_line.group("name"), [on_line.group("place")] + rest
        # the writer's street address after the name: "NAME 12 W. Main Street"
        street = re.fullmatch(r"(?P<name>[^\d,]{3,60}?)\s*,?\s+(?P<place>\d{1,6}\s+(?:[NSEW]\.?\s+)?[A-Z][\w.'’-]*"
                              r"(?:\s+[A-Z][\w.'’-]*){0,3}\s+" + _STREET + r")\.?", signed)
        if street:
            signed, rest = street.group("name"), [street.group("place")] + rest
        name = clean_name(signed)
        place = rest[0] if rest and (street or word_count(rest[0]) <= 3 and not re.search(r"[\d/()|]", rest[0])
                                     and rest[0][:1].isupper() and not _PAGE_FURNITURE.match(rest[0])) else ""
        # ... or the signer's organisation, on the page's last line: "Partnership for Responsible Growth"
        if rest and not place and len(rest) == 1 and _affiliation(rest[0]):
            place = rest[0]
        # ... or, under a kept headline, the signer's rank or role on the page's last line, no sentence:
        # "Sr. Master Sgt., U.S. Air Force (Ret.)"
        if rest and not place and len(rest) == 1 and not need_place and word_count(rest[0]) <= 10 \
                and rest[0][:1].isupper() and not is_prose(rest[0]) and not _PAGE_FURNITURE.match(rest[0]) \
                and sum(w[:1].isupper() for w in rest[0].split()) * 3 >= word_count(rest[0]) * 2:
            place = rest[0]
        after = rest[1:] if place else rest
        # (the signer's role, then the organisation, on the page's last lines: "Arts Programme
        # Administrator" / "City of Springfield")
        if place and len(after) == 1 and _affiliation(after[0]) and _affiliation(place):
            after = []
        ended = not after or bool(_PAGE_FURNITURE.match(after[0]))
        if not looks_like_person(name) and _couple(name) and ended and (
                place or not need_place or _signed_letter(re.sub(r"\s+(?:and|&)\s+", " ", name), lines[:k + 1])):
            return [name]  # a couple signs as one: "Ann and Bo Lee"
        # (without a kept headline or a place, a name that opens with a learned given name signs too:
        # see .given_names; "Laura Whitman" under the last paragraph, "Recent Posts" never)
        if looks_like_person(name) and ended and not ROLE_WORDS.search(name) and (
                place or not need_place or _signed_letter(name, lines[:k + 1]) or given_name_first(name)):
            # ("Guidance Counselor" is no name)
            return [name]
        if k < len(lines) - 8:
            break  # only near the end of the page
    return []


_STREET = r"(?:Road|Rd|Street|St|Avenue|Ave|Drive|Dr|Lane|Ln|Boulevard|Blvd|Court|Ct|Way|Place|Pl|Terrace|Circle|Cir|Parkway|Pkwy|Highway|Hwy)"


def _couple(name):
    """Two given names and one family name, as a couple signs a letter: "Ann and Bo Lee"."""
    from .head import looks_like_person  # imports this module
    match = re.fullmatch(r"(?P<first>[A-Z][a-z'’-]+)\s+(?:and|&)\s+(?P<rest>[A-Z][a-z'’-]+\s+[A-Z][\w'’-]+)", name)
    return bool(match) and looks_like_person(match.group("first") + " " + match.group("rest").split()[-1]) \
        and looks_like_person(match.group("rest"))


def _affiliation(text):
    """A short line in title case without sentence punctuation or figures: an organisation's name."""
    ws = text.split()
    content = [w for w in ws if w.casefold() not in {"of", "for", "the", "and", "on", "in", "at", "&"}]
    return 2 <= len(ws) <= 6 and not re.search(r"[\d/()|.!?:,;]", text) and bool(content) \
        and all(w[:1].isupper() for w in content) and not _PAGE_FURNITURE.match(text)


def _signed_letter(name, above):
    """A bare name closing a letter (written in the first person, to someone), with no headline kept
    and no place under it: taken only when none of its words is a word the text uses in lower case
    (a label such as "Every Thursday" or "Article Source" is made of common words; a name is not)."""
    text = " ".join(above)
    common = {w[:5] for w in re.findall(r"(?<![\w'’-])[a-z][a-z'’-]+", text)}  # "remark" for "Remarks"
    first_person = len(re.findall(r"\b(?:I|my|me|we|our|us)\b", text)) >= 3
    # a letter speaks to someone (its readers, the council, the editor); a blog's sign-off need not
    addressed = re.search(r"\b(?:you|your)\b|\bdear\b|\bto the editor\b", text, re.I)
    # ... or says it is one: a salutation opens it ("Dear Mr. Rancher:", "To the Editor:"), or a
    # line names it ("The following is a Letter to the Editor"); then the first person may be sparse
    declared = re.search(r"^(?:dear\s+[^\n]{2,60}[,:]|to the editor:?)\s*$|\bletters? to the editor\b",
                         "\n".join(above), re.I | re.M)
    if declared and addressed:
        first_person = True
    weekday = re.search(r"(?:mon|tues|wednes|thurs|fri|satur|sun)day\b", name, re.I)  # "Every Thursday"
    return first_person and addressed and not weekday and len(name.split()) >= 2 and not any(w.casefold()[:5] in common for w in name.split())


def _describes(text, authors):
    """A closing line such as "Jane Doe is a senior fellow at ..." that describes a named author."""
    return word_count(text) <= 80 and any(
        re.match(re.escape(name) + r",? (is|was|are|teaches|writes|works|serves|heads|directs)\b", text)
        for name in authors
    )
