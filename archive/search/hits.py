"""Loading one page of entry hits: the rows, their authors and their tags in three queries,
with only the columns a result shows.

Django's ``prefetch_related`` builds one queryset per entry for each relation it fills
(and taggit's does the same for tags): 40 querysets for a page of 20, most of the
processor time of loading hits. Here each relation is one query, and the loaded objects
are put where ``entry.authorships.all()`` and ``entry.tags.all()`` look for prefetched
objects, so templates and citation records read them without another query.
"""
from django.contrib.contenttypes.models import ContentType
from django.db.models import QuerySet
from django.db.models.functions import Substr
from taggit.models import TaggedItem

from archive.models import Authorship, Entry, EntryStatus

#: Entry columns a result row never shows: the body (read only as its first
#: ``SNIPPET_HEAD`` characters, for the rare hit the engine did not mark and that has no
#: synopsis), its block structure (costly JSON), the author note and editorial and import
#: bookkeeping (three of them timestamps, each parsed and made aware on every load).
HIT_DEFERRED = ("body", "body_blocks", "author_note", "needs_review", "edited_fields",
                "created_at", "published_at", "imported_at", "source_name", "checksum", "importer_version")
#: Name columns a byline never shows (a row shows the name and links its slug; a COinS
#: title reads kind, name, family and given names).
BYLINE_DEFERRED = tuple(f"agent__{name}" for name in (
    "normalized_name", "citation_token", "description", "affiliation", "wikidata", "orcid", "viaf",
    "created_at", "updated_at"))
SNIPPET_HEAD = 600


def deferred_entry_text(relation="entry", keep=()):
    """``defer()`` arguments that leave out the entry columns a statement list never
    shows (its body, block structure, author note and bookkeeping), for a queryset that
    loads statements with ``select_related(relation)``; ``keep``: columns to read anyway
    (a person page reads the body for each statement's sentence). The body and its
    blocks are the widest columns of the archive: on SQLite they sit in overflow pages
    that are read only when asked for, and the blocks are JSON decoded on every load."""
    return [f"{relation}__{name}" for name in HIT_DEFERRED if name not in keep]


def load_hits(ids):
    """{pk: Entry} for the published entries among ``ids``, outlet, ordered authorships
    (with their agents) and tags loaded.

    Looked up by primary key and publication checked on the rows themselves: a status
    condition in SQL can lead SQLite's planner to scan every published entry.
    """
    entries = {
        pk: entry for pk, entry in Entry.objects.filter(pk__in=ids).select_related("outlet")
        .defer(*HIT_DEFERRED).annotate(body_head=Substr("body", 1, SNIPPET_HEAD)).in_bulk().items()
        if entry.status == EntryStatus.PUBLISHED
    }
    if not entries:
        return entries
    authorships = {pk: [] for pk in entries}
    for authorship in (Authorship.objects.filter(entry_id__in=list(entries)).select_related("agent")
                       .defer(*BYLINE_DEFERRED).order_by("entry_id", "position", "pk")):
        authorship.entry = entries[authorship.entry_id]
        authorships[authorship.entry_id].append(authorship)
    tags = {pk: [] for pk in entries}
    content_type = ContentType.objects.get_for_model(Entry)
    for item in (TaggedItem.objects.filter(content_type=content_type, object_id__in=list(entries))
                 .select_related("tag").order_by("tag__name", "tag_id")):
        tags[item.object_id].append(item.tag)
    tag_model = TaggedItem._meta.get_field("tag").related_model
    for pk, entry in entries.items():
        _prime(entry, "authorships", Authorship, authorships[pk], lambda pk=pk: Authorship.objects.filter(entry_id=pk))
        _prime(entry, "tags", tag_model, tags[pk], lambda pk=pk: tag_model.objects.filter(
            taggit_taggeditem_items__content_type=content_type, taggit_taggeditem_items__object_id=pk))
    return entries


class _Loaded(QuerySet):
    """Objects already loaded for one instance's relation. Reading it (iterating, ``len``,
    ``count``, ``exists``, indexing) uses them; anything that builds a new query
    (``filter``, ``order_by``, ...) starts from the relation's own query, built then."""

    def _chain(self):
        return self._relation()._chain()


def _prime(instance, name, model, objects, relation):
    """Make ``instance.<name>.all()`` return ``objects`` without a query, as a prefetch would."""
    queryset = _Loaded(model=model)
    queryset._relation = relation
    queryset._result_cache = list(objects)
    queryset._prefetch_done = True
    cache = getattr(instance, "_prefetched_objects_cache", None)
    if cache is None:
        cache = instance._prefetched_objects_cache = {}
    cache[name] = queryset
