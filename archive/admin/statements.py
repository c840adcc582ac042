"""Statements, statement groups and quoted terms in the admin (the review screen is in review.py)."""
from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from archive.models import QuotedTerm, Statement, StatementGroup

from .review import promote_terms


@admin.register(Statement)
class StatementAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "speaker", "entry", "kind", "review_status", "verification", "confidence"]
    list_filter = ["review_status", "kind", "origin", "verification"]
    list_select_related = ["speaker", "entry"]
    search_fields = ["quote", "speaker__name", "speaker_mention", "entry__title"]
    autocomplete_fields = ["speaker", "entry", "group"]
    readonly_fields = ["origin", "created_at", "updated_at"]

    def save_model(self, request, obj, form, change):
        if change and form.changed_data:
            obj.edited = True
        super().save_model(request, obj, form, change)


@admin.register(StatementGroup)
class StatementGroupAdmin(admin.ModelAdmin):
    list_display = ["__str__", "speaker"]
    search_fields = ["text", "speaker__name"]
    autocomplete_fields = ["speaker"]


@admin.register(QuotedTerm)
class QuotedTermAdmin(admin.ModelAdmin):
    list_display = ["text", "entry", "reason", "promoted"]
    list_filter = ["promoted", "reason"]
    search_fields = ["text", "entry__title"]
    autocomplete_fields = ["entry"]
    actions = [promote_terms]
