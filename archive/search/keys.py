"""Filter keys: outlet, author, speaker, tag, year and "has statements" as index tokens.

Each indexed entry carries one opaque token per filter value it satisfies (for
example the token for "tag = trade"). A filtered search then ANDs these tokens into
the full-text match, and the engine intersects posting lists instead of joining a
large set of entry ids: at 100,000 entries "policy in outlet X" costs about what
"policy" costs. Pure Python (no Django).

A token is a letter for the kind plus a digest of the value, so it is made of
letters and digits only, never collides with prose, and survives every tokenizer
(stemmers leave it alone: it is the same on the indexing and the query side).
"""
import hashlib

KINDS = {"outlet": "o", "author": "a", "speaker": "s", "tag": "t", "year": "y", "has_statements": "h"}
PREFIX = "zqk"


def key_token(kind, value):
    """The index token for ``kind`` = ``value`` (a slug, a year, or a bool)."""
    letter = KINDS[kind]
    if kind == "has_statements":
        return f"{PREFIX}{letter}{'yes' if value else 'no'}"
    digest = hashlib.blake2b(str(value).encode("utf-8", "replace"), digest_size=8).hexdigest()
    # Digits only after the prefix letter: no stemmer rewrites a run of digits.
    return f"{PREFIX}{letter}{int(digest, 16)}"


def entry_keys(outlet=None, authors=(), speakers=(), tags=(), year=None, has_statements=False):
    """The space-separated tokens an entry is indexed with."""
    tokens = []
    if outlet:
        tokens.append(key_token("outlet", outlet))
    tokens += [key_token("author", slug) for slug in authors]
    tokens += [key_token("speaker", slug) for slug in speakers]
    tokens += [key_token("tag", slug) for slug in tags]
    if year:
        tokens.append(key_token("year", year))
    tokens.append(key_token("has_statements", has_statements))
    return " ".join(dict.fromkeys(tokens))


def filter_tokens(filters):
    """Tokens for the filters that have one (date ranges do not; they stay SQL)."""
    return [key_token(kind, filters[kind]) for kind in KINDS if kind in filters]
