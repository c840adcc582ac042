"""The evaluation and the two commands: scores on the seeds and on our annotated passages."""
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from archive.quotes.evaluate import evaluate, format_score

ROOT = Path(__file__).resolve().parent.parent
SEED_GOLD = ROOT / "tests" / "data" / "seed-quotes.jsonl"
OUR_GOLD = ROOT / "tests" / "data" / "quotes" / "passages.jsonl"


def test_seed_quotes_score_100_percent():
    score = evaluate([SEED_GOLD])
    print("\n" + format_score(score, "seed-quotes.jsonl"))
    assert (score.precision, score.recall, score.speaker_accuracy) == (1.0, 1.0, 1.0)
    assert score.non_statement_errors == 0
    assert score.reported_recall == 1.0


def test_our_annotated_passages():
    cases = [json.loads(line) for line in OUR_GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(cases) >= 25
    score = evaluate([OUR_GOLD])
    print("\n" + format_score(score, "tests/data/quotes/passages.jsonl"))
    assert score.f1 >= 0.95
    assert score.speaker_accuracy >= 0.90
    # The real corpus, not these written passages, sets the span model's promote threshold (0.7,
    # chosen out of fold): at it four of the 134 written terms are promoted since the model learned
    # on 1,379 real passages (policy names inside a speaker's reported clause: "small yard, high
    # fence", "light public housing", "nine-dash line", "nuclear-free homeland"); at 0.8 none were,
    # at two points less end to end on real text.
    assert score.non_statement_errors <= 4


def test_evaluate_quotes_command_prints_scores_and_misses(tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({
        "id": "tiny", "text": 'Smith said, "We will win." The "moat" is deep.',
        "quotes": [{"quote": "We will win.", "speaker": "Smith"}, {"quote": "never said", "speaker": "Jones"}],
        "non_statements": [{"text": "moat"}]}) + "\n", encoding="utf-8")
    out = io.StringIO()
    call_command("evaluate_quotes", str(gold), stdout=out)
    text = out.getvalue()
    assert "precision 1.000" in text and "recall 0.500" in text
    assert "speakers     accuracy 1.000" in text
    assert "non-statements returned as statements: 0" in text
    assert "MISS      tiny: “never said” (Jones)" in text
    with pytest.raises(CommandError, match="below --min-f1"):
        call_command("evaluate_quotes", str(gold), "--min-f1", "0.9", stdout=io.StringIO())


def test_evaluate_quotes_rejects_bad_gold_files(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{not json\n", encoding="utf-8")
    with pytest.raises(CommandError, match="not a JSON object"):
        call_command("evaluate_quotes", str(bad), stdout=io.StringIO())
    with pytest.raises(CommandError, match="cannot read"):
        call_command("evaluate_quotes", str(tmp_path / "missing.jsonl"), stdout=io.StringIO())


def test_extract_quotes_json_from_a_file(tmp_path):
    source = tmp_path / "c.txt"
    source.write_text("This writer was curious. When he posed, “What next?” nobody answered. Scholar Joseph Nye noted, “Power shifts.”",
                      encoding="utf-8")
    out = io.StringIO()
    call_command("extract_quotes", "--json", str(source), "--author", "Qi Dapeng", stdout=out)
    data = json.loads(out.getvalue())
    assert [(s["quote"], s["speaker"]) for s in data["statements"]] == [
        ("What next?", "Qi Dapeng"), ("Power shifts.", "Joseph Nye")]


def test_extract_quotes_table_and_errors(tmp_path):
    source = tmp_path / "c.txt"
    source.write_text('Smith said, "Yes." A "moat" too.', encoding="utf-8")
    out = io.StringIO()
    call_command("extract_quotes", str(source), stdout=out)
    assert "Smith (person) — said" in out.getvalue() and "“moat”" in out.getvalue()
    latin = tmp_path / "latin1.txt"
    latin.write_bytes("café “x”".encode("latin-1", errors="replace") + b"\xe9")
    with pytest.raises(CommandError, match="not UTF-8"):
        call_command("extract_quotes", str(latin), stdout=io.StringIO())
    with pytest.raises(CommandError, match="cannot read"):
        call_command("extract_quotes", str(tmp_path / "nope.txt"), stdout=io.StringIO())


def test_extract_quotes_reads_stdin_and_never_touches_the_database(tmp_path):
    """Run as a real process against a database file that does not exist (never migrated)."""
    env = dict(os.environ, DEBUG="1", DATABASE_URL=f"sqlite:///{tmp_path / 'never-created.sqlite3'}")
    env.setdefault("SECRET_KEY", "x" * 50)
    proc = subprocess.run(
        [sys.executable, "manage.py", "extract_quotes", "--json", "-"],
        input='Founder Liang Wenfeng said, "AI is a public tool."'.encode("utf-8"),
        cwd=ROOT, env=env, capture_output=True, timeout=120,
    )
    assert proc.returncode == 0, proc.stderr.decode()
    data = json.loads(proc.stdout.decode("utf-8"))
    assert data["statements"][0]["speaker"] == "Liang Wenfeng"
    assert not (tmp_path / "never-created.sqlite3").exists()


def test_python_m_archive_quotes_needs_no_django_settings(tmp_path):
    """The same contract without Django: no SECRET_KEY, no DEBUG, no database."""
    env = {k: v for k, v in os.environ.items() if k not in ("DEBUG", "SECRET_KEY", "DATABASE_URL",
                                                            "DJANGO_SETTINGS_MODULE")}
    proc = subprocess.run(
        [sys.executable, "-m", "archive.quotes", "--json", "--author", "Qi Dapeng", "-"],
        input="The author of this commentary asked. When he posed, “What next?” nobody answered.".encode(),
        cwd=ROOT, env=env, capture_output=True, timeout=60,
    )
    assert proc.returncode == 0, proc.stderr.decode()
    data = json.loads(proc.stdout.decode("utf-8"))
    assert [(s["quote"], s["speaker"]) for s in data["statements"]] == [("What next?", "Qi Dapeng")]
    bad = subprocess.run([sys.executable, "-m", "archive.quotes", "--json", "-"], input=b"\xff",
                         cwd=ROOT, env=env, capture_output=True, timeout=60)
    assert bad.returncode == 1 and b"not UTF-8" in bad.stderr
