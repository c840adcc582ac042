"""The real-text corpus: passages as retrieved, two annotation passes, the adjudicated gold.

Layout of ``tests/data/quotes/real/``:

- ``passages.jsonl``: one excerpt of a stored public web page per line, never edited
  (``id``, ``text``, ``source_url``, ``outlet``, ``outlet_domain``, ``query``, ``genre``,
  ``split``);
- ``annotations/pass-a.jsonl`` and ``pass-b.jsonl``: two independent annotations;
- ``gold.jsonl``: the adjudicated annotation (``id``, ``quotes``, ``non_statements``).

Offsets are computed here, never typed: each span is looked up in list order, so a repeated
quotation takes its next occurrence. The checker is the one the tests run.

The split is decided by the outlet, so that the locked test split's outlets appear nowhere
else. The first collection was split by a stable hash of the outlet's domain (about a third of
the outlets in ``test``). A locked test split is scored once; after that it is retired into the
development data (``retire``: its passages go to ``dev`` or ``train`` by the same hash, and keep
a ``retired`` note saying when) and a new one is cut from a collection of outlets the corpus has
never seen (``merge --split test``).
Commands (no Django needed)::

    python -m archive.quotes.corpus check FILE [--passages P]   # annotation or gold file
    python -m archive.quotes.corpus offsets FILE [--passages P] # rewrite with start/end
    python -m archive.quotes.corpus agree A B [--passages P]    # inter-annotator agreement
    python -m archive.quotes.corpus stats                       # passages, outlets, splits
    python -m archive.quotes.corpus merge RAW... [--split test] # add collected passages
    python -m archive.quotes.corpus retire --note "..."         # test split -> development data
"""
import json
import re
import sys
from collections import Counter
from pathlib import Path

from archive.corpora import CorpusError, read_jsonl, split_of, write_jsonl  # noqa: F401 (re-exported)

REAL_DIR = Path(__file__).resolve().parents[2] / "tests" / "data" / "quotes" / "real"
PASSAGES = REAL_DIR / "passages.jsonl"
GOLD = REAL_DIR / "gold.jsonl"

SPLITS = ("train", "dev", "test")
GENRES = {"commentary", "op-ed", "analysis", "news", "wire", "interview", "liveblog", "social", "chatbot", "blog",
          "transcript", "speech", "other"}
QUOTE_KINDS = {"direct", "partial"}
SPEAKER_KINDS = {"person", "organisation", "group", "publication", "ai_system"}
NON_REASONS = {"scare", "term", "title", "name", "translation", "mention", "headline", "debris", "other"}
AUTHOR = "(author)"

# A plain pattern for quoted spans, only to warn about spans neither list covers.
PLAIN_SPAN_RE = re.compile(r"“([^“”\n]{1,800})”|\"([^\"\n]{1,800})\"|«([^«»\n]{1,800})»")
_SPACE_RE = re.compile(r"\s+")
_WORD_RE = re.compile(r"[^\W_]+(?:[-'’.][^\W_]+)*")


def load_passages(path=PASSAGES):
    return {p["id"]: p for p in read_jsonl(path)}


MARK_CHARS = "\"“”„«»‘’'‹›「」ˈ"


def _find(text, needle, pos):
    """The occurrence from ``pos`` best anchored by quotation marks: marks on both sides, then an
    opening mark before it, then a closing mark after it, then the first ("GPT" is not found inside
    “ChatGPT” when “GPT” stands later; "rev" is not found inside "review"). The start of the text
    counts as an opening mark an excerpt cut off, but less than a mark printed there: a title
    quoted without its closing mark is the marked copy, not the same words heading the page."""
    best, best_score = -1, -1
    at = text.find(needle, pos)
    while at >= 0:
        before = text[at - 1] if at else ""
        after = text[at + len(needle)] if at + len(needle) < len(text) else ""
        opening = 3 if (before and before in MARK_CHARS) or needle[:1] in MARK_CHARS else 2 if not before else 0
        score = opening + (after in MARK_CHARS or needle[-1:] in MARK_CHARS)
        if score > best_score:
            best, best_score = at, score
            if score == 4:
                break
        at = text.find(needle, at + 1)
    return best


