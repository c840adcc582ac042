"""Browse pages: a tag, the tag list, the people index A–Z, the year archive."""
import datetime
from urllib.parse import urlencode

from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.db import connection
from django.db.models import Count, Exists, Max, Min, OuterRef, Q
from django.db.models.functions import ExtractYear
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from taggit.models import Tag, TaggedItem

from archive.models import Agent, Authorship, Entry, EntryStatus, NameCount, Outlet

from . import structured
from .cached import archive_fingerprint, cached
from .listing import paginate, public_entries, public_statements, simple_pager
from .params import LETTERS, pagination_links_data, parse_page

PEOPLE_PER_PAGE = 100


# Counting published entries per outlet or tag by joining every entry row is slow on a
# large archive (the rows carry the bodies: 0.7-1 s at 100,000 entries on SQLite). These
# counts read narrow indexes instead: all entries per outlet or tag, minus those that are
# not published (few, found through the status index).

def _unpublished():
    return Entry.objects.filter(status__in=[s for s in EntryStatus.values if s != EntryStatus.PUBLISHED])


def _minus(totals, hidden):
    return {key: n - hidden.get(key, 0) for key, n in totals.items() if key is not None and n - hidden.get(key, 0) > 0}


def _tag_counts():
    """{tag id: number of published entries carrying it}."""
    tagged = TaggedItem.objects.filter(content_type=ContentType.objects.get_for_model(Entry)).order_by()
    totals = dict(tagged.values_list("tag_id").annotate(n=Count("id")))
    hidden = dict(tagged.filter(object_id__in=_unpublished().values("pk")).values_list("tag_id").annotate(n=Count("id")))
    return _minus(totals, hidden)


def _tag_rows(counts, tag_ids):
    tags = Tag.objects.in_bulk(tag_ids)
    return [{"tag__name": tags[i].name, "tag__slug": tags[i].slug, "n": counts[i]} for i in tag_ids if i in tags]


def popular_tags(limit):
    """The ``limit`` tags on most published entries: [{"tag__name", "tag__slug", "n"}]."""
    counts = _tag_counts()
    top = sorted(counts, key=lambda i: -counts[i])[:limit]
    return sorted(_tag_rows(counts, top), key=lambda row: (-row["n"], row["tag__name"].lower()))


def _all_tags():
    counts = _tag_counts()
    return sorted(_tag_rows(counts, list(counts)), key=lambda row: row["tag__name"].lower())


def outlet_counts():
    """Outlets with at least one published entry, each with ``n``, its number of published entries."""
    per_outlet = Entry.objects.order_by().values_list("outlet_id")
    counts = _minus(dict(per_outlet.annotate(n=Count("id"))),
                    dict(_unpublished().order_by().values_list("outlet_id").annotate(n=Count("id"))))
    outlets = list(Outlet.objects.filter(pk__in=list(counts)).order_by("name"))
    for outlet in outlets:
        outlet.n = counts[outlet.pk]
    return outlets


MAX_YEAR_SPAN = 300


def year_counts():
    """[(year, number of published entries)], newest year first; undated entries are left out.

    A count per year over a range of the (status, published_on) index, rather than
    grouping by an extracted year, which SQLite computes in Python for every row.
    """
    published = Entry.objects.published().filter(published_on__isnull=False).order_by()
    bounds = published.aggregate(first=Min("published_on"), last=Max("published_on"))
    if bounds["first"] is None:
        return []
    years = list(range(bounds["last"].year, bounds["first"].year - 1, -1))
    if len(years) > MAX_YEAR_SPAN:
        rows = published.annotate(year=ExtractYear("published_on")).values("year").annotate(n=Count("id"))
        return sorted(((row["year"], row["n"]) for row in rows), reverse=True)
    # One COUNT per year over a date range of the (status, published_on) index, all in one
    # statement: a conditional count per year made SQLite extract the year of every row
    # once per year in Python (about 130 ms of processor time at 100,000 entries).
    q = connection.ops.quote_name
    count = (f"(SELECT COUNT(*) FROM {q(Entry._meta.db_table)} WHERE {q('status')} = %s"
             f" AND {q('published_on')} >= %s AND {q('published_on')} <= %s)")
    params = []
    for y in years:
        params += [EntryStatus.PUBLISHED, datetime.date(y, 1, 1), datetime.date(y, 12, 31)]
    with connection.cursor() as cursor:
        cursor.execute("SELECT " + ", ".join([count] * len(years)), params)
        counts = cursor.fetchone()
    return [(y, n) for y, n in zip(years, counts) if n]


def tag_index(request):
    tags = cached("all-tags", _all_tags, archive_fingerprint())
    return render(request, "archive/tag_index.html", {
        "tags": tags,
        "page_meta": {"title": "Tags", "canonical": "/tags/", "og_type": "website",
                      "description": "Every tag in the Commentary Archive"},
        "jsonld": structured.collection_jsonld("Tags", "/tags/"),
    })


