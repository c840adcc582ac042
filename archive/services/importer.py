"""The import workflow: source files into entries, one transaction per file.

Used by both ``manage.py import_commentaries`` and the admin's upload page, so
the two always behave the same. Parsing is :mod:`archive.importing` (pure
Python); this module only decides what to store:

- a file whose text is already in the archive (same checksum, whatever its name)
  is the same entry;
- a file whose name was imported before with other text is a changed source:
  fields an editor changed since import (``entry.edited_fields``) are left alone,
  the others follow the source, and a value the source no longer states is kept;
- anything else is a new entry, published when nothing is missing, else a draft
  listing what an editor must complete (``needs_review``).

A file that fails, at parsing or at saving, changes nothing; the others still import.
"""
import logging
from contextlib import nullcontext
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from archive.importing import (
    DEFAULT_MAX_BYTES, IMPORTER_VERSION, SOURCE_SUFFIXES, ManifestError, RejectedFile, load_manifest,
    parse_file,
)
from archive.importing.body import text_checksum
from archive.importing.decoding import check_size
from archive.models import Authorship, Entry, EntryStatus, Outlet, Series
from archive.models.entries import refresh_needs_review
from archive.services.import_lock import import_turn
from archive.services.names import find_agent, resolve_agent
from archive.weblinks import http_url

try:  # The quote engine's hook; the importer works without it.
    from archive.services import statements as _statements
    refresh_statements = _statements.refresh_statements
except (ImportError, AttributeError):  # pragma: no cover - only before the module exists
    refresh_statements = None

logger = logging.getLogger(__name__)

MANIFEST_NAME = "manifest.toml"
CREATED, UPDATED, UNCHANGED, FAILED = "created", "updated", "unchanged", "failed"

# Entry fields copied from a parsed document as they are.
SIMPLE_FIELDS = ("title", "genre", "number", "url", "language", "synopsis", "author_note")


class ImportPathError(ValueError):
    """A path given to the importer does not exist."""


@dataclass
class FileResult:
    """What happened to one source file."""

    name: str
    outcome: str
    reason: str = ""
    entry_id: int | None = None
    title: str = ""
    needs_review: list = field(default_factory=list)
    changed: list = field(default_factory=list)
    # Why the reader left a field empty although the page had candidates for it.
    doubts: dict = field(default_factory=dict)

    def __str__(self):
        if self.outcome == FAILED:
            return f"{self.name}: failed: {self.reason}"
        text = f"{self.name}: {self.outcome}"
        if self.title:
            text += f" — “{self.title}”"
        if self.changed and self.outcome == UPDATED:
            text += f" (changed: {', '.join(self.changed)})"
        if self.reason:
            text += f" ({self.reason})"
        if self.needs_review:
            items = [f"{name} ({self.doubts[name]})" if self.doubts.get(name) else name for name in self.needs_review]
            text += f"; needs review: {', '.join(items)}"
        return text


@dataclass
class ImportSummary:
    """The outcome of one import run, per file, in the order the files were read."""

    results: list = field(default_factory=list)
    dry_run: bool = False

    def _with(self, outcome):
        return [r for r in self.results if r.outcome == outcome]

    @property
    def created(self):
        return self._with(CREATED)

    @property
    def updated(self):
        return self._with(UPDATED)

    @property
    def unchanged(self):
        return self._with(UNCHANGED)

    @property
    def failed(self):
        return self._with(FAILED)

    @property
    def ok(self):
        return not self.failed

    def headline(self):
        text = (f"{len(self.results)} file{'s' if len(self.results) != 1 else ''}: "
                f"{len(self.created)} created, {len(self.updated)} updated, "
                f"{len(self.unchanged)} unchanged, {len(self.failed)} failed")
        if self.dry_run:
            text += " (dry run: nothing was saved)"
        return text

    def lines(self):
        """The summary as the command prints it: headline, then one line per file."""
        return [self.headline(), *(f"  {result}" for result in self.results)]


