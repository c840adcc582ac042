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
"""
import json
import re
import time
from dataclasses import dataclass, field
from pathlib import Path

from .engine import extract

_EDGE = r"[\s\"“”„«»‘’'.,;:!?…—–\-()\[\]]*"
_EDGE_RE = re.compile(rf"^{_EDGE}|{_EDGE}$")
_SPACE_RE = re.compile(r"\s+")


def normalise_quote(text):
    """Equal-for-scoring form: surrounding whitespace and punctuation trimmed."""
    text = text.replace("’", "'").replace("‘", "'")
    text = _SPACE_RE.sub(" ", text)
    return _EDGE_RE.sub("", text).casefold()


def normalise_name(name):
    return _SPACE_RE.sub(" ", (name or "")).strip().casefold()


_WORD_RE = re.compile(r"\w+")


def gist_found(gist, clause):
    """A paraphrased gist is found when most of its words occur in the predicted clause."""
    words = [w for w in _WORD_RE.findall(gist.casefold()) if len(w) > 2]
    if not words:
        return False
    have = set(_WORD_RE.findall(clause.casefold()))
    return sum(w in have for w in words) >= 0.8 * len(words)


def names_match(got, want, loose=False):
    got, want = normalise_name(got), normalise_name(want)
    if got == want:
        return True
    return bool(loose and got and want and (got in want or want in got))


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
    def reported_recall(self):
        return self.reported_found / self.reported_gold if self.reported_gold else 1.0

    def as_dict(self):
        return {
            "cases": self.cases, "precision": round(self.precision, 4), "recall": round(self.recall, 4),
            "f1": round(self.f1, 4), "speaker_accuracy": round(self.speaker_accuracy, 4),
            "true_positives": self.tp, "false_positives": self.fp, "false_negatives": self.fn,
            "non_statements_as_statements": self.non_statement_errors,
            "reported_recall": round(self.reported_recall, 4), "reported_gold": self.reported_gold,
            "reported_predicted": self.reported_predicted, "problems": self.problems,
        }


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
    unmatched = list(predicted)
    for gold in case.get("quotes", []):
        want = normalise_quote(gold["quote"])
        hit = next((p for p in unmatched if normalise_quote(p.quote) == want), None)
        if hit is None:
            score.fn += 1
            score.problems.append(f"MISS      {cid}: “{gold['quote']}” ({gold.get('speaker')})")
            continue
        unmatched.remove(hit)
        score.tp += 1
        if names_match(hit.speaker, gold.get("speaker")):
            score.speaker_right += 1
        else:
            score.problems.append(
                f"SPEAKER   {cid}: “{gold['quote'][:70]}” got {hit.speaker!r}, want {gold.get('speaker')!r}")
    non_keys = {normalise_quote(n["text"]) for n in case.get("non_statements", [])}
    for p in unmatched:
        score.fp += 1
        if normalise_quote(p.quote) in non_keys:
            score.non_statement_errors += 1
            score.problems.append(f"NON-STMT  {cid}: “{p.quote}” returned as a statement ({p.speaker})")
        else:
            score.problems.append(f"EXTRA     {cid}: “{p.quote[:80]}” ({p.speaker})")
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


def evaluate(paths):
    """Score every case of the given gold files; returns a Score."""
    score = Score()
    for path in paths:
        for case in load_cases(path):
            score_case(case, score)
    return score


def format_score(score, label=""):
    lines = [
        f"Quote extraction evaluation{(' — ' + label) if label else ''}: {score.cases} cases",
        f"  statements   precision {score.precision:.3f}  recall {score.recall:.3f}  F1 {score.f1:.3f}"
        f"  (TP {score.tp}, FP {score.fp}, FN {score.fn})",
        f"  speakers     accuracy {score.speaker_accuracy:.3f} over {score.tp} matched statements",
        f"  non-statements returned as statements: {score.non_statement_errors}",
        f"  reported     recall {score.reported_recall:.3f} ({score.reported_found}/{score.reported_gold} gold; "
        f"{score.reported_predicted} predicted; scored apart from quotes)",
    ]
    if score.seconds:
        lines.append(f"  speed        {score.chars / score.seconds:,.0f} characters/s over {score.chars:,} characters")
    if score.problems:
        lines.append("  misses and errors:")
        lines += ["    " + p for p in score.problems]
    else:
        lines.append("  no misses")
    return "\n".join(lines)


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
    args = parser.parse_args(argv)
    try:
        score = evaluate(args.gold)
    except CaseError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(json.dumps(score.as_dict(), ensure_ascii=False, indent=2) if args.json
          else format_score(score, ", ".join(args.gold)))
    failures = thresholds_failed(score, args.min_f1, args.min_speaker_accuracy)
    for failure in failures:
        print(f"error: {failure}", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
