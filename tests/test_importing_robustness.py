"""Whatever bytes arrive, the pipeline returns a document or refuses the file with a reason."""
from hypothesis import HealthCheck, given, settings, strategies as st

from archive.importing import RejectedFile, parse_file
from archive.importing.body import canonical_body

LINES = st.sampled_from([
    "", "Home", "By Jane Doe", "12 May 2024", "CO24001 | A Title", "SYNOPSIS", "COMMENTARY", "About the Author",
    "Categories: A / B", "READ MORE: x", "The author is a writer.", "Share this article", "A Short Heading",
    "The views do not necessarily reflect those of China Daily.", "<html><body><p>Tiny</p></body></html>",
    "This is a paragraph with enough words in it to be read as running text by the importer.",
    "“Quoted words,” she said, “and more of them follow here in this sentence.”",
])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(LINES, max_size=30), st.sampled_from(["a.txt", "a.html"]))
def test_page_dump_shapes_never_crash(lines, name):
    try:
        doc = parse_file(name, "\n".join(lines).encode())
    except RejectedFile as error:
        assert str(error)
        return
    body, structure = doc.body()
    assert doc.paragraphs()
    for block in structure:
        assert body[block["start"]:block["end"]]


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=2000))
def test_arbitrary_bytes_never_crash(data):
    try:
        parse_file("a.txt", data)
    except RejectedFile as error:
        assert str(error)


@given(st.lists(st.tuples(st.sampled_from(["heading", "paragraph"]), st.text(max_size=40)), max_size=10))
def test_block_offsets_point_at_the_block_text(blocks):
    body, structure = canonical_body(blocks)
    assert body == "\n\n".join(body[b["start"]:b["end"]] for b in structure)
