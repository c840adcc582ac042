"""Given names learned from the annotated corpora: the first words of persons' names.

A line of two to four capitalised words next to a headline is a byline as often as a label
("Satisfactory Essays", "English Politik", "DFP Header"). Whether its first word opens a person's
name is a fact about names, not about one page: the corpora's annotators wrote down every author
(the importer's gold ``authors``) and every person quoted (the quote corpus's gold speakers with
``speaker_kind == "person"``). The first word of each such name of two words or more, kept when it is
seen in at least ``MIN_OUTLETS`` different outlets (so that one outlet's house name does not count),
is a given name, unless the corpora also print it in lower case (``lexicon.lower_words``: "One",
"Bill", "Mark") or it is a particle ("Al"); nameparser's bound given-name prefixes ("Abdul", "Abu") are added. The list is
built once from the train and dev splits (never a test split, never the staged batch), written
beside this module and read at run time:

    python -m archive.importing.given_names build              # rebuilds given_names.txt
    python -m archive.importing.given_names build --exclude-batch x   # leaving a held-out batch out

The shipped file leaves batch x out (``HELD_OUT``): it was the held-out batch of the round that
built the list, so its authors could not teach the list.

Pure Python, no Django.
"""
import argparse
import re
from collections import defaultdict
from functools import lru_cache
from pathlib import Path

PATH = Path(__file__).with_name("given_names.txt")
MIN_OUTLETS = 2
HELD_OUT = ("x",)  # importer batches whose annotations the shipped list does not read
_PARTICLES = {"sheikh", "al", "el", "ad", "de", "da", "di", "du", "le", "la", "van", "von", "der", "den", "bin", "ibn"}
_WORD = re.compile(r"[A-Z][^\W\d_]*(?:['’-][^\W\d_]+)*")


@lru_cache(maxsize=1)
def given_names():
    """The learned list (a frozenset of casefolded first words)."""
    try:
        return frozenset(PATH.read_text(encoding="utf-8").split())
    except OSError:
        return frozenset()


def is_given_name(word):
    """Whether ``word`` ("Laura", "LAURA", "Jean-Pierre") is a first word of persons' names the corpora
    annotate. An initial ("J.") is not."""
    word = word.strip(" ,.;:()\"“”'’")
    return len(word) >= 2 and word.casefold() in given_names()


def first_word(name):
    """The first word of a person's name of two words or more ("Dr Laura Southgate" -> "Laura"); None
    for one word, an initial first ("J. Smith") or a name in "Family, Given" order."""
    from archive.naming import strip_titles

    if not name or "," in name:
        return None
    parts = strip_titles(" ".join(name.split())).split()
    if len(parts) < 2:
        return None
    first = parts[0]
    if not _WORD.fullmatch(first) or len(first) < 2:
        return None
    return first.casefold()


def build(root=".", exclude_batches=HELD_OUT):
    """Count, for each first word, the outlets whose annotated persons' names open with it."""
    from archive.corpora import read_jsonl

    root = Path(root)
    outlets = defaultdict(set)
    pages = {r["id"]: r for r in read_jsonl(root / "tests/data/importing/real/pages.jsonl")}
    for gold in read_jsonl(root / "tests/data/importing/real/gold.jsonl"):
        page = pages.get(gold["id"])
        if not page or page.get("split") not in ("train", "dev"):
            continue
        if any(gold["id"].startswith(f"{b}-") for b in exclude_batches):
            continue
        for name in gold.get("authors") or []:
            word = first_word(name)
            if word:
                outlets[word].add(page.get("outlet_domain") or gold["id"])
    passages = {r["id"]: r for r in read_jsonl(root / "tests/data/quotes/real/passages.jsonl")}
    for gold in read_jsonl(root / "tests/data/quotes/real/gold.jsonl"):
        passage = passages.get(gold["id"])
        if not passage or passage.get("split") not in ("train", "dev"):
            continue
        for quote in gold.get("quotes") or []:
            if quote.get("speaker_kind") != "person":
                continue
            word = first_word(quote.get("speaker") or "")
            if word:
                outlets[word].add(passage.get("outlet_domain") or passage.get("outlet") or gold["id"])
    words = {w for w, seen in outlets.items() if len(seen) >= MIN_OUTLETS}
    # never a word the corpora print in lower case ("one", "bill", "mark": a heading's word as often
    # as a name) nor a particle ("Al", "El": "Al Jazeera")
    from .lexicon import lower_words

    words = {w for w in words if w not in lower_words() and w not in _PARTICLES}
    try:
        from nameparser.config.bound_given_names import BOUND_GIVEN_NAMES
        words |= {w.casefold() for w in BOUND_GIVEN_NAMES if re.fullmatch(r"[^\W\d_]{2,}", w)}
    except ImportError:  # pragma: no cover
        pass
    return sorted(words)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("command", choices=["build"])
    parser.add_argument("--out", default=str(PATH))
    parser.add_argument("--exclude-batch", action="append", default=None,
                        help=f"importer batch left out (default: {', '.join(HELD_OUT)})")
    args = parser.parse_args(argv)
    words = build(exclude_batches=tuple(args.exclude_batch) if args.exclude_batch is not None else HELD_OUT)
    Path(args.out).write_text("\n".join(words) + "\n", encoding="utf-8")
    print(f"{len(words)} given names -> {args.out}")
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
