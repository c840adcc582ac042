from django.db import models
from django.utils.text import slugify

from archive.paths import slug_path


class Outlet(models.Model):
    """A publisher of commentaries: a think tank, a newspaper, a blog."""

    class Kind(models.TextChoices):
        THINK_TANK = "think_tank", "Think tank"
        NEWSPAPER = "newspaper", "Newspaper"
        MAGAZINE = "magazine", "Magazine"
        BLOG = "blog", "Blog"
        OTHER = "other", "Other"

    name = models.CharField(max_length=300, unique=True)
    short_name = models.CharField(max_length=60, blank=True)
    slug = models.SlugField(max_length=120, unique=True)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.OTHER)
    homepage = models.URLField(blank=True)
    place = models.CharField(max_length=200, blank=True, help_text="City or country of publication.")

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.short_name or self.name)[:120] or "outlet"
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return slug_path("archive:outlet", self.slug)  # resolved once per kind (archive/paths.py)


class Series(models.Model):
    """A numbered series an outlet publishes, such as "RSIS Commentary"."""

    outlet = models.ForeignKey(Outlet, on_delete=models.CASCADE, related_name="series")
    name = models.CharField(max_length=300)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "series"
        constraints = [
            models.UniqueConstraint(fields=["outlet", "name"], name="unique_series_per_outlet"),
        ]

    def __str__(self):
        return self.name
