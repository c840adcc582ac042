"""Entries in the admin: metadata, ordered authors, statements, publishing, importing."""
from django.contrib import admin, messages
from django.db.models import Count
from collections import Counter

from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.text import Truncator
from django.utils.translation import ngettext

from archive.models import Authorship, Entry, EntryStatus, EntryTombstone, Statement
from archive.citations.admin_actions import export_selected
from archive.models.entries import refresh_needs_review

from .entry_form import EntryForm
from .history import RelatedHistory, RelatedHistoryAdmin
from .imports import can_import, import_view
from .review import reextract_statements


class AuthorshipInline(admin.StackedInline):
    """Stacked, not tabular: each field keeps its own label (a table's inputs have none for screen readers)."""

    model = Authorship
    extra = 0
    autocomplete_fields = ["agent"]
    fields = [("agent", "role", "position")]
    ordering = ["position"]


class NeedsReviewFilter(admin.SimpleListFilter):
    title = "needs review"
    parameter_name = "needs_review"

    def lookups(self, request, model_admin):
        return [("yes", "Needs review"), ("no", "Complete")]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.exclude(needs_review=[])
        if self.value() == "no":
            return queryset.filter(needs_review=[])
        return queryset


@admin.register(Entry)
class EntryAdmin(RelatedHistoryAdmin):
    form = EntryForm
    change_list_template = "admin/archive/entry/change_list.html"  # adds "Import commentaries"
    related_histories = [RelatedHistory(
        "Byline changes", Authorship, "entry", ("agent", "role", "position"),
        note="Reverting to an earlier version restores the entry's fields, not its byline: "
             "change the authors in the entry's form.",
    )]
    list_display = ["__str__", "outlet", "byline", "published_on", "status", "review_flags", "statement_count"]
    list_filter = ["status", NeedsReviewFilter, "outlet", "genre", ("tags", admin.RelatedOnlyFieldListFilter), "published_on"]
    list_select_related = ["outlet"]
    search_fields = ["title", "synopsis", "number", "authors__name", "source_name"]
    date_hierarchy = "published_on"
    # Outlets and series are few: plain labelled selects (an empty select2 box has no accessible name).
    prepopulated_fields = {"slug": ["title"]}
    inlines = [AuthorshipInline]  # statements are reviewed at the desk, linked from "statements_summary"
    actions = ["publish", "unpublish", reextract_statements, export_selected]
    # Kept from the saved row on every save (a revert restores an old version's fields, not its import).
    PROVENANCE_FIELDS = ("source_name", "checksum", "imported_at", "importer_version", "edited_fields")
    provenance_fields = ["source_name", "checksum", "imported_at", "importer_version", "edited_fields", "created_at", "updated_at", "published_at"]
    readonly_fields = [*provenance_fields, "body_structure", "statements_summary"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "genre", "status", "needs_review"]}),
        ("Publication", {"fields": ["outlet", ("series", "number"), ("published_on", "date_precision"), "url", "language", "tags"]}),
        ("Text", {"fields": ["synopsis", "body", "body_structure", "author_note"]}),
        ("Statements", {"fields": ["statements_summary"]}),
        ("Provenance", {"classes": ["collapse"], "fields": provenance_fields}),
    ]

    def get_queryset(self, request):
        # An aggregate drops Meta.ordering; restore it (autocomplete pages through this).
        return (
            super().get_queryset(request)
            .annotate(_statements=Count("statements", distinct=True))
            .prefetch_related("authorships__agent")
            .order_by(*Entry._meta.ordering)
        )

    def changelist_view(self, request, extra_context=None):
        return super().changelist_view(request, {"can_import": can_import(request.user), **(extra_context or {})})

    @admin.display(description="structure")
    def body_structure(self, obj):
        """The body's blocks, read-only: they follow the body when an editor changes it."""
        blocks = obj.blocks() if obj.pk and obj.body_blocks else []
        if not blocks:
            return "Paragraphs are the text's runs between blank lines."
        counts = Counter(kind for kind, _, _ in blocks)
        summary = ", ".join(f"{n} {kind}{'s' if n != 1 else ''}" for kind, n in counts.items())
        items = format_html_join("", "<li>{}: {}</li>", (
            (kind, Truncator(text).chars(90)) for kind, text, _ in blocks))
        return format_html("<details><summary>{} blocks: {}</summary><ol>{}</ol></details>",
                           len(blocks), summary, items)

    @admin.display(description="statements")
    def statements_summary(self, obj):
        """Counts by review status and a link to the review desk for this entry (no inline forms)."""
        if obj.pk is None:
            return "The quote engine finds the statements when the entry is saved with a text."
        counts = dict(obj.statements.values_list("review_status").annotate(n=Count("pk")).order_by())
        desk = reverse("admin:archive_review_desk")
        parts = [f"{counts.get(value, 0)} {label.lower()}" for value, label in Statement.Review.choices]
        waiting = counts.get(Statement.Review.SUGGESTED, 0)
        return format_html(
            '{}. <a href="{}?entry={}&amp;order=entry">Review {} at the desk</a> · '
            '<a href="{}?entry={}&amp;order=entry&amp;status=all">all of this entry\'s statements</a>',
            ", ".join(parts), desk, obj.pk,
            "the statement waiting" if waiting == 1 else f"the {waiting} statements waiting",
            desk, obj.pk)

    @admin.display(description="authors")
    def byline(self, obj):
        return ", ".join(a.agent.name for a in obj.authorships.all())

    @admin.display(description="needs review")
    def review_flags(self, obj):
        return ", ".join(obj.needs_review) or "—"

    @admin.display(description="statements", ordering="_statements")
    def statement_count(self, obj):
        return obj._statements

    def get_urls(self):
        custom = [path("import/", self.admin_site.admin_view(import_view), name="archive_entry_import")]
        return custom + super().get_urls()

    # Editors' changes are recorded so that re-imports never overwrite them.
    def save_model(self, request, obj, form, change):
        saved = Entry.objects.filter(pk=obj.pk).first() if change else None
        if change:
            obj.mark_edited(self._edited_fields(obj, form))
        if saved is None or saved.body != obj.body or not obj.body_blocks:
            known = saved.blocks() if saved is not None and saved.body_blocks else []
            if obj.body_blocks and all(b["end"] <= len(obj.body) for b in obj.body_blocks):
                known += obj.blocks()  # a restored version's own structure
            obj.rebuild_blocks(known)
        super().save_model(request, obj, form, change)

    def _edited_fields(self, obj, form):
        """The tracked fields this save changes, measured against the saved row.

        The history revert form starts from an old version, so its own changed_data is
        empty: comparing with the saved row makes a revert count as the editor's change
        it is. Provenance stays that of the latest import, whichever version is restored.
        """
        edited = {name for name in form.changed_data if name in Entry.TRACKED_FIELDS}
        saved = Entry.objects.filter(pk=obj.pk).first()
        if saved is None:
            return edited
        for name in self.PROVENANCE_FIELDS:
            setattr(obj, name, getattr(saved, name))
        for field in Entry._meta.concrete_fields:
            if field.name in Entry.TRACKED_FIELDS and getattr(saved, field.attname) != getattr(obj, field.attname):
                edited.add(field.name)
        return edited

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        entry = form.instance
        if change:
            edited = []
            if any(fs.model is Authorship and fs.has_changed() for fs in formsets):
                edited.append("authors")
            if "tags" in form.changed_data:
                edited.append("tags")
            entry.mark_edited(edited)
        if refresh_needs_review(entry) or change:
            Entry.objects.filter(pk=entry.pk).update(
                needs_review=entry.needs_review, edited_fields=entry.edited_fields
            )

    @admin.action(description="Publish selected entries", permissions=["change"])
    def publish(self, request, queryset):
        published = 0
        for entry in queryset:
            refresh_needs_review(entry)
            reason = entry.can_publish()
            if reason:
                self.message_user(request, f"“{entry}” was not published: {reason}.", messages.ERROR)
                continue
            if entry.status != EntryStatus.PUBLISHED:
                entry.status = EntryStatus.PUBLISHED
                entry.save()
                published += 1
        if published:
            self.message_user(
                request, ngettext("%d entry published.", "%d entries published.", published) % published,
                messages.SUCCESS,
            )

    @admin.action(description="Unpublish selected entries (back to draft)", permissions=["change"])
    def unpublish(self, request, queryset):
        count = 0
        for entry in queryset.filter(status=EntryStatus.PUBLISHED):
            entry.status = EntryStatus.DRAFT
            entry.save()
            count += 1
        self.message_user(request, ngettext("%d entry unpublished.", "%d entries unpublished.", count) % count)


@admin.register(EntryTombstone)
class EntryTombstoneAdmin(admin.ModelAdmin):
    """Deleted entries, as OAI-PMH harvesters learn of them: written by the deletion signal
    only, so view-only here (changing one would tell harvesters something untrue)."""

    list_display = ["entry_id", "slug", "deleted_at", "set_specs"]
    search_fields = ["slug"]
    date_hierarchy = "deleted_at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
