"""Importing commentaries: from a page dump's bytes to a parsed document.

Pure Python, no Django: the archive's import workflow
(``archive.services.importer``) stores what this package parses.

- :mod:`.decoding` — bytes to text (UTF-8, cp1252/latin-1), refusing empty, binary, oversized files
- :mod:`.html` — saved web pages through trafilatura
- :mod:`.layout`, :mod:`.boilerplate`, :mod:`.dates` — shared rules for finding the commentary in a dump
- :mod:`.profiles` — one module per outlet, plus the generic fallback
- :mod:`.manifest` — curated facts that override guesses
- :mod:`.body` — the canonical body text and checksum stored on an entry
"""
from .decoding import DEFAULT_MAX_BYTES
from .document import REVIEWABLE_FIELDS, OutletInfo, ParsedDocument
from .errors import RejectedFile
from .manifest import Manifest, ManifestEntry, ManifestError, load_manifest, parse_manifest
from .pipeline import IMPORTER_VERSION, parse_file

SOURCE_SUFFIXES = (".txt", ".html", ".htm")

__all__ = [
    "DEFAULT_MAX_BYTES", "IMPORTER_VERSION", "REVIEWABLE_FIELDS", "SOURCE_SUFFIXES", "Manifest",
    "ManifestEntry", "ManifestError", "OutletInfo", "ParsedDocument", "RejectedFile",
    "load_manifest", "parse_file", "parse_manifest",
]
