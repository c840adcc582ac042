"""Fitting the speaker ranker's weights and its confidence calibration on annotated real text.

    python -m archive.quotes.train [--train real:train ...] [--calibrate real:dev] [--out FILE]

1. Every statement the rules find whose span matches a gold quote becomes one training group:
   its candidates (see ``ranking.candidates``), labelled right where the candidate's name is
   the gold speaker. Groups with no right candidate teach nothing about choosing and are
   counted, not used.
2. A conditional logit (softmax over a group's candidates) is fitted by gradient ascent with an
   L2 penalty: plain Python, a few seconds, deterministic.
3. On the calibration split (never the training one; out of fold for the final model) each
   matched statement's confidence features (the winning probability, the margin, how the rules
   read it, what was chosen) are paired with whether its speaker is right; a logistic model fits
   the probability of a right speaker, and an isotonic regression (pool adjacent violators) maps
   that probability to a rate. Each block's rate is shrunk towards the prior with one right and
   one wrong pseudo-observation, so a small block cannot promise 100%.

The locked test split is never read here.
"""
import argparse
from collections import Counter
import json
import math
import sys

from . import ranking
from . import spans as spans_model
from .engine import _Run
from .evaluate import CaseError, case_text, load_any, normalise_quote, speaker_right


RULES_ONLY = ({}, [], {}, {})


def _run(case, model):
    run = _Run(case_text(case), (case.get("author") or "").strip() or None)
    return run, run.run(rank=False, model=model)


def span_examples(cases):
    """(features, is a statement) for every quoted span the rules read; a span that overlaps a
    gold statement without matching it (a pairing error) teaches nothing about the decision."""
    examples = []
    for case in cases:
        run, _ = _run(case, RULES_ONLY)
        gold = {normalise_quote(q["quote"]) for q in case.get("quotes", [])}
        text = run.text
        gold_spans = []
        for q in case.get("quotes", []):
            at = text.find(q["quote"])
            if at >= 0:
                gold_spans.append((at, at + len(q["quote"])))
        for span, stmt, non in run.decisions:
            quote = text[span.start:span.end]
            label = normalise_quote(quote) in gold
            if not label and any(a < span.end and span.start < b for a, b in gold_spans):
                continue
            f = spans_model.features(run, span, stmt is not None, non.reason if non else None,
                                     run.hows.get(id(stmt)) if stmt else None)
            examples.append((f, label))
    return examples


def statement_f1(cases, model):
    tp = fp = fn = 0
    for case in cases:
        _, result = _run(case, model)
        got = [normalise_quote(s.quote) for s in result.statements if s.kind != "reported"]
        want = list(dict.fromkeys(normalise_quote(q["quote"]) for q in case.get("quotes", [])))
        for w in want:
            if w in got:
                got.remove(w)
                tp += 1
            else:
                fn += 1
        fp += len(got)
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def thresholds_for(cases, span_weights):
    """The promote/demote thresholds for the span model, chosen on ``cases`` (never the test split):
    the setting with the best statement F1, and among equals (to three decimals) the most
    conservative (promoting least, demoting least), since the rules explain themselves and the
    model does not. (The one-standard-error rule, tried first, always chose the most conservative
    setting on a development split of this size and left partial quotes the model finds
    rejected.) Returns (thresholds, F1)."""
    settings = [({}, statement_f1(cases, ({}, [], span_weights, {})))]
    # only a confident disagreement overrules the rules: promote at 0.7 or more, demote at 0.3 or
    # less (the span model without its lexical features promoted imagined speech and labels the
    # guidelines call non-statements at 0.7; with them the data choose)
    for promote in (0.7, 0.8, 0.9):
        for demote in (0.0, 0.1, 0.2, 0.3):
            t = {"promote": promote, "demote": demote}
            settings.append((t, statement_f1(cases, ({}, [], span_weights, t))))
    best = max(round(f1, 3) for _, f1 in settings)
    eligible = [(t, f1) for t, f1 in settings if round(f1, 3) >= best]
    return min(eligible, key=lambda tf: (tf[0].get("promote", 1.1) * -1, tf[0].get("demote", -0.1)))


