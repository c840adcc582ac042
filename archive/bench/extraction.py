"""Benchmark: quote extraction throughput on one core.

The texts are deterministic: the seed page dumps plus the annotated passages of
tests/data/quotes/ (news wires, think-tank commentaries, op-eds with single quotes, blogs),
assembled into commentaries of realistic length (4-12 passages each, rotated, so every
commentary differs). Pure Python, no database: ``run(scale)`` returns rows of
(metric label, value string) for the ``bench`` command.
"""
import json
import time
from pathlib import Path

from archive.quotes import extract

ROOT = Path(__file__).resolve().parent.parent.parent
FALLBACK = (
    "Harvard AI expert Louis Tompros remarked, “Algorithmic innovation can bridge the hardware gap”. "
    "The so-called “capital moat” is gone. “We will stay the course,” he said. "
    "Some researchers believe these innovators “benefit from a global knowledge commons”.\n"
)


def _sources():
    texts = []
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        texts.append(path.read_text(encoding="utf-8"))
    passages = []
    # the written passages and the real corpus's retrieved excerpts (page debris included)
    for gold in (ROOT / "tests" / "data" / "quotes" / "passages.jsonl",
                 ROOT / "tests" / "data" / "quotes" / "real" / "passages.jsonl"):
        if gold.is_file():
            for line in gold.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    passages.append(json.loads(line)["text"])
    return texts, passages or [FALLBACK]


def corpus(count):
    """``count`` deterministic commentaries: the seeds, then passages assembled 4-12 at a time."""
    seeds, passages = _sources()
    texts = list(seeds[:count])
    n = len(passages)
    i = 0
    while len(texts) < count:
        size = 4 + (i * 7) % 9
        parts = [passages[(i * 5 + k * 3) % n] for k in range(size)]
        texts.append("\n".join(parts))
        i += 1
    return texts


def measure(texts, min_seconds=1.0):
    """(wall seconds per pass, passes, CPU seconds per pass) for extract() over all texts, repeated
    for at least min_seconds. The CPU time is this process's own, so a machine shared with other
    work still gives a figure close to an idle core's (the wall figure does not)."""
    passes = 0
    started = time.perf_counter()
    cpu_started = time.process_time()
    while True:
        for text in texts:
            extract(text)
        passes += 1
        elapsed = time.perf_counter() - started
        if elapsed >= min_seconds:
            return elapsed / passes, passes, (time.process_time() - cpu_started) / passes


COMMENTARIES = 200


def run(scale=None):
    """Rows for the ``bench`` command. ``scale`` is the corpus size the command is measuring;
    extraction works one commentary at a time, so its throughput does not depend on it and the
    same 200 commentaries are measured at every size (a ``scale`` below 1 shrinks the set, for
    quick checks)."""
    count = COMMENTARIES
    if scale is not None and 0 < float(scale) < 1:
        count = max(20, int(COMMENTARIES * float(scale)))
    texts = corpus(count)
    chars = sum(len(t) for t in texts)
    statements = sum(len(extract(t).statements) for t in texts)
    seconds, passes, cpu_seconds = measure(texts)
    return [
        ("texts measured", f"{len(texts)} commentaries, {chars:,} characters, {statements:,} statements"),
        ("throughput (1 core)", f"{chars / seconds:,.0f} characters/s"),
        ("throughput (1 core, CPU time)", f"{chars / cpu_seconds:,.0f} characters/s"),
        ("commentaries per second (1 core)", f"{len(texts) / seconds:,.1f} /s"),
        ("mean time per commentary", f"{1000 * seconds / len(texts):.2f} ms"),
        ("extraction time for 1,000 such commentaries", f"{1000 * seconds / len(texts):.1f} s"),
    ]


if __name__ == "__main__":
    for label, value in run():
        print(f"quote extraction: {label:45} {value}")
