"""The extraction benchmark module answers the bench command's contract (rows of label, value)."""
from archive.bench import extraction


def test_extraction_benchmark_rows():
    rows = extraction.run(0.1)  # a tenth of the set, for speed; the figures themselves are not tested
    labels = [label for label, _ in rows]
    assert labels == ["texts measured", "throughput (1 core)", "throughput (1 core, CPU time)",
                      "commentaries per second (1 core)",
                      "mean time per commentary", "extraction time for 1,000 such commentaries"]
    assert all(isinstance(value, str) and value for _, value in rows)
    assert rows[0][1].startswith("20 commentaries")


def test_benchmark_corpus_is_deterministic_and_starts_with_the_seeds():
    first, second = extraction.corpus(30), extraction.corpus(30)
    assert first == second and len(first) == 30
    assert "Qi Dapeng" in first[0]
