"""Per-client limits on what is expensive to answer, with django-ratelimit.

- **Expensive requests**: list exports (``/export/…``) and search pages deeper than
  ``DEEP_PAGE`` (``/search/``, ``/statements/``, ``/api/entries/``,
  ``/api/statements/``): at most ``ARCHIVE_EXPENSIVE_RATE`` per client address
  (default 30 a minute). Only requests the cache could not answer are counted: this
  middleware sits after the public cache, so a hit never reaches it.
- **Sign-in**: POSTs to the admin's login page, at most ``ARCHIVE_LOGIN_RATE`` per
  client address and per account name (default 10 a minute each), so a password
  cannot be guessed at speed from one address, nor one account from many.

Over the limit: 429 Too Many Requests with ``Retry-After`` (seconds until the
client's window ends), in the client's format (JSON, text or HTML). The client
address is REMOTE_ADDR; behind a proxy set RATELIMIT_IP_META_KEY (see README).
"""
from django.conf import settings
from django.urls import reverse
from django_ratelimit.core import get_usage

from archive.views.errors import error_response

#: Search pages up to this one are cheap (and cached); deeper ones count as expensive.
DEEP_PAGE = 5
EXPENSIVE_VIEWS = {"citations:archive", "citations:search", "citations:outlet", "citations:tag", "citations:person"}
SEARCH_VIEWS = {"archive:search", "archive:statements", "api:entries", "api:statements"}


def _page(request):
    try:
        return int(request.GET.get("page", "1"))
    except ValueError:
        return 1


def is_expensive(request, view_name):
    return view_name in EXPENSIVE_VIEWS or (view_name in SEARCH_VIEWS and _page(request) > DEEP_PAGE)


def too_many(request, seconds, what):
    response = error_response(
        request, 429, f"Too many {what} from your address; please wait {seconds} seconds and try again.",
        title="Too many requests",
    )
    response["Retry-After"] = str(max(1, int(seconds)))
    return response


def limited(request, exception):
    """RATELIMIT_VIEW: a @ratelimit(block=True) anywhere answers like the middleware."""
    return too_many(request, 60, "requests")


def _over(request, group, rate, key):
    usage = get_usage(request, group=group, key=key, rate=rate, increment=True)
    if usage and usage["should_limit"]:
        return usage["time_left"] or 1
    return None


def _posted_username(group, request):
    return (request.POST.get("username") or "").strip().lower()[:150] or "-"


class ThrottleMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self._login_path = None

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if self._login_path is None:
            self._login_path = reverse("admin:login")
        if request.method == "POST" and request.path == self._login_path:
            wait = (_over(request, "login-ip", settings.ARCHIVE_LOGIN_RATE, "ip")
                    or _over(request, "login-user", settings.ARCHIVE_LOGIN_RATE, _posted_username))
            return too_many(request, wait, "sign-in attempts") if wait else None
        match = request.resolver_match
        if match is not None and request.method in ("GET", "HEAD") and is_expensive(request, match.view_name):
            wait = _over(request, "expensive", settings.ARCHIVE_EXPENSIVE_RATE, "ip")
            return too_many(request, wait, "exports or deep search pages") if wait else None
        return None
