"""Public pages of the archive."""
from django.urls import path

from .views import pages

app_name = "archive"

urlpatterns = [
    path("", pages.home, name="home"),
    path("entries/<slug:slug>/", pages.entry_detail, name="entry"),
    path("people/<slug:slug>/", pages.person_detail, name="person"),
    path("outlets/<slug:slug>/", pages.outlet_detail, name="outlet"),
]
