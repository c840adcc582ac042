"""Search filters: reading them leniently and applying them to published entries.

Filters come from query strings, so every value is cleaned here; a value that cannot
be read is dropped and named in ``ignored`` (the page says so) instead of raising.
"""
import datetime

from django.db.models import Exists, OuterRef
from taggit.models import TaggedItem

from archive.models import Authorship, Entry, Statement

FILTER_NAMES = ("outlet", "author", "speaker", "tag", "year", "date_from", "date_to", "has_statements")
_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off"}


def read_slug(value):
    """A slug-like value, or None when it is empty or could not be stored anyway."""
    value = str(value).strip()
    return value[:200] if value and "\x00" not in value else None


def _year(value):
    try:
        year = int(str(value).strip())
    except (TypeError, ValueError):
        return None
    return year if 1 <= year <= 9999 else None


def _date(value):
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    try:
        return datetime.date.fromisoformat(str(value).strip())
    except ValueError:
        return None


def _bool(value):
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    return None


_READERS = {
    "outlet": read_slug, "author": read_slug, "speaker": read_slug, "tag": read_slug,
    "year": _year, "date_from": _date, "date_to": _date, "has_statements": _bool,
}


def clean_filters(filters):
    """(cleaned, ignored): the usable filters, and the names of those that were not."""
    cleaned, ignored = {}, []
    for name, value in (filters or {}).items():
        if name not in _READERS or value is None or value == "":
            continue
        read = _READERS[name](value)
        if read is None:
            ignored.append(name)
        else:
            cleaned[name] = read
    return cleaned, ignored


def public_statements():
    """Statements shown to the public: in published entries and not rejected."""
    return Statement.objects.exclude(review_status=Statement.Review.REJECTED)


def filtered_entries(filters):
    """Published entries that pass the (cleaned) filters, as a queryset without ordering."""
    qs = Entry.objects.published().order_by()
    if "outlet" in filters:
        qs = qs.filter(outlet__slug=filters["outlet"])
    if "author" in filters:
        qs = qs.filter(pk__in=Authorship.objects.filter(agent__slug=filters["author"]).values("entry_id"))
    if "speaker" in filters:
        qs = qs.filter(pk__in=public_statements().filter(speaker__slug=filters["speaker"]).values("entry_id"))
    if "tag" in filters:
        qs = qs.filter(pk__in=TaggedItem.objects.filter(
            content_type__app_label="archive", content_type__model="entry", tag__slug=filters["tag"],
        ).values("object_id"))
    if "year" in filters:
        qs = qs.filter(published_on__year=filters["year"])
    qs = _dates(qs, filters)
    if "has_statements" in filters:
        has = Exists(public_statements().filter(entry=OuterRef("pk")))
        qs = qs.filter(has if filters["has_statements"] else ~has)
    return qs


def _dates(qs, filters):
    if "date_from" in filters:
        qs = qs.filter(published_on__gte=filters["date_from"])
    if "date_to" in filters:
        qs = qs.filter(published_on__lte=filters["date_to"])
    return qs


def date_range_ids(filters):
    """Ids of entries in the filters' date range (the one filter the index has no
    token for), or None when there is no date range."""
    if "date_from" not in filters and "date_to" not in filters:
        return None
    return _dates(Entry.objects.order_by(), filters).values("pk")
