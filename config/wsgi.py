"""WSGI entry point for production servers."""
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
application = get_wsgi_application()

# Only a server imports this module: warm the process before its first visitor
# (archive/search/warmup.py; ARCHIVE_WARM_START=0 turns it off).
from archive.search.warmup import enabled, warm  # noqa: E402

if enabled():
    warm()
