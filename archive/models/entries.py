from django.db import models
from django.utils import timezone
from django.utils.text import slugify
from simple_history.models import HistoricalRecords
from taggit.managers import TaggableManager

from archive.paths import slug_path

from .names import Agent
from .outlets import Outlet, Series


class DatePrecision(models.TextChoices):
    DAY = "day", "Day"
    MONTH = "month", "Month"
    YEAR = "year", "Year"
    UNKNOWN = "unknown", "Unknown"


class EntryStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    PUBLISHED = "published", "Published"


class Genre(models.TextChoices):
    """What kind of publication an entry is; decides its citation type."""

    COMMENTARY = "commentary", "Think-tank commentary"
    OP_ED = "op_ed", "Newspaper op-ed"
    BLOG_POST = "blog_post", "Blog post"


class EntryQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=EntryStatus.PUBLISHED)


class Entry(models.Model):
    """One published commentary.

    The body is one canonical text (``body``) plus its structure (``body_blocks``):
    blocks are separated by a blank line ("\\n\\n") and ``body_blocks`` lists each
    block in order as ``{"type": "heading"|"paragraph", "start": int, "end": int}``,
    character offsets into ``body``. Statements point into ``body`` by the same offsets.
    """

    # Fields an editor can change; the importer leaves those an editor has changed alone.
    TRACKED_FIELDS = (
        "title", "outlet", "series", "number", "published_on", "date_precision", "url",
        "language", "synopsis", "body", "author_note", "genre", "authors", "tags",
    )

    title = models.CharField(max_length=500, blank=True)
    slug = models.SlugField(max_length=200, unique=True)
    genre = models.CharField(max_length=20, choices=Genre.choices, default=Genre.COMMENTARY)
    outlet = models.ForeignKey(Outlet, null=True, blank=True, on_delete=models.PROTECT, related_name="entries")
    series = models.ForeignKey(Series, null=True, blank=True, on_delete=models.SET_NULL, related_name="entries")
    number = models.CharField(max_length=60, blank=True, help_text="Number in the series, e.g. CO25056.")
    authors = models.ManyToManyField(Agent, through="Authorship", related_name="authored_entries", blank=True)
    published_on = models.DateField(null=True, blank=True, db_index=True)
    date_precision = models.CharField(max_length=10, choices=DatePrecision.choices, default=DatePrecision.UNKNOWN)
    url = models.URLField("canonical URL", max_length=1000, blank=True)
    language = models.CharField(max_length=20, default="en")
    synopsis = models.TextField(blank=True)
    body = models.TextField(blank=True)
    body_blocks = models.JSONField(default=list, blank=True)
    author_note = models.TextField("about the author", blank=True)
    tags = TaggableManager(blank=True)
    status = models.CharField(max_length=20, choices=EntryStatus.choices, default=EntryStatus.DRAFT, db_index=True)
    needs_review = models.JSONField(default=list, blank=True,
                                    help_text="Fields an editor must complete, e.g. [\"title\", \"date\"].")
    # Provenance
    source_name = models.CharField(max_length=300, blank=True, db_index=True)
    checksum = models.CharField(max_length=64, null=True, blank=True, unique=True,
                                help_text="SHA-256 of the normalised commentary text.")
    imported_at = models.DateTimeField(null=True, blank=True)
    importer_version = models.CharField(max_length=40, blank=True)
    edited_fields = models.JSONField(default=list, blank=True,
                                     help_text="Fields an editor changed since import; re-imports leave them alone.")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True, db_index=True)
    published_at = models.DateTimeField(null=True, blank=True)
    history = HistoricalRecords(excluded_fields=["updated_at"])

    objects = EntryQuerySet.as_manager()

    class Meta:
        ordering = ["-published_on", "-id"]
        verbose_name_plural = "entries"
        indexes = [
            models.Index(fields=["status", "-published_on"], name="entry_status_date"),
            # An outlet's pages, newest first: without it a deep page walks thousands of rows.
            models.Index(fields=["outlet", "status", "-published_on"], name="entry_outlet_status_date"),
            # Search facets read outlet and year of up to a thousand matches: from this index,
            # not from rows whose last columns lie past the body's overflow pages.
            models.Index(fields=["id", "outlet", "published_on"], name="entry_facet_cover"),
        ]

    def __str__(self):
        return self.title or f"(untitled entry from {self.source_name or 'unknown source'})"

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = self._unique_slug()
        if self.status == EntryStatus.PUBLISHED and not self.published_at:
            self.published_at = timezone.now()
        super().save(*args, **kwargs)

    def _unique_slug(self):
        base = slugify(self.title)[:180] or slugify(self.source_name.rsplit(".", 1)[0])[:180] or "entry"
        slug, n = base, 2
        while Entry.objects.filter(slug=slug).exclude(pk=self.pk).exists():
            slug, n = f"{base}-{n}", n + 1
        return slug

    def get_absolute_url(self):
        return slug_path("archive:entry", self.slug)  # resolved once per kind (archive/paths.py)

    @property
    def is_published(self):
        return self.status == EntryStatus.PUBLISHED

    @property
    def distinct_synopsis(self):
        """The synopsis, unless the body opens with the same words: many outlets' standfirst is
        their first paragraph, and a page that prints it twice reads as a fault."""
        synopsis = " ".join(self.synopsis.split())
        if not synopsis:
            return ""
        first = " ".join((self.body or "").lstrip().split("\n\n", 1)[0].split())
        return "" if first.startswith(synopsis.rstrip(".…")) else self.synopsis

    def can_publish(self):
        """Why this entry may not be published yet, or None when it may."""
        if self.needs_review:
            return "it still needs review: " + ", ".join(self.needs_review)
        if not self.title:
            return "it has no title"
        return None

    def blocks(self):
        """The body as (type, text, start) triples, in order."""
        return [(b["type"], self.body[b["start"]:b["end"]], b["start"]) for b in self.body_blocks]

    def headings(self):
        return [text for kind, text, _ in self.blocks() if kind == "heading"]

    def ordered_authors(self):
        return [a.agent for a in self.authorships.all()]

    def rebuild_blocks(self, old_blocks=()):
        """Recut ``body_blocks`` from the body after an editor changed it.

        Blocks are the body's runs between blank lines; a block whose text was a block
        of the old body keeps that block's type (a heading stays a heading), the rest
        are paragraphs. ``old_blocks`` are the old body's (type, text, start) triples.
        """
        kinds = {text: kind for kind, text, _ in old_blocks}
        blocks, pos = [], 0
        for text in self.body.split("\n\n"):
            if text.strip():
                blocks.append({"type": kinds.get(text, "paragraph"), "start": pos, "end": pos + len(text)})
            pos += len(text) + 2
        self.body_blocks = blocks

    def mark_edited(self, fields):
        """Record fields an editor changed, so re-imports leave them alone."""
        changed = set(self.edited_fields) | set(fields)
        self.edited_fields = sorted(changed)


