"""The editors' review screen for quoted statements, and re-extraction from the entry list.

Statements the machine found are suggestions. Here an editor sees each one in its
context (the words before and after, the quote highlighted), with its cue, how the
text names the speaker and the proposed name record; confirms or rejects them in bulk;
changes the speaker (autocomplete, or "+" for a new name record); records a statement
the machine missed by giving its words; and sets its verification. Every save goes
into the statement's history, and an editor's save protects the statement from
re-extraction (``Statement.is_protected``).
"""
from django import forms
from django.contrib import admin, messages
from django.db import transaction
from django.db.models import Count
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import ngettext
from simple_history.admin import SimpleHistoryAdmin

from archive.models import Agent, Statement, StatementReview
from archive.services.statements import (
    WordsNotFound, assign_group, locate_words, promote_term, refresh_statements,
    replace_overlapping_suggestions,
)
from archive.statement_text import context


class ConfidenceFilter(admin.SimpleListFilter):
    """The machine's confidence in three bands, so editors start with the doubtful ones."""

    title = "confidence"
    parameter_name = "confidence"
    BANDS = {
        "low": ("Low (below 0.5)", {"confidence__lt": 0.5}),
        "medium": ("Medium (0.5 to 0.8)", {"confidence__gte": 0.5, "confidence__lt": 0.8}),
        "high": ("High (0.8 and above)", {"confidence__gte": 0.8}),
    }

    def lookups(self, request, model_admin):
        return [(key, label) for key, (label, _) in self.BANDS.items()]

    def queryset(self, request, queryset):
        band = self.BANDS.get(self.value())
        return queryset.filter(**band[1]) if band else queryset


class ReviewStatusFilter(admin.SimpleListFilter):
    """Review status, showing the statements awaiting review unless another is chosen.

    The screen is a queue: an editor opening it sees what still needs a decision.
    """

    title = "review status"
    parameter_name = "status"
    ALL = "all"

    def lookups(self, request, model_admin):
        return [*Statement.Review.choices, (self.ALL, "All")]

    def choices(self, changelist):
        current = self.value() or Statement.Review.SUGGESTED
        for value, label in self.lookup_choices:
            yield {
                "selected": current == value,
                "query_string": changelist.get_query_string({self.parameter_name: value}),
                "display": label,
            }

    def queryset(self, request, queryset):
        value = self.value() or Statement.Review.SUGGESTED
        if value == self.ALL:
            return queryset
        if value in Statement.Review.values:
            return queryset.filter(review_status=value)
        return queryset.none()


class SpeakerFilter(admin.SimpleListFilter):
    """The speakers with most statements awaiting review, and "no speaker".

    Bounded, unlike a list of every name record: the search box finds any other speaker.
    """

    title = "speaker"
    parameter_name = "speaker"
    NONE = "none"
    LIMIT = 30

    def lookups(self, request, model_admin):
        top = (Agent.objects.filter(statements__review_status=Statement.Review.SUGGESTED)
               .annotate(waiting=Count("statements")).order_by("-waiting", "name")[: self.LIMIT])
        choices = [(str(agent.pk), f"{agent.name} ({agent.waiting})") for agent in top]
        selected = self.value()
        if selected and selected.isdigit() and selected not in {pk for pk, _ in choices}:
            agent = Agent.objects.filter(pk=selected).first()
            if agent is not None:
                choices.insert(0, (selected, agent.name))
        return [(self.NONE, "No speaker")] + choices

    def queryset(self, request, queryset):
        value = self.value()
        if value == self.NONE:
            return queryset.filter(speaker__isnull=True)
        if value and value.isdigit():
            return queryset.filter(speaker_id=int(value))
        return queryset


