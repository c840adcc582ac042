"""Admin action "Export selected citations": pick a format, download the selected entries.

Only published entries are exported (as everywhere else); the form says how many of
the selection are drafts and left out.
"""
from django.contrib import admin
from django.http import StreamingHttpResponse
from django.template.response import TemplateResponse

from .exports import write_entries
from .formats import FORMATS, UnknownFormat, get_format


@admin.action(description="Export selected citations (BibTeX, RIS, CSL-JSON, styles)")
def export_selected(modeladmin, request, queryset):
    chosen = request.POST.get("export_format")
    if chosen:
        try:
            fmt = get_format(chosen)
        except UnknownFormat as exc:
            modeladmin.message_user(request, str(exc), level="error")
            return None
        response = StreamingHttpResponse(
            (chunk.encode("utf-8") for chunk in write_entries(fmt, queryset, request)),
            content_type=fmt.content_type,
        )
        response["Content-Disposition"] = f'attachment; filename="selected-entries.{fmt.extension}"'
        return response
    published = queryset.filter(status="published").count()
    return TemplateResponse(request, "admin/archive/export_citations.html", {
        **modeladmin.admin_site.each_context(request),
        "title": "Export citations",
        "opts": modeladmin.model._meta,
        "queryset": queryset,
        "selected": [str(pk) for pk in queryset.values_list("pk", flat=True)],
        "published": published,
        "drafts": queryset.count() - published,
        "formats": [(f.name, f.label) for f in FORMATS.values()],
        "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
    })
