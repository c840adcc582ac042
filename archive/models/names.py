from django.db import models
from django.utils.text import slugify
from simple_history.models import HistoricalRecords

from archive.naming import normalize_name, split_name
from archive.paths import slug_path


class Agent(models.Model):
    """A name-authority record shared by authors and speakers.

    Library catalogues call this an agent: one record per real person or body,
    whether it wrote an entry, is quoted in one, or both.
    """

    class Kind(models.TextChoices):
        PERSON = "person", "Person"
        ORGANISATION = "organisation", "Organisation"
        AI_SYSTEM = "ai_system", "AI system"
        PUBLICATION = "publication", "Publication or report"
        GROUP = "group", "Anonymous group"

    name = models.CharField("display name", max_length=300)
    slug = models.SlugField(max_length=140, unique=True)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.PERSON)
    family_name = models.CharField(max_length=200, blank=True,
                                   help_text="Parsed guess; correct it when wrong (Qi Dapeng: Qi).")
    given_name = models.CharField(max_length=200, blank=True)
    normalized_name = models.CharField(max_length=300, db_index=True, editable=False)
    # The word a citation key takes from this name as first author ("von der Leyen" ->
    # "leyen"), kept with the name so an entry's key finds its namesakes by index
    # instead of folding every author's name in the archive (100 ms at 100,000 entries).
    citation_token = models.CharField(max_length=200, blank=True, db_index=True, editable=False)
    description = models.CharField(max_length=500, blank=True, help_text="Role, e.g. “Harvard AI expert”.")
    affiliation = models.CharField(max_length=300, blank=True)
    wikidata = models.CharField("Wikidata ID", max_length=30, blank=True)
    orcid = models.CharField("ORCID", max_length=30, blank=True)
    viaf = models.CharField("VIAF ID", max_length=30, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["family_name", "given_name", "name"]
        verbose_name = "name record"

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.normalized_name = normalize_name(self.name)
        if not self.family_name and not self.given_name and self.name:
            if self.kind == self.Kind.PERSON:
                self.family_name, self.given_name = split_name(self.name)
            else:
                self.family_name = self.name
        if not self.slug:
            self.slug = self._unique_slug()
        from archive.citations.records import agent_key_token  # the citation module reads this model

        self.citation_token = agent_key_token(self.kind, self.name, self.family_name, self.given_name)
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "citation_token"}
        super().save(*args, **kwargs)

    def _unique_slug(self):
        base = slugify(self.name)[:120] or "name"
        slug, n = base, 2
        while Agent.objects.filter(slug=slug).exclude(pk=self.pk).exists():
            slug, n = f"{base}-{n}", n + 1
        return slug

    def get_absolute_url(self):
        return slug_path("archive:person", self.slug)  # resolved once per kind (archive/paths.py)

    @property
    def sort_name(self):
        if self.kind == self.Kind.PERSON and self.family_name:
            return f"{self.family_name}, {self.given_name}".strip(", ")
        return self.name


class Alias(models.Model):
    """Another name under which an agent appears (a former record's name after a merge)."""

    agent = models.ForeignKey(Agent, on_delete=models.CASCADE, related_name="aliases")
    name = models.CharField(max_length=300)
    normalized_name = models.CharField(max_length=300, db_index=True, editable=False)
    # Alias changes, with who made them: shown on the name record's history page.
    history = HistoricalRecords(excluded_fields=["normalized_name"])

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "aliases"
        constraints = [
            models.UniqueConstraint(fields=["agent", "normalized_name"], name="unique_alias_per_agent"),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.normalized_name = normalize_name(self.name)
        super().save(*args, **kwargs)


def forget_open_proposals(collector, field, sub_objs, using):
    """``on_delete`` for a merge candidate's sides: an open proposal about a deleted record
    is moot and goes with it; a decided one (merged, dismissed) stays, its side emptied."""
    is_open = {"status": MergeCandidate.Status.OPEN}
    if isinstance(sub_objs, models.QuerySet):
        open_pairs, decided = sub_objs.filter(**is_open), sub_objs.exclude(**is_open)
    else:
        open_pairs = [c for c in sub_objs if c.status == MergeCandidate.Status.OPEN]
        decided = [c for c in sub_objs if c.status != MergeCandidate.Status.OPEN]
    models.CASCADE(collector, field, open_pairs, using)
    models.SET_NULL(collector, field, decided, using)


class MergeCandidate(models.Model):
    """Two name records that may be the same body, proposed to editors; never merged silently.

    A merged pair stays, marked merged, as the record of the editors' decision: the
    record merged away is gone (its side is empty), so ``label`` keeps both names.
    An open pair goes when either record is deleted outright.
    """

    class Status(models.TextChoices):
        OPEN = "open", "Open"
        MERGED = "merged", "Merged"
        DISMISSED = "dismissed", "Not the same"

    first = models.ForeignKey(Agent, null=True, blank=True, on_delete=forget_open_proposals, related_name="+")
    second = models.ForeignKey(Agent, null=True, blank=True, on_delete=forget_open_proposals, related_name="+")
    label = models.CharField("names", max_length=610, blank=True, editable=False,
                             help_text="Both names, kept when a merge empties one side.")
    reason = models.CharField(max_length=200)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.OPEN)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["first", "second"], name="unique_merge_candidate_pair"),
        ]

    def __str__(self):
        return self.label or f"{self.first} ≟ {self.second}"

    def save(self, *args, **kwargs):
        if self.first_id and self.second_id:
            self.label = f"{self.first.name} ≟ {self.second.name}"[:610]
        super().save(*args, **kwargs)
