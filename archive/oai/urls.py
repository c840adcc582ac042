"""OAI-PMH 2.0 provider, mounted at /oai/ (see config/urls.py)."""
from django.urls import path

from . import views

app_name = "oai"

urlpatterns = [
    path("", views.endpoint, name="endpoint"),
]
