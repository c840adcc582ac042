"""Name records (authors and speakers) in the admin, and merging duplicates."""
from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.db.models import Count
from django.template.response import TemplateResponse
from simple_history.admin import SimpleHistoryAdmin

from archive.models import Agent, Alias, MergeCandidate
from archive.services.names import merge_agents

from .history import RelatedHistory, RelatedHistoryAdmin


class AliasInline(admin.TabularInline):
    model = Alias
    extra = 0
    fields = ["name"]


class MergeForm(forms.Form):
    keep = forms.ModelChoiceField(queryset=Agent.objects.none(), widget=forms.RadioSelect,
                                  label="Keep this record", empty_label=None)

    def __init__(self, *args, agents, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["keep"].queryset = agents


@admin.register(Agent)
class AgentAdmin(RelatedHistoryAdmin):
    related_histories = [RelatedHistory("Alias changes", Alias, "agent", ("name",))]
    list_display = ["name", "kind", "family_name", "given_name", "entries_written", "statements_made"]
    list_filter = ["kind"]
    search_fields = ["name", "family_name", "given_name", "aliases__name", "description"]
    readonly_fields = ["slug", "created_at", "updated_at"]
    fieldsets = [
        (None, {"fields": ["name", "kind", ("family_name", "given_name"), "description", "affiliation"]}),
        ("Identifiers", {"fields": [("wikidata", "orcid", "viaf")]}),
        ("Record", {"classes": ["collapse"], "fields": ["slug", "created_at", "updated_at"]}),
    ]
    inlines = [AliasInline]
    actions = ["merge_selected"]

    def get_queryset(self, request):
        # An aggregate drops Meta.ordering; restore it (autocomplete pages through this).
        return super().get_queryset(request).annotate(
            _entries=Count("authorships", distinct=True), _statements=Count("statements", distinct=True)
        ).order_by(*Agent._meta.ordering, "pk")

    @admin.display(description="entries", ordering="_entries")
    def entries_written(self, obj):
        return obj._entries

    @admin.display(description="statements", ordering="_statements")
    def statements_made(self, obj):
        return obj._statements

    @admin.action(description="Merge selected name records…", permissions=["change"])
    def merge_selected(self, request, queryset):
        agents = queryset.order_by("name")
        if agents.count() < 2:
            self.message_user(request, "Select at least two name records to merge.", messages.WARNING)
            return None
        form = MergeForm(request.POST if "apply" in request.POST else None, agents=agents)
        if form.is_valid():
            keep = form.cleaned_data["keep"]
            others = [a for a in agents if a.pk != keep.pk]
            names = ", ".join(a.name for a in others)
            merge_agents(keep, others)
            self.message_user(request, f"Merged {names} into {keep.name}.", messages.SUCCESS)
            return None
        return TemplateResponse(request, "admin/archive/agent/merge.html", {
            **self.admin_site.each_context(request),
            "title": "Merge name records",
            "form": form,
            "agents": agents,
            "opts": self.model._meta,
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
        })


@admin.register(Alias)
class AliasAdmin(SimpleHistoryAdmin):
    list_display = ["name", "agent"]
    list_select_related = ["agent"]
    search_fields = ["name", "agent__name"]
    autocomplete_fields = ["agent"]


@admin.register(MergeCandidate)
class MergeCandidateAdmin(admin.ModelAdmin):
    list_display = ["__str__", "first", "second", "reason", "status", "created_at"]
    list_filter = ["status"]
    autocomplete_fields = ["first", "second"]
    actions = ["merge_into_first", "dismiss"]

    @admin.action(description="Merge: keep the first record of each pair", permissions=["change"])
    def merge_into_first(self, request, queryset):
        count = 0
        open_pairs = MergeCandidate.objects.filter(
            status=MergeCandidate.Status.OPEN, first__isnull=False, second__isnull=False
        ).select_related("first", "second")
        for pk in list(queryset.values_list("pk", flat=True)):
            # Fetched one at a time: each merge settles the other pairs of the record merged away.
            candidate = open_pairs.filter(pk=pk).first()
            if candidate is not None:
                merge_agents(candidate.first, [candidate.second])
                count += 1
        self.message_user(request, f"{count} pair(s) merged.")

    @admin.action(description="Not the same: dismiss", permissions=["change"])
    def dismiss(self, request, queryset):
        count = queryset.update(status=MergeCandidate.Status.DISMISSED)
        self.message_user(request, f"{count} pair(s) dismissed.")