def locate(text, items, field, taken=()):
    """(start, end) for each item's ``field`` in list order; None where it is not found exactly.

    The search starts after the previous item's start, then falls back to the whole text (an
    annotator may list two spans out of order; the checker reports that separately). An
    occurrence overlapping one of ``taken`` (the other list's spans) is passed over when another
    exists: the same words can be a non-statement in a heading and a statement below it.
    """
    spans, pos = [], 0
    # A quotation the text repeats word for word, listed as often as the text has it, takes its
    # occurrences in order: the best-anchored one would put every copy on the same place.
    repeats = {}
    for needle in {item.get(field) or "" for item in items}:
        listed = sum((item.get(field) or "") == needle for item in items)
        if needle and listed > 1:
            found = [m.start() for m in re.finditer(re.escape(needle), text)]
            if len(found) == listed:
                repeats[needle] = iter(found)
    for item in items:
        needle = item.get(field) or ""
        if not needle:
            spans.append(None)
            continue
        if needle in repeats:
            at = next(repeats[needle])
            spans.append((at, at + len(needle)))
            pos = at + 1
            continue
        at = _find(text, needle, pos)
        while at >= 0 and any(a < at + len(needle) and at < b for a, b in taken):
            nxt = _find(text, needle, at + 1)
            if nxt < 0:
                break
            at = nxt
        if at < 0:
            at = _find(text, needle, 0)
        if at < 0:
            spans.append(None)
            continue
        spans.append((at, at + len(needle)))
        pos = at + 1
    return spans


