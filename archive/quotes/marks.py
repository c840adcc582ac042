"""Finding quoted spans: which quotation marks open, which close, which are apostrophes.

Commentaries mix curly and straight double quotes, and some outlets (British and
Asian newspapers) use single marks as the main style. The same character ’ is a
closing single quote and an apostrophe (DeepSeek’s, it’s, the 1990s’), so each
mark gets a role from its neighbours before marks are paired:

- a mark between two letters or digits is an apostrophe (it’s, DeepSeek's);
- ’ or ' after a word and before a space is a closing mark, but a *weak* one
  after an "s" (the users’ data), used only when no better closing mark exists;
- ‘ or ' before a word is an opening mark unless it elides a year or word (’90s, 'em).

Double quotes are paired first; single quotes inside a double-quoted span are
nested quotes and belong to it (and the other way round for single-quote outlets).
A quote left open at a paragraph end continues when the next paragraph opens
with a mark (the multi-paragraph convention); a quote may cross a line break.
"""
import re
from dataclasses import dataclass

MARK_RE = re.compile(r"[\"“”„«»‘’'‹›]")
DOUBLE_OPEN = "“„«"
DOUBLE_CLOSE = "”»"
SINGLE_OPEN = "‘‹"
SINGLE_CLOSE = "›"
OPEN_CONTEXT = set(" \t\n\r([{—–-/\u00a0“‘\"'")
CLOSE_CONTEXT = set(" \t\n\r,.;:!?)]}—–-…/\u00a0”’\"'")
ELISION_RE = re.compile(r"(?:\d\d?s?\b|em\b|tis\b|twas\b|til\b|cause\b|n\b)", re.IGNORECASE)

FOLLOWING_WORD_RE = re.compile(r"\w+")
# After these words a mark following "s" closes a quote ("ours’ and left"), not a possessive.
FUNCTION_WORDS = set("""and or but nor to in is was are were that which as for of on with by at he she they it
we i said says say told added noted wrote argued according than so if when while because""".split())

# A quoted span longer than this, or crossing more line breaks, is a pairing error.
MAX_SPAN = 6000
MAX_LINE_BREAKS = 2


@dataclass
class Span:
    """One top-level quoted span: marks at ``open`` and ``close``, words in [start, end)."""

    open: int
    close: int
    start: int
    end: int
    style: str  # "double" or "single"
    paragraphs: int = 1


def _role(text, i, ch):
    """'open', 'close', 'weak_close', 'either' or None (an apostrophe)."""
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    if ch in DOUBLE_OPEN:
        return "open"
    if ch in DOUBLE_CLOSE:
        return "close"
    if ch == '"':
        if prev in OPEN_CONTEXT and nxt not in " \t\n\r":
            return "open"
        if nxt in CLOSE_CONTEXT or i + 1 == len(text):
            return "close"
        return "either"
    if ch in SINGLE_CLOSE:
        return "close"
    # single marks: ‘ ’ '
    if prev.isalnum() and nxt.isalnum():
        return None  # it’s, DeepSeek’s, don't
    if ch in SINGLE_OPEN or ch == "'" or ch == "’":
        if (prev in OPEN_CONTEXT or i == 0) and (nxt.isalnum() or nxt in "“\"…("):
            if ELISION_RE.match(text, i + 1):
                return None  # ’90s, 'em, rock 'n' roll
            if ch == "’":
                return None  # a right mark before a word is an apostrophe, not an opening
            return "open"
        if ch == "‘":
            return None
    if prev not in " \t\n\r" and (nxt in CLOSE_CONTEXT or i + 1 == len(text)):
        if prev in "sS" and nxt == " " and i + 2 < len(text) and (text[i + 2].isalnum()):
            following = FOLLOWING_WORD_RE.match(text, i + 2)
            if not (following and following.group().lower() in FUNCTION_WORDS):
                return "weak_close"  # the users’ data: possessive, unless nothing better closes
        return "close"
    return None


def _marks(text):
    doubles, singles = [], []
    for m in MARK_RE.finditer(text):
        i, ch = m.start(), m.group()
        role = _role(text, i, ch)
        if role is None:
            continue
        (doubles if ch in "\"“”„«»" else singles).append((i, role))
    return doubles, singles


def _line_start(text, i):
    j = text.rfind("\n", 0, i)
    return not text[j + 1:i].strip()


