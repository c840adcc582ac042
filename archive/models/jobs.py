from django.conf import settings
from django.db import models


class ImportJob(models.Model):
    """One upload of commentaries from the admin, imported in the background.

    The files wait in ``ImportUpload`` rows (the database is the one place every web
    and worker process sees) until the worker has read them; the job keeps its
    progress and, when done, the importer's summary line by line.
    """

    class Status(models.TextChoices):
        QUEUED = "queued", "Waiting for the worker"
        RUNNING = "running", "Importing"
        DONE = "done", "Done"
        FAILED = "failed", "Failed"

    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="import_jobs")
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.QUEUED, db_index=True)
    dry_run = models.BooleanField(default=False)
    manifest = models.TextField(blank=True, help_text="The manifest.toml uploaded with the files, if any.")
    manifest_name = models.CharField(max_length=300, blank=True)
    total = models.PositiveIntegerField(default=0)
    done = models.PositiveIntegerField(default=0)
    current = models.CharField("file being imported", max_length=300, blank=True)
    headline = models.CharField(max_length=300, blank=True)
    results = models.JSONField(default=list, blank=True, help_text="One object per file: name, outcome, reason, entry.")
    error = models.TextField(blank=True)
    task_id = models.CharField(max_length=64, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = "import"

    def __str__(self):
        return f"Import #{self.pk} ({self.total} file{'s' if self.total != 1 else ''}, {self.get_status_display().lower()})"

    @property
    def finished(self):
        return self.status in (self.Status.DONE, self.Status.FAILED)

    @property
    def percent(self):
        return int(100 * self.done / self.total) if self.total else 0


class ImportUpload(models.Model):
    """A file of an ``ImportJob``, kept until the worker has imported it."""

    job = models.ForeignKey(ImportJob, on_delete=models.CASCADE, related_name="uploads")
    position = models.PositiveIntegerField(default=0)
    name = models.CharField(max_length=300)
    size = models.PositiveIntegerField(default=0)
    data = models.BinaryField()

    class Meta:
        ordering = ["job", "position"]
