"""What the OAI-PMH provider exposes, read from the database (Django glue).

Records are entries that have been public: published entries (with Dublin Core
metadata) and, as deleted records, entries unpublished since (``published_at`` set, status
draft) and entries deleted outright (``EntryTombstone``). Never-published drafts do not
exist for harvesters. Datestamps are ``updated_at`` / ``deleted_at`` in UTC.

Sets: ``outlet`` and ``tag``, with one child per outlet (``outlet:rsis``) and per tag
(``tag:east-asia``). Lists go in id order, entries first, then tombstones, so a
resumption token only needs the phase and the last id.
"""
import re
from urllib.parse import urlsplit

from django.conf import settings
from django.db.models import Prefetch, Q
from taggit.models import Tag

from archive.citations import csl
from archive.citations.records import entry_record
from archive.models import Authorship, Entry, EntryStatus, EntryTombstone, Outlet

from .protocol import OAIError, datestamp
from .xml import DublinCore, Header

_DOMAIN = re.compile(r"^[a-zA-Z][a-zA-Z0-9\-]*(\.[a-zA-Z][a-zA-Z0-9\-]*)+$")
_SET_SPEC = re.compile(r"^(outlet|tag)(:[A-Za-z0-9\-_.!~*'()]+)?$")

DC_TYPES = {"report": "report", "article-newspaper": "newspaper article", "post-weblog": "blog post"}


def repository_identifier():
    """The domain in every identifier (``oai:<domain>:entry/<id>``); configurable, since an IP
    address is not a valid repositoryIdentifier."""
    configured = getattr(settings, "OAI_REPOSITORY_IDENTIFIER", "")
    if configured:
        return configured
    host = urlsplit(settings.ARCHIVE_BASE_URL).hostname or ""
    return host if _DOMAIN.match(host) else "commentary-archive.local"


def identifier_for(entry_id):
    return f"oai:{repository_identifier()}:entry/{entry_id}"


def entry_id_from(identifier):
    prefix = f"oai:{repository_identifier()}:entry/"
    if identifier.startswith(prefix) and identifier[len(prefix):].isdigit():
        return int(identifier[len(prefix):])
    return None


def set_specs(entry):
    specs = []
    if entry.outlet_id:
        specs.append(f"outlet:{entry.outlet.slug}")
    specs += sorted(f"tag:{t.slug}" for t in entry.tags.all())
    return specs


def exposed_entries():
    """Entries a harvester may know about: published now, or published once."""
    return Entry.objects.filter(Q(status=EntryStatus.PUBLISHED) | Q(published_at__isnull=False))


def with_metadata(queryset):
    return queryset.select_related("outlet", "series").prefetch_related(
        Prefetch("authorships", queryset=Authorship.objects.select_related("agent").order_by("position", "pk")),
        "tags",
    )


def header_for_entry(entry):
    return Header(identifier_for(entry.pk), datestamp(entry.updated_at), set_specs(entry),
                  deleted=entry.status != EntryStatus.PUBLISHED)


def header_for_tombstone(tomb):
    return Header(identifier_for(tomb.entry_id), datestamp(tomb.deleted_at), list(tomb.set_specs), deleted=True)


def dublin_core(entry, request=None):
    """oai_dc from the same CSL item every citation format uses."""
    record = entry_record(entry, request, title_case=False, unique_key=False)
    item = csl.to_csl(record)
    parts = (item.get("issued") or {}).get("date-parts", [[]])[0]
    source = ""
    if item["type"] == "report":
        source = " ".join(p for p in (item.get("_series", ""), item.get("number", "")) if p)
    elif item.get("container-title"):
        source = item["container-title"]
    return DublinCore(
        title=[item.get("title", "")],
        creator=[n.get("literal") or ", ".join(p for p in (csl.full_family(n), n.get("given")) if p)
                 for n in item.get("author", [])],
        subject=list(record.keywords),
        description=[item.get("abstract", "")],
        publisher=[item.get("publisher") or item.get("container-title", "")],
        date=["-".join(f"{p:02d}" if i else str(p) for i, p in enumerate(parts))] if parts else [],
        type=["Text", DC_TYPES.get(item["type"], "text")],
        identifier=[record.archive_url],
        source=[source],
        language=[item.get("language", "")],
        relation=[record.url] if record.url and record.url != record.archive_url else [],
    )


