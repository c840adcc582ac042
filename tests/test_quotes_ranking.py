"""The learned parts of the quote engine: the speaker ranker, the span model, the calibration.

These test the mechanisms with small hand-made data (what a fit must learn, what a calibration
must promise); the trained weights themselves are judged by the real corpus's pinned outcomes
and figures (tests/test_quotes_real_corpus.py, docs/quotes.md).
"""
import json

from archive.quotes import extract, ranking, spans
from archive.quotes.engine import _Run
from archive.quotes.train import fit, isotonic


def test_the_fit_learns_to_prefer_what_the_labels_prefer():
    # two candidates per group: the near one is right three times out of four
    groups = [[({"near": 1.0}, True), ({"far": 1.0}, False)]] * 3 + [[({"near": 1.0}, False), ({"far": 1.0}, True)]]
    w = fit(groups, epochs=200)
    assert w["near"] > w["far"]


def test_a_group_with_two_right_candidates_rewards_both():
    groups = [[({"a": 1.0}, True), ({"b": 1.0}, True), ({"c": 1.0}, False)]] * 4
    w = fit(groups, epochs=200)
    assert w["a"] > w["c"] and w["b"] > w["c"]


def test_isotonic_calibration_is_increasing_and_never_promises_certainty():
    points = [(0.2, False)] * 8 + [(0.2, True)] * 2 + [(0.6, True)] * 6 + [(0.6, False)] * 4 + [(0.95, True)] * 30
    cal = isotonic(points)
    rates = [r for _, r in cal]
    assert rates == sorted(rates)
    assert rates[-1] < 1.0  # 30 of 30 right is shrunk: (30 + 1) / (30 + 2)
    assert abs(rates[-1] - 31 / 32) < 1e-3
    # a violating pair is pooled: a high score that was wrong more often than a lower one
    pooled = isotonic([(0.3, True)] * 3 + [(0.7, False)] * 3)
    assert len(pooled) == 1


def test_calibrate_interpolates_between_fitted_points_and_clamps_outside():
    cal = [(0.2, 0.3), (0.6, 0.7), (0.9, 0.95)]
    assert ranking.calibrate(0.1, cal) == 0.3
    assert abs(ranking.calibrate(0.4, cal) - 0.5) < 1e-9
    assert ranking.calibrate(0.99, cal) == 0.95
    assert ranking.calibrate(0.5, []) == 0.5


def test_candidates_include_the_people_named_around_a_quote_and_nobody():
    text = ("Jerome Powell spoke first. Janet Yellen answered questions later.\n"
            "“We will stay the course,” he said.")
    run = _Run(text, None)
    result = run.run(rank=False, model=({}, [], {}, {}))
    (stmt,) = [s for s in result.statements if s.kind != "reported"]
    group = ranking.candidates(run, stmt, run.hows[id(stmt)], None)
    names = {c.name for c in group}
    assert {"Jerome Powell", "Janet Yellen", None} <= names
    pick = next(c for c in group if c.engine)
    assert pick.features["engine_how_after_reference"] == 1.0
    for c in group:
        if c.name:
            assert "before" in c.features or "after" in c.features or "unplaced" in c.features


def test_a_handle_is_a_candidate_speaker():
    text = "“We are not afraid,” wrote @dril on X, to thousands of replies."
    run = _Run(text, None)
    result = run.run(rank=False, model=({}, [], {}, {}))
    (stmt,) = [s for s in result.statements if s.kind != "reported"]
    group = ranking.candidates(run, stmt, run.hows.get(id(stmt), "none"), None)
    handle = next(c for c in group if c.name == "@dril")
    assert handle.features["handle"] == 1.0 and handle.features["after_same_sentence"] == 1.0


def test_the_ranker_overrules_the_rules_where_its_weights_say_so(tmp_path, monkeypatch):
    # a description at the cue names nobody: the ranker chooses among the people it may mean
    text = "Jerome Powell spoke first. Janet Yellen answered questions later.\n“We will stay the course,” the chair said."
    # weights that trust the person named first over the rules' pick
    weights = {"engine": -5.0, "before": 1.0, "before_rank": -3.0, "nobody": -9.0}
    model = {"weights": weights, "calibration": [[0.0, 0.1], [1.0, 0.9]], "span_weights": {}, "span_thresholds": {}}
    path = tmp_path / "w.json"
    path.write_text(json.dumps(model))
    load = ranking.load_model.__wrapped__
    monkeypatch.setattr(ranking, "load_model", lambda: load(path))
    (stmt,) = [s for s in extract(text).statements if s.kind != "reported"]
    assert stmt.speaker == "Jerome Powell" and stmt.speaker_mention == "Jerome Powell"
    assert stmt.alternatives and stmt.alternatives[0]["speaker"] == "Janet Yellen"
    assert all(0.0 <= a["score"] <= 1.0 for a in stmt.alternatives)
    assert 0.1 <= stmt.confidence <= 0.9


