"""Scoring the engine against annotated cases (the format of tests/data/seed-quotes.jsonl).

Each case has a ``text`` or a ``file`` (relative to the project root, the current directory,
or the gold file's folder), an optional ``author``, gold ``quotes`` (quote, speaker, ...),
``non_statements`` and ``reported_without_quotation_marks``.

How it scores (documented in docs/quotes.md):
- Quoted statements: a prediction (kind direct or partial) matches a gold quote when both are
  equal after trimming surrounding whitespace and punctuation (internal whitespace is collapsed
  and curly apostrophes are straightened, so a quote crossing a line break still matches).
  Precision, recall and F1 over all cases (micro-averaged).
- Speaker accuracy: over matched quotes, speaker names compared case-insensitively.
- Non-statement errors: gold non-statements returned as statements.
- Reported statements (kind "reported") are scored separately and never count against the
  quote scores: a gold reported item is found when a reported prediction has the same speaker
  (case-insensitive; one name may contain the other, "IDC" in "International Data Corporation
  (IDC)") and its clause carries the gold gist. Gold lists of
  reported statements are rarely complete, so only recall is given, with the count predicted.
  The gist is a paraphrase, so it counts as found when 80% of its words (over two letters)
  occur in the predicted clause.
- End to end: gold quotes found with the right speaker, over all gold quotes (what reaches an
  editor right).
- Where the gold gives them, matched statements are also scored on cue, mention (the gold mention
  and the predicted one share a word), speaker kind and quote kind (direct/partial).
- Reliability: matched statements by confidence band, with the share whose speaker is right.
- Every error gets a class (pairing, partial quote, non-statement, speaker kind, mention
  boundary, back-reference, speaker choice) so the figures say which mechanism failed.

``real:train``, ``real:dev`` and ``real:test`` (or ``real:all``) name the splits of the real
corpus in ``tests/data/quotes/real/`` instead of a file.
"""
import json
import re
import time
from dataclasses import dataclass, field
from pathlib import Path

from .engine import extract

BANDS = ((0.0, 0.5), (0.5, 0.7), (0.7, 0.8), (0.8, 0.9), (0.9, 0.95), (0.95, 1.01))
ERROR_CLASSES = ("pairing", "partial quote", "non-statement", "speaker kind", "mention boundary", "back-reference",
                 "speaker choice")
PRONOUNS = {"he", "she", "they", "it", "i", "we", "his", "her", "their", "its", "him", "them", "you"}

_EDGE = r"[\s\"“”„«»‘’'.,;:!?…—–\-()\[\]]*"
_EDGE_RE = re.compile(rf"^{_EDGE}|{_EDGE}$")
_SPACE_RE = re.compile(r"\s+")


def normalise_quote(text):
    """Equal-for-scoring form: surrounding whitespace and punctuation trimmed."""
    text = text.replace("’", "'").replace("‘", "'")
    text = _SPACE_RE.sub(" ", text)
    return _EDGE_RE.sub("", text).casefold()


_ARTICLE_RE = re.compile(r"^(?:the|a|an)\s+")


def normalise_name(name):
    """Equal-for-scoring form of a name: spaces collapsed, case and a leading article ignored ("The
    Times" is "Times"; "the senior US official" named again is "a senior US official"), curly
    apostrophes straightened."""
    name = _SPACE_RE.sub(" ", (name or "")).strip().casefold().replace("’", "'")
    return _ARTICLE_RE.sub("", name)


_WORD_RE = re.compile(r"\w+")


def gist_found(gist, clause):
    """A paraphrased gist is found when most of its words occur in the predicted clause."""
    words = [w for w in _WORD_RE.findall(gist.casefold()) if len(w) > 2]
    if not words:
        return False
    have = set(_WORD_RE.findall(clause.casefold()))
    return sum(w in have for w in words) >= 0.8 * len(words)


