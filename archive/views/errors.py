"""Error responses in the format the client asked for, and the health check.

JSON for the API (``/api/``, ``/healthz``), plain text for data downloads (citation
files, list exports, unAPI, OAI-PMH, feeds, sitemaps), the site's HTML page for
everything else. None of them touches the database: it may be why we are here.
"""
import logging

from django.db import DatabaseError, connection
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.views.decorators.cache import never_cache

logger = logging.getLogger(__name__)

#: Path prefixes and suffixes of data downloads: their errors are text/plain.
DOWNLOAD_PREFIXES = ("/export/", "/unapi", "/oai/", "/feeds/", "/sitemap", "/robots.txt")
DOWNLOAD_MARKERS = ("/cite.",)
JSON_PREFIXES = ("/api/", "/healthz")
UNAVAILABLE = "The archive's database cannot be reached just now. Please try again in a minute."
RETRY_AFTER = "30"


def error_format(request):
    """"json", "text" or "html": what a client of ``request.path`` reads."""
    path = request.path
    if path.startswith(JSON_PREFIXES):
        return "json"
    if path.startswith(DOWNLOAD_PREFIXES) or any(marker in path for marker in DOWNLOAD_MARKERS):
        return "text"
    return "html"


def error_response(request, status, message, *, title="Something went wrong", template=None):
    """A response with ``status`` and ``message`` in the client's format."""
    kind = error_format(request)
    if kind == "json":
        response = JsonResponse({"error": message, "status": status}, status=status,
                                json_dumps_params={"ensure_ascii": False})
        response["Access-Control-Allow-Origin"] = "*"
    elif kind == "text":
        response = HttpResponse(message + "\n", status=status, content_type="text/plain; charset=utf-8")
    else:
        html = loader.get_template(template or "error.html").render({"title": title, "message": message})
        response = HttpResponse(html, status=status)
    response["Cache-Control"] = "no-store"
    return response


def not_found(request, exception=None):
    if error_format(request) != "html":
        return error_response(request, 404, "Not found.")
    return render(request, "404.html", status=404)


def server_error(request):
    if error_format(request) != "html":
        return error_response(request, 500, "Something went wrong; the error has been logged.")
    response = HttpResponse(loader.get_template("500.html").render(), status=500)
    response["Cache-Control"] = "no-store"
    return response


def unavailable(request):
    """503 with Retry-After: the database is down (or refused us)."""
    response = error_response(request, 503, UNAVAILABLE, title="Temporarily unavailable")
    response["Retry-After"] = RETRY_AFTER
    return response


@never_cache
def healthz(request):
    """GET /healthz: 200 when the database answers a query, else 503 (for load balancers)."""
    try:
        connection.ensure_connection()
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError as error:
        logger.error("health check: the database is unreachable: %s", error)
        return JsonResponse({"status": "unavailable", "database": "unreachable"}, status=503,
                            headers={"Retry-After": RETRY_AFTER})
    return JsonResponse({"status": "ok", "database": "ok"})