class AddStatementForm(forms.ModelForm):
    """A statement the machine missed, given by its words; the offsets are computed."""

    words = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3, "cols": 80}),
        help_text="The quoted words exactly as they stand in the entry's text (without quotation marks).",
    )
    occurrence = forms.IntegerField(
        min_value=1, initial=1, required=False,
        help_text="When the words occur more than once in the text: which occurrence (1 = the first).",
    )

    class Meta:
        model = StatementReview
        fields = ["entry", "speaker", "speaker_mention", "cue", "kind", "description",
                  "verification", "source_url", "verification_note"]

    def clean(self):
        cleaned = super().clean()
        entry, words = cleaned.get("entry"), cleaned.get("words")
        if entry is None or words is None:
            return cleaned
        try:
            start, end = locate_words(entry, words, cleaned.get("occurrence") or 1)
        except WordsNotFound as exc:
            self.add_error("words", str(exc))
            return cleaned
        duplicate = entry.statements.filter(start=start, end=end).exclude(
            review_status=Statement.Review.REJECTED).first()
        if duplicate is not None:
            self.add_error("words", "These words are already a statement of this entry "
                                    f"(#{duplicate.pk}); confirm or correct that one instead.")
            return cleaned
        self.instance.quote = entry.body[start:end]
        self.instance.start, self.instance.end = start, end
        self.instance.origin = Statement.Origin.EDITOR
        self.instance.review_status = Statement.Review.CONFIRMED
        self.instance.confidence = 1.0
        return cleaned


@admin.register(StatementReview)
class StatementReviewAdmin(SimpleHistoryAdmin):
    """The review queue: one row per statement, in its context."""

    list_display = ["quote_in_context", "cue", "speaker_mention", "proposed_speaker", "kind",
                    "confidence_shown", "review_status", "verification"]
    list_display_links = ["quote_in_context"]
    list_filter = [ReviewStatusFilter, "kind", ConfidenceFilter, ("entry__outlet", admin.RelatedOnlyFieldListFilter),
                   SpeakerFilter, "origin", "needs_anchor", "verification"]
    list_select_related = ["entry", "entry__outlet", "speaker"]
    search_fields = ["quote", "speaker_mention", "speaker__name", "entry__title"]
    autocomplete_fields = ["speaker", "entry"]
    list_per_page = 50
    actions = ["confirm_selected", "reject_selected"]
    fieldsets = [
        (None, {"fields": ["entry_link", "quote_in_context", "needs_anchor"]}),
        ("Attribution", {"fields": ["speaker", "speaker_mention", "description", "cue", "kind"]}),
        ("Review", {"fields": ["review_status", "origin", "confidence", "edited"]}),
        ("Verification", {"fields": ["verification", "source_url", "verification_note"]}),
        ("Record", {"classes": ["collapse"], "fields": ["quote", "start", "end", "group", "created_at", "updated_at"]}),
    ]
    add_fieldsets = [
        (None, {"fields": ["entry", "words", "occurrence"]}),
        ("Attribution", {"fields": ["speaker", "speaker_mention", "description", "cue", "kind"]}),
        ("Verification", {"fields": ["verification", "source_url", "verification_note"]}),
    ]
    readonly_fields = ["entry_link", "quote_in_context", "needs_anchor", "origin", "confidence", "edited",
                       "quote", "start", "end", "group", "created_at", "updated_at"]

    change_list_template = "admin/archive/statementreview/change_list.html"  # links to the desk

    def get_urls(self):
        from django.urls import path

        from .desk import decide_view, desk_view
        wrap = self.admin_site.admin_view
        return [
            path("desk/", wrap(desk_view), name="archive_review_desk"),
            path("desk/<int:pk>/decide/", wrap(decide_view), name="archive_review_decide"),
            *super().get_urls(),
        ]

    def get_actions(self, request):
        """No "Delete selected" beside the review decisions: rejecting keeps the record and its history."""
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)
        return actions

    def get_fieldsets(self, request, obj=None):
        return self.add_fieldsets if obj is None else self.fieldsets

    def get_readonly_fields(self, request, obj=None):
        return [] if obj is None else self.readonly_fields

    def get_form(self, request, obj=None, **kwargs):
        if obj is None:
            kwargs["form"] = AddStatementForm
        return super().get_form(request, obj, **kwargs)

    @admin.display(description="statement in its context")
    def quote_in_context(self, obj):
        if obj.needs_anchor:  # its words are gone from the text: no context to show
            before, quoted, after = "", obj.quote, ""
            flag = format_html(' <strong class="errornote">{}</strong>', "words no longer in the text")
        else:
            before, quoted, after = context(obj.entry.body, obj.start, obj.end)
            flag = ""
        return format_html(
            '<span class="quiet">{}</span> <mark>{}</mark> <span class="quiet">{}</span>{}<br>'
            '<small>in “{}”</small>',
            before, quoted, after, flag, obj.entry,
        )

    @admin.display(description="entry")
    def entry_link(self, obj):
        url = reverse("admin:archive_entry_change", args=[obj.entry_id])
        return format_html('<a href="{}">{}</a>', url, obj.entry)

    @admin.display(description="proposed speaker", ordering="speaker__name")
    def proposed_speaker(self, obj):
        if obj.speaker is None:
            return "—"
        return f"{obj.speaker.name} ({obj.speaker.get_kind_display()})"

    @admin.display(description="confidence", ordering="confidence")
    def confidence_shown(self, obj):
        return f"{obj.confidence:.2f}"

    @transaction.atomic
    def save_model(self, request, obj, form, change):
        if change and form.changed_data:
            obj.edited = True  # an editor's correction: re-extraction leaves it alone
        super().save_model(request, obj, form, change)
        assign_group(obj)
        if not change:
            replaced = replace_overlapping_suggestions(obj)
            if replaced:
                self.message_user(request, ngettext(
                    "It replaces %d machine suggestion for the same words.",
                    "It replaces %d machine suggestions for the same words.", replaced) % replaced)

    def _decide(self, request, queryset, status, verb):
        count = 0
        with transaction.atomic():
            for statement in queryset.exclude(review_status=status):
                statement.review_status = status
                statement.save()  # one history row per decision, with the editor's name
                assign_group(statement)
                count += 1
        noun = "statement" if count == 1 else "statements"
        self.message_user(request, f"{count} {noun} {verb}.", messages.SUCCESS)

    @admin.action(description="Confirm selected statements", permissions=["change"])
    def confirm_selected(self, request, queryset):
        self._decide(request, queryset, Statement.Review.CONFIRMED, "confirmed")

    @admin.action(description="Reject selected statements (not a statement, or wrongly found)",
                  permissions=["change"])
    def reject_selected(self, request, queryset):
        self._decide(request, queryset, Statement.Review.REJECTED, "rejected")


