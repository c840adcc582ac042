"""sitemap.xml (django.contrib.sitemaps) and robots.txt."""
from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.http import HttpResponse
from django.urls import reverse
from django.views.decorators.http import require_GET

from archive.models import Entry, Outlet

from .browse import _people_with_counts


class EntrySitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.8

    def items(self):
        return Entry.objects.published().only("slug", "updated_at").order_by("pk")

    def lastmod(self, item):
        return item.updated_at


class PersonSitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.5

    def items(self):
        return _people_with_counts().only("slug").order_by("pk")


class OutletSitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.5

    def items(self):
        return Outlet.objects.filter(entries__status="published").distinct().only("slug").order_by("pk")


class PageSitemap(Sitemap):
    changefreq = "daily"
    priority = 0.6

    def items(self):
        return ["archive:home", "archive:people", "archive:years", "archive:tags"]

    def location(self, item):
        return reverse(item)


SITEMAPS = {"pages": PageSitemap, "entries": EntrySitemap, "people": PersonSitemap, "outlets": OutletSitemap}


@require_GET
def robots_txt(request):
    """Crawlers may read everything public; search result pages and the admin are not for them."""
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /search/",
        "Disallow: /statements/",
        "Disallow: /api/",
        "",
        f"Sitemap: {settings.ARCHIVE_BASE_URL}{reverse('archive:sitemap')}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


