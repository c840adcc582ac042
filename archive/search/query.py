"""The search query language, parsed into a small tree every backend compiles.

Pure Python (no Django): the same parser serves SQLite FTS5 and PostgreSQL, so the
two engines understand a query the same way, and it is tested fast and directly.

The language is the one people know from web search engines (PostgreSQL's
``websearch_to_tsquery`` is the model):

- ``china trade``        both words must match (AND)
- ``"belt and road"``    the exact phrase
- ``-tariff``            entries with this word are left out (also ``-"a phrase"``)
- ``trade OR tariff``    either word (``OR`` in capitals, binds tighter than AND)
- ``econom*``            any word starting with ``econom``

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

#: Longest query we read; the rest is ignored (2,000 pasted characters still search).
MAX_QUERY_CHARS = 1000
#: Most clauses (words, phrases, OR-groups, exclusions) a query may have.
MAX_CLAUSES = 16
#: Longest token kept (PostgreSQL refuses to index words over 2,047 bytes).
MAX_TOKEN_CHARS = 60
#: Most words kept in one phrase.
MAX_PHRASE_WORDS = 12

# PostgreSQL's "english" stop words (snowball list). Dropped from plain words on both
# engines so "the war" means the same everywhere; kept inside phrases.
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

    ``ignored`` lists words that were dropped (stop words, clauses over the limit), so
    the results page can say how the query was understood.
    """

    raw: str
    groups: tuple[tuple[Node, ...], ...] = ()
    excluded: tuple[Node, ...] = ()
    ignored: tuple[str, ...] = field(default=())

    @property
    def is_empty(self):
        """Nothing to search for: the caller browses instead."""
        return not self.groups and not self.excluded

    @property
    def is_browse(self):
        """The user typed nothing at all (as opposed to only stop words)."""
        return self.is_empty and not self.raw.strip()

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
            return "nothing to search for"
        parts = []
        for group in self.groups:
            text = " OR ".join(node.describe() for node in group)
            parts.append(f"({text})" if len(group) > 1 else text)
        text = " AND ".join(parts) if parts else ""
        if self.excluded:
            excluded = ", ".join(node.describe() for node in self.excluded)
            text = f"{text}, without {excluded}" if text else f"everything without {excluded}"
        if self.ignored:
            note = "ignored: " + ", ".join(self.ignored)
            text = f"{text} ({note})" if text else f"nothing to search for ({note})"
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


def _node(kind, value, ignored):
    """The tree node for one lexed item, or None when it holds no searchable word."""
    words = _tokens(value)
    if not words:
        return None
    if kind == "phrase":
        return Phrase(tuple(words[:MAX_PHRASE_WORDS])) if len(words) > 1 else Term(words[0])
    prefix = value.rstrip().endswith("*")
    if len(words) > 1:  # "don't", "e-mail", "U.S.": the engines see these as phrases
        return Phrase(tuple(words[:MAX_PHRASE_WORDS]))
    word = words[0]
    if not prefix and word in STOP_WORDS:
        ignored.append(word)
        return None
    return Term(word, prefix=prefix)


def parse_query(text) -> Query:
    """Parse what a visitor typed. Never raises; returns an empty query for junk."""
    if text is None:
        text = ""
    text = str(text).replace("\x00", " ")[:MAX_QUERY_CHARS]
    groups: list[list[Node]] = []
    excluded: list[Node] = []
    ignored: list[str] = []
    join_next = False  # the previous item was OR
    for kind, value, negated in _lex(text):
        if kind == "or":
            join_next = bool(groups)
            continue
        node = _node(kind, value, ignored)
        if node is None:
            join_next = False
            continue
        if len(groups) + len(excluded) >= MAX_CLAUSES and not (join_next and not negated):
            ignored.append(node.describe())
            join_next = False
            continue
        if negated:
            if node not in excluded:
                excluded.append(node)
        elif join_next and groups:
            if node not in groups[-1]:
                groups[-1].append(node)
        elif [node] not in groups:
            groups.append([node])
        join_next = False
    return Query(
        raw=text,
        groups=tuple(tuple(group[:MAX_CLAUSES]) for group in groups),
        excluded=tuple(excluded),
        ignored=tuple(dict.fromkeys(ignored)),
    )
