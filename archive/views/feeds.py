"""Atom feeds: every entry, and per outlet, per tag and per person (django.contrib.syndication)."""
from datetime import datetime, time, timezone as dt_timezone

from django.contrib.syndication.views import Feed
from django.db.models import Q
from django.shortcuts import get_object_or_404
from django.utils.feedgenerator import Atom1Feed

from archive.models import Authorship, Statement

from .browse import public_outlets, public_people, public_tags
from .listing import public_entries

FEED_SIZE = 30


class EntriesFeed(Feed):
    """The newest published entries; the subclasses narrow the list to one outlet, tag or person."""

    feed_type = Atom1Feed
    title = "Commentary Archive: latest entries"
    subtitle = "Published commentaries and op-eds, newest first."
    link = "/"

    def entries(self, obj):
        return public_entries()

    def items(self, obj=None):
        return list(self.entries(obj).order_by("-published_on", "-published_at", "-id")[:FEED_SIZE])

    def item_title(self, item):
        return item.title or "Untitled entry"

    def item_description(self, item):
        return item.synopsis or item.body[:400]

    def item_link(self, item):
        return item.get_absolute_url()

    def item_guid(self, item):
        return f"tag:commentary-archive,entry:{item.pk}"

    item_guid_is_permalink = False

    def item_author_name(self, item):
        names = [a.agent.name for a in item.authorships.all()]
        return ", ".join(names) or None

    def item_categories(self, item):
        return [t.name for t in item.tags.all()]

    def item_pubdate(self, item):
        if item.published_on:
            return datetime.combine(item.published_on, time(0, 0), tzinfo=dt_timezone.utc)
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at


class OutletFeed(EntriesFeed):
    def get_object(self, request, slug):
        return get_object_or_404(public_outlets(), slug=slug)

    def title(self, obj):
        return f"Commentary Archive: {obj.name}"

    def link(self, obj):
        return obj.get_absolute_url()

    def subtitle(self, obj):
        return f"Latest entries published by {obj.name}."

    def entries(self, obj):
        return public_entries().filter(outlet=obj)


class TagFeed(EntriesFeed):
    def get_object(self, request, slug):
        return get_object_or_404(public_tags(), slug=slug)

    def title(self, obj):
        return f"Commentary Archive: tagged “{obj.name}”"

    def link(self, obj):
        return f"/tags/{obj.slug}/"

    def subtitle(self, obj):
        return f"Latest entries tagged {obj.name}."

    def entries(self, obj):
        return public_entries().filter(tags__slug=obj.slug)


class PersonFeed(EntriesFeed):
    """Entries a person wrote or is quoted in."""

    def get_object(self, request, slug):
        # The person page's rule: a name found only in drafts or rejected statements
        # has no public page, so no feed either (it would leak the name).
        return get_object_or_404(public_people(), slug=slug)

    def title(self, obj):
        return f"Commentary Archive: {obj.name}"

    def link(self, obj):
        return obj.get_absolute_url()

    def subtitle(self, obj):
        return f"Latest entries written by or quoting {obj.name}."

    def entries(self, obj):
        wrote = Authorship.objects.filter(agent=obj).values("entry_id")
        said = Statement.objects.filter(speaker=obj).exclude(review_status=Statement.Review.REJECTED).values("entry_id")
        return public_entries().filter(Q(pk__in=wrote) | Q(pk__in=said))