def tag_detail(request, slug):
    tag = get_object_or_404(public_tags(), slug=slug)
    page = paginate(request, public_entries().filter(tags__slug=tag.slug), count_key=("tag", tag.pk))
    path = f"/tags/{tag.slug}/"
    return render(request, "archive/tag_detail.html", {
        "tag": tag,
        "page": page,
        "entries": list(page.object_list),
        "pager": simple_pager(request, page),
        "page_meta": {"title": f"Tagged “{tag.name}”", "canonical": path + (f"?page={page.number}" if page.number > 1 else ""),
                      "og_type": "website", "description": f"Commentaries tagged {tag.name}"},
        "jsonld": structured.collection_jsonld(f"Tagged {tag.name}", path),
    })


def public_outlets():
    """Outlets with at least one published entry: an outlet seen only in drafts has no public page."""
    return Outlet.objects.filter(Exists(Entry.objects.filter(outlet=OuterRef("pk"), status="published")))


def public_tags():
    """Tags on at least one published entry."""
    return Tag.objects.filter(Exists(Entry.objects.filter(tags=OuterRef("pk"), status="published")))


def public_people():
    """Name records that wrote or are quoted in a published entry (EXISTS tests, no counting)."""
    wrote = Authorship.objects.filter(agent=OuterRef("pk"), entry__status="published")
    said = public_statements().filter(speaker=OuterRef("pk"))
    return Agent.objects.filter(Exists(wrote) | Exists(said))


def people_index(request):
    """Everyone who wrote or is quoted in a published entry, A–Z by family name, with counts.

    Without a letter it lists everyone (paginated), so the page never opens on an empty
    letter; the letters that have names are links marked with their count.
    """
    raw = (request.GET.get("letter") or "").strip().upper()[:1]
    letter = (raw if raw in LETTERS else "#") if raw else None
    counts = _letter_counts()
    people, count, number, num_pages = _people_page(letter, parse_page(request.GET.get("page", 1)))
    pager = pagination_links_data(number, num_pages, lambda n: urlencode(
        ([("letter", letter)] if letter else []) + ([("page", n)] if n > 1 else [])))
    path = "/people/" + (f"?letter={letter}" if letter else "")
    return render(request, "archive/people_index.html", {
        "letter": letter,
        "letters": [(each, counts.get(each, 0)) for each in LETTERS],
        "people": people,
        "count": count,
        "pager": pager,
        "page_meta": {"title": f"People and bodies: {letter}" if letter else "People and bodies",
                      "canonical": path + (f"{'&' if letter else '?'}page={number}" if number > 1 else ""),
                      "og_type": "website",
                      "description": "Everyone who wrote or is quoted in the Commentary Archive"},
        "jsonld": structured.collection_jsonld("People", "/people/"),
    })


def _letter_counts():
    """{letter: how many public name records are filed under it} (``NameCount``, kept on write)."""
    return dict(NameCount.objects.order_by().values_list("letter").annotate(n=Count("agent")))


def _people_page(letter, page_number):
    """(people, how many under the letter (or in all), page number, number of pages) for the A–Z index.

    Read from ``NameCount`` (kept by the writes that change it): each name record of the
    page carries ``entries_written`` and ``statements_made``.
    """
    rows = NameCount.objects.select_related("agent")
    if letter is not None:
        rows = rows.filter(letter=letter)
    rows = rows.order_by("agent__family_name", "agent__given_name", "agent__name", "agent_id")
    page = Paginator(rows, PEOPLE_PER_PAGE).get_page(page_number)
    people = []
    for row in page.object_list:
        row.agent.entries_written, row.agent.statements_made = row.entries_written, row.statements_made
        people.append(row.agent)
    return people, page.paginator.count, page.number, page.paginator.num_pages


def _undated_count():
    return Entry.objects.published().filter(published_on__isnull=True).count()


def year_index(request):
    fingerprint = archive_fingerprint()
    return render(request, "archive/year_index.html", {
        "years": cached("years", year_counts, fingerprint),
        "undated": cached("undated", _undated_count, fingerprint),
        "page_meta": {"title": "Entries by year", "canonical": "/years/", "og_type": "website",
                      "description": "The archive year by year"},
        "jsonld": structured.collection_jsonld("Entries by year", "/years/"),
    })


def year_archive(request, year):
    """Published entries of one year, newest first, paginated."""
    if not 1 <= year <= 9999:
        raise Http404("No such year.")
    page = paginate(request, public_entries().filter(published_on__year=year), count_key=("year", year))
    path = f"/years/{year}/"
    years = cached("years", year_counts, archive_fingerprint())
    return render(request, "archive/year_archive.html", {
        "year": year,
        "years": years,
        "page": page,
        "entries": list(page.object_list),
        "pager": simple_pager(request, page),
        "page_meta": {"title": f"Entries from {year}", "canonical": path + (f"?page={page.number}" if page.number > 1 else ""),
                      "og_type": "website", "description": f"Commentaries published in {year}"},
        "jsonld": structured.collection_jsonld(f"Entries from {year}", path),
    })


