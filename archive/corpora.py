"""What the real-text corpora share (quotes in ``tests/data/quotes/real/``, page heads in
``tests/data/importing/real/``): their JSON-lines files and the rule that splits them by outlet.

Pure Python, no Django: both corpora's tools and their tests run without settings.
"""
import hashlib
import json
from pathlib import Path


class CorpusError(ValueError):
    """A corpus file that cannot be read at all."""


def read_jsonl(path):
    """The records of a JSON-lines file, each an object with a string ``id``; blank lines skipped."""
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise CorpusError(f"cannot read {path}: {exc}") from exc
    records = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise CorpusError(f"{path}:{number}: not JSON: {exc}") from exc
        if not isinstance(record, dict) or not isinstance(record.get("id"), str):
            raise CorpusError(f"{path}:{number}: a record needs an \"id\"")
        records.append(record)
    return records


def write_jsonl(path, records):
    Path(path).write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")


def split_of(domain, test_share=0.36, dev_share=0.3):
    """The split an outlet belongs to, from a stable hash of its domain, never from its text:
    about a third of the outlets are test, and a test outlet appears in no other split."""
    digest = hashlib.sha1(domain.strip().lower().encode("utf-8")).digest()
    x = int.from_bytes(digest[:4], "big") / 2 ** 32
    if x < test_share:
        return "test"
    y = int.from_bytes(digest[4:8], "big") / 2 ** 32
    return "dev" if y < dev_share else "train"
