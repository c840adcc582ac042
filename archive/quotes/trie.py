"""A word list compiled to one prefix-factored regular expression.

Python's ``re`` tries the branches of "said|says|saying|..." one by one at every position;
factoring common prefixes ("sa(?:id|ys|ying)") makes the big cue and role lists several
times faster to scan.
"""
import re


def trie_pattern(words):
    """A regex source matching exactly the given words (longest first where they share a prefix)."""
    trie = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = True
    return _pattern(trie)


def _pattern(node):
    end = "" in node
    branches = []
    for ch in sorted(k for k in node if k):
        piece = r"\s+" if ch == " " else re.escape(ch)
        branches.append(piece + _pattern(node[ch]))
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if end:
        return "(?:" + body + ")?"
    return body
