from django.db import models
from simple_history.models import HistoricalRecords

from .entries import Entry
from .names import Agent


class StatementGroup(models.Model):
    """One thing said, quoted in one or more entries ("also quoted in ...")."""

    key = models.CharField(max_length=255, unique=True, help_text="Normalised words of the statement.")
    text = models.TextField()
    speaker = models.ForeignKey(Agent, null=True, blank=True, on_delete=models.SET_NULL, related_name="statement_groups")

    def __str__(self):
        return self.text[:80]


class Statement(models.Model):
    """A quoted statement: words in an entry that reproduce what a source said or wrote."""

    class Kind(models.TextChoices):
        DIRECT = "direct", "Direct quote"
        PARTIAL = "partial", "Partial quote"
        REPORTED = "reported", "Reported speech"

    class Origin(models.TextChoices):
        MACHINE = "machine", "Machine"
        EDITOR = "editor", "Editor"

    class Review(models.TextChoices):
        SUGGESTED = "suggested", "Suggested"
        CONFIRMED = "confirmed", "Confirmed"
        REJECTED = "rejected", "Rejected"

    class Verification(models.TextChoices):
        UNVERIFIED = "unverified", "Unverified"
        VERIFIED = "verified", "Verified"
        DISPUTED = "disputed", "Disputed"

    entry = models.ForeignKey(Entry, on_delete=models.CASCADE, related_name="statements")
    speaker = models.ForeignKey(Agent, null=True, blank=True, on_delete=models.SET_NULL, related_name="statements")
    group = models.ForeignKey(StatementGroup, null=True, blank=True, on_delete=models.SET_NULL, related_name="statements")
    quote = models.TextField(help_text="The exact quoted words, without the quotation marks.")
    start = models.PositiveIntegerField(help_text="Offset of the first quoted character in the entry body.")
    end = models.PositiveIntegerField()
    cue = models.CharField(max_length=100, blank=True)
    speaker_mention = models.CharField(max_length=300, blank=True)
    description = models.CharField(max_length=500, blank=True)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.DIRECT)
    origin = models.CharField(max_length=20, choices=Origin.choices, default=Origin.MACHINE)
    review_status = models.CharField(max_length=20, choices=Review.choices, default=Review.SUGGESTED, db_index=True)
    edited = models.BooleanField(default=False, help_text="An editor changed this statement.")
    needs_anchor = models.BooleanField(default=False, help_text="Its words no longer occur in the body.")
    confidence = models.FloatField(default=0.0)
    alternatives = models.JSONField(
        default=list, blank=True,
        help_text="The machine's next-best speaker candidates, best first (at most three): "
                  "[{\"speaker\", \"speaker_kind\", \"speaker_mention\", \"score\"}].")
    verification = models.CharField(max_length=20, choices=Verification.choices, default=Verification.UNVERIFIED)
    source_url = models.URLField("original source URL", max_length=1000, blank=True)
    verification_note = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        ordering = ["entry", "start"]
        indexes = [
            models.Index(fields=["speaker", "review_status"], name="statement_speaker_review"),
            # The review desk's two queue orders: least confident first, and entry by entry.
            models.Index(fields=["review_status", "confidence", "id"], name="statement_review_confidence"),
            models.Index(fields=["review_status", "entry", "start"], name="statement_review_entry"),
            # The speaker facet of a search: each matched entry's speakers, from the index alone.
            models.Index(fields=["entry", "review_status", "speaker"], name="statement_entry_speaker"),
        ]
        constraints = [
            models.CheckConstraint(condition=models.Q(end__gte=models.F("start")), name="statement_end_after_start"),
        ]

    def __str__(self):
        return f"“{self.quote[:60]}”"

    @property
    def is_protected(self):
        """An editor's decision, which re-extraction must never change."""
        return self.origin == self.Origin.EDITOR or self.edited or self.review_status != self.Review.SUGGESTED

    @property
    def anchor(self):
        return f"s{self.pk}"

    # -- how the public pages speak of it -------------------------------------------
    @property
    def is_reported(self):
        """Reported speech ("IDC predicts that …") is the entry's paraphrase: never shown as a quotation."""
        return self.kind == self.Kind.REPORTED

    @property
    def cited_as(self):
        """How the entry relates to the words: "quoted in" or "paraphrased in"."""
        return "paraphrased in" if self.is_reported else "quoted in"

    @property
    def review_words(self):
        """The review status in a reader's words (kept apart from the cue, which may be "confirmed")."""
        if self.review_status == self.Review.CONFIRMED:
            return "checked by an editor"
        if self.review_status == self.Review.REJECTED:
            return "rejected by an editor"
        return "machine suggestion, not yet checked by an editor"

    @property
    def verification_words(self):
        """Verification against the original source, when there is something to say."""
        return {self.Verification.VERIFIED: "verified against the original source",
                self.Verification.DISPUTED: "disputed"}.get(self.verification, "")


class QuotedTerm(models.Model):
    """Quoted words the machine judged not to be anyone's statement (scare quotes, terms).

    Kept so an editor can promote one to a statement.
    """

    entry = models.ForeignKey(Entry, on_delete=models.CASCADE, related_name="quoted_terms")
    text = models.TextField()
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    reason = models.CharField(max_length=200, blank=True)
    promoted = models.BooleanField(default=False)

    class Meta:
        ordering = ["entry", "start"]

    def __str__(self):
        return self.text[:60]
