"""The admin's import page: upload files (and optionally a manifest), see the summary.

Runs the very same workflow as ``manage.py import_commentaries``
(:func:`archive.services.importer.import_sources`), so both report the same outcome.
"""
from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.urls import reverse

from archive.importing import ManifestError, parse_manifest
from archive.models import Entry
from archive.services.importer import Source, import_sources, max_import_bytes


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
        try:
            return parse_manifest(upload.read(), origin=upload.name)
        except ManifestError as error:
            raise forms.ValidationError(str(error)) from error


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
            manifest = form.cleaned_data["manifest"]
            sources = [
                Source(name=upload.name, size=upload.size, read=upload.read, manifest=manifest)
                for upload in form.cleaned_data["files"]
            ]
            summary = import_sources(sources, dry_run=form.cleaned_data["dry_run"], max_bytes=max_import_bytes())
            _report(request, summary)
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


def _report(request, summary):
    level = messages.SUCCESS if summary.ok else messages.WARNING
    messages.add_message(request, level, summary.headline()[0].upper() + summary.headline()[1:])
    for result in summary.failed:
        messages.error(request, f"Failed: {result.name} — {result.reason}")
    for result in summary.results:
        if result.outcome != "failed" and result.needs_review:
            messages.info(request, f"Needs review: {result.name} ({', '.join(result.needs_review)}); kept as a draft.")
