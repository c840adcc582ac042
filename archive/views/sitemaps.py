"""sitemap.xml (django.contrib.sitemaps) and robots.txt."""
from django.contrib.sitemaps import Sitemap
from django.db.models import Exists, Max, OuterRef
from django.http import HttpResponse
from django.urls import reverse
from django.views.decorators.http import require_safe

from archive.base_url import base_url
from archive.models import Entry, Outlet

from .browse import public_people
from .cached import archive_fingerprint, cached


class EntrySitemap(Sitemap):
    """Published entries, 2,000 to a file: Django renders a sitemap through a template at
    about 0.2 ms per URL, so small files keep each response well under a second."""

    changefreq = "monthly"
    priority = 0.8
    limit = 2000

    def items(self):
        return Entry.objects.published().only("slug", "updated_at").order_by("pk")

    def lastmod(self, item):
        return item.updated_at

    def get_latest_lastmod(self):
        # The default walks every item. The newest change to any entry reads the
        # updated_at index alone; a draft's edit makes it a little early, which is harmless.
        return Entry.objects.aggregate(latest=Max("updated_at"))["latest"]


class PersonSitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.5
    limit = 2000

    def items(self):
        # The EXISTS tests over every name take 0.1-0.2 s at 100,000 entries; the slugs are
        # cached under the archive fingerprint like the other browse lists.
        return cached("sitemap-people", lambda: list(public_people().order_by("pk").values_list("slug", flat=True)),
                      archive_fingerprint())

    def location(self, item):
        return reverse("archive:person", args=[item])


class OutletSitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.5

    def items(self):
        published = Entry.objects.published().filter(outlet=OuterRef("pk"))
        return Outlet.objects.filter(Exists(published)).only("slug").order_by("pk")


class PageSitemap(Sitemap):
    changefreq = "daily"
    priority = 0.6

    def items(self):
        return ["archive:home", "archive:people", "archive:years", "archive:tags"]

    def location(self, item):
        return reverse(item)


SITEMAPS = {"pages": PageSitemap, "entries": EntrySitemap, "people": PersonSitemap, "outlets": OutletSitemap}


@require_safe
def robots_txt(request):
    """Crawlers may read everything public; search result pages and the admin are not for them."""
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /search/",
        "Disallow: /statements/",
        "Disallow: /api/",
        "",
        f"Sitemap: {base_url()}{reverse('archive:sitemap')}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