def _near_miss(text, needle):
    """Why an exact lookup failed, when a whitespace- and quote-insensitive one succeeds."""
    def fold(s):
        return _SPACE_RE.sub(" ", s.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"'))
    if fold(needle).strip() and fold(needle).strip() in fold(text):
        return " (it matches when spaces/quote styles are ignored: copy the characters exactly)"
    return ""


def check_record(record, passage):
    """Problems with one annotation record: (errors, warnings), each a list of strings."""
    errors, warnings = [], []
    rid = record.get("id")
    if passage is None:
        return [f"{rid}: no passage with this id"], []
    text = passage["text"]
    quotes = record.get("quotes")
    nons = record.get("non_statements")
    if not isinstance(quotes, list) or not isinstance(nons, list):
        return [f"{rid}: \"quotes\" and \"non_statements\" must both be lists"], []
    covered = []
    quote_spans = [s for s in locate(text, [q for q in quotes if isinstance(q, dict)], "quote") if s]
    for items, field, label in ((quotes, "quote", "quote"), (nons, "text", "non-statement")):
        items_ok = [i for i in items if isinstance(i, dict)]
        located = locate(text, items_ok, field, quote_spans if label == "non-statement" else ())
        located = iter(located)
        for item in items:
            span = next(located) if isinstance(item, dict) else None
            if not isinstance(item, dict):
                errors.append(f"{rid}: a {label} is not an object")
                continue
            value = item.get(field)
            if not isinstance(value, str) or not value.strip():
                errors.append(f"{rid}: a {label} has no \"{field}\"")
                continue
            if span is None:
                errors.append(f"{rid}: {label} not found exactly in the text: {value[:80]!r}"
                              + _near_miss(text, value))
                continue
            start, end = item.get("start"), item.get("end")
            if isinstance(start, int) and isinstance(end, int) and text[start:end] == value:
                span = (start, end)  # the stored place, where there is one, is what is checked
            covered.append((span, label, value))
    for q in quotes:
        if not isinstance(q, dict):
            continue
        what = f"{rid}: quote {str(q.get('quote'))[:50]!r}"
        if q.get("kind") not in QUOTE_KINDS:
            errors.append(f"{what}: kind {q.get('kind')!r} is not one of {sorted(QUOTE_KINDS)}")
        speaker = q.get("speaker")
        if speaker is None:
            if q.get("speaker_kind") is not None:
                errors.append(f"{what}: a null speaker has a null speaker_kind")
        else:
            if not isinstance(speaker, str) or not speaker.strip():
                errors.append(f"{what}: speaker must be a non-empty string or null")
            elif q.get("speaker_kind") not in SPEAKER_KINDS:
                errors.append(f"{what}: speaker_kind {q.get('speaker_kind')!r} is not one of {sorted(SPEAKER_KINDS)}")
            if isinstance(speaker, str) and speaker != AUTHOR:
                folded = text.casefold()
                missing = [w for w in _WORD_RE.findall(speaker) if w.casefold() not in folded]
                if missing:
                    errors.append(f"{what}: speaker {speaker!r}: {missing} not in the text")
        for key in ("speaker_mention", "cue"):
            if not isinstance(q.get(key, ""), str):
                errors.append(f"{what}: {key} must be a string")
        mention = q.get("speaker_mention") or ""
        if mention and _SPACE_RE.sub(" ", mention).casefold() not in _SPACE_RE.sub(" ", text).casefold():
            warnings.append(f"{what}: speaker_mention {mention!r} is not in the text as written")
    for n in nons:
        if isinstance(n, dict) and n.get("reason") not in NON_REASONS:
            errors.append(f"{rid}: non-statement {str(n.get('text'))[:50]!r}: reason {n.get('reason')!r} "
                          f"is not one of {sorted(NON_REASONS)}")
    covered.sort()
    for (a, la, va), (b, lb, vb) in zip(covered, covered[1:]):
        if a == b:
            # a quotation nested in another may share its words, never its place: two records on one
            # span are one quotation annotated twice (or a repeated one placed on the same copy)
            errors.append(f"{rid}: {la} {va[:40]!r} and {lb} {vb[:40]!r} sit on the same span {a}")
        elif b[0] < a[1] and not (a[0] <= b[0] and b[1] <= a[1] and la == lb == "quote"):
            errors.append(f"{rid}: {la} {va[:40]!r} and {lb} {vb[:40]!r} overlap")
    for m in PLAIN_SPAN_RE.finditer(text):
        inner = m.start() + 1, m.end() - 1
        if not any(s[0] < inner[1] and inner[0] < s[1] for s, _, _ in covered):
            warnings.append(f"{rid}: quoted span in neither list: {text[inner[0]:inner[1]][:60]!r}")
    return errors, warnings


def check_file(path, passages_path=PASSAGES, require_all=False):
    """(errors, warnings) for an annotation or gold file."""
    passages = load_passages(passages_path)
    records = read_jsonl(path)
    errors, warnings = [], []
    seen = Counter(r["id"] for r in records)
    errors += [f"{rid}: annotated {n} times" for rid, n in seen.items() if n > 1]
    for record in records:
        e, w = check_record(record, passages.get(record["id"]))
        errors += e
        warnings += w
    if require_all:
        errors += [f"{pid}: not annotated" for pid in passages if pid not in seen]
    return errors, warnings


def check_passages(passages_path=PASSAGES):
    """Problems with the passage file itself, and the split's promise (test outlets appear nowhere else)."""
    errors = []
    records = read_jsonl(passages_path)
    ids = Counter(p["id"] for p in records)
    errors += [f"{pid}: duplicate passage id" for pid, n in ids.items() if n > 1]
    urls = Counter(p.get("source_url") for p in records)
    errors += [f"{u}: duplicate source_url" for u, n in urls.items() if n > 1]
    for p in records:
        for key in ("text", "source_url", "outlet", "outlet_domain", "query", "genre", "split"):
            if not isinstance(p.get(key), str) or not p[key].strip():
                errors.append(f"{p['id']}: missing {key}")
        if p.get("genre") not in GENRES:
            errors.append(f"{p['id']}: genre {p.get('genre')!r}")
        if p.get("split") not in SPLITS:
            errors.append(f"{p['id']}: split {p.get('split')!r}")
    by_outlet = {}
    for p in records:
        by_outlet.setdefault(p.get("outlet_domain", "").lower(), set()).add(p.get("split"))
    errors += [f"{d}: outlet in splits {sorted(s)}" for d, s in by_outlet.items() if "test" in s and len(s) > 1]
    return errors


def with_offsets(record, passage):
    """The record with ``start``/``end`` on every span (None where a span is not found)."""
    text = passage["text"]
    out = dict(record)
    taken = ()
    for key, field in (("quotes", "quote"), ("non_statements", "text")):
        items = [dict(i) for i in record.get(key, [])]
        located = locate(text, items, field, taken)
        for item, span in zip(items, located):
            item["start"], item["end"] = span if span else (None, None)
        out[key] = items
        taken = [s for s in located if s]
    return out


def cases(split=None, gold_path=GOLD, passages_path=PASSAGES):
    """Gold cases in the evaluation's format (text, quotes, non_statements), optionally one split."""
    passages = load_passages(passages_path)
    out = []
    for record in read_jsonl(gold_path):
        passage = passages.get(record["id"])
        if passage is None or (split and passage.get("split") != split):
            continue
        out.append({"id": record["id"], "text": passage["text"], "outlet": passage.get("outlet"),
                    "genre": passage.get("genre"), "quotes": record.get("quotes", []),
                    "non_statements": record.get("non_statements", []), "author": record.get("author")})
    return out


# --- agreement between two passes -------------------------------------------------------------

def _norm(s):
    s = (s or "").replace("’", "'").replace("‘", "'")
    return _SPACE_RE.sub(" ", s).strip(" \t\n\"“”‘’'.,;:!?…—–-()[]").casefold()


def _kappa(pairs):
    """Cohen's kappa over (a, b) label pairs."""
    if not pairs:
        return 1.0
    n = len(pairs)
    observed = sum(a == b for a, b in pairs) / n
    ca, cb = Counter(a for a, _ in pairs), Counter(b for _, b in pairs)
    expected = sum(ca[k] * cb[k] for k in set(ca) | set(cb)) / (n * n)
    return 1.0 if expected == 1 else (observed - expected) / (1 - expected)


def agreement(a_records, b_records):
    """Agreement figures between two passes over the passages both annotated, and the disagreements."""
    a_by, b_by = {r["id"]: r for r in a_records}, {r["id"]: r for r in b_records}
    both_stmt = only_a = only_b = 0
    decision_pairs, speaker_pairs, kind_pairs, skind_pairs = [], [], [], []
    disagreements = []
    for pid in sorted(set(a_by) & set(b_by)):
        def spans(record):
            out = {}
            for q in record.get("quotes", []):
                out.setdefault(_norm(q.get("quote")), ("statement", q))
            for n in record.get("non_statements", []):
                out.setdefault(_norm(n.get("text")), ("non", n))
            return out
        sa, sb = spans(a_by[pid]), spans(b_by[pid])
        for key in set(sa) | set(sb):
            la, lb = sa.get(key, ("none", None)), sb.get(key, ("none", None))
            if la[0] == "statement" and lb[0] == "statement":
                both_stmt += 1
                qa, qb = la[1], lb[1]
                speaker_pairs.append((_norm(qa.get("speaker")), _norm(qb.get("speaker"))))
                kind_pairs.append((qa.get("kind"), qb.get("kind")))
                skind_pairs.append((qa.get("speaker_kind"), qb.get("speaker_kind")))
                if speaker_pairs[-1][0] != speaker_pairs[-1][1] or qa.get("kind") != qb.get("kind"):
                    disagreements.append({"id": pid, "span": key[:80], "a": qa, "b": qb})
            elif la[0] == "statement":
                only_a += 1
            elif lb[0] == "statement":
                only_b += 1
            if la[0] != "none" and lb[0] != "none":
                decision_pairs.append((la[0], lb[0]))
            if la[0] != lb[0]:
                disagreements.append({"id": pid, "span": key[:80], "a": la[0], "b": lb[0]})
    span_f1 = 2 * both_stmt / (2 * both_stmt + only_a + only_b) if both_stmt + only_a + only_b else 1.0
    return {
        "passages": len(set(a_by) & set(b_by)),
        "statements_both": both_stmt, "statements_only_a": only_a, "statements_only_b": only_b,
        "statement_span_f1": round(span_f1, 4),
        "statement_decision_kappa": round(_kappa(decision_pairs), 4),
        "speaker_agreement": round(sum(a == b for a, b in speaker_pairs) / len(speaker_pairs), 4)
        if speaker_pairs else 1.0,
        "quote_kind_kappa": round(_kappa(kind_pairs), 4),
        "speaker_kind_agreement": round(sum(a == b for a, b in skind_pairs) / len(skind_pairs), 4)
        if skind_pairs else 1.0,
        "disagreements": disagreements,
    }


def _signature(record):
    """What two passes must share for a passage to need no adjudication: every span, its list,
    and for statements the speaker and the quote kind."""
    quotes = sorted((_norm(q.get("quote")), _norm(q.get("speaker")), q.get("kind")) for q in record.get("quotes", []))
    nons = sorted(_norm(n.get("text")) for n in record.get("non_statements", []))
    return quotes, nons


def disagreeing(a_records, b_records):
    """Ids of the passages both passes annotated whose annotations differ in substance."""
    a_by, b_by = {r["id"]: r for r in a_records}, {r["id"]: r for r in b_records}
    return sorted(pid for pid in set(a_by) & set(b_by) if _signature(a_by[pid]) != _signature(b_by[pid]))


def _unanchored(item, field):
    """The span without quotation marks an annotator kept around it to anchor the lookup (the
    lookup anchors at marks itself)."""
    item = dict(item)
    value = item.get(field) or ""
    stripped = value.strip().strip(MARK_CHARS).strip()
    if stripped and stripped != value and len(stripped) < len(value):
        item[field] = stripped
    return item


def assemble(a_records, b_records, decisions, passages):
    """The gold file: the adjudicator's record wherever there is one, pass A's where the passes agree.

    An adjudicator also settles differences the passes' spans, speakers and kinds do not show (a
    cue, a mention, a non-statement's reason); such a decision wins over pass A even where the
    passes agree in substance. Every passage both passes annotated must be settled; offsets are
    computed here.
    """
    a_by, b_by = {r["id"]: r for r in a_records}, {r["id"]: r for r in b_records}
    decided = {r["id"]: r for r in decisions}
    gold, unsettled = [], []
    for pid in passages:
        if pid not in a_by or pid not in b_by:
            continue
        if pid in decided:
            record = decided[pid]
            how = "adjudicated"
        elif _signature(a_by[pid]) == _signature(b_by[pid]):
            record = a_by[pid]
            how = "agreed"
        else:
            unsettled.append(pid)
            continue
        record = {"id": pid, "quotes": [_unanchored(q, "quote") for q in record.get("quotes", [])],
                  "non_statements": [_unanchored(n, "text") for n in record.get("non_statements", [])],
                  "settled": how}
        gold.append(with_offsets(record, passages[pid]))
    return gold, unsettled


def merge_raw(raw_paths, passages_path=PASSAGES, split=None):
    """Append collected passages not yet in the corpus (by id and URL).

    Each gets its outlet's split by the domain hash, or ``split`` for all of them
    (``"development"``: dev or train by the hash, for passages collected to learn from). A new locked
    test split (``split="test"``) takes only outlets the corpus has never seen: a passage from a
    known outlet is skipped, so the test outlets appear in no other split. Passages already in the
    corpus are never rewritten. Returns (added, skipped).
    """
    existing = read_jsonl(passages_path) if Path(passages_path).exists() else []
    ids = {p["id"] for p in existing}
    urls = {p["source_url"] for p in existing}
    known_domains = {p["outlet_domain"].strip().lower() for p in existing}
    added, skipped = [], []
    for raw in raw_paths:
        for record in read_jsonl(raw):
            if record["id"] in ids or record.get("source_url") in urls:
                skipped.append(record["id"])
                continue
            record = {k: record[k] for k in ("id", "text", "source_url", "outlet", "outlet_domain", "query",
                                             "genre") if k in record}
            record["outlet_domain"] = record.get("outlet_domain", "").strip().lower()
            if split == "test" and record["outlet_domain"] in known_domains:
                skipped.append(record["id"])
                continue
            if split == "development":
                record["split"] = split_of(record["outlet_domain"], test_share=0.0)
            else:
                record["split"] = split or split_of(record["outlet_domain"])
            ids.add(record["id"])
            urls.add(record.get("source_url"))
            added.append(record)
    Path(passages_path).parent.mkdir(parents=True, exist_ok=True)
    write_jsonl(passages_path, existing + added)
    return len(added), skipped


def retire_test(note, passages_path=PASSAGES):
    """Move the locked test split into the development data, once it has been scored and looked
    at: each outlet goes to dev or train by its domain's hash (never by its text), and each passage
    keeps a ``retired`` note (when it was scored at first sight)."""
    records = read_jsonl(passages_path)
    moved = 0
    for p in records:
        if p.get("split") == "test":
            p["split"] = split_of(p["outlet_domain"], test_share=0.0)
            p["retired"] = note
            moved += 1
    write_jsonl(passages_path, records)
    return moved


def stats(passages_path=PASSAGES, gold_path=GOLD):
    passages = read_jsonl(passages_path)
    out = {"passages": len(passages), "outlets": len({p["outlet_domain"].lower() for p in passages})}
    for split in SPLITS:
        ps = [p for p in passages if p.get("split") == split]
        out[split] = {"passages": len(ps), "outlets": len({p["outlet_domain"].lower() for p in ps})}
    out["genres"] = dict(Counter(p.get("genre") for p in passages))
    if Path(gold_path).exists():
        gold = read_jsonl(gold_path)
        out["gold_passages"] = len(gold)
        out["gold_statements"] = sum(len(g.get("quotes", [])) for g in gold)
        out["gold_non_statements"] = sum(len(g.get("non_statements", [])) for g in gold)
    return out


def main(argv=None):
    import argparse

    parser = argparse.ArgumentParser(prog="python -m archive.quotes.corpus")
    sub = parser.add_subparsers(dest="command", required=True)
    for name in ("check", "offsets"):
        p = sub.add_parser(name)
        p.add_argument("file")
        p.add_argument("--passages", default=str(PASSAGES))
        p.add_argument("--all", action="store_true", help="every passage must be annotated")
    p = sub.add_parser("agree")
    p.add_argument("a")
    p.add_argument("b")
    p.add_argument("--disagreements", default=None, help="write them to this JSONL file")
    sub.add_parser("stats")
    p = sub.add_parser("disagreeing")
    p.add_argument("a")
    p.add_argument("b")
    p = sub.add_parser("assemble")
    p.add_argument("a")
    p.add_argument("b")
    p.add_argument("decisions")
    p.add_argument("--out", default=str(GOLD))
    p.add_argument("--passages", default=str(PASSAGES), help="the passages file (a new collection before merge)")
    p = sub.add_parser("merge")
    p.add_argument("raw", nargs="+")
    p.add_argument("--split", choices=SPLITS + ("development",), default=None,
                   help="put every new passage in this split (test: only outlets the corpus has never seen; "
                        "development: dev or train by the outlet's hash, never test)")
    p = sub.add_parser("retire")
    p.add_argument("--note", required=True, help="when the test split was scored, e.g. 'test at 16e3419'")
    args = parser.parse_args(argv)
    try:
        if args.command == "check":
            errors, warnings = check_file(args.file, args.passages, args.all)
            if Path(args.passages).resolve() == PASSAGES.resolve():
                errors = check_passages(args.passages) + errors
            for w in warnings:
                print("warning:", w)
            for e in errors:
                print("error:", e)
            print(f"{len(errors)} errors, {len(warnings)} warnings")
            return 1 if errors else 0
        if args.command == "offsets":
            passages = load_passages(args.passages)
            records = [with_offsets(r, passages[r["id"]]) for r in read_jsonl(args.file) if r["id"] in passages]
            write_jsonl(args.file, records)
            print(f"offsets written for {len(records)} records")
            return 0
        if args.command == "agree":
            result = agreement(read_jsonl(args.a), read_jsonl(args.b))
            if args.disagreements:
                write_jsonl(args.disagreements, result["disagreements"])
            result["disagreements"] = len(result["disagreements"])
            print(json.dumps(result, indent=2))
            return 0
        if args.command == "disagreeing":
            for pid in disagreeing(read_jsonl(args.a), read_jsonl(args.b)):
                print(pid)
            return 0
        if args.command == "assemble":
            passages = load_passages(args.passages)
            decisions = read_jsonl(args.decisions) if Path(args.decisions).exists() else []
            gold, unsettled = assemble(read_jsonl(args.a), read_jsonl(args.b), decisions, passages)
            write_jsonl(args.out, gold)
            print(f"{len(gold)} gold records written; {len(unsettled)} unsettled: {' '.join(unsettled)}")
            return 1 if unsettled else 0
        if args.command == "merge":
            added, skipped = merge_raw(args.raw, split=args.split)
            print(f"{added} passages added; {len(skipped)} skipped (already in the corpus"
                  f"{', or from an outlet it has seen' if args.split == 'test' else ''}): {' '.join(skipped)}")
            return 0
        if args.command == "retire":
            print(f"{retire_test(args.note)} passages moved from test to dev/train")
            return 0
        if args.command == "stats":
            print(json.dumps(stats(), indent=2))
            return 0
    except CorpusError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
