"""The search query language, parsed into a small tree every backend compiles.

Pure Python (no Django): the same parser serves SQLite FTS5 and PostgreSQL, so the
two engines understand a query the same way, and it is tested fast and directly.

The language is the one people know from web search engines (PostgreSQL's
``websearch_to_tsquery`` is the model):

- ``china trade``        both words must match (AND)
- ``"belt and road"``    the exact phrase
- ``-tariff``            entries with this word are left out (also ``-"a phrase"``)
- ``trade OR tariff``    either word (``OR`` in capitals, binds tighter than AND)
- ``econom*``            any word starting with ``econom`` (3 letters at least)

A query reads at most ``MAX_TERMS`` words and ``MAX_QUERY_CHARS`` characters; what it
leaves out is listed in ``Query.ignored`` and explained in ``Query.notes``.

Anything else (stray quotes, brackets, operators, ``NEAR``, ``AND(``, SQL, emoji,
scripts without spaces, control characters) is read as plain words. The parser never
raises: it only ever yields tokens made of letters and digits, so a backend can quote
every token without escaping tricks and nothing user-typed reaches an engine's own
query parser.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

# Letters and digits of any script; everything else separates words. This is how the
# FTS5 unicode61 tokenizer splits text, and close to PostgreSQL's default parser.
_WORD = re.compile(r"[^\W_]+")

#: Longest query we read, cut at a space so no word is cut in two (a cut word would
#: have to match as a fragment); the rest is ignored and reported.
MAX_QUERY_CHARS = 1000
#: Most words a query may hold, all kinds counted: plain words, word beginnings, every
#: word of a phrase, in OR groups and exclusions alike. Every word costs each engine a
#: posting-list walk and a pass of the highlighter over each result, so this is what
#: bounds the work a typed query can ask for (130 OR'd prefixes took 6 s on PostgreSQL).
MAX_TERMS = 16
#: Shortest word beginning searched as a prefix: "a*" would expand to every word
#: starting with a. Shorter ones are searched as whole words, and the query says so.
MIN_PREFIX_CHARS = 3
#: Longest token kept (PostgreSQL refuses to index words over 2,047 bytes).
MAX_TOKEN_CHARS = 60
#: Most words kept in one phrase.
MAX_PHRASE_WORDS = 12
#: How many ignored words ``understood_as`` lists before "and N more".
SHOWN_IGNORED = 10

# PostgreSQL's "english" stop words (snowball list). PostgreSQL drops them from every
# query, even from prefixes ("the*") and phrases ("of the"); FTS5 would search them.
# So the parser drops them first, on both engines: plain stop words, stop-word
# prefixes, and stop words at either end of a phrase (a phrase of nothing else is
# dropped whole). Inside a phrase they stay ("state of the art").
STOP_WORDS = frozenset("""
i me my myself we our ours ourselves you your yours yourself yourselves he him his
himself she her hers herself it its itself they them their theirs themselves what which
who whom this that these those am is are was were be been being have has had having do
does did doing a an the and but if or because as until while of at by for with about
against between into through during before after above below to from up down in out on
off over under again further then once here there when where why how all any both each
few more most other some such no nor not only own same so than too very s t can will
just don should now
""".split())


@dataclass(frozen=True)
class Term:
    """One word, or the start of words when ``prefix`` is set (``econom*``)."""

    word: str
    prefix: bool = False

    def describe(self):
        return self.word + ("*" if self.prefix else "")


@dataclass(frozen=True)
class Phrase:
    """Words that must appear next to each other, in this order."""

    words: tuple[str, ...]

    def describe(self):
        return '"' + " ".join(self.words) + '"'


Node = Term | Phrase


@dataclass(frozen=True)
class Query:
    """A parsed query: every group must match (a group matches when any of its nodes
    does), and no excluded node may match.

    ``ignored`` lists what was dropped (stop words, words over ``MAX_TERMS``, the
    text after ``MAX_QUERY_CHARS``) and ``notes`` says why, in sentences a visitor
    reads, so the results page and the API can say how the query was understood.
    """

    raw: str
    groups: tuple[tuple[Node, ...], ...] = ()
    excluded: tuple[Node, ...] = ()
    ignored: tuple[str, ...] = field(default=())
    notes: tuple[str, ...] = field(default=())
    #: The part of ``ignored`` left out for being stop words ("the", "of the", "a*").
    common: tuple[str, ...] = field(default=())

    @property
    def is_empty(self):
        """Nothing to search for: the caller browses instead."""
        return not self.groups and not self.excluded

    @property
    def is_browse(self):
        """The user typed nothing at all (as opposed to only stop words)."""
        return self.is_empty and not self.raw.strip()

    @property
    def has_prefix(self):
        """Whether any node is a word beginning (engines expand those at some cost)."""
        return any(isinstance(n, Term) and n.prefix for n in [*self.excluded, *(n for g in self.groups for n in g)])

    @property
    def words(self):
        """Every positive word, for highlighting."""
        out = []
        for group in self.groups:
            for node in group:
                out.extend(node.words if isinstance(node, Phrase) else [node.word])
        return out

    @property
    def understood_as(self):
        """How the query was read, in words a visitor understands."""
        if self.is_browse:
            return "all entries"
        if self.is_empty and not self.ignored:
            return "nothing (no letters or digits)"
        parts = []
        for group in self.groups:
            text = " OR ".join(node.describe() for node in group)
            parts.append(f"({text})" if len(group) > 1 else text)
        text = " AND ".join(parts) if parts else ""
        if self.excluded:
            excluded = ", ".join(node.describe() for node in self.excluded)
            text = f"{text}, without {excluded}" if text else f"everything without {excluded}"
        if self.ignored:
            shown = list(self.ignored[:SHOWN_IGNORED])
            if len(self.ignored) > SHOWN_IGNORED:
                shown.append(f"and {len(self.ignored) - SHOWN_IGNORED:,} more")
            note = "ignored: " + ", ".join(shown)
            text = f"{text} ({note})" if text else f"nothing ({note})"
        return text

    def __str__(self):
        return self.understood_as


def _tokens(text):
    """Lower-cased letter-and-digit runs of ``text``, each cut to a sane length."""
    return [t.lower()[:MAX_TOKEN_CHARS] for t in _WORD.findall(text)]


def _lex(text):
    """Split raw input into (kind, value, negated) items.

    kind is "phrase" (value: its text), "word" (value: the chunk as typed) or "or".
    Unbalanced quotes are ignored: the words after a lone quote are plain words.
    """
    items = []
    pos, n = 0, len(text)
    while pos < n:
        ch = text[pos]
        if ch.isspace():
            pos += 1
            continue
        negated = False
        if ch == "-" and pos + 1 < n and not text[pos + 1].isspace():
            negated, pos = True, pos + 1
            ch = text[pos]
        if ch == '"':
            close = text.find('"', pos + 1)
            if close != -1:
                items.append(("phrase", text[pos + 1:close], negated))
                pos = close + 1
                continue
            pos += 1  # a lone quote: read what follows as plain words
            continue
        end = pos
        while end < n and not text[end].isspace() and text[end] != '"':
            end += 1
        chunk = text[pos:end]
        pos = end
        if chunk == "OR" and not negated:
            items.append(("or", chunk, False))
        else:
            items.append(("word", chunk, negated))
    return items


def _trim_stop_words(words):
    """``words`` without the stop words at either end (PostgreSQL drops those too)."""
    start, end = 0, len(words)
    while start < end and words[start] in STOP_WORDS:
        start += 1
    while end > start and words[end - 1] in STOP_WORDS:
        end -= 1
    return words[start:end]


def _node(kind, value, ignored, notes, short):
    """The tree node for one lexed item, or None when it holds no searchable word.

    Dropped stop words go to ``ignored``; prefixes too short to search as prefixes
    go to ``short`` (searched as whole words).
    """
    words = _tokens(value)
    if not words:
        return None
    if kind == "phrase" or len(words) > 1:  # "don't", "e-mail", "U.S.": phrases to both engines
        if len(words) > MAX_PHRASE_WORDS:
            notes.append(f"A phrase is searched by its first {MAX_PHRASE_WORDS} words.")
            words = words[:MAX_PHRASE_WORDS]
        kept = _trim_stop_words(words)
        if not kept:
            typed = " ".join(value.split())[:MAX_TOKEN_CHARS]
            ignored.append(f'"{typed}"' if kind == "phrase" else typed)
            return None
        return Phrase(tuple(kept)) if len(kept) > 1 else Term(kept[0])
    word, starred = words[0], value.rstrip().endswith("*")
    if word in STOP_WORDS:
        ignored.append(word + ("*" if starred else ""))
        return None
    if starred and len(word) < MIN_PREFIX_CHARS:
        short.append(word)
        return Term(word)
    return Term(word, prefix=starred)


def _cut(text):
    """(the first ``MAX_QUERY_CHARS`` characters, cut at a space when there is one, the rest)."""
    if len(text) <= MAX_QUERY_CHARS:
        return text, ""
    head = text[:MAX_QUERY_CHARS]
    if not text[MAX_QUERY_CHARS].isspace():
        space = max((i for i, ch in enumerate(head) if ch.isspace()), default=-1)
        if space > 0:
            head = head[:space]
    return head, text[len(head):]


def _size(node):
    return len(node.words) if isinstance(node, Phrase) else 1


def parse_query(text) -> Query:
    """Parse what a visitor typed. Never raises; returns an empty query for junk."""
    if text is None:
        text = ""
    text, tail = _cut(str(text).replace("\x00", " "))
    groups: list[list[Node]] = []
    excluded: list[Node] = []
    ignored: list[str] = []
    notes: list[str] = []
    short: list[str] = []
    over_limit = []
    used = 0  # words counted towards MAX_TERMS
    join_next = False  # the previous item was OR
    for kind, value, negated in _lex(text):
        if kind == "or":
            join_next = bool(groups)
            continue
        node = _node(kind, value, ignored, notes, short)
        if node is None:
            join_next = False
            continue
        joins = join_next and not negated and bool(groups)
        join_next = False
        seen = node in excluded if negated else (node in groups[-1] if joins else [node] in groups)
        if seen:
            continue
        if used + _size(node) > MAX_TERMS:
            over_limit.append(node.describe())
            continue
        used += _size(node)
        if negated:
            excluded.append(node)
        elif joins:
            groups[-1].append(node)
        else:
            groups.append([node])
    common = list(ignored)  # so far only stop words have been ignored
    searched = {node for group in groups for node in group} | set(excluded)
    short = [word for word in dict.fromkeys(short) if Term(word) in searched]
    if short:
        more = f" and {len(short) - SHOWN_IGNORED} more" if len(short) > SHOWN_IGNORED else ""
        notes.append(f"Word beginnings need at least {MIN_PREFIX_CHARS} letters; searched as whole words: "
                     f"{', '.join(short[:SHOWN_IGNORED])}{more}.")
    if over_limit:
        ignored.extend(over_limit)
        notes.append(f"A search reads at most {MAX_TERMS} words; the rest were ignored.")
    if tail.strip():
        ignored.append(f"everything after the first {MAX_QUERY_CHARS:,} characters")
        notes.append(f"A search reads the first {MAX_QUERY_CHARS:,} characters; the rest were ignored.")
    return Query(
        raw=text,
        groups=tuple(tuple(group) for group in groups),
        excluded=tuple(excluded),
        ignored=tuple(dict.fromkeys(ignored)),
        notes=tuple(dict.fromkeys(notes)),
        common=tuple(dict.fromkeys(common)),
    )
