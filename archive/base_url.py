"""The base of the site's absolute links: the request's own scheme and host, else ARCHIVE_BASE_URL.

A page served on another port or host (``make run PORT=8100``, a proxy) must not point
its canonical link, ``og:url``, JSON-LD or ``cite=`` attributes at the configured
address while its citations use the real one. The middleware records the request's
base for the duration of the request (a context variable, so threads never share it);
outside a request (commands, exports run from the shell) ARCHIVE_BASE_URL is used.
The host has already been checked against ALLOWED_HOSTS by then.
"""
from contextvars import ContextVar

from django.conf import settings

_request_base = ContextVar("archive_request_base", default=None)


def base_url():
    """"http://127.0.0.1:8100" inside a request to that address, else ARCHIVE_BASE_URL."""
    return _request_base.get() or settings.ARCHIVE_BASE_URL


def absolute(path):
    if path.startswith(("http://", "https://")):
        return path
    return base_url() + path


class RequestBaseUrlMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _request_base.set(request.build_absolute_uri("/")[:-1])
        try:
            return self.get_response(request)
        finally:
            _request_base.reset(token)
