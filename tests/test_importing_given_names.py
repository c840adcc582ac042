"""The given-name list learned from the annotated corpora (archive/importing/given_names.py)."""
import json

from archive.importing import given_names


def _write(path, records):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")


def test_first_words_seen_in_two_outlets_are_kept_and_test_and_held_out_pages_are_not_read(tmp_path):
    real = tmp_path / "tests/data/importing/real"
    _write(real / "pages.jsonl", [
        {"id": "a-001", "split": "train", "outlet_domain": "one.example", "text": ""},
        {"id": "a-002", "split": "dev", "outlet_domain": "two.example", "text": ""},
        {"id": "a-003", "split": "test", "outlet_domain": "three.example", "text": ""},
        {"id": "x-001", "split": "train", "outlet_domain": "four.example", "text": ""},
    ])
    _write(real / "gold.jsonl", [
        {"id": "a-001", "authors": ["Dr Orla Quinn", "Tobiah Reyes"]},
        {"id": "a-002", "authors": ["Tobiah Smith", "Wilhelmina Kerr"]},
        {"id": "a-003", "authors": ["Orla Best"]},  # a test page: never read
        {"id": "x-001", "authors": ["Wilhelmina Ross"]},  # the held-out batch: not read
    ])
    quotes = tmp_path / "tests/data/quotes/real"
    _write(quotes / "passages.jsonl", [
        {"id": "q-1", "split": "train", "outlet_domain": "five.example", "text": ""},
        {"id": "q-2", "split": "test", "outlet_domain": "six.example", "text": ""},
    ])
    _write(quotes / "gold.jsonl", [
        {"id": "q-1", "quotes": [{"speaker": "Orla Byrne", "speaker_kind": "person"},
                                 {"speaker": "Kestrel Group", "speaker_kind": "organisation"}]},
        {"id": "q-2", "quotes": [{"speaker": "Wilhelmina Grey", "speaker_kind": "person"}]},
    ])
    words = given_names.build(tmp_path, exclude_batches=("x",))
    assert "orla" in words and "tobiah" in words  # (a title dropped: "Dr Orla Quinn")
    assert "wilhelmina" not in words and "kestrel" not in words
    assert "wilhelmina" in given_names.build(tmp_path, exclude_batches=())


def test_first_word_of_a_name():
    assert given_names.first_word("Dr Laura Southgate") == "laura"
    assert given_names.first_word("Southgate") is None
    assert given_names.first_word("J. Smith") is None
    assert given_names.first_word("Wilkinson, Charles") is None


def test_the_shipped_list_is_what_the_build_command_writes_from_the_corpora():
    from pathlib import Path
    root = Path(__file__).resolve().parent.parent
    assert sorted(given_names.given_names()) == given_names.build(root)
