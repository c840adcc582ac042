"""The canonical body text and its checksum.

The format is the one documented on ``archive.models.Entry``: blocks joined by a
blank line, plus a list of ``{"type", "start", "end"}`` offsets. Statements point
into this text by offset, so it must be the same for the same source every time.
"""
import hashlib
import re
import unicodedata

BLOCK_SEPARATOR = "\n\n"
_SPACES = re.compile(r"\s+")


def clean_block(text):
    """One block's text: Unicode NFC, inner whitespace (line breaks too) folded to one space."""
    return _SPACES.sub(" ", unicodedata.normalize("NFC", text)).strip()


def canonical_body(blocks):
    """Join ``(kind, text)`` blocks into ``(body, structure)``; empty blocks are dropped."""
    parts, structure, pos = [], [], 0
    for kind, text in blocks:
        text = clean_block(text)
        if not text:
            continue
        if parts:
            pos += len(BLOCK_SEPARATOR)
        parts.append(text)
        structure.append({"type": kind, "start": pos, "end": pos + len(text)})
        pos += len(text)
    return BLOCK_SEPARATOR.join(parts), structure


def normalise_for_checksum(text):
    """Fold what differs between two saves of the same text: case, spacing, quote styles."""
    text = unicodedata.normalize("NFKC", text)
    text = text.translate(str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "–": "-", "—": "-"}))
    return _SPACES.sub(" ", text).strip().casefold()


def text_checksum(text):
    return hashlib.sha256(normalise_for_checksum(text).encode("utf-8")).hexdigest()
