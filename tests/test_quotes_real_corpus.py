"""The real-text corpus: valid as the checker reads it, and every development outcome pinned.

A pinned outcome is one line per gold quote: found or missed, and the speaker found. Any change
of the engine that changes a speaker on real text shows here as a diff naming the passage, not
as a figure that moved by a thousandth. Retraining or a deliberate rule change updates the pins
with ``make pin-quotes``; the diff then goes into the commit for review.

The locked test split is not pinned and never read here: its figure is taken once, at first
sight (docs/quotes.md).
"""
import difflib
import json
from pathlib import Path

import pytest

from archive.quotes import corpus
from archive.quotes.evaluate import evaluate, pinned_outcomes
from archive.quotes.train import main as train_main

ROOT = Path(__file__).resolve().parent.parent
PINS = ROOT / "tests" / "data" / "quotes" / "outcomes"
ANNOTATIONS = corpus.REAL_DIR / "annotations"


def test_passages_are_valid_and_the_test_outlets_appear_in_no_other_split():
    assert corpus.check_passages() == []
    s = corpus.stats()
    assert s["passages"] >= 300 and s["outlets"] >= 150
    # Between a retirement (the split was scored at first sight, then studied) and the next
    # split's merge the test split is empty; a test split that exists must be large enough.
    assert s["test"]["passages"] == 0 or s["test"]["passages"] >= 100


def test_gold_and_both_annotation_passes_pass_the_checker():
    for path in [corpus.GOLD, *sorted(ANNOTATIONS.glob("pass-*.jsonl"))]:
        errors, _ = corpus.check_file(path)
        assert errors == [], f"{path.name}: {errors[:10]}"
    errors, _ = corpus.check_file(corpus.GOLD, require_all=True)
    assert errors == []


def test_gold_offsets_slice_the_passage_to_each_span():
    passages = corpus.load_passages()
    for record in corpus.read_jsonl(corpus.GOLD):
        text = passages[record["id"]]["text"]
        for q in record["quotes"]:
            assert text[q["start"]:q["end"]] == q["quote"], record["id"]
        for n in record["non_statements"]:
            assert text[n["start"]:n["end"]] == n["text"], record["id"]


def test_the_checker_catches_a_quote_that_is_not_in_the_text(tmp_path):
    passage = next(iter(corpus.load_passages().values()))
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps({"id": passage["id"], "quotes": [
        {"quote": "words nobody wrote here at all", "kind": "direct", "speaker": "Nobody Known",
         "speaker_kind": "person", "speaker_mention": "", "cue": ""}], "non_statements": []}) + "\n")
    errors, _ = corpus.check_file(bad)
    assert any("not found exactly" in e for e in errors)
    assert any("not in the text" in e for e in errors)


@pytest.mark.parametrize("source, pin", [
    ("real:train", "real-train.txt"),
    ("real:dev", "real-dev.txt"),
    (str(ROOT / "tests" / "data" / "quotes" / "passages.jsonl"), "written-passages.txt"),
    (str(ROOT / "tests" / "data" / "seed-quotes.jsonl"), "seeds.txt"),
])
def test_every_outcome_is_pinned(source, pin):
    got = pinned_outcomes(evaluate([source]))
    want = (PINS / pin).read_text(encoding="utf-8").splitlines()
    diff = list(difflib.unified_diff(want, got, "pinned", "now", lineterm="", n=0))
    assert not diff, f"outcomes changed on {source} (make pin-quotes after review):\n" + "\n".join(diff[:60])


def test_training_refuses_the_locked_test_split(tmp_path, capsys):
    assert train_main(["--train", "real:test", "--out", str(tmp_path / "w.json")]) == 1
    assert "never trained" in capsys.readouterr().err
    assert not (tmp_path / "w.json").exists()