def unnamed(gold):
    """Whether a gold speaker is an unnamed source written as a noun phrase ("some analysts", "a
    senior official close to Merz"), whose exact extent in the text is a matter of taste."""
    speaker = (gold.get("speaker") or "").strip()
    return bool(speaker) and (gold.get("speaker_kind") == "group" or speaker[:1].islower())


def speaker_right(got, gold):
    """A predicted speaker is right when it is the gold name; for an unnamed source, when one
    phrase contains the other ("American experts" in "both Chinese and American experts")."""
    return names_match(got, gold.get("speaker"), loose=unnamed(gold))


def names_match(got, want, loose=False):
    """Equal names (case-insensitive); a None speaker is right where the gold says nobody is named.

    A bracketed acronym is an alias, not part of the name: "Australian Strategic Policy Institute
    (ASPI)" is "Australian Strategic Policy Institute" and "ASPI".
    """
    got, want = normalise_name(got), normalise_name(want)
    if got == want:
        return True
    if _forms(got) & _forms(want):
        return True
    return bool(loose and got and want and (got in want or want in got))


_BRACKETED_RE = re.compile(r"^(.*\S)\s*\(([^()]{2,12})\)$")


def _forms(name):
    """A name and, when it carries a bracketed acronym, the name without it and the acronym."""
    m = _BRACKETED_RE.match(name or "")
    return {name, m.group(1), m.group(2)} - {""} if m else ({name} if name else set())


class CaseError(ValueError):
    """A gold case that cannot be read (bad JSON, missing file)."""


def load_cases(path):
    path = Path(path)
    cases = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise CaseError(f"cannot read {path}: {exc}") from exc
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            case = json.loads(line)
        except json.JSONDecodeError as exc:
            raise CaseError(f"{path}:{number}: not a JSON object: {exc}") from exc
        if not isinstance(case, dict) or not ("text" in case or "file" in case):
            raise CaseError(f"{path}:{number}: a case needs a \"text\" or a \"file\"")
        case.setdefault("id", f"{path.name}:{number}")
        case["_gold_path"] = str(path)
        cases.append(case)
    return cases


def case_text(case):
    if "text" in case:
        return case["text"]
    rel = Path(case["file"])
    candidates = [rel] if rel.is_absolute() else [Path.cwd() / rel]
    gold_dir = Path(case.get("_gold_path", ".")).resolve().parent
    candidates += [parent / rel for parent in [gold_dir, *gold_dir.parents]]
    for candidate in candidates:
        if candidate.is_file():
            return candidate.read_text(encoding="utf-8")
    raise CaseError(f"case {case.get('id')}: file {case['file']} not found")


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    speaker_right: int = 0
    non_statement_errors: int = 0
    reported_gold: int = 0
    reported_found: int = 0
    reported_predicted: int = 0
    problems: list = field(default_factory=list)
    outcomes: list = field(default_factory=list)  # (case id, gold quote, found, got, want) per gold quote
    field_right: dict = field(default_factory=dict)  # "cue" -> [right, scored]
    bands: dict = field(default_factory=dict)  # band -> [right, total]
    error_classes: dict = field(default_factory=dict)
    cases: int = 0
    chars: int = 0
    seconds: float = 0.0

    @property
    def precision(self):
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self):
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self):
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def speaker_accuracy(self):
        return self.speaker_right / self.tp if self.tp else 1.0

    @property
    def end_to_end(self):
        gold = self.tp + self.fn
        return self.speaker_right / gold if gold else 1.0

    def field_accuracy(self, name):
        right, scored = self.field_right.get(name, (0, 0))
        return right / scored if scored else None

    def count_error(self, cls):
        self.error_classes[cls] = self.error_classes.get(cls, 0) + 1

    def add_band(self, confidence, right):
        for lo, hi in BANDS:
            if lo <= confidence < hi:
                entry = self.bands.setdefault((lo, hi), [0, 0])
                entry[0] += bool(right)
                entry[1] += 1
                return

    def accuracy_at(self, threshold):
        """(right, total) over matched statements with confidence >= threshold."""
        right = total = 0
        for (lo, _), (r, t) in self.bands.items():
            if lo >= threshold:
                right, total = right + r, total + t
        return right, total

    @property
    def reported_recall(self):
        return self.reported_found / self.reported_gold if self.reported_gold else 1.0

    def as_dict(self):
        return {
            "cases": self.cases, "precision": round(self.precision, 4), "recall": round(self.recall, 4),
            "f1": round(self.f1, 4), "speaker_accuracy": round(self.speaker_accuracy, 4),
            "end_to_end": round(self.end_to_end, 4),
            "fields": {k: round(v[0] / v[1], 4) for k, v in self.field_right.items() if v[1]},
            "reliability": [{"band": f"{lo:.2f}-{min(hi, 1.0):.2f}", "right": r, "total": t,
                             "accuracy": round(r / t, 4)} for (lo, hi), (r, t) in sorted(self.bands.items())],
            "error_classes": dict(sorted(self.error_classes.items())),
            "true_positives": self.tp, "false_positives": self.fp, "false_negatives": self.fn,
            "non_statements_as_statements": self.non_statement_errors,
            "reported_recall": round(self.reported_recall, 4), "reported_gold": self.reported_gold,
            "reported_predicted": self.reported_predicted, "problems": self.problems,
        }