def test_the_span_model_can_promote_a_rejected_span():
    text = "Critics described the plan as “reckless” on Monday."
    run = _Run(text, None)
    run.run(rank=False, model=({}, [], {}, {}))
    (span, stmt, non) = run.decisions[0]
    f = spans.features(run, span, stmt is not None, non.reason if non else None, None)
    assert f["naming_before"] == 1.0
    promote_all = ({}, [], {"bias": 5.0}, {"promote": 0.5, "demote": -1.0})
    run2 = _Run(text, None)
    result = run2.run(rank=False, model=promote_all)
    assert [s.quote for s in result.statements if s.kind != "reported"] == ["reckless"]
    assert result.non_statements == []


def _candidates(text):
    run = _Run(text, None)
    result = run.run(rank=False, model=({}, [], {}, {}))
    stmt = [s for s in result.statements if s.kind != "reported"][-1]
    return {c.name: c for c in ranking.candidates(run, stmt, run.hows.get(id(stmt), "none"), None)}


def test_a_word_the_text_also_writes_in_lower_case_is_marked_as_a_common_word():
    # a sentence-opening adverb read as the sender of the message: "Just" is also written "just"
    text = ("Just to take you a little back in time, towards the 2021 general elections, Bobi Wine, "
            "publicly, sent a message to Besigye: “You can’t stand for four times and then tell us that "
            "democracy doesn’t work.” They were just talking.")
    group = _candidates(text)
    assert group["Just"].features.get("common_word") == 1.0
    assert "common_word" not in group["Bobi Wine"].features


def test_a_demonym_is_marked_and_a_name_is_not():
    text = "The Israeli said nothing. Mr Fumio Kishida spoke.\n“We will respond,” the Israeli said."
    group = _candidates(text)
    assert group["Israeli"].features.get("demonym") == 1.0
    assert "demonym" not in group["Fumio Kishida"].features


def _rules_statement(text):
    """The one quoted statement of ``text`` as the rules alone read it."""
    result = _Run(text, None).run(rank=False, model=({}, [], {}, {}))
    (stmt,) = [s for s in result.statements if s.kind != "reported"]
    return stmt


def test_a_demonym_before_a_newspaper_describes_it_and_names_no_one():
    # "The Israeli newspaper" is a description pointing back to the paper named before it
    lead = "Haaretz's editorial sharply criticizes the government's handling of the talks.\n"
    quote = " emphasized, “Time is running out for the prisoners.”"
    assert _rules_statement(lead + "The Israeli newspaper" + quote).speaker != "Israeli"
    assert _rules_statement(lead + "The newspaper" + quote).speaker == "Haaretz"


def test_the_span_model_learns_attributing_words_it_was_never_told():
    # "touting" is no cue the rules know: the fitted weights learn it from labelled spans
    heads = ["the automaker claimed it would be profitable, touting ", "they kept touting ",
             "the firm is touting ", "its chief was touting "]
    scares = ["the so-called ", "a so-called ", "its so-called ", "their so-called "]
    examples = [({"bias": 1.0, **spans.lexical(h, "")}, True) for h in heads] * 3 + \
        [({"bias": 1.0, **spans.lexical(h, "")}, False) for h in scares] * 3
    w = spans.fit(examples, epochs=200)
    assert spans.probability({"bias": 1.0, **spans.lexical("the company began touting ", " and")}, w) > 0.6
    assert spans.probability({"bias": 1.0, **spans.lexical("the company’s so-called ", " and")}, w) < 0.4


def test_the_confidence_model_learns_which_readings_are_right_more_often():
    from archive.quotes.train import fit_confidence

    def point(score, how, nobody=False):
        f = {"bias": 1.0, "logit": ranking.math.log(score / (1 - score)) / 4.0, "margin": 0.3, "how_" + how: 1.0}
        if nobody:
            f["nobody"] = 1.0
        return f
    # at the same ranker probability, a name at a cue is right 9 times in 10, a guess from the context 1 in 2,
    # nobody 1 in 5
    points = ([(point(0.8, "after"), True)] * 9 + [(point(0.8, "after"), False)] +
              [(point(0.8, "context"), True)] * 5 + [(point(0.8, "context"), False)] * 5 +
              [(point(0.8, "none", True), True)] + [(point(0.8, "none", True), False)] * 4) * 4
    weights, calibration = fit_confidence(points)
    p = {how: ranking.confidence_probability(point(0.8, how, how == "none"), weights) for how in ("after", "context", "none")}
    assert p["after"] > p["context"] > p["none"]
    conf = {how: ranking.calibrate(v, calibration) for how, v in p.items()}
    assert conf["after"] > conf["context"] > conf["none"] and conf["after"] < 1.0


def test_without_confidence_weights_the_ranker_probability_is_calibrated_as_before():
    f = {"bias": 1.0, "logit": ranking.math.log(0.7 / 0.3) / 4.0, "margin": 0.2, "how_after": 1.0}
    assert abs(ranking.confidence_probability(f, {"bias": 1.0}, 0.7) - 0.7) < 1e-3
