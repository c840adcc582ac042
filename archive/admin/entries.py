"""Entries in the admin: metadata, ordered authors, statements, publishing."""
from django.contrib import admin, messages
from django.db.models import Count
from django.urls import path
from django.utils.translation import ngettext
from simple_history.admin import SimpleHistoryAdmin

from archive.models import Authorship, Entry, EntryStatus, Statement
from archive.citations.admin_actions import export_selected
from archive.models.entries import refresh_needs_review

from .review import reextract_statements


class AuthorshipInline(admin.TabularInline):
    model = Authorship
    extra = 0
    autocomplete_fields = ["agent"]
    fields = ["position", "agent", "role"]
    ordering = ["position"]


class StatementInline(admin.StackedInline):
    model = Statement
    extra = 0
    autocomplete_fields = ["speaker"]
    fields = [
        ("quote", "speaker"),
        ("kind", "review_status", "cue", "speaker_mention"),
        ("verification", "source_url", "verification_note"),
    ]
    show_change_link = True
    classes = ["collapse"]


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
class EntryAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "outlet", "byline", "published_on", "status", "review_flags", "statement_count"]
    list_filter = ["status", NeedsReviewFilter, "outlet", "genre", ("tags", admin.RelatedOnlyFieldListFilter), "published_on"]
    list_select_related = ["outlet"]
    search_fields = ["title", "synopsis", "number", "authors__name", "source_name"]
    date_hierarchy = "published_on"
    autocomplete_fields = ["outlet", "series"]
    prepopulated_fields = {"slug": ["title"]}
    inlines = [AuthorshipInline, StatementInline]
    actions = ["publish", "unpublish", reextract_statements, export_selected]
    readonly_fields = ["source_name", "checksum", "imported_at", "importer_version", "edited_fields", "created_at", "updated_at", "published_at"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "genre", "status", "needs_review"]}),
        ("Publication", {"fields": ["outlet", ("series", "number"), ("published_on", "date_precision"), "url", "language", "tags"]}),
        ("Text", {"fields": ["synopsis", "body", "body_blocks", "author_note"]}),
        ("Provenance", {"classes": ["collapse"], "fields": readonly_fields}),
    ]

    def get_queryset(self, request):
        return (
            super().get_queryset(request)
            .annotate(_statements=Count("statements", distinct=True))
            .prefetch_related("authorships__agent")
        )

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
        urls = super().get_urls()
        try:
            from .imports import import_view
        except ImportError:
            return urls
        custom = [path("import/", self.admin_site.admin_view(import_view), name="archive_entry_import")]
        return custom + urls

    # Editors' changes are recorded so that re-imports never overwrite them.
    def save_model(self, request, obj, form, change):
        if change:
            obj.mark_edited(f for f in form.changed_data if f in Entry.TRACKED_FIELDS)
        super().save_model(request, obj, form, change)

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