def test_confidence_bands_rank_speakers_on_the_development_split():
    """Calibrated on dev: each higher band is right more often than the lowest one, and the
    calibrated confidence is within 0.15 of each band's share of right speakers (the
    reliability figure itself is reported by evaluate_quotes)."""
    score = evaluate(["real:dev"])
    bands = [(lo, hi, r, t) for (lo, hi), (r, t) in sorted(score.bands.items()) if t >= 10]
    assert len(bands) >= 2
    lowest = bands[0][2] / bands[0][3]
    for lo, hi, r, t in bands[1:]:
        assert r / t > lowest
    for lo, hi, r, t in bands:
        assert lo - 0.15 <= r / t <= min(hi, 1.0) + 0.15


def test_assemble_takes_the_adjudicators_field_settlement_where_the_passes_agree_in_substance():
    text = "Powell said: “We will stay the course.” Critics called it “reckless”."
    a = {"id": "x-1", "quotes": [{"quote": "We will stay the course.", "kind": "direct", "speaker": "Powell",
                                  "speaker_kind": "person", "speaker_mention": "Powell", "cue": ":"}],
         "non_statements": [{"text": "reckless", "reason": "scare"}]}
    b = json.loads(json.dumps(a))
    b["quotes"][0]["cue"] = "said"  # same span, speaker and kind: only the cue differs
    settled = json.loads(json.dumps(b))
    settled["why"] = "the cue is the attribution word; the colon only introduces it"
    gold, unsettled = corpus.assemble([a], [b], [settled], {"x-1": {"id": "x-1", "text": text}})
    assert unsettled == [] and gold[0]["quotes"][0]["cue"] == "said" and gold[0]["settled"] == "adjudicated"
    # without a decision, agreeing passes give pass A's record
    gold, _ = corpus.assemble([a], [b], [], {"x-1": {"id": "x-1", "text": text}})
    assert gold[0]["quotes"][0]["cue"] == ":" and gold[0]["settled"] == "agreed"


def test_a_repeated_quotation_takes_each_copy_and_one_span_twice_is_an_error():
    # a page that prints a paragraph twice, the first copy without its closing mark: the
    # best-anchored occurrence is the second, but two records of the same words are the two copies
    text = "He wrote: “We shall not fail.\n\nLater, again: “We shall not fail.” Then he left."
    quote = {"quote": "We shall not fail.", "kind": "direct", "speaker": None,
             "speaker_kind": None, "speaker_mention": "", "cue": ""}
    assert corpus.locate(text, [quote, dict(quote)], "quote") == [(11, 29), (46, 64)]
    record = {"id": "x", "quotes": [dict(quote, start=46, end=64), dict(quote, start=46, end=64)],
              "non_statements": []}
    errors, _ = corpus.check_record(record, {"id": "x", "text": text})
    assert any("same span" in e for e in errors)


def test_a_title_quoted_without_its_closing_mark_is_placed_at_the_mark_not_at_the_page_heading():
    text = "Tourist Tuesday, 12/12/17\n\nA walk through town.\n\n4 thoughts on “Tourist Tuesday, 12/12/17\n\nNice."
    (start, end), = corpus.locate(text, [{"text": "Tourist Tuesday, 12/12/17"}], "text")
    assert text[start - 1] == "“" and text[start:end] == "Tourist Tuesday, 12/12/17"
    # an excerpt cut inside a quotation still finds it at the text's start, before its closing mark
    text = "the end of an era,” she said. Later the end of an era came."
    assert corpus.locate(text, [{"quote": "the end of an era,"}], "quote") == [(0, 18)]


def test_recomputed_offsets_are_the_stored_ones_for_every_gold_record():
    passages = corpus.load_passages()
    for gold in corpus.read_jsonl(corpus.GOLD):
        bare = {"id": gold["id"], **{field: [{k: v for k, v in item.items() if k not in ("start", "end")}
                                             for item in gold.get(field, [])]
                                     for field in ("quotes", "non_statements")}}
        again = corpus.with_offsets(bare, passages[gold["id"]])
        for field in ("quotes", "non_statements"):
            assert [(i["start"], i["end"]) for i in again[field]] == \
                [(i["start"], i["end"]) for i in gold.get(field, [])], (gold["id"], field)