def _overlaps(a_start, a_end, b_start, b_end):
    return a_start < b_end and b_start < a_end


def _gold_span(text, gold):
    if isinstance(gold.get("start"), int) and isinstance(gold.get("end"), int):
        return gold["start"], gold["end"]
    at = text.find(gold.get("quote") or gold.get("text") or "")
    return (at, at + len(gold.get("quote") or gold.get("text") or "")) if at >= 0 else (-1, -1)


def _mention_match(got, want):
    """A mention is right when it shares a word (over two letters, or a pronoun) with the gold one."""
    words = lambda m: {w for w in _WORD_RE.findall((m or "").casefold()) if len(w) > 2 or w in PRONOUNS}
    g, w = words(got), words(want)
    return bool(g & w) if w else not g


def speaker_error_class(got, got_kind, gold):
    """Which mechanism a wrong speaker points at."""
    want = normalise_name(gold.get("speaker"))
    have = normalise_name(got)
    if want and have and (want in have or have in want):
        return "mention boundary"
    if gold.get("speaker_kind") and got_kind and got_kind != gold.get("speaker_kind") and \
            gold.get("speaker_kind") != "person":
        return "speaker kind"
    mention = normalise_name(gold.get("speaker_mention"))
    if mention and want and not any(part in mention for part in want.split() if len(part) > 2):
        return "back-reference"  # the gold mention is a pronoun or a role noun, not the name
    return "speaker choice"


