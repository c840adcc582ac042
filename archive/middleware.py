"""Middleware of the public site: how a failing database is reported.

A view that cannot reach the database answers 503 with Retry-After in the client's
format (JSON for the API, text for downloads, HTML for pages) instead of a 500
page, so clients and monitoring know to retry (D7).
"""
import logging

from django.db import InterfaceError, OperationalError

from archive.views.errors import RETRY_AFTER, unavailable

logger = logging.getLogger(__name__)


class DatabaseUnavailableMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code == 503 and not response.has_header("Retry-After"):
            response["Retry-After"] = RETRY_AFTER  # the search views' own 503s too
        return response

    def process_exception(self, request, exception):
        if isinstance(exception, (OperationalError, InterfaceError)):
            logger.error("database unavailable for %s: %s", request.path, exception)
            return unavailable(request)
        return None

