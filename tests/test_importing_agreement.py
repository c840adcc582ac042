"""Agreement of two annotation passes, and checking a pass against pages not yet merged."""
import json

import pytest

from archive.importing import corpus
from archive.importing.agreement import agreement, format_agreement, kappa


def gold(pid, **fields):
    record = {"id": pid, "kind": "article", "title": None, "title_also": [], "authors": [], "authors_also": [],
              "date": None, "date_precision": None, "date_also": [], "outlet": None, "outlet_also": []}
    record.update(fields)
    return record


def write(path, rows):
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    return path


def test_kappa_is_one_for_perfect_agreement_zero_for_chance_and_undefined_without_variation():
    assert kappa([("a", "a"), ("b", "b")]) == 1.0
    # A always says yes, B says yes half the time: observed 0.5, expected 0.5
    assert kappa([(True, True), (True, False)]) == 0.0
    assert kappa([(True, True), (True, True)]) is None
    assert kappa([]) is None


def test_values_in_the_other_passes_also_lists_are_compatible():
    a = [gold("p1", title="Opinion | Water rates must rise", authors=["Ann Lee"], date="2024-03-02", date_precision="day",
              outlet="The Herald"),
         gold("p2", title="A headline", authors=["Ann Lee", "Bo Chen"])]
    b = [gold("p1", title="Water rates must rise", title_also=["Opinion | Water rates must rise"], authors=["Dr. Ann Lee"],
              date="2024-03", date_precision="month", date_also=[{"date": "2024-03-02", "date_precision": "day"}],
              outlet="Herald", outlet_also=[]),
         gold("p2", title="A Headline.", authors=["Ann Lee"], authors_also=["Bo Chen"])]
    result = agreement(a, b)
    assert result["disagreements"] == []
    assert all(f["agreement"] == 1.0 for f in result["fields"].values())
    # but where the passes state different values (compatible only through an _also reading) the
    # report still lists them, so the adjudicator chooses the stated one
    softer = {(d["id"], d["field"]) for d in result["compatible_differences"]}
    assert {("p1", "title"), ("p1", "date"), ("p2", "authors")} <= softer
    assert ("p1", "authors") not in softer  # "Dr. Ann Lee" is "Ann Lee" to the scorer


def test_disagreements_are_counted_per_field_and_listed():
    a = [gold("p1", title="Headline one", date="2024-03-02", date_precision="day"),
         gold("p2", kind="listing"),
         gold("p3", title="Headline three", authors=["Ann Lee"]),
         gold("p4", title="Headline four", date="2024-03-02", date_precision="day"),
         gold("only-a")]
    b = [gold("p1", title="Headline one", date="2024-02-03", date_precision="day"),
         gold("p2", kind="listing"),
         gold("p3", title="Another headline"),
         gold("p4", title="Headline four", date="2024-03", date_precision="month")]
    result = agreement(a, b)
    assert result["pages"] == 4 and result["only_a"] == ["only-a"]
    title, authors, date = (result["fields"][f] for f in ("title", "authors", "date"))
    assert (title["agree"], title["both_stated"], title["both_stated_agree"]) == (3, 3, 2)
    assert authors["agree"] == 3 and (authors["stated_a"], authors["stated_b"]) == (1, 0)
    # a date of another precision is a disagreement, though both state one
    assert date["agree"] == 2 and date["both_stated"] == 2 and date["both_stated_agree"] == 0
    assert result["fields"]["kind"]["agreement"] == 1.0
    listed = {(d["id"], d["field"]) for d in result["disagreements"]}
    assert listed == {("p1", "date"), ("p3", "title"), ("p3", "authors"), ("p4", "date")}
    report = format_agreement(result)
    assert "p3 authors: A ['Ann Lee'] | B []" in report and "only in A: 1" in report


def test_agree_command_prints_the_report(tmp_path, capsys):
    a = write(tmp_path / "a.jsonl", [gold("p1", kind="article"), gold("p2", kind="listing")])
    b = write(tmp_path / "b.jsonl", [gold("p1", kind="listing"), gold("p2", kind="listing")])
    assert corpus.main(["agree", str(a), str(b)]) == 0
    out = capsys.readouterr().out
    assert "kind" in out and "1/2" in out and "p1 kind: A 'article' | B 'listing'" in out


def test_check_takes_a_pass_and_a_pages_file_not_yet_merged(tmp_path, capsys):
    test_page = {"id": "new-001", "text": "Water rates must rise\n\nBy Ann Lee", "outlet_domain": "new-outlet.example",
                 "batch": corpus.LOCKED_TEST_BATCH, "split": "test"}
    pages = write(tmp_path / "pages.jsonl", [test_page])
    good = write(tmp_path / "pass.jsonl", [gold("new-001", title="Water rates must rise", authors=["Ann Lee"])])
    assert corpus.main(["check", str(good), "--pages", str(pages)]) == 0
    assert "0 problems" in capsys.readouterr().out
    bad = write(tmp_path / "bad.jsonl", [gold("new-001", title="Water rates must fall")])
    assert corpus.main(["check", str(bad), "--pages", str(pages)]) == 1
    assert "title 'Water rates must fall' is not in the text" in capsys.readouterr().out
    # a test page from an outlet the corpus already develops on, or an id the corpus holds, is refused
    seen = next(p for p, _ in corpus.load(split="train+dev"))
    clash = write(tmp_path / "clash.jsonl", [dict(test_page, outlet_domain=seen["outlet_domain"]),
                                              dict(test_page, id=seen["id"], outlet_domain="other.example")])
    both = write(tmp_path / "both.jsonl", [gold("new-001", title="Water rates must rise"), gold(seen["id"])])
    assert corpus.main(["check", str(both), "--pages", str(clash)]) == 1
    out = capsys.readouterr().out
    assert "already in the corpus's train or dev split" in out and "already in the corpus" in out


def test_check_reports_an_unreadable_file(tmp_path, capsys):
    assert corpus.main(["check", str(tmp_path / "missing.jsonl")]) == 2
    assert "cannot read" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        corpus.main(["frobnicate"])