@dataclass
class Source:
    """A file to import: its name, its size, and how to read its bytes."""

    name: str
    size: int
    read: object  # callable returning bytes
    manifest: object = None  # Manifest, or None
    manifest_error: str = ""


def max_import_bytes(max_bytes=None):
    if max_bytes is not None:
        return max_bytes
    return getattr(settings, "ARCHIVE_IMPORT_MAX_BYTES", DEFAULT_MAX_BYTES)


# --- Entry points -------------------------------------------------------------------------


def import_file(name, data, *, manifest=None, max_bytes=None, dry_run=False):
    """Import one file's bytes (the admin's uploads come this way); return its :class:`FileResult`."""
    source = Source(name=name, size=len(data), read=lambda: data, manifest=manifest)
    return import_sources([source], max_bytes=max_bytes, dry_run=dry_run).results[0]


def import_paths(paths, *, dry_run=False, manifest=None, max_bytes=None, progress=None):
    """Import files and folders (recursively: *.txt, *.html, *.htm).

    ``manifest`` is a path or a :class:`~archive.importing.Manifest` for every file;
    without it, each file uses the ``manifest.toml`` of its own folder if there is one.
    ``progress(done, total, name)`` is called after each file.
    Raises :class:`ImportPathError` when a path does not exist, before importing anything.
    """
    if manifest is not None and not hasattr(manifest, "for_file"):
        manifest = load_manifest(manifest)
    folder_manifests = {}
    sources = [_source_for(path, manifest, folder_manifests) for path in collect_files(paths)]
    return import_sources(sources, dry_run=dry_run, max_bytes=max_bytes, progress=progress)


def import_sources(sources, *, dry_run=False, max_bytes=None, progress=None):
    """Import :class:`Source` objects, each in its own transaction; return an :class:`ImportSummary`.

    A dry run does all the work inside one transaction that is rolled back at the end,
    so its summary is exactly what a real run would report (files repeating one another too).
    """
    limit = max_import_bytes(max_bytes)
    summary = ImportSummary(dry_run=dry_run)
    sources = list(sources)
    # A real run commits file by file (each file is its own transaction), so an interrupted
    # run keeps what it finished; a dry run wraps everything in one transaction it rolls back.
    with transaction.atomic() if dry_run else nullcontext():
        for done, source in enumerate(sources, start=1):
            summary.results.append(_import_source(source, limit))
            if progress:
                progress(done, len(sources), source.name)
        if dry_run:
            transaction.set_rollback(True)
    return summary


def collect_files(paths):
    """The source files under ``paths``, in a stable order; a named file is taken whatever its suffix."""
    missing = [str(p) for p in paths if not Path(p).exists()]
    if missing:
        raise ImportPathError("no such file or folder: " + ", ".join(missing))
    files = []
    for path in map(Path, paths):
        if path.is_dir():
            files.extend(sorted(
                p for p in path.rglob("*")
                if p.is_file() and p.suffix.lower() in SOURCE_SUFFIXES
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            ))
        else:
            files.append(path)
    seen, unique = set(), []
    for path in files:
        if path.resolve() not in seen:
            seen.add(path.resolve())
            unique.append(path)
    return unique


def _source_for(path, manifest, folder_manifests):
    """A :class:`Source` for a file, with the explicit manifest or its folder's ``manifest.toml``."""
    source = Source(name=path.name, size=path.stat().st_size, read=path.read_bytes, manifest=manifest)
    if manifest is None:
        folder = path.parent.resolve()
        if folder not in folder_manifests:
            candidate = folder / MANIFEST_NAME
            try:
                folder_manifests[folder] = (load_manifest(candidate), "") if candidate.is_file() else (None, "")
            except ManifestError as error:
                folder_manifests[folder] = (None, str(error))
        source.manifest, source.manifest_error = folder_manifests[folder]
    return source


# --- One file ----------------------------------------------------------------------------------