def _pair(text, marks, style, blocked=None):
    """Pair opening and closing marks into spans (a small state machine, one pass)."""
    spans = []
    open_at = None
    first_open = None
    paragraphs = 1
    n = len(marks)
    k = 0
    open_role = None
    while k < n:
        i, role = marks[k]
        if blocked is not None and _inside(blocked, i):
            k += 1
            continue
        if open_at is None:
            if role in ("open", "either"):
                open_at, first_open, paragraphs, open_role = i, i, 1, role
            k += 1
            continue
        breaks = text.count("\n", open_at, i)
        if role == "open":
            if breaks and _line_start(text, i):
                # multi-paragraph quote: the closing mark is omitted at the paragraph end. Each
                # paragraph's part is a span of its own, so a mark missed here costs one paragraph
                _paragraph_part(text, spans, first_open, style)
                open_at = first_open = i
            else:
                if breaks:
                    _unclosed(text, spans, first_open, open_at, open_role, style, paragraphs)
                open_at, first_open, paragraphs, open_role = i, i, 1, role
            k += 1
            continue
        # a closing candidate
        if role == "weak_close" and _better_close_follows(text, marks, k):
            k += 1
            continue
        if breaks > MAX_LINE_BREAKS or i - first_open > MAX_SPAN:
            _unclosed(text, spans, first_open, open_at, open_role, style, paragraphs)
            open_at = None
            continue  # re-read this mark as a possible opening
        start, end = first_open + 1, i
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start and any(c.isalnum() for c in text[start:end]):
            spans.append(Span(first_open, i, start, end, style, paragraphs))
        open_at = None
        k += 1
    if open_at is not None:
        _unclosed(text, spans, first_open, open_at, open_role, style, paragraphs)
    return spans


# a quotation mark, not an apostrophe inside a word (can't, DeepSeek’s)
REAL_MARK_RE = re.compile(r"[\"“”„«»‘‹›]|(?<!\w)[’']|[’'](?!\w)")


def _unclosed(text, spans, first_open, open_at, role, style, paragraphs):
    """A quote whose closing mark never comes ("X said: “We must stay united." at a paragraph's
    end, or the last paragraph of a multi-paragraph quote): its words run to the end of the
    paragraph where the last opening stands, when nothing else is marked there and they end
    a sentence. Spans are appended in text order (this runs before any later mark is paired)."""
    if role != "open":
        return
    line_end = text.find("\n", open_at, open_at + MAX_SPAN)
    if line_end < 0:
        if len(text) - open_at > MAX_SPAN:
            return
        line_end = len(text)
    rest = text[open_at + 1:line_end]
    cut = line_end == len(text) and not text.endswith("\n")  # the excerpt ends inside the quote
    if REAL_MARK_RE.search(rest) or (rest.rstrip()[-1:] not in ".!?…" and not cut) or len(rest.split()) < 3:
        return
    start, end = first_open + 1, line_end
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if spans and spans[-1].close >= first_open:
        return
    spans.append(Span(first_open, line_end, start, end, style, paragraphs))


def _paragraph_part(text, spans, first_open, style):
    """The words from an opening mark to the end of its paragraph (no closing mark there)."""
    line_end = text.find("\n", first_open)
    start, end = first_open + 1, line_end
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start and any(c.isalnum() for c in text[start:end]):
        spans.append(Span(first_open, line_end, start, end, style))


def _better_close_follows(text, marks, k):
    """A weak closing mark yields to a strong one before the next opening mark or paragraph end."""
    i = marks[k][0]
    line_end = text.find("\n", i)
    line_end = len(text) if line_end < 0 else line_end
    for j, role in marks[k + 1:]:
        if j > line_end or role == "open":
            return False
        if role == "close":
            return True
    return False


def _inside(spans, i):
    lo, hi = 0, len(spans)
    while lo < hi:
        mid = (lo + hi) // 2
        if spans[mid].close < i:
            lo = mid + 1
        else:
            hi = mid
    return lo < len(spans) and spans[lo].open < i < spans[lo].close


def find_spans(text):
    """All top-level quoted spans in text order (nested quotes belong to their outer span)."""
    doubles, singles = _marks(text)
    double_spans = _pair(text, doubles, "double")
    single_spans = _pair(text, singles, "single", blocked=double_spans)
    spans = sorted(double_spans + single_spans, key=lambda s: (s.open, -s.close))
    top = []
    for span in spans:
        if top and span.open < top[-1].close:
            continue  # nested inside (or crossing) the previous top-level span
        top.append(span)
    return top
