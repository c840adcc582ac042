"""The admin's import page: upload files (and optionally a manifest); the import runs in
the background and its page shows progress, then the summary.

Runs the very same workflow as ``manage.py import_commentaries``
(:func:`archive.services.importer.import_sources`), so both report the same outcome;
a worker (``manage.py db_worker``, started by ``make serve``) runs it, so a large
upload never holds a web worker (D4).
"""
from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.urls import reverse

from django.http import HttpResponseRedirect

from archive.importing import ManifestError, parse_manifest
from archive.models import Entry, ImportJob
from archive.services.import_jobs import start_import
from archive.services.importer import max_import_bytes


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """A file field that accepts several files (Django's documented pattern)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        # Empty files reach the importer, which refuses them per file with its usual message.
        kwargs.setdefault("allow_empty_file", True)
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, (list, tuple)):
            return [single(item, initial) for item in data]
        return [single(data, initial)]


class ImportForm(forms.Form):
    files = MultipleFileField(
        label="Files", help_text="Page dumps (.txt) or saved web pages (.html, .htm); several at once.",
    )
    manifest = forms.FileField(
        label="Metadata (optional)", required=False,
        help_text="A manifest.toml with known facts per file name (URL, title, authors, date, outlet, tags).",
    )
    dry_run = forms.BooleanField(label="Dry run: report what would happen, save nothing", required=False)

    def clean_manifest(self):
        upload = self.cleaned_data.get("manifest")
        if not upload:
            return None
        data = upload.read()
        try:
            parse_manifest(data, origin=upload.name)
        except ManifestError as error:
            raise forms.ValidationError(str(error)) from error
        return upload.name, data.decode("utf-8-sig")


def can_import(user):
    """Importing creates and updates entries: it takes both permissions."""
    return user.has_perm("archive.add_entry") and user.has_perm("archive.change_entry")


def import_view(request):
    """Upload commentaries; show the created / updated / unchanged / failed summary."""
    if not can_import(request.user):
        raise PermissionDenied
    summary = None
    if request.method == "POST":
        form = ImportForm(request.POST, request.FILES)
        if form.is_valid():
            manifest_name, manifest_text = form.cleaned_data["manifest"] or ("", "")
            job = start_import(
                [(upload.name, upload.size, upload.read) for upload in form.cleaned_data["files"]],
                user=request.user, manifest_text=manifest_text, manifest_name=manifest_name,
                dry_run=form.cleaned_data["dry_run"],
            )
            messages.info(request, f"Import #{job.pk} of {job.total} file{'s' if job.total != 1 else ''} is queued; "
                                   "this page shows its progress and outcome.")
            return HttpResponseRedirect(reverse("admin:archive_importjob_change", args=[job.pk]))
    else:
        form = ImportForm()
    context = {
        **admin.site.each_context(request),
        "title": "Import commentaries",
        "opts": Entry._meta,
        "form": form,
        "summary": summary,
        "max_bytes": max_import_bytes(),
        "changelist_url": reverse("admin:archive_entry_changelist"),
    }
    return TemplateResponse(request, "admin/archive/import.html", context)


@admin.register(ImportJob)
class ImportJobAdmin(admin.ModelAdmin):
    """Imports started in the admin: their progress while they run, their summary when done.

    Read-only (a job is the record of what happened); visible to whoever may import.
    """

    list_display = ["__str__", "created_at", "created_by", "status", "progress", "headline"]
    list_filter = ["status"]
    change_form_template = "admin/archive/importjob/progress.html"

    @admin.display(description="progress")
    def progress(self, job):
        return f"{job.done} of {job.total}"

    def has_module_permission(self, request):
        return can_import(request.user)

    def has_view_permission(self, request, obj=None):
        return can_import(request.user)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def change_view(self, request, object_id, form_url="", extra_context=None):
        job = self.get_object(request, object_id)
        if job is None or not self.has_view_permission(request, job):
            return self._get_obj_does_not_exist_redirect(request, self.opts, object_id)
        failed = [r for r in job.results if r.get("outcome") == "failed"]
        review = [r for r in job.results if r.get("outcome") != "failed" and r.get("needs_review")]
        context = {
            **self.admin_site.each_context(request), "title": str(job), "opts": self.opts, "job": job,
            "failed": failed, "review": review, "import_url": reverse("admin:archive_entry_import"),
            "changelist_url": reverse("admin:archive_importjob_changelist"),
        }
        return TemplateResponse(request, self.change_form_template, context)