def score_case(case, score):
    text = case_text(case)
    started = time.perf_counter()
    result = extract(text, author=case.get("author"))
    score.seconds += time.perf_counter() - started
    score.cases += 1
    score.chars += len(text)
    cid = case["id"]
    predicted = [s for s in result.statements if s.kind != "reported"]
    reported = [s for s in result.statements if s.kind == "reported"]
    rejected = result.non_statements
    unmatched = list(predicted)
    gold_quotes = case.get("quotes", [])
    gold_nons = case.get("non_statements", [])
    seen = set()
    for gold in gold_quotes:
        want = normalise_quote(gold["quote"])
        if want in seen:
            continue  # a page dump that repeats a passage: one statement, as the archive keeps it
        seen.add(want)
        hit = next((p for p in unmatched if normalise_quote(p.quote) == want), None)
        if hit is None:
            score.fn += 1
            gs, ge = _gold_span(text, gold)
            if any(_overlaps(gs, ge, p.start, p.end) for p in predicted):
                cls = "pairing"  # found, with other boundaries
            elif any(_overlaps(gs, ge, n.start, n.end) for n in rejected):
                cls = "partial quote" if gold.get("kind") == "partial" else "non-statement"
            else:
                cls = "pairing"
            score.count_error(cls)
            score.outcomes.append((cid, gold["quote"], False, None, gold.get("speaker"), False))
            score.problems.append(f"MISS      {cid}: “{gold['quote'][:80]}” ({gold.get('speaker')}) [{cls}]")
            continue
        unmatched.remove(hit)
        score.tp += 1
        right = speaker_right(hit.speaker, gold)
        score.outcomes.append((cid, gold["quote"], True, hit.speaker, gold.get("speaker"), right))
        score.add_band(hit.confidence, right)
        if right:
            score.speaker_right += 1
        else:
            cls = speaker_error_class(hit.speaker, hit.speaker_kind, gold)
            score.count_error(cls)
            score.problems.append(
                f"SPEAKER   {cid}: “{gold['quote'][:70]}” got {hit.speaker!r}, want {gold.get('speaker')!r} [{cls}]")
        checks = (("cue", "cue", lambda g, w: normalise_quote(g) == normalise_quote(w)),
                  ("mention", "speaker_mention", _mention_match),
                  ("speaker kind", "speaker_kind", lambda g, w: g == w),
                  ("quote kind", "kind", lambda g, w: g == w))
        for label, key, same in checks:
            if key not in gold or (key == "speaker_kind" and gold.get("speaker") is None):
                continue
            entry = score.field_right.setdefault(label, [0, 0])
            entry[0] += bool(same(getattr(hit, key), gold[key]))
            entry[1] += 1
    non_keys = {normalise_quote(n["text"]) for n in gold_nons}
    for p in unmatched:
        score.fp += 1
        if normalise_quote(p.quote) in non_keys:
            score.non_statement_errors += 1
            score.count_error("non-statement")
            score.problems.append(f"NON-STMT  {cid}: “{p.quote[:80]}” returned as a statement ({p.speaker})"
                                  " [non-statement]")
        else:
            cls = "pairing" if any(_overlaps(p.start, p.end, *_gold_span(text, g)) for g in gold_quotes) or \
                not any(_overlaps(p.start, p.end, *_gold_span(text, n)) for n in gold_nons) else "non-statement"
            score.count_error(cls)
            score.problems.append(f"EXTRA     {cid}: “{p.quote[:80]}” ({p.speaker}) [{cls}]")
    score.reported_predicted += len(reported)
    for gold in case.get("reported_without_quotation_marks", []):
        score.reported_gold += 1
        gist = gold.get("gist", "")
        found = any(names_match(r.speaker, gold.get("speaker"), loose=True) and gist_found(gist, r.quote)
                    for r in reported)
        if found:
            score.reported_found += 1
        else:
            score.problems.append(f"REPORTED  {cid}: {gold.get('speaker')} {gold.get('cue')}: {gold.get('gist')}")
    return score


def load_any(path):
    """Cases of a gold file, or of a split of the real corpus ("real:dev")."""
    if str(path).startswith("real:"):
        from .corpus import CorpusError, cases

        split = str(path).split(":", 1)[1]
        try:
            return cases(None if split == "all" else split)
        except CorpusError as exc:
            raise CaseError(str(exc)) from exc
    return load_cases(path)


def evaluate(paths):
    """Score every case of the given gold files; returns a Score."""
    score = Score()
    for path in paths:
        for case in load_any(path):
            score_case(case, score)
    return score


def reliability_table(score):
    """Speaker accuracy by confidence band: how far an editor can trust each band."""
    lines = ["  reliability  confidence band   statements   right speaker"]
    for (lo, hi), (right, total) in sorted(score.bands.items()):
        lines.append(f"               {lo:.2f}–{min(hi, 1.0):.2f}        {total:>6}       {right / total:.3f}")
    for threshold in (0.8, 0.9):
        right, total = score.accuracy_at(threshold)
        if total:
            lines.append(f"               at ≥ {threshold:.2f}: {right}/{total} = {right / total:.3f}")
    return lines


