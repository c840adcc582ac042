"""Shared pieces of the list pages: the public entry queryset, pagination and its links.

Every list prefetches what ``archive/_entry_list.html`` shows (outlet, ordered authors,
tags), so a page costs the same few queries whether it lists 1 entry or 50.
"""
from django.core.paginator import Paginator
from django.db.models import Prefetch

from archive.models import Authorship, Entry, Statement

from .params import pagination_links_data, parse_page

PER_PAGE = 20


def public_entries():
    """Published entries with everything an entry list shows, fetched in a fixed number of queries."""
    return (
        Entry.objects.published()
        .select_related("outlet", "series")
        .prefetch_related(
            Prefetch("authorships", queryset=Authorship.objects.select_related("agent").order_by("position", "pk")),
            "tags",
        )
    )


def public_statements():
    """Statements readers may see: not rejected, in a published entry."""
    return Statement.objects.filter(entry__status="published").exclude(review_status=Statement.Review.REJECTED)


def paginate(request, queryset, per_page=PER_PAGE):
    """The requested page of ``queryset``; an out-of-range page number gives the last page."""
    paginator = Paginator(queryset, per_page)
    page = paginator.get_page(parse_page(request.GET.get("page", 1)))
    return page


def simple_pager(request, page):
    """Pager links for a plain list page whose only parameter is ``page``."""
    return pagination_links_data(page.number, page.paginator.num_pages, lambda n: f"page={n}" if n > 1 else "")
