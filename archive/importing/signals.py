"""The twelfth round's measurement (issue 13l): stricter "two independent signals" rules for a title.

Not used by the reader. For every page of a selection it reads the page as the reader does, records
the evidence the reader gave its headline (``evidence.title_evidence`` plus the head's own additions),
and scores each variant below as if it had been ``evidence.title_supported``: a variant only refuses
titles the reader keeps (a refused title becomes "missed" where the text states one, nothing where
it states none). The reader's other fields are not re-read.

    python -m archive.importing.signals dev          # (or train, train+dev; "v" / "w" for one batch)
"""
import collections
import sys

from . import corpus, evaluation, head

BLOCKERS = {"part-of-line", "below-another"}
STRONG = {"repeated", "signed", "dated", "named-top"}  # printed twice, signed or dated: not layout alone


def strict(evidence):
    """About the text (its words recur in the paragraphs) and printed twice, signed or dated beside
    it; "opens" (the text runs on under it) and "first" (the page's first line) no longer count."""
    ev = set(evidence)
    return "about" in ev and bool(ev & STRONG) and not ev & BLOCKERS


def strict_with_first(evidence):
    ev = set(evidence)
    return bool(ev & {"about", "first"}) and bool(ev & STRONG) and not ev & BLOCKERS


def counted(evidence):
    """Two of four independent signals: about, repeated, signed or dated, opens ("first" not counted)."""
    ev = set(evidence)
    n = ("about" in ev) + ("repeated" in ev) + bool(ev & {"signed", "dated", "named-top"}) + ("opens" in ev)
    return n >= 2 and not ev & BLOCKERS


VARIANTS = {"reader": None, "strict": strict, "strict+first": strict_with_first, "counted": counted}


def readings(split="train+dev", batch=None):
    """``[(page id, title read, outcome, stated title, evidence or None)]``."""
    seen = {}
    original = head.title_supported

    def spy(found):
        kept = original(found)
        seen[current] = (sorted(found), kept)
        return kept

    rows = []
    head.title_supported = spy
    try:
        for page, gold in corpus.load(split=split):
            if batch and not page["id"].startswith(f"{batch}-"):
                continue
            current = page["id"]
            reading = evaluation.read_page(page) or {}
            title = reading.get("title")
            outcome = evaluation._outcome(title, gold.get("title"), gold.get("title_also", []),
                                          evaluation._same_title)
            rows.append((current, title, outcome, gold.get("title"), seen.get(current)))
    finally:
        head.title_supported = original
    return rows


def score(rows, variant):
    counts, stated = collections.Counter(), 0
    for _, title, outcome, gold, seen in rows:
        stated += bool(gold)
        if variant and title and seen and seen[1] and not variant(seen[0]):
            outcome = "missed" if gold else None
        if outcome:
            counts[outcome] += 1
    given = sum(counts[o] for o in ("right", "wrong", "invented", "acceptable"))
    precision = 1 - (counts["wrong"] + counts["invented"]) / given if given else 1.0
    recall = counts["right"] / stated if stated else 1.0
    return precision, recall, counts


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    split = argv[0] if argv else "dev"
    batch = argv[1] if len(argv) > 1 else None
    rows = readings("train+dev" if split in ("v", "w") else split, batch or (split if split in ("v", "w") else None))
    for name, variant in VARIANTS.items():
        p, r, c = score(rows, variant)
        print(f"{name:13} title {p:.3f} / {r:.3f}  right {c['right']} wrong {c['wrong']} invented {c['invented']} "
              f"acceptable {c['acceptable']}")


if __name__ == "__main__":
    import django
    import os
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    django.setup()
    main()