def format_score(score, label="", problems=True):
    lines = [
        f"Quote extraction evaluation{(' — ' + label) if label else ''}: {score.cases} cases",
        f"  statements   precision {score.precision:.3f}  recall {score.recall:.3f}  F1 {score.f1:.3f}"
        f"  (TP {score.tp}, FP {score.fp}, FN {score.fn})",
        f"  speakers     accuracy {score.speaker_accuracy:.3f} over {score.tp} matched statements",
        f"  end to end   {score.end_to_end:.3f} of {score.tp + score.fn} gold statements found with the right speaker",
        f"  non-statements returned as statements: {score.non_statement_errors}",
        f"  reported     recall {score.reported_recall:.3f} ({score.reported_found}/{score.reported_gold} gold; "
        f"{score.reported_predicted} predicted; scored apart from quotes)",
    ]
    fields = [f"{name} {score.field_accuracy(name):.3f}" for name in ("cue", "mention", "speaker kind", "quote kind")
              if score.field_accuracy(name) is not None]
    if fields:
        lines.append("  fields       " + "  ".join(fields) + "  (over matched statements the gold annotates)")
    if score.bands:
        lines += reliability_table(score)
    if score.error_classes:
        lines.append("  errors by class: " + ", ".join(f"{cls} {score.error_classes[cls]}" for cls in ERROR_CLASSES
                                                    if score.error_classes.get(cls)))
    if score.seconds:
        lines.append(f"  speed        {score.chars / score.seconds:,.0f} characters/s over {score.chars:,} characters")
    if not problems:
        return "\n".join(lines)
    if score.problems:
        lines.append("  misses and errors:")
        lines += ["    " + p for p in score.problems]
    else:
        lines.append("  no misses")
    return "\n".join(lines)


def pinned_outcomes(score):
    """The exact outcome of every gold quote, as lines a test compares with a stored copy, so a
    changed speaker shows as a diff that names its passage; the lines not marked ``ok`` are the
    known misses: ``case id | quote (first 60 characters) | ok/WRONG/MISSED | got | want``."""
    lines = []
    for cid, quote, found, speaker, want, right in score.outcomes:
        status = "MISSED" if not found else "ok" if right else "WRONG"
        lines.append(f"{cid} | {normalise_quote(quote)[:60]} | {status} | {speaker if found else '-'} | {want}")
    return lines


def thresholds_failed(score, min_f1=None, min_speaker_accuracy=None):
    """Messages for every threshold the score misses (empty when it passes)."""
    failures = []
    if min_f1 is not None and score.f1 < min_f1:
        failures.append(f"F1 {score.f1:.3f} is below --min-f1 {min_f1}")
    if min_speaker_accuracy is not None and score.speaker_accuracy < min_speaker_accuracy:
        failures.append(f"speaker accuracy {score.speaker_accuracy:.3f} is below "
                        f"--min-speaker-accuracy {min_speaker_accuracy}")
    return failures


def main(argv=None):
    """``python -m archive.quotes.evaluate GOLD.jsonl ... [--min-f1 X]``, without Django."""
    import argparse
    import sys

    parser = argparse.ArgumentParser(prog="python -m archive.quotes.evaluate")
    parser.add_argument("gold", nargs="+", metavar="GOLD.jsonl")
    parser.add_argument("--min-f1", type=float, default=None)
    parser.add_argument("--min-speaker-accuracy", type=float, default=None)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--summary", action="store_true", help="figures only, no list of misses")
    parser.add_argument("--pin", metavar="FILE", help="write every gold quote's outcome to FILE (for the tests)")
    args = parser.parse_args(argv)
    try:
        score = evaluate(args.gold)
    except CaseError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(json.dumps(score.as_dict(), ensure_ascii=False, indent=2) if args.json
          else format_score(score, ", ".join(args.gold), problems=not args.summary))
    if args.pin:
        Path(args.pin).write_text("\n".join(pinned_outcomes(score)) + "\n", encoding="utf-8")
    failures = thresholds_failed(score, args.min_f1, args.min_speaker_accuracy)
    for failure in failures:
        print(f"error: {failure}", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
