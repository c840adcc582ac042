"""Shared pieces of the list pages: the public entry queryset, pagination and its links.

Every list prefetches what ``archive/_entry_list.html`` shows (outlet, ordered authors,
tags), so a page costs the same few queries whether it lists 1 entry or 50.
"""
from django.core.paginator import Paginator
from django.db.models import Prefetch

from archive.models import Authorship, Entry, EntryStatus, Statement
from archive.search.hits import deferred_entry_text

from .params import pagination_links_data, parse_page

PER_PAGE = 20


def public_entries():
    """Published entries with everything an entry list shows, fetched in a fixed number of queries."""
    return entries_for_display().published()


def entries_for_display():
    """Entries of any status with their outlet, series, ordered authors and tags; use ``public_entries`` for visitors."""
    return (
        Entry.objects.all()
        .select_related("outlet", "series")
        .prefetch_related(
            Prefetch("authorships", queryset=Authorship.objects.select_related("agent").order_by("position", "pk")),
            "tags",
        )
    )


def public_statements():
    """Statements readers may see: not rejected, in a published entry."""
    return Statement.objects.filter(entry__status="published").exclude(review_status=Statement.Review.REJECTED)


class KnownCountPaginator(Paginator):
    """A Paginator told its count, so a cached count saves the COUNT query."""

    def __init__(self, object_list, per_page, count=None):
        super().__init__(object_list, per_page)
        self._known_count = count

    @property
    def count(self):
        if self._known_count is None:
            self._known_count = super().count
        return self._known_count


def paginate(request, queryset, per_page=PER_PAGE, count_key=None):
    """The requested page of ``queryset``; an out-of-range page number gives the last page.

    Pages by id first, then loads the page's 20 rows: sorting only ids keeps a deep page
    (``?page=200``) from sorting whole rows with their bodies (1.2 s -> tens of ms at
    100,000 entries on SQLite). With ``count_key`` the total is cached under the
    archive fingerprint (see ``cached``).
    """
    ids = queryset.prefetch_related(None).values_list("pk", flat=True)
    count = None
    if count_key is not None:
        from .cached import archive_fingerprint, cached

        count = cached("list-count", lambda _key: ids.count(), archive_fingerprint(), count_key)
    page = KnownCountPaginator(ids, per_page, count).get_page(parse_page(request.GET.get("page", 1)))
    page_ids = list(page.object_list)
    rows = {row.pk: row for row in queryset.filter(pk__in=page_ids)}
    page.object_list = [rows[pk] for pk in page_ids if pk in rows]
    return page


def simple_pager(request, page):
    """Pager links for a plain list page whose only parameter is ``page``."""
    return pagination_links_data(page.number, page.paginator.num_pages, lambda n: f"page={n}" if n > 1 else "")


def also_quoted_in(statements, exclude_entry=None, exclude_pks=()):
    """group id -> the other published entries quoting the same statement (one query).

    Each place is {"entry": Entry, "anchor": "s<pk>"}; an entry appears once per group.
    """
    group_ids = {s.group_id for s in statements if s.group_id}
    if not group_ids:
        return {}
    others = (
        public_statements().filter(group_id__in=group_ids).exclude(pk__in=list(exclude_pks))
        .select_related("entry").defer(*deferred_entry_text()).order_by("-entry__published_on", "entry_id", "start")
    )
    if exclude_entry is not None:
        others = others.exclude(entry_id=exclude_entry)
    found = {}
    for other in others:
        places = found.setdefault(other.group_id, [])
        if all(p["entry"].pk != other.entry_id for p in places):
            places.append({"entry": other.entry, "anchor": other.anchor})
    return found


def person_statement_groups(agent, page, per_page):
    """One page of what ``agent`` said, one statement per statement group, newest entry first.

    Returns (statements, number of groups, page number, number of pages). Each statement
    carries ``also_quoted_in``: the other published entries quoting the same words.
    Four queries whatever the number of statements: the archive fingerprint, the
    (pk, group) pairs (their groups' first statements cached under it: 100 ms for a
    speaker quoted 4,000 times at 100,000 entries), the page's statements, the other places.
    """
    from .cached import archive_fingerprint, cached

    said = public_statements().filter(speaker=agent).order_by("-entry__published_on", "-entry_id", "start", "pk")
    representatives = cached("said-groups", lambda _pk: group_representatives(said.values_list("pk", "group_id")),
                             archive_fingerprint(), agent.pk)
    num_pages = max(1, -(-len(representatives) // per_page))
    page = min(parse_page(page), num_pages)
    rep_pks = representatives[(page - 1) * per_page: page * per_page]
    # Checked again (in Python: joining on the entry's status here makes SQLite scan
    # entries), so whatever the cache holds, a rejected statement, a draft or another
    # speaker's statement never shows. Every statement here is the agent's: the page's
    # own record is their speaker, rather than a join that read 50 copies of it
    # (PostgreSQL hashed every name to make it).
    by_pk = {
        s.pk: s for s in Statement.objects.filter(pk__in=rep_pks).select_related("entry", "entry__outlet")
        .defer(*deferred_entry_text(keep=("body",)))
        if s.review_status != Statement.Review.REJECTED and s.entry.status == EntryStatus.PUBLISHED
        and s.speaker_id == agent.pk
    }
    for statement in by_pk.values():
        statement.speaker = agent
    groups = [by_pk[pk] for pk in rep_pks if pk in by_pk]
    also = also_quoted_in(groups, exclude_pks=rep_pks)
    for statement in groups:
        statement.also_quoted_in = [p for p in also.get(statement.group_id, []) if p["entry"].pk != statement.entry_id]
    return groups, len(representatives), page, num_pages


def group_representatives(pairs):
    """The first statement pk of each statement group in ``pairs`` ((pk, group id), in the
    page's order; a statement without a group is a group of its own). Cached whole, so a
    page of a speaker quoted thousands of times slices a list instead of walking every
    pair again (about 20 ms of a person page at 100,000 entries)."""
    seen, representatives = set(), []
    for pk, group_id in pairs:
        key = group_id or f"s{pk}"
        if key not in seen:
            seen.add(key)
            representatives.append(pk)
    return representatives