def groups_for(cases, model=RULES_ONLY):
    """(groups, unreachable): each group is a list of (features, right) for one matched statement."""
    groups, unreachable = [], 0
    for case in cases:
        run, result = _run(case, model)
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
            labelled = [(c.features, speaker_right(c.name, g)) for c in group]
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
    """Pool-adjacent-violators over (probability, right) pairs: [(probability, rate), ...] increasing.

    Points with the same probability form one block first. A block's rate is shrunk towards one
    half by one right and one wrong pseudo-observation, and blocks are pooled until the shrunk
    rates increase, so a small block of successes cannot promise certainty.
    """
    by_x = {}
    for x, y in points:
        entry = by_x.setdefault(x, [0.0, 0.0, 0])
        entry[0] += x
        entry[1] += bool(y)
        entry[2] += 1
    rate = lambda b: (b[1] + 1) / (b[2] + 2)
    blocks = []  # [sum_x, right, n]
    for x in sorted(by_x):
        blocks.append(list(by_x[x]))
        while len(blocks) > 1 and rate(blocks[-2]) >= rate(blocks[-1]):
            b = blocks.pop()
            blocks[-1] = [blocks[-1][0] + b[0], blocks[-1][1] + b[1], blocks[-1][2] + b[2]]
    return [(round(sx / n, 4), round(rate((sx, right, n)), 4)) for sx, right, n in blocks]


def switch_margin(cases, weights, model):
    """How much more probable another candidate must be than the rules' pick to replace it.

    The margin with the most right speakers on ``cases`` (the calibration split); among equals,
    the largest (and a count within a quarter of a percent of the best counts as equal), so the ranker
    overrules the rules' explicit evidence only where the data says it should. (A
    one-standard-error rule was tried: with a few hundred statements its error bar spans every
    margin, so it always chose the largest and the ranker never overruled a cue.)
    """
    scores = []
    for margin in (0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.7, 1.0):
        _, found, right = score_with(cases, (weights, [], model[2], dict(model[3], switch=margin)))
        scores.append((right, margin, found))
    best = max(right for right, _, _ in scores)
    # within a quarter of a percent of the best (at least one statement) counts as equal: a gain that small
    # is noise on a few hundred statements, and the rules' explicit evidence generalises better
    slack = max(1, round(0.0025 * max(found for _, _, found in scores)))
    return max(margin for right, margin, _ in scores if right >= best - slack)


def calibration_points(cases, weights, model=RULES_ONLY):
    """(confidence features, speaker right) for every matched statement of ``cases``, read with a
    model that never saw them."""
    points = []
    for case in cases:
        run, result = _run(case, model)
        ranking.rerank(run, result.statements, run.hows, weights, [], model[3].get("switch"))
        run.finish_names()
        gold = {}
        for q in case.get("quotes", []):
            gold.setdefault(normalise_quote(q["quote"]), q)
        features = run.__dict__.get("confidence_features", {})
        for stmt in result.statements:
            g = gold.get(normalise_quote(stmt.quote)) if stmt.kind != "reported" else None
            if g is not None and id(stmt) in features:
                points.append((features[id(stmt)], speaker_right(stmt.speaker, g)))
    return points


