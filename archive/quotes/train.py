"""Fitting the speaker ranker's weights and its confidence calibration on annotated real text.

    python -m archive.quotes.train [--train real:train ...] [--calibrate real:dev] [--out FILE]

1. Every statement the rules find whose span matches a gold quote becomes one training group:
   its candidates (see ``ranking.candidates``), labelled right where the candidate's name is
   the gold speaker. Groups with no right candidate teach nothing about choosing and are
   counted, not used.
2. A conditional logit (softmax over a group's candidates) is fitted by gradient ascent with an
   L2 penalty: plain Python, a few seconds, deterministic.
3. On the calibration split (never the training one) the winning probability of each matched
   statement is paired with whether its speaker is right, and an isotonic regression (pool
   adjacent violators) maps one to the other. Each block's rate is shrunk towards the prior
   with one right and one wrong pseudo-observation, so a small block cannot promise 100%.

The locked test split is never read here.
"""
import argparse
import json
import math
import sys

from . import ranking
from .engine import _Run
from .evaluate import CaseError, case_text, load_any, names_match, normalise_quote


def groups_for(cases):
    """(groups, unreachable): each group is a list of (features, right) for one matched statement."""
    groups, unreachable = [], 0
    for case in cases:
        text = case_text(case)
        run = _Run(text, (case.get("author") or "").strip() or None)
        result = run.run(rank=False)
        gold = {}
        for q in case.get("quotes", []):
            gold.setdefault(normalise_quote(q["quote"]), q)
        prev = None
        for stmt in result.statements:
            if stmt.kind == "reported":
                continue
            g = gold.get(normalise_quote(stmt.quote))
            group = ranking.candidates(run, stmt, run.hows.get(id(stmt), "none"), prev)
            prev = (stmt.speaker, stmt.speaker_kind) if stmt.speaker else prev
            if g is None:
                continue
            labelled = [(c.features, names_match(c.name, g.get("speaker"))) for c in group]
            if not any(right for _, right in labelled):
                unreachable += 1
                continue
            groups.append(labelled)
    return groups, unreachable


def fit(groups, l2=0.01, epochs=300, rate=0.5):
    """Conditional-logit weights maximising the probability of each group's right candidates."""
    weights = {}
    sq = {}
    for _ in range(epochs):
        grad = {k: -l2 * w for k, w in weights.items()}
        for group in groups:
            raw = [sum(weights.get(k, 0.0) * v for k, v in f.items()) for f, _ in group]
            top = max(raw)
            exps = [math.exp(r - top) for r in raw]
            z = sum(exps)
            probs = [e / z for e in exps]
            right_mass = sum(p for p, (_, right) in zip(probs, group) if right)
            for p, (f, right) in zip(probs, group):
                # d log(sum of right probs) / d w = E_right[x] - E_all[x]
                coef = (p / right_mass if right else 0.0) - p
                if coef:
                    for k, v in f.items():
                        grad[k] = grad.get(k, 0.0) + coef * v
        for k, g in grad.items():
            sq[k] = sq.get(k, 0.0) + g * g
            weights[k] = weights.get(k, 0.0) + rate * g / (math.sqrt(sq[k]) + 1e-8)
    return {k: round(w, 5) for k, w in sorted(weights.items()) if abs(w) > 1e-6}


def isotonic(points):
    """Pool-adjacent-violators over (probability, right) pairs: [(probability, rate), ...] increasing."""
    blocks = []  # [sum_x, right, n]
    for x, y in sorted(points):
        blocks.append([x, float(y), 1])
        while len(blocks) > 1 and (blocks[-2][1] + 1) / (blocks[-2][2] + 2) >= (blocks[-1][1] + 1) / (blocks[-1][2] + 2):
            b = blocks.pop()
            blocks[-1] = [blocks[-1][0] + b[0], blocks[-1][1] + b[1], blocks[-1][2] + b[2]]
    return [(round(sx / n, 4), round((right + 1) / (n + 2), 4)) for sx, right, n in blocks]


def calibration_points(cases, weights):
    points = []
    for case in cases:
        text = case_text(case)
        run = _Run(text, (case.get("author") or "").strip() or None)
        result = run.run(rank=False)
        ranking.rerank(run, result.statements, run.hows, weights, [])
        gold = {}
        for q in case.get("quotes", []):
            gold.setdefault(normalise_quote(q["quote"]), q)
        for stmt in result.statements:
            g = gold.get(normalise_quote(stmt.quote)) if stmt.kind != "reported" else None
            if g is not None:
                points.append((stmt.confidence, names_match(stmt.speaker, g.get("speaker"))))
    return points


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m archive.quotes.train")
    parser.add_argument("--train", nargs="+", default=["real:train"])
    parser.add_argument("--calibrate", nargs="+", default=["real:dev"])
    parser.add_argument("--out", default=str(ranking.WEIGHTS_PATH))
    parser.add_argument("--l2", type=float, default=0.01)
    args = parser.parse_args(argv)
    if any(src.startswith("real:test") or src == "real:all" for src in args.train + args.calibrate):
        print("error: the locked test split is never trained or calibrated on", file=sys.stderr)
        return 1
    try:
        train_cases = [c for src in args.train for c in load_any(src)]
        cal_cases = [c for src in args.calibrate for c in load_any(src)]
    except CaseError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    groups, unreachable = groups_for(train_cases)
    weights = fit(groups, l2=args.l2)
    points = calibration_points(cal_cases, weights)
    calibration = isotonic(points)
    with open(args.out, "w", encoding="utf-8") as handle:
        json.dump({"trained_on": args.train, "calibrated_on": args.calibrate, "groups": len(groups),
                   "unreachable": unreachable, "calibration_points": len(points),
                   "weights": weights, "calibration": calibration}, handle, indent=1)
        handle.write("\n")
    ranking.load_model.cache_clear()
    print(f"{len(groups)} training groups ({unreachable} with no right candidate), "
          f"{len(points)} calibration points; written to {args.out}")
    for k, w in sorted(weights.items(), key=lambda kv: -abs(kv[1]))[:15]:
        print(f"  {k:28} {w:+.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
