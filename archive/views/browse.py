"""Browse pages: a tag, the tag list, the people index A–Z, the year archive."""
from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, IntegerField, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce, ExtractYear
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from taggit.models import Tag, TaggedItem

from archive.models import Agent, Authorship, Entry

from . import structured
from .listing import paginate, public_entries, public_statements, simple_pager
from .params import LETTERS

PEOPLE_PER_PAGE = 100


def _tag_counts():
    """Tags with the number of published entries carrying each (one aggregate query)."""
    published = Entry.objects.published().values("pk")
    return (
        TaggedItem.objects.filter(content_type=ContentType.objects.get_for_model(Entry), object_id__in=published)
        .values("tag__name", "tag__slug").annotate(n=Count("id")).order_by("-n", "tag__name")
    )


def popular_tags(limit):
    return list(_tag_counts()[:limit])


def year_counts():
    """[(year, number of published entries)], newest year first; undated entries are left out."""
    rows = (
        Entry.objects.published().filter(published_on__isnull=False)
        .annotate(year=ExtractYear("published_on")).values("year").annotate(n=Count("id")).order_by("-year")
    )
    return [(row["year"], row["n"]) for row in rows]


def tag_index(request):
    tags = sorted(_tag_counts(), key=lambda row: row["tag__name"].lower())
    return render(request, "archive/tag_index.html", {
        "tags": tags,
        "page_meta": {"title": "Tags", "canonical": "/tags/", "og_type": "website",
                      "description": "Every tag in the Commentary Archive"},
        "jsonld": structured.collection_jsonld("Tags", "/tags/"),
    })


def tag_detail(request, slug):
    tag = get_object_or_404(Tag, slug=slug)
    page = paginate(request, public_entries().filter(tags__slug=tag.slug))
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


def _people_with_counts():
    """Name records that appear in published entries, with how many entries they wrote and statements they made."""
    written = (
        Authorship.objects.filter(agent=OuterRef("pk"), entry__status="published")
        .order_by().values("agent").annotate(n=Count("entry", distinct=True)).values("n")
    )
    said = (
        public_statements().filter(speaker=OuterRef("pk"))
        .order_by().values("speaker").annotate(n=Count("pk")).values("n")
    )
    return (
        Agent.objects.annotate(
            entries_written=Coalesce(Subquery(written, output_field=IntegerField()), Value(0)),
            statements_made=Coalesce(Subquery(said, output_field=IntegerField()), Value(0)),
        )
        .filter(Q(entries_written__gt=0) | Q(statements_made__gt=0))
    )


def _letter_filter(letter):
    """Names filed under ``letter``: by family name for people, by name for bodies."""
    if letter == "#":
        return ~Q(family_name__iregex=r"^[a-z]") & ~Q(family_name="", name__iregex=r"^[a-z]")
    return Q(family_name__istartswith=letter) | Q(family_name="", name__istartswith=letter)


def people_index(request):
    """Everyone who wrote or is quoted in a published entry, A–Z by family name, with counts."""
    letter = (request.GET.get("letter") or "A").strip().upper()[:1] or "A"
    if letter not in LETTERS:
        letter = "#"
    people = _people_with_counts().filter(_letter_filter(letter)).order_by("family_name", "given_name", "name", "pk")
    page = paginate(request, people, PEOPLE_PER_PAGE)
    pager_qs = f"letter={letter}" if letter != "A" else ""
    pager = simple_pager(request, page)
    if pager_qs:
        pager = _prefix_pager(pager, pager_qs)
    path = "/people/" + (f"?letter={letter}" if letter != "A" else "")
    return render(request, "archive/people_index.html", {
        "letter": letter,
        "letters": LETTERS,
        "page": page,
        "people": list(page.object_list),
        "pager": pager,
        "page_meta": {"title": f"People and bodies: {letter}", "canonical": path, "og_type": "website",
                      "description": "Everyone who wrote or is quoted in the Commentary Archive"},
        "jsonld": structured.collection_jsonld("People", "/people/"),
    })


def _prefix_pager(pager, qs):
    def fix(href):
        if href is None:
            return None
        return "?" + qs + ("&" + href[1:] if len(href) > 1 else "")
    return {**pager, "previous": fix(pager["previous"]), "next": fix(pager["next"]),
            "pages": [(n, fix(h)) for n, h in pager["pages"]]}


def year_index(request):
    return render(request, "archive/year_index.html", {
        "years": year_counts(),
        "undated": Entry.objects.published().filter(published_on__isnull=True).count(),
        "page_meta": {"title": "Entries by year", "canonical": "/years/", "og_type": "website",
                      "description": "The archive year by year"},
        "jsonld": structured.collection_jsonld("Entries by year", "/years/"),
    })


def year_archive(request, year):
    """Published entries of one year, newest first, paginated."""
    if not 1 <= year <= 9999:
        raise Http404("No such year.")
    page = paginate(request, public_entries().filter(published_on__year=year))
    path = f"/years/{year}/"
    years = year_counts()
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