def fit_confidence(points, l2=1.0, epochs=300, rate=0.3):
    """Logistic weights (prefixed ``confidence:``) for the probability that a speaker is right,
    and the isotonic calibration of that probability, from out-of-sample points.

    The ranker's probability compares the candidates of one statement; whether a band of statements
    is right depends also on how they were read (a cue beside a name, a guess from the context, a
    pronoun, nobody). A logistic model over those features (``ranking.confidence_features``) ranks
    statements by how likely they are right; the isotonic map then states it as a rate. The map is
    fitted on the same pooled out-of-fold points as the model: a few dozen weights over a few
    thousand points, so its optimism is small (reported by the locked test split)."""
    weights = spans_model.fit(points, l2=l2, epochs=epochs, rate=rate)  # the same logistic fit as the span model's
    prefixed = {ranking.CONFIDENCE_PREFIX + k: w for k, w in weights.items()}
    calibration = isotonic([(ranking.confidence_probability(f, prefixed), right) for f, right in points])
    return prefixed, calibration


def _fold(case, folds):
    import hashlib

    key = (case.get("outlet") or case["id"]).encode("utf-8")
    return int.from_bytes(hashlib.sha1(key).digest()[:4], "big") % folds


def score_with(cases, model, calibration=()):
    """(gold statements, found, found with the right speaker) with an explicit model."""
    gold_n = found = right = 0
    for case in cases:
        run, result = _run(case, model)
        ranking.rerank(run, result.statements, run.hows, model[0], list(calibration), model[3].get("switch"))
        run.finish_names()
        got = {}
        for st in result.statements:
            if st.kind != "reported":
                got.setdefault(normalise_quote(st.quote), st)
        for key, q in {normalise_quote(q["quote"]): q for q in case.get("quotes", [])}.items():
            gold_n += 1
            st = got.get(key)
            if st is not None:
                found += 1
                right += speaker_right(st.speaker, q)
    return gold_n, found, right


def _fit_fold(train, l2):
    """(span weights, thresholds with the switch margin, ranker weights) fitted on ``train`` alone."""
    span_weights = spans_model.fit(span_examples(train), l2=l2)
    thresholds, _ = thresholds_for(train, span_weights)
    span_model = ({}, [], span_weights, thresholds)
    weights = fit(groups_for(train, span_model)[0], l2=l2)
    thresholds["switch"] = switch_margin(train, weights, span_model)
    return span_weights, thresholds, weights


def cross_validate(cases, folds=5, l2=1.0):
    """Statement recall, speaker accuracy and end to end over ``folds`` outlet-disjoint folds."""
    totals = [0, 0, 0]
    for k in range(folds):
        train = [c for c in cases if _fold(c, folds) != k]
        held = [c for c in cases if _fold(c, folds) == k]
        span_weights, thresholds, weights = _fit_fold(train, l2)
        for i, v in enumerate(score_with(held, (weights, [], span_weights, thresholds))):
            totals[i] += v
    gold_n, found, right = totals
    return {"gold": gold_n, "recall": found / gold_n, "speaker_accuracy": right / found, "end_to_end": right / gold_n}


