"""Public pages of the archive: browse, search, feeds, sitemap."""
from django.contrib.sitemaps import views as sitemap_views
from django.urls import path

from .views import browse, feeds, pages, search, sitemaps

app_name = "archive"

urlpatterns = [
    path("", pages.home, name="home"),
    path("search/", search.search_entries_page, name="search"),
    path("statements/", search.search_statements_page, name="statements"),
    path("entries/<slug:slug>/", pages.entry_detail, name="entry"),
    path("people/", browse.people_index, name="people"),
    path("people/<slug:slug>/", pages.person_detail, name="person"),
    path("outlets/<slug:slug>/", pages.outlet_detail, name="outlet"),
    path("tags/", browse.tag_index, name="tags"),
    path("tags/<slug:slug>/", browse.tag_detail, name="tag"),
    path("years/", browse.year_index, name="years"),
    path("years/<int:year>/", browse.year_archive, name="year"),
    path("feeds/entries/", feeds.EntriesFeed(), name="feed"),
    path("feeds/outlets/<slug:slug>/", feeds.OutletFeed(), name="outlet_feed"),
    path("feeds/tags/<slug:slug>/", feeds.TagFeed(), name="tag_feed"),
    path("feeds/people/<slug:slug>/", feeds.PersonFeed(), name="person_feed"),
    path("sitemap.xml", sitemap_views.index, {"sitemaps": sitemaps.SITEMAPS, "sitemap_url_name": "archive:sitemap_section"},
         name="sitemap"),
    path("sitemap-<section>.xml", sitemap_views.sitemap, {"sitemaps": sitemaps.SITEMAPS},
         name="sitemap_section"),
    path("robots.txt", sitemaps.robots_txt, name="robots"),
]
