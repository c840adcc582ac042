"""Turning a file's bytes into text, or refusing them with a clear reason.

Page dumps arrive as UTF-8 most of the time, but files saved by older tools on
Windows are cp1252 (or latin-1). charset-normalizer tells text from binary and
guesses the encoding; for single-byte Western text, its guess between look-alike
code pages (cp1250, cp775, ...) is unreliable on short files, so when a file decodes
cleanly as cp1252 we take cp1252: the archive collects English-language commentary,
where that is by far the most common legacy encoding.
"""
import codecs

from charset_normalizer import from_bytes

from .errors import RejectedFile

DEFAULT_MAX_BYTES = 10 * 1024 * 1024

# Signatures of formats people save by mistake instead of text or HTML.
BINARY_SIGNATURES = {
    b"%PDF-": "a PDF document",
    b"PK\x03\x04": "a ZIP archive or Office document",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"\xd0\xcf\x11\xe0": "an old Office document",
    b"\x1f\x8b": "a gzip archive",
}

# Encodings charset-normalizer may report that are genuinely multi-byte; trusted as given.
_MULTIBYTE = ("utf", "gb", "big5", "shift_jis", "euc", "iso2022", "cp932", "cp949", "cp950", "hz")


def human_size(n):
    for unit in ("bytes", "KB", "MB", "GB"):
        if n < 1024 or unit == "GB":
            return f"{n} {unit}" if unit == "bytes" else f"{n:.1f} {unit}"
        n /= 1024
    return f"{n} bytes"  # pragma: no cover


def check_size(size, max_bytes):
    """Refuse a file bigger than the configured limit, before anything else reads it."""
    if max_bytes is not None and size > max_bytes:
        raise RejectedFile(
            f"the file is {human_size(size)}, over the import limit of {human_size(max_bytes)} "
            "(raise ARCHIVE_IMPORT_MAX_BYTES or pass --max-bytes to import bigger files)"
        )


def decode(data, *, max_bytes=DEFAULT_MAX_BYTES):
    """Return ``(text, encoding)`` for a file's bytes, or raise :class:`RejectedFile`."""
    check_size(len(data), max_bytes)
    if not data.strip():
        raise RejectedFile("the file is empty")
    for signature, what in BINARY_SIGNATURES.items():
        if data.startswith(signature):
            raise RejectedFile(f"this is a binary file ({what}), not a text or HTML page")
    for bom, encoding in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                          (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return _checked(data.decode(encoding, errors="replace"), encoding)
    if b"\x00" in data[:8192]:
        raise RejectedFile("this is a binary file (it contains NUL bytes), not a text or HTML page")
    try:
        return _checked(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    if best is None:
        raise RejectedFile("this is a binary file (no text encoding fits it), not a text or HTML page")
    encoding = best.encoding.lower()
    if not encoding.startswith(_MULTIBYTE):
        try:
            return _checked(data.decode("cp1252"), "cp1252")
        except UnicodeDecodeError:
            pass
    return _checked(str(best), encoding)


def _checked(text, encoding):
    """Refuse text that is mostly control characters: a binary file that happened to decode."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    sample = text[:20000]
    controls = sum(1 for c in sample if (ord(c) < 32 and c not in "\n\t\f\v") or 0x7F <= ord(c) < 0xA0)
    if sample and controls / len(sample) > 0.02:
        raise RejectedFile("this is a binary file (it is mostly control characters), not a text or HTML page")
    if not text.strip():
        raise RejectedFile("the file is empty")
    return text, encoding
