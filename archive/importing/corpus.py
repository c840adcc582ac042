"""The importer's real page corpus: page beginnings as retrieved, and what each one states.

Layout of ``tests/data/importing/real/``:

- ``pages.jsonl``: one page beginning per line, its text never edited (``id``, ``text``,
  ``source_url``, ``outlet_domain``, ``query``, ``origin``, ``split``, optional ``batch`` and
  ``retired_from``). ``origin`` is ``search`` for pages collected for this corpus and
  ``quotes-real:ID`` for excerpts taken from the quote corpus; ``batch`` "b" marks a blind batch
  scored at first sight before it joined the corpus, ``batch`` "y" the locked test split (see
  docs/importing.md; empty until the lead merges it); ``retired_from: "test"`` marks the pages of an
  earlier test split (the first one, batches "c", "j", "k", "l", "m", "p", "r", "t", "u", "v", "w" and "x"), retired into train and dev
  once its first-sight score was taken.
- ``gold.jsonl``: what each text states, and nothing else (``id``, ``kind``, ``title``,
  ``title_also``, ``authors``, ``authors_also``, ``date``, ``date_precision``, ``date_also``,
  ``outlet``, ``outlet_also``, ``note``). The rules are in ``docs/importing.md``.

The split is decided by the page's batch and its outlet's domain, never by its text: the locked
test split is batch "y", collected from outlet domains the corpus had never seen; every other page
goes to ``train`` or ``dev`` by a stable hash of its domain (the quote corpus's rule without its
test share), so the retired first test split stays with its outlets. The checker refuses a test
outlet domain that appears in any other split. The checker below is the one the tests run.

Commands (no Django needed)::

    python -m archive.importing.corpus check                       # every annotation against its text
    python -m archive.importing.corpus check GOLD --pages PAGES    # a pass against pages not yet merged
    python -m archive.importing.corpus agree A B                   # agreement of two annotation passes
    python -m archive.importing.corpus stats                       # pages, outlets, splits, fields stated

A pages file that is not the corpus's is also checked against the corpus: a page of it in the test
split must come from an outlet domain the corpus holds in no other split, and its ids must be new.
"""
import datetime
import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path

from archive.corpora import CorpusError, read_jsonl, split_of  # noqa: F401 (re-exported)

REAL_DIR = Path(__file__).resolve().parents[2] / "tests" / "data" / "importing" / "real"
PAGES = REAL_DIR / "pages.jsonl"
GOLD = REAL_DIR / "gold.jsonl"

SPLITS = ("train", "dev", "test")
# Selections beside the three splits: the pages of the earlier test splits (retired into train
# and dev after their first-sight scores) and the pages the reader may be developed on.
SELECTIONS = ("retired", "train+dev")
LOCKED_TEST_BATCH = "y"  # batches "c", "j", "k", "l", "m", "p", "r", "t", "u", "v", "w" and "x" were the locked splits before it (each retired at its first sight)
KINDS = {"article", "listing", "document", "other"}
PRECISIONS = {"day", "month", "year"}
FIELDS = ("title", "authors", "date", "outlet")


def load(pages_path=PAGES, gold_path=GOLD, split=None):
    """``[(page, gold)]`` in file order, optionally for one split."""
    pages = read_jsonl(pages_path)
    gold = {g["id"]: g for g in read_jsonl(gold_path)}
    pairs = [(p, gold.get(p["id"])) for p in pages]
    return [(p, g) for p, g in pairs if in_selection(p, split)]


def in_selection(page, split):
    """Whether a page belongs to ``split``: None (all), a split, or one of ``SELECTIONS``."""
    if split is None:
        return True
    if split == "retired":
        return page.get("retired_from") == "test"
    if split == "train+dev":
        return page.get("split") in ("train", "dev")
    return page.get("split") == split


def expected_split(page):
    """The split a page belongs to: the locked test batch is ``test``; any other page is ``train``
    or ``dev`` by a stable hash of its outlet domain (never by its text)."""
    if page.get("batch") == LOCKED_TEST_BATCH:
        return "test"
    return split_of(page.get("outlet_domain", ""), test_share=0.0)


# -- normalising what is compared --------------------------------------------------------------

_QUOTES = str.maketrans({"‘": "'", "’": "'", "′": "'", "“": '"', "”": '"', "–": "-", "—": "-", "\u00a0": " "})
_SPACE = re.compile(r"\s+")
_NAME_NOISE = re.compile(r"\b(?:dr|prof|professor|mr|mrs|ms|sir|ao|ac|am|obe|mbe|faiia|phd|jr)\b\.?", re.I)


def norm_text(value):
    text = unicodedata.normalize("NFKC", str(value)).translate(_QUOTES)
    return _SPACE.sub(" ", text).strip().casefold()


def norm_title(value):
    return norm_text(value).strip(" .:;,'\"")


def norm_name(value):
    text = norm_text(value).replace(".", " ")
    text = _NAME_NOISE.sub(" ", text)
    return _SPACE.sub(" ", text).strip(" ,")


def norm_outlet(value):
    text = norm_text(value).strip(" .,:")
    return text[4:] if text.startswith("the ") else text


def _in_text(needle, text, normaliser=norm_text):
    return normaliser(needle) in normaliser(text)


# -- the checker -------------------------------------------------------------------------------