@admin.action(description="Re-extract statements (keeps editors' decisions)", permissions=["change"])
def reextract_statements(modeladmin, request, queryset):
    """Run the quote engine again on the selected entries; only machine suggestions change."""
    done = 0
    for entry in queryset:
        try:
            report = refresh_statements(entry)
        except Exception as exc:  # an engine failure on one entry must not lose the others
            modeladmin.message_user(request, f"“{entry}”: statements could not be extracted ({exc}).",
                                    messages.ERROR)
            continue
        done += 1
        modeladmin.message_user(request, f"“{entry}”: {report}.", messages.INFO)
    modeladmin.message_user(
        request, ngettext("Statements re-extracted for %d entry.", "Statements re-extracted for %d entries.", done)
        % done, messages.SUCCESS)


@admin.action(description="Promote to statements (then set their speakers in the review)", permissions=["change"])
def promote_terms(modeladmin, request, queryset):
    """Quoted terms an editor judges to be someone's words become statements to attribute."""
    promoted = []
    for term in queryset.select_related("entry"):
        try:
            statement = promote_term(term)
        except WordsNotFound as exc:
            modeladmin.message_user(request, str(exc), messages.ERROR)
            continue
        if statement is None:
            modeladmin.message_user(request, f"“{term.text}” is already a statement.", messages.WARNING)
        else:
            promoted.append(statement)
    if promoted:
        url = reverse("admin:archive_statementreview_changelist") + "?origin__exact=editor&status=suggested"
        modeladmin.message_user(request, format_html(
            '{} promoted. <a href="{}">Set their speakers in the statement review</a>.',
            ngettext("%d term", "%d terms", len(promoted)) % len(promoted), url), messages.SUCCESS)