def _import_source(source, max_bytes):
    if source.manifest_error:
        return FileResult(source.name, FAILED, f"the manifest is unusable: {source.manifest_error}")
    try:
        check_size(source.size, max_bytes)
        data = source.read()
        entry_facts = source.manifest.for_file(source.name) if source.manifest else None
        doc = parse_file(source.name, data, manifest_entry=entry_facts, max_bytes=max_bytes)
    except RejectedFile as error:
        return FileResult(source.name, FAILED, str(error))
    except OSError as error:
        return FileResult(source.name, FAILED, f"the file could not be read ({error.strerror or error})")
    try:
        with import_turn():  # waits while another import stores a file (D5)
            return store_document(doc)
    except Exception as error:  # one broken file must not stop the others; its savepoint is rolled back
        # The reason goes into the summary; the traceback to the log, for LOG_LEVEL=INFO.
        logger.info("Import of %s failed", source.name, exc_info=True)
        return FileResult(source.name, FAILED, f"could not be saved ({error.__class__.__name__}: {error})")


def store_document(doc):
    """Create or update the entry for a parsed document; call inside a transaction."""
    body, blocks = doc.body()
    checksum = text_checksum(body)
    entry = (Entry.objects.filter(checksum=checksum).first()
             or Entry.objects.filter(source_name=doc.source_name).order_by("pk").first())
    if entry is None:
        return _create(doc, body, blocks, checksum)
    return _update(entry, doc, body, blocks, checksum)


def _create(doc, body, blocks, checksum):
    entry = Entry(
        body=body, body_blocks=blocks, checksum=checksum, source_name=doc.source_name,
        imported_at=timezone.now(), importer_version=IMPORTER_VERSION,
        published_on=doc.date, date_precision=doc.date_precision if doc.date else "unknown",
    )
    for name in SIMPLE_FIELDS:
        setattr(entry, name, _clip(entry, name, getattr(doc, name)))
    entry.outlet = _outlet(doc.outlet)
    entry.series = _series(entry.outlet, doc.series)
    entry.needs_review = doc.missing
    entry.status = EntryStatus.DRAFT if entry.needs_review or not entry.title else EntryStatus.PUBLISHED
    entry.save()
    _set_authors(entry, doc.authors)
    if doc.categories:
        entry.tags.set(_tags(doc))
    _after_save(entry)
    return FileResult(doc.source_name, CREATED, entry_id=entry.pk, title=entry.title,
                      needs_review=list(entry.needs_review), doubts=dict(doc.doubts))


def _update(entry, doc, body, blocks, checksum):
    """Follow a changed (or re-imported) source, leaving editors' changes alone."""
    edited = set(entry.edited_fields)
    changed = []

    def put(name, value):
        if name in edited or value in (None, "") or getattr(entry, name) == value:
            return
        setattr(entry, name, value)
        changed.append(name)

    for name in SIMPLE_FIELDS:
        put(name, _clip(entry, name, getattr(doc, name)))
    if doc.date is not None and not edited & {"published_on", "date_precision"}:
        put("published_on", doc.date)
        put("date_precision", doc.date_precision)
    if "body" not in edited and body and entry.body != body:
        entry.body, entry.body_blocks = body, blocks
        changed.append("body")
    if "outlet" not in edited and doc.outlet and (entry.outlet is None or entry.outlet.name != doc.outlet.name):
        entry.outlet = _outlet(doc.outlet)
        changed.append("outlet")
    if "series" not in edited and doc.series and entry.outlet is not None:
        if entry.series is None or entry.series.name != doc.series or entry.series.outlet_id != entry.outlet_id:
            entry.series = _series(entry.outlet, doc.series)
            changed.append("series")
    if "authors" not in edited and doc.authors and _author_ids(entry) != _known_agent_ids(doc.authors):
        _set_authors(entry, doc.authors)
        changed.append("authors")
    if "tags" not in edited and doc.categories and set(entry.tags.names()) != set(_tags(doc)):
        entry.tags.set(_tags(doc))
        changed.append("tags")
    review_before = list(entry.needs_review)
    refresh_needs_review(entry)
    had_review, review_changed = bool(review_before), entry.needs_review != review_before
    if not changed and not review_changed and entry.checksum == checksum:
        return FileResult(doc.source_name, UNCHANGED, entry_id=entry.pk, title=entry.title,
                          needs_review=list(entry.needs_review),
                          reason="" if entry.source_name == doc.source_name
                          else f"same text as {entry.source_name or 'an existing entry'}")
    if had_review and not entry.needs_review and entry.title and entry.status == EntryStatus.DRAFT \
            and entry.published_at is None:
        entry.status = EntryStatus.PUBLISHED  # this import completed what was missing
    entry.checksum = checksum
    entry.imported_at = timezone.now()
    entry.importer_version = IMPORTER_VERSION
    entry.save()
    _after_save(entry)
    return FileResult(doc.source_name, UPDATED, entry_id=entry.pk, title=entry.title,
                      needs_review=list(entry.needs_review), changed=changed or ["needs_review"],
                      doubts=dict(doc.doubts))