def check_record(page, gold):
    """Problems with one page's annotation: a list of strings (empty when it is sound)."""
    pid = page["id"]
    if gold is None:
        return [f"{pid}: no annotation"]
    problems = []
    text = page["text"]
    if page.get("split") != expected_split(page):
        problems.append(f"{pid}: split {page.get('split')!r} is not the one its batch and outlet domain give")
    if gold.get("kind") not in KINDS:
        problems.append(f"{pid}: kind {gold.get('kind')!r} is not one of {sorted(KINDS)}")
    for title in [gold.get("title"), *gold.get("title_also", [])]:
        if title and not _in_text(title, text):
            problems.append(f"{pid}: title {title!r} is not in the text")
    for name in [*gold.get("authors", []), *gold.get("authors_also", [])]:
        if norm_name(name) not in norm_name(text):
            problems.append(f"{pid}: author {name!r} is not in the text")
    dates = [(gold.get("date"), gold.get("date_precision"))]
    dates += [(d.get("date"), d.get("date_precision")) for d in gold.get("date_also", [])]
    for value, precision in dates:
        if value is None and precision is None:
            continue
        if precision not in PRECISIONS:
            problems.append(f"{pid}: date precision {precision!r} is not one of {sorted(PRECISIONS)}")
            continue
        try:
            parse_gold_date(value, precision)
        except (TypeError, ValueError):
            problems.append(f"{pid}: date {value!r} is not a {precision}-precise date")
    if gold.get("outlet") and not _in_text(gold["outlet"], text):
        problems.append(f"{pid}: outlet {gold['outlet']!r} is not in the text")
    return problems


def parse_gold_date(value, precision):
    """A gold date string (YYYY-MM-DD, YYYY-MM or YYYY, by precision) as a date."""
    parts = [int(p) for p in str(value).split("-")]
    expected = {"day": 3, "month": 2, "year": 1}[precision]
    if len(parts) != expected:
        raise ValueError(value)
    parts += [1] * (3 - len(parts))
    return datetime.date(*parts)


def check(pages_path=PAGES, gold_path=GOLD):
    pages = read_jsonl(pages_path)
    gold = read_jsonl(gold_path)
    problems = []
    ids = [p["id"] for p in pages]
    for pid, count in Counter(ids).items():
        if count > 1:
            problems.append(f"{pid}: {count} pages with this id")
    known = set(ids)
    problems += [f"{g['id']}: annotation for no page" for g in gold if g["id"] not in known]
    by_id = {g["id"]: g for g in gold}
    for page in pages:
        problems += check_record(page, by_id.get(page["id"]))
    problems += check_test_outlets(pages)
    return problems


def check_test_outlets(pages):
    """A test outlet domain must appear in no other split (the test pages are outlets never seen)."""
    by_split = {}
    for page in pages:
        by_split.setdefault(page.get("split"), set()).add(page.get("outlet_domain", "").strip().lower())
    test = by_split.get("test", set())
    shared = sorted(test & set().union(*(d for s, d in by_split.items() if s != "test")))
    return [f"{domain}: outlet domain in the test split and in another split" for domain in shared]


def stats(pages_path=PAGES, gold_path=GOLD):
    pairs = load(pages_path, gold_path)
    lines = [f"{len(pairs)} pages from {len({p['outlet_domain'] for p, _ in pairs})} outlet domains"]
    for split in (*SPLITS, "retired"):
        part = [(p, g) for p, g in pairs if in_selection(p, split)]
        stated = {f: sum(1 for _, g in part if g and (g.get(f) if f != "authors" else g.get("authors")))
                  for f in FIELDS}
        lines.append(f"  {split}: {len(part)} pages, {len({p['outlet_domain'] for p, _ in part})} outlets; "
                     + ", ".join(f"{f} stated {n}" for f, n in stated.items()))
    return "\n".join(lines)


def check_against_corpus(pages, corpus_pages_path=PAGES):
    """A pages file that is not yet merged, against the corpus it will join: its ids must be new,
    and its test pages' outlet domains must be in no split of the corpus but the test split."""
    corpus_pages = read_jsonl(corpus_pages_path)
    ids = {p["id"] for p in corpus_pages}
    seen = {p.get("outlet_domain", "").strip().lower() for p in corpus_pages if p.get("split") != "test"}
    problems = [f"{p['id']}: a page with this id is already in the corpus" for p in pages if p["id"] in ids]
    problems += [f"{p['id']}: outlet domain {p.get('outlet_domain')!r} is already in the corpus's train or dev split"
                 for p in pages if p.get("split") == "test" and p.get("outlet_domain", "").strip().lower() in seen]
    return problems


def main(argv=None):
    import argparse

    from archive.importing.agreement import agreement, format_agreement

    parser = argparse.ArgumentParser(prog="python -m archive.importing.corpus",
                                     description="Check, compare and count the importer's real page corpus.")
    sub = parser.add_subparsers(dest="command", required=True)
    check_p = sub.add_parser("check", help="check every annotation against its text")
    check_p.add_argument("gold", nargs="?", default=str(GOLD), help="gold or annotation pass (default: the corpus's)")
    check_p.add_argument("--pages", default=str(PAGES), help="pages file (default: the corpus's)")
    agree_p = sub.add_parser("agree", help="agreement of two annotation passes of the same pages")
    agree_p.add_argument("a")
    agree_p.add_argument("b")
    sub.add_parser("stats", help="pages, outlets, splits, fields stated")
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv:
        print(__doc__)
        return 2
    args = parser.parse_args(argv)
    try:
        if args.command == "stats":
            print(stats())
            return 0
        if args.command == "agree":
            print(format_agreement(agreement(read_jsonl(args.a), read_jsonl(args.b))))
            return 0
        problems = check(args.pages, args.gold)
        if Path(args.pages).resolve() != PAGES.resolve():
            problems += check_against_corpus(read_jsonl(args.pages))
    except CorpusError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    for problem in problems:
        print(problem)
    print(f"{len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
