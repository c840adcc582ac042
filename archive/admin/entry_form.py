"""The entry's admin form: it refuses to publish an entry that still needs review.

The publish action refuses such entries; without this the change and add forms would
let an editor do the same by choosing "Published". Both ask the entry itself
(:func:`archive.models.entries.open_review_items`, :meth:`Entry.can_publish`).
"""
from django import forms

from archive.models import Entry, EntryStatus
from archive.models.entries import REVIEW_CHECKS, open_review_items

REVIEW_LABELS = {"title": "Title", "authors": "Authors", "date": "Date", "outlet": "Outlet", "body": "Text"}


class EntryForm(forms.ModelForm):
    # The authors inline's form prefix (the reverse name of Authorship.entry).
    BYLINE_PREFIX = "authorships"

    needs_review = forms.MultipleChoiceField(
        required=False, widget=forms.CheckboxSelectMultiple,
        help_text="What an editor must still check before publishing. The import ticks what it could "
                  "not find; “missing” marks what this entry still lacks.")

    class Meta:
        model = Entry
        fields = "__all__"
        exclude = ["body_blocks"]  # the body's structure follows the body (EntryAdmin.save_model)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["needs_review"]
        items = list(REVIEW_CHECKS) + [i for i in (self.instance.needs_review or []) if i not in REVIEW_CHECKS]
        missing = set(self._missing(items))
        field.choices = [(item, REVIEW_LABELS.get(item, item) + (" — missing" if item in missing else ""))
                         for item in items]
        if isinstance(self.initial.get("needs_review"), str):  # a history version's value
            import json
            try:
                self.initial["needs_review"] = json.loads(self.initial["needs_review"])
            except ValueError:
                self.initial["needs_review"] = []

    def _missing(self, items):
        """The items the saved entry does not have (a new entry lacks them all)."""
        if self.instance.pk is None:
            return []
        return [i for i in items if i in REVIEW_CHECKS and not REVIEW_CHECKS[i](self.instance)]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("status") != EntryStatus.PUBLISHED or "needs_review" in self.errors:
            return cleaned
        if self.instance.pk and Entry.objects.filter(pk=self.instance.pk, status=EntryStatus.PUBLISHED).exists():
            return cleaned  # already published: this save does not publish it
        entry = self._entry_as_saved(cleaned)
        entry.needs_review = open_review_items(entry, has_authors=self._byline_has_authors())
        reason = entry.can_publish()
        if reason:
            self.add_error("status", f"This entry cannot be published yet: {reason}. "
                                     "Complete what is missing, or save it as a draft.")
        return cleaned

    def _entry_as_saved(self, cleaned):
        """A copy of the entry with this form's values, to judge without touching the instance."""
        fields = Entry._meta.concrete_fields
        entry = Entry(**{field.attname: getattr(self.instance, field.attname) for field in fields})
        for field in fields:
            if field.name in cleaned:
                setattr(entry, field.name, cleaned[field.name])
        return entry

    def _byline_has_authors(self):
        """Whether the authors inline posted with this form leaves the entry an author.

        None when no inline came with the form (the history revert form): the saved byline decides.
        """
        total = self.data.get(f"{self.BYLINE_PREFIX}-TOTAL_FORMS")
        if not total or not str(total).isdigit():
            return None
        return any(
            self.data.get(f"{self.BYLINE_PREFIX}-{i}-agent") and not self.data.get(f"{self.BYLINE_PREFIX}-{i}-DELETE")
            for i in range(min(int(total), 1000))
        )
