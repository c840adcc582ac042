"""The read-only JSON API, mounted at /api/ (see docs/site.md for fields and examples)."""
from django.urls import path

from . import views

app_name = "api"

urlpatterns = [
    path("", views.index, name="index"),
    path("entries/", views.entries, name="entries"),
    path("entries/<int:entry_id>/", views.entry, name="entry"),
    path("people/<int:agent_id>/", views.person, name="person"),
    path("statements/", views.statements, name="statements"),
]