def check_set(spec):
    if spec is not None and not _SET_SPEC.match(spec):
        raise OAIError("badArgument", f"{spec!r} is not a set of this repository.")


def _entries_in(queryset, spec):
    if not spec:
        return queryset
    kind, _, slug = spec.partition(":")
    if kind == "outlet":
        return queryset.filter(outlet__slug=slug) if slug else queryset.filter(outlet__isnull=False)
    tagged = Entry.objects.filter(tags__slug=slug) if slug else Entry.objects.filter(tags__isnull=False)
    return queryset.filter(pk__in=tagged.values("pk"))


def _tomb_in_set(tomb, spec):
    if not spec:
        return True
    return any(s == spec or s.startswith(spec + ":") for s in tomb.set_specs)


def selection(spec=None, start=None, end=None):
    """(entries queryset, tombstones list) matching a list request's set and date range."""
    entries = _entries_in(exposed_entries(), spec)
    tombs = EntryTombstone.objects.all()
    if start:
        entries, tombs = entries.filter(updated_at__gte=start), tombs.filter(deleted_at__gte=start)
    if end:
        entries, tombs = entries.filter(updated_at__lt=end), tombs.filter(deleted_at__lt=end)
    return entries, tombs


def count(spec=None, start=None, end=None):
    entries, tombs = selection(spec, start, end)
    return entries.count() + sum(1 for t in tombs.only("set_specs") if _tomb_in_set(t, spec))


def page(after, size, spec=None, start=None, end=None, metadata=False):
    """Up to ``size`` (kind, object) rows after ``after`` = (phase, last id), and the next position or None."""
    entries, tombs = selection(spec, start, end)
    phase, last = after
    rows = []
    if phase == "e":
        queryset = entries.filter(pk__gt=last).order_by("pk")
        queryset = with_metadata(queryset) if metadata else queryset.select_related("outlet").prefetch_related("tags")
        found = list(queryset[: size + 1])
        rows = [("e", e) for e in found[:size]]
        if len(found) > size:
            return rows, ("e", found[size - 1].pk)
        phase, last = "t", 0
    for tomb in tombs.filter(entry_id__gt=last).order_by("entry_id").iterator():
        if not _tomb_in_set(tomb, spec):
            continue
        if len(rows) == size:
            return rows, ("t", last)
        rows.append(("t", tomb))
        last = tomb.entry_id
    return rows, None


def find(entry_id):
    """("e", entry) or ("t", tombstone) for an identifier's id, or None."""
    entry = with_metadata(exposed_entries().filter(pk=entry_id)).first()
    if entry is not None:
        return "e", entry
    tomb = EntryTombstone.objects.filter(entry_id=entry_id).first()
    return ("t", tomb) if tomb else None


def sets():
    outlets = [(f"outlet:{o.slug}", o.name) for o in Outlet.objects.filter(
        pk__in=exposed_entries().values("outlet")).order_by("slug")]
    tags = [(f"tag:{t.slug}", t.name) for t in Tag.objects.filter(
        pk__in=exposed_entries().values("tags")).order_by("slug")]
    out = []
    if outlets:
        out += [("outlet", "Outlets"), *outlets]
    if tags:
        out += [("tag", "Tags"), *tags]
    return out


def earliest_datestamp():
    from django.db.models import Min

    first = exposed_entries().aggregate(m=Min("updated_at"))["m"]
    first_tomb = EntryTombstone.objects.aggregate(m=Min("deleted_at"))["m"]
    candidates = [m for m in (first, first_tomb) if m]
    if not candidates:
        return "1970-01-01T00:00:00Z"
    return datestamp(min(candidates))
