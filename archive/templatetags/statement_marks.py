"""Cutting an entry's body blocks into plain text and marked statements.

Pure Python (no Django), so the offsets arithmetic is tested fast and directly;
``archive_tags.render_body`` turns the segments into HTML.
"""
from dataclasses import dataclass


@dataclass(frozen=True)
class Segment:
    """A run of a block's text; ``statement`` is set when the run is (part of) a quoted statement."""

    text: str
    statement: object = None
    first: bool = True   # the statement's first run: it carries the anchor and the speaker link
    last: bool = True


def choose_marks(spans, body_length):
    """Keep the spans that fit the body and do not overlap an earlier one.

    ``spans`` are (start, end, statement) with absolute offsets into the body. A span
    outside the body, empty, or overlapping a span already kept is left unmarked: the
    entry page still lists it, it just has no place in the text.
    """
    kept, last_end = [], -1
    for start, end, statement in sorted(spans, key=lambda s: (s[0], -s[1])):
        if start < 0 or end > body_length or end <= start or start < last_end:
            continue
        kept.append((start, end, statement))
        last_end = end
    return kept


def segment_block(text, block_start, marks):
    """Cut one block into segments; ``marks`` are the spans from ``choose_marks``.

    A statement that runs over a block boundary is marked in each block it touches,
    its first run flagged ``first`` and its last ``last``.
    """
    block_end = block_start + len(text)
    segments, pos = [], block_start
    for start, end, statement in marks:
        if end <= block_start or start >= block_end:
            continue
        run_start, run_end = max(start, block_start), min(end, block_end)
        if run_start > pos:
            segments.append(Segment(text[pos - block_start:run_start - block_start]))
        segments.append(Segment(
            text[run_start - block_start:run_end - block_start], statement,
            first=run_start == start, last=run_end == end,
        ))
        pos = run_end
    if pos < block_end:
        segments.append(Segment(text[pos - block_start:]))
    return segments
