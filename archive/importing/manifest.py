"""The curated metadata file (``manifest.toml``): facts an editor supplied, per source file.

Its facts override whatever the profiles guess. Only what is known goes in it; a
field left out stays as the source has it (or missing, and flagged for review).

    [outlets.china-daily]
    name = "China Daily"
    kind = "newspaper"

    [files."002_db2dae268063bbd5.txt"]
    url = "https://chinadailyhk.com/hk/article/603444"
    outlet = "china-daily"        # a key of [outlets], or an inline table
    # also: title, authors = [...], date = 2025-03-17 or "2025-03", tags = [...],
    # series, number, language, synopsis, author_note, genre, profile
"""
import datetime
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path

from archive.weblinks import is_http_url

from .dates import parse_date
from .document import GENRES, OutletInfo

FILE_KEYS = {"url", "title", "authors", "date", "outlet", "tags", "series", "number", "language",
             "synopsis", "author_note", "genre", "profile"}
OUTLET_KEYS = {"name", "short_name", "kind", "homepage", "place"}
OUTLET_KINDS = {"think_tank", "newspaper", "magazine", "blog", "other"}


class ManifestError(ValueError):
    """The manifest cannot be used; the message names the file and the faulty entry."""


@dataclass
class ManifestEntry:
    """Known facts about one source file; ``None`` means "not known"."""

    url: str | None = None
    title: str | None = None
    authors: list | None = None
    date: tuple | None = None
    outlet: OutletInfo | None = None
    tags: list = field(default_factory=list)
    series: str | None = None
    number: str | None = None
    language: str | None = None
    synopsis: str | None = None
    author_note: str | None = None
    genre: str | None = None
    profile: str | None = None


@dataclass
class Manifest:
    files: dict = field(default_factory=dict)
    origin: str = "manifest"

    def for_file(self, name):
        """The entry for a source file, looked up by its file name (folders ignored)."""
        return self.files.get(Path(name).name)


def load_manifest(path):
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ManifestError(f"cannot read the manifest {path}: {error.strerror or error}") from error
    return parse_manifest(data, origin=str(path))


def parse_manifest(data, origin="manifest"):
    """Read manifest TOML (bytes or text) into a :class:`Manifest`, or raise :class:`ManifestError`."""
    if isinstance(data, bytes):
        try:
            data = data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise ManifestError(f"{origin}: the manifest is not UTF-8 text") from error
    try:
        raw = tomllib.loads(data)
    except tomllib.TOMLDecodeError as error:
        raise ManifestError(f"{origin}: not valid TOML ({error})") from error
    unknown = set(raw) - {"outlets", "files"}
    if unknown:
        raise ManifestError(f"{origin}: unknown section(s) {', '.join(sorted(unknown))}; use [outlets.*] and [files.\"name\"]")
    outlets = {key: _outlet(value, f"{origin}: [outlets.{key}]") for key, value in raw.get("outlets", {}).items()}
    manifest = Manifest(origin=origin)
    for name, facts in raw.get("files", {}).items():
        manifest.files[name] = _entry(facts, outlets, f"{origin}: [files.\"{name}\"]")
    return manifest


def _outlet(value, where):
    if not isinstance(value, dict) or not value.get("name"):
        raise ManifestError(f"{where}: an outlet needs at least a name")
    unknown = set(value) - OUTLET_KEYS
    if unknown:
        raise ManifestError(f"{where}: unknown key(s) {', '.join(sorted(unknown))}")
    kind = value.get("kind", "other")
    if kind not in OUTLET_KINDS:
        raise ManifestError(f"{where}: kind must be one of {', '.join(sorted(OUTLET_KINDS))}")
    homepage = str(value.get("homepage", "")).strip()
    if homepage and not is_http_url(homepage):
        raise ManifestError(f"{where}: homepage {homepage!r} is not an http:// or https:// address")
    return OutletInfo(**{**{k: str(v) for k, v in value.items()}, "kind": kind, "homepage": homepage})


def _entry(facts, outlets, where):
    if not isinstance(facts, dict):
        raise ManifestError(f"{where}: expected a table of facts")
    unknown = set(facts) - FILE_KEYS
    if unknown:
        raise ManifestError(f"{where}: unknown key(s) {', '.join(sorted(unknown))}; known keys: {', '.join(sorted(FILE_KEYS))}")
    entry = ManifestEntry()
    for key in ("url", "title", "series", "number", "language", "synopsis", "author_note", "profile"):
        if key in facts:
            setattr(entry, key, str(facts[key]).strip())
    if entry.url and not is_http_url(entry.url):
        raise ManifestError(f"{where}: url {entry.url!r} is not an http:// or https:// address")
    if "genre" in facts:
        if facts["genre"] not in GENRES:
            raise ManifestError(f"{where}: genre must be one of {', '.join(GENRES)}")
        entry.genre = facts["genre"]
    if "authors" in facts:
        authors = facts["authors"]
        if isinstance(authors, str):
            authors = [authors]
        entry.authors = [str(a).strip() for a in authors if str(a).strip()]
    if "tags" in facts:
        entry.tags = [str(t).strip() for t in facts["tags"] if str(t).strip()]
    if "date" in facts:
        value = facts["date"]
        if isinstance(value, datetime.datetime):
            entry.date = (value.date(), "day")
        elif isinstance(value, datetime.date):
            entry.date = (value, "day")
        else:
            entry.date = parse_date(str(value), allow_year_only=True)
            if entry.date is None:
                raise ManifestError(f"{where}: date {value!r} is not a date (use 2025-03-17, \"2025-03\" or \"2025\")")
    if "outlet" in facts:
        value = facts["outlet"]
        if isinstance(value, str):
            if value not in outlets:
                raise ManifestError(f"{where}: outlet {value!r} is not defined under [outlets]")
            entry.outlet = outlets[value]
        else:
            entry.outlet = _outlet(value, where + " outlet")
    return entry


def apply_manifest(doc, entry):
    """Override ``doc``'s guesses with the manifest's facts (in place); return ``doc``."""
    if entry is None:
        return doc
    for key in ("url", "title", "series", "number", "language", "synopsis", "author_note", "genre"):
        value = getattr(entry, key)
        if value is not None:
            setattr(doc, key, value)
    if entry.authors is not None:
        doc.authors = list(entry.authors)
    if entry.date is not None:
        doc.date, doc.date_precision = entry.date
    if entry.outlet is not None:
        known = doc.outlet if doc.outlet and doc.outlet.name == entry.outlet.name else None
        doc.outlet = replace(entry.outlet, **{
            key: getattr(known, key) for key in ("short_name", "homepage", "place")
            if known and not getattr(entry.outlet, key)
        })
    for tag in entry.tags:
        if tag not in doc.categories:
            doc.categories.append(tag)
    return doc
