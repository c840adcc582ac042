"""Citation downloads and unAPI, mounted at the site root (see config/urls.py)."""
from django.urls import path, re_path

from . import views

app_name = "citations"

EXT = r"(?P<ext>bib|ris|json|txt)"

urlpatterns = [
    re_path(r"^entries/(?P<slug>[-\w]+)/cite\." + EXT + "$", views.entry_export, name="entry"),
    re_path(r"^statements/(?P<pk>\d+)/cite\." + EXT + "$", views.statement_export, name="statement"),
    re_path(r"^export/archive\." + EXT + "$", views.list_export, {"scope": "archive"}, name="archive"),
    re_path(r"^export/search\." + EXT + "$", views.list_export, {"scope": "search"}, name="search"),
    re_path(r"^export/outlets/(?P<slug>[-\w]+)\." + EXT + "$", views.list_export, {"scope": "outlet"}, name="outlet"),
    re_path(r"^export/tags/(?P<slug>[-\w]+)\." + EXT + "$", views.list_export, {"scope": "tag"}, name="tag"),
    re_path(r"^export/people/(?P<slug>[-\w]+)\." + EXT + "$", views.list_export, {"scope": "person"}, name="person"),
    path("unapi", views.unapi, name="unapi"),
]
