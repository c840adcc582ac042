"""Top-level URL map: the admin, then the archive's public site, API, citations and OAI."""
from django.contrib import admin
from django.urls import include, path

from archive.views.errors import healthz

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("admin/", admin.site.urls),
    path("api/", include("archive.api.urls")),
    path("oai/", include("archive.oai.urls")),
    path("", include("archive.citations.urls")),
    path("", include("archive.urls")),
]

handler404 = "archive.views.errors.not_found"
handler500 = "archive.views.errors.server_error"
