"""Which capitalised words are common words, learned from the real corpus's own text.

A page capitalises a common word at the start of a sentence, a line, a heading or a link
("Consider …", "Again, …", "Ask Grok"), and a scan for capitalised words reads it as a name.
Whether a word is a name is a fact about the language, not about one passage: the corpus's
passages (train and dev, never test) say how often each word is written in lower case and how
often capitalised inside a sentence. A word written mostly in lower case is a common word;
"Musk", "Lula" and "Xinhua" are never written so. The list is built once, written beside this
module, and read at run time (no data downloaded):

    python -m archive.quotes.vocabulary      # rebuilds vocabulary.txt from real:train and real:dev

Pure Python, no Django.
"""
import argparse
from collections import Counter
from functools import lru_cache
from pathlib import Path
import re

PATH = Path(__file__).with_name("vocabulary.txt")
WORD_RE = re.compile(r"(?<![\w’'@#-])[^\W\d_][^\W\d_’'-]*(?![\w’'-])")
# a word right after a sentence end, a line start, a colon or a quotation mark: capitalised by position
POSITIONAL_RE = re.compile(r"(?:^|[.!?:;…]\s+|\n\s*|[“\"‘(\[]\s*|[—–-]\s+)$")
MIN_LOWER = 3  # seen in lower case at least this often
RATIO = 2.0  # and at least this many times as often as capitalised inside a sentence


def counts(texts):
    lower, upper = Counter(), Counter()
    for text in texts:
        for m in WORD_RE.finditer(text):
            w = m.group()
            if w.islower():
                lower[w] += 1
            elif w[:1].isupper() and not w.isupper() and not POSITIONAL_RE.search(text[max(0, m.start() - 4):m.start()]):
                upper[w.lower()] += 1
    return lower, upper


def build(texts):
    lower, upper = counts(texts)
    return sorted(w for w, n in lower.items() if n >= MIN_LOWER and n >= RATIO * upper.get(w, 0) and len(w) > 1)


@lru_cache(maxsize=1)
def common_words():
    try:
        return frozenset(PATH.read_text(encoding="utf-8").split())
    except OSError:
        return frozenset()


def is_common(word):
    """Whether a (capitalised) word is a common word of English text, not a name."""
    return word.lower().strip("’'.,:;") in common_words()


def main(argv=None):
    from .corpus import load_passages  # the real corpus; only its development splits are read

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", default=str(PATH))
    args = parser.parse_args(argv)
    texts = [p["text"] for p in load_passages().values() if p.get("split") in ("train", "dev")]
    words = build(texts)
    Path(args.out).write_text("\n".join(words) + "\n", encoding="utf-8")
    print(f"{len(words)} common words from {len(texts)} passages (train and dev) -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
