"""Words that real pages print in lower case: a lexicon learned from the page corpora.

A line whose every word is one of them ("Satisfactory Essays", "Recent Posts") is made of common
words, not a person's name: of the 180 authors' names in the importer corpus's annotations, one
("Dean White") is made only of such words. The list is learned from the train and dev texts of the
importer's real page corpus and the quote corpus (never a test split): a word in lower case, three
letters or more, printed in at least ``MIN_TEXTS`` different texts.

Rebuild it with ``python -m archive.importing.lexicon build`` after the corpora change.
"""
import json
import re
import sys
from collections import Counter
from functools import lru_cache
from pathlib import Path

PATH = Path(__file__).with_name("lower_words.txt")
MIN_TEXTS = 3
_LOWER = re.compile(r"(?<![\w'’-])[a-z]{3,}(?![\w'’-])")


@lru_cache(maxsize=1)
def lower_words():
    """The learned lexicon (a frozenset of lower-case words)."""
    if not PATH.exists():
        return frozenset()
    return frozenset(PATH.read_text(encoding="utf-8").split())


def all_common(text):
    """Whether every word of ``text`` (three letters or more; at least two such words) is one the
    corpora print in lower case."""
    parts = [p.casefold() for p in re.findall(r"[^\W\d_]+", text)]
    parts = [p for p in parts if len(p) >= 3]
    lexicon = lower_words()
    return len(parts) >= 2 and all(p in lexicon for p in parts)


def build(root="."):
    """Count, for each lower-case word, the train and dev texts that print it; keep the frequent ones."""
    root = Path(root)
    texts = []
    for name in ("tests/data/importing/real/pages.jsonl", "tests/data/quotes/real/passages.jsonl"):
        with open(root / name, encoding="utf-8") as handle:
            for line in handle:
                record = json.loads(line)
                if record.get("split") == "test":
                    continue
                texts.append(record["text"])
    counts = Counter()
    for text in texts:
        counts.update(set(_LOWER.findall(text)))
    return sorted(w for w, c in counts.items() if c >= MIN_TEXTS)


if __name__ == "__main__":  # pragma: no cover
    if sys.argv[1:] != ["build"]:
        sys.exit("usage: python -m archive.importing.lexicon build")
    words = build()
    PATH.write_text("\n".join(words) + "\n", encoding="utf-8")
    print(f"{len(words)} words -> {PATH}")