def train_final(cases, folds=5, l2=1.0):
    """The model for a locked test split: fitted on every development case, with what cannot be
    fitted in-sample taken out of fold.

    A model calibrated on the cases it was fitted on promises too much, and thresholds chosen on
    them favour the ranker over the rules. So each of ``folds`` outlet-disjoint folds is held out
    in turn: a model fitted on the others scores it (the cross-validation figures) and gives its
    calibration points and its choice of thresholds. The final weights are fitted on all cases;
    the calibration is the isotonic fit of the pooled out-of-fold points, and each threshold is
    the one most folds chose. Returns (model dict, cross-validation figures)."""
    totals, points, chosen = [0, 0, 0], [], []
    for k in range(folds):
        train = [c for c in cases if _fold(c, folds) != k]
        held = [c for c in cases if _fold(c, folds) == k]
        span_weights, thresholds, weights = _fit_fold(train, l2)
        model = (weights, [], span_weights, thresholds)
        for i, v in enumerate(score_with(held, model)):
            totals[i] += v
        points += calibration_points(held, weights, ({}, [], span_weights, thresholds))
        chosen.append(thresholds)
    thresholds = {key: Counter(t[key] for t in chosen if key in t).most_common(1)[0][0]
                  for key in sorted({key for t in chosen for key in t})}
    examples = span_examples(cases)
    span_weights = spans_model.fit(examples, l2=l2)
    groups, unreachable = groups_for(cases, ({}, [], span_weights, thresholds))
    weights = fit(groups, l2=l2)
    confidence_weights, calibration = fit_confidence(points)
    weights.update(confidence_weights)
    gold_n, found, right = totals
    figures = {"folds": folds, "gold": gold_n, "recall": round(found / gold_n, 4),
               "speaker_accuracy": round(right / found, 4), "end_to_end": round(right / gold_n, 4)}
    return {"groups": len(groups), "unreachable": unreachable, "calibration_points": len(points),
            "span_examples": len(examples), "weights": weights, "calibration": calibration,
            "span_weights": span_weights, "span_thresholds": thresholds, "cross_validation": figures}, figures


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m archive.quotes.train")
    parser.add_argument("--train", nargs="+", default=["real:train"])
    parser.add_argument("--calibrate", nargs="+", default=["real:dev"])
    parser.add_argument("--out", default=str(ranking.WEIGHTS_PATH))
    parser.add_argument("--l2", type=float, default=1.0)
    parser.add_argument("--cv", type=int, default=0, help="report K-fold cross-validation over train and "
                        "calibration cases (outlet-disjoint folds) and write nothing")
    parser.add_argument("--final", type=int, default=0, metavar="K",
                        help="fit on train and calibration cases together; calibrate and choose thresholds "
                        "out of fold over K outlet-disjoint folds (the model for a locked test split)")
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
    if args.cv:
        print(json.dumps(cross_validate(train_cases + cal_cases, args.cv, args.l2)))
        return 0
    if args.final:
        model, figures = train_final(train_cases + cal_cases, args.final, args.l2)
        with open(args.out, "w", encoding="utf-8") as handle:
            json.dump({"trained_on": args.train + args.calibrate, "calibrated_on": "out of fold", **model}, handle,
                      indent=1)
            handle.write("\n")
        ranking.load_model.cache_clear()
        print(f"final model on {len(train_cases) + len(cal_cases)} cases; thresholds {model['span_thresholds']}; "
              f"{args.final}-fold cross-validation: {json.dumps(figures)}; written to {args.out}")
        return 0
    examples = span_examples(train_cases)
    span_weights = spans_model.fit(examples, l2=args.l2)
    thresholds, dev_f1 = thresholds_for(cal_cases, span_weights)
    span_model = ({}, [], span_weights, thresholds)
    print(f"span model: {len(examples)} spans; thresholds {thresholds or 'none (rules alone)'}; "
          f"statement F1 on the calibration split {dev_f1:.3f} "
          f"(rules alone {statement_f1(cal_cases, RULES_ONLY):.3f})")
    groups, unreachable = groups_for(train_cases, span_model)
    weights = fit(groups, l2=args.l2)
    thresholds["switch"] = switch_margin(cal_cases, weights, span_model)
    print(f"ranker: the rules' pick is replaced when another candidate is {thresholds['switch']} more probable")
    points = calibration_points(cal_cases, weights, span_model)
    confidence_weights, calibration = fit_confidence(points)
    weights.update(confidence_weights)
    with open(args.out, "w", encoding="utf-8") as handle:
        json.dump({"trained_on": args.train, "calibrated_on": args.calibrate, "groups": len(groups),
                   "unreachable": unreachable, "calibration_points": len(points), "span_examples": len(examples),
                   "weights": weights, "calibration": calibration, "span_weights": span_weights,
                   "span_thresholds": thresholds}, handle, indent=1)
        handle.write("\n")
    ranking.load_model.cache_clear()
    print(f"{len(groups)} training groups ({unreachable} with no right candidate), "
          f"{len(points)} calibration points; written to {args.out}")
    for k, w in sorted(weights.items(), key=lambda kv: -abs(kv[1]))[:15]:
        print(f"  {k:28} {w:+.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
