"""URL map for this part of the archive."""
from django.urls import path  # noqa: F401

urlpatterns = []