def _tags(doc):
    """The source's categories as tag names (taggit keeps at most 100 characters)."""
    return list(dict.fromkeys(category[:100].strip() for category in doc.categories if category.strip()))


def _after_save(entry):
    """Let the quote engine find the statements of the saved text, in this same transaction."""
    if refresh_statements is None:
        return
    try:
        with transaction.atomic():
            refresh_statements(entry)
    except ImportError as error:  # the quote engine itself is not installed yet
        logger.warning("Statements not extracted for %s: %s", entry.source_name, error)


def _clip(entry, name, value):
    if name == "url":
        value = http_url(value or "")
    max_length = getattr(Entry._meta.get_field(name), "max_length", None)
    return value[:max_length] if isinstance(value, str) and max_length else value


def _outlet(info):
    """The outlet record for ``info``; an existing record only gets its blank fields filled."""
    if info is None:
        return None
    outlet = Outlet.objects.filter(name=info.name).first()
    values = {"short_name": info.short_name, "kind": info.kind if info.kind in Outlet.Kind.values else Outlet.Kind.OTHER,
              "homepage": http_url(info.homepage or ""), "place": info.place}
    if outlet is None:
        outlet = Outlet(name=info.name, slug=_free_outlet_slug(info), **values)
        outlet.save()
        return outlet
    blank = {k: v for k, v in values.items()
             if v and (not getattr(outlet, k) or (k == "kind" and outlet.kind == Outlet.Kind.OTHER))}
    if blank:
        for key, value in blank.items():
            setattr(outlet, key, value)
        outlet.save(update_fields=list(blank))
    return outlet


def _free_outlet_slug(info):
    """Outlet slugs come from the short name, which two outlets may share ("China Daily" editions)."""
    base = slugify(info.short_name or info.name)[:110] or "outlet"
    slug, n = base, 2
    while Outlet.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def _series(outlet, name):
    if outlet is None or not name:
        return None
    series, _ = Series.objects.get_or_create(outlet=outlet, name=name)
    return series


def _author_ids(entry):
    return [a.agent_id for a in entry.authorships.filter(role=Authorship.Role.AUTHOR).order_by("position", "pk")]


def _known_agent_ids(names):
    ids = []
    for name in names:
        agent = find_agent(name)
        ids.append(agent.pk if agent else None)
    return ids


def _set_authors(entry, names):
    """Replace the entry's byline (role "author") with ``names``, in order."""
    entry.authorships.filter(role=Authorship.Role.AUTHOR).delete()
    position = 0
    for name in names:
        agent, _ = resolve_agent(name)
        if not entry.authorships.filter(agent=agent, role=Authorship.Role.AUTHOR).exists():
            Authorship.objects.create(entry=entry, agent=agent, position=position, role=Authorship.Role.AUTHOR)
            position += 1