class Authorship(models.Model):
    """An author's place on an entry's byline."""

    class Role(models.TextChoices):
        AUTHOR = "author", "Author"
        EDITOR = "editor", "Editor"
        TRANSLATOR = "translator", "Translator"

    entry = models.ForeignKey(Entry, on_delete=models.CASCADE, related_name="authorships")
    agent = models.ForeignKey(Agent, on_delete=models.PROTECT, related_name="authorships")
    position = models.PositiveSmallIntegerField(default=0)
    role = models.CharField(max_length=20, choices=Role.choices, default=Role.AUTHOR)
    # The byline's changes, with who made them: shown on the entry's history page.
    history = HistoricalRecords()

    class Meta:
        ordering = ["entry", "position"]
        constraints = [
            models.UniqueConstraint(fields=["entry", "agent", "role"], name="unique_authorship"),
        ]
        # A name's bylines as an author, read from the index alone: a citation key's
        # namesakes (``records.KeySuffixes``) are found by it on every entry page.
        indexes = [models.Index(fields=["agent", "role", "entry"], name="authorship_agent_role_entry")]

    def __str__(self):
        return f"{self.agent} ({self.role}) on {self.entry}"


class EntryTombstone(models.Model):
    """What remains of a deleted entry, so OAI-PMH harvesters learn of the deletion."""

    entry_id = models.BigIntegerField(unique=True)
    slug = models.CharField(max_length=200)
    deleted_at = models.DateTimeField(default=timezone.now, db_index=True)
    set_specs = models.JSONField(default=list, blank=True)

    def __str__(self):
        return f"deleted entry {self.entry_id}"


# Each needs-review item and the test that tells it has been completed.
REVIEW_CHECKS = {
    "title": lambda e: bool(e.title.strip()),
    "authors": lambda e: e.pk is not None and e.authorships.exists(),
    "date": lambda e: e.published_on is not None,
    "outlet": lambda e: e.outlet_id is not None,
    "body": lambda e: bool(e.body.strip()),
}


def open_review_items(entry, *, has_authors=None):
    """The needs-review items ``entry`` still has as it stands, unsaved values included.

    ``has_authors`` answers the "authors" item when the byline is being edited alongside
    the entry (the admin form and its authors inline); otherwise the saved byline does.
    """
    checks = REVIEW_CHECKS if has_authors is None else {**REVIEW_CHECKS, "authors": lambda e: has_authors}
    return [item for item in entry.needs_review if not checks.get(item, lambda e: False)(entry)]


def refresh_needs_review(entry):
    """Drop the needs-review items an editor has since completed; keep unknown items."""
    remaining = open_review_items(entry)
    changed = remaining != list(entry.needs_review)
    entry.needs_review = remaining
    return changed
