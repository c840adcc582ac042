"""Which public responses are cached, and what each depends on (its tags).

A response is cached only when its view is listed here. Record pages (an entry, a
person, an outlet, a tag) depend on the records they show; everything that lists or
counts across the archive depends on ``lists``. Tags are worked out after the view
has answered, from its URL, with at most a few narrow queries on a miss.
"""
from archive.models import Authorship, Entry, Statement

from .tags import LISTS


def _entry_tags(entry_ids):
    """What pages about these entries show: the entries, their outlet, tags, authors and
    speakers (names, and citation keys that depend on their other entries), and the
    other entries quoting the same statements ("also quoted in")."""
    entry_ids = [pk for pk in entry_ids if pk]
    if not entry_ids:
        return set()
    tags = {f"entry:{pk}" for pk in entry_ids}
    for outlet_id in Entry.objects.filter(pk__in=entry_ids).values_list("outlet_id", flat=True):
        if outlet_id:
            tags.add(f"outlet:{outlet_id}")
    for agent_id in Authorship.objects.filter(entry_id__in=entry_ids).values_list("agent_id", flat=True):
        tags |= {f"person:{agent_id}", f"name:{agent_id}"}
    groups = set()
    for speaker_id, group_id in Statement.objects.filter(entry_id__in=entry_ids).values_list("speaker_id", "group_id"):
        if speaker_id:
            tags |= {f"person:{speaker_id}", f"name:{speaker_id}"}
        if group_id:
            groups.add(group_id)
    if groups:
        siblings = Statement.objects.filter(group_id__in=groups).exclude(entry_id__in=entry_ids)
        tags |= {f"entry:{pk}" for pk in siblings.values_list("entry_id", flat=True).distinct()}
    from taggit.models import TaggedItem

    tag_ids = TaggedItem.objects.filter(
        content_type__app_label="archive", content_type__model="entry", object_id__in=entry_ids,
    ).values_list("tag_id", flat=True)
    tags |= {f"tag:{pk}" for pk in tag_ids}
    return tags


def entry_by_slug(kwargs):
    pk = Entry.objects.filter(slug=kwargs.get("slug")).values_list("pk", flat=True).first()
    return _entry_tags([pk])


def entry_by_id(kwargs):
    return _entry_tags([kwargs.get("entry_id")])


def statement_by_id(kwargs):
    row = Statement.objects.filter(pk=kwargs.get("pk")).values_list("entry_id", flat=True).first()
    return _entry_tags([row]) | {f"statement:{kwargs.get('pk')}"}


def _slug_record(model_path, prefix):
    def tags(kwargs):
        if model_path == "agent":
            from archive.models import Agent as model
        elif model_path == "outlet":
            from archive.models import Outlet as model
        else:
            from taggit.models import Tag as model
        key = "agent_id" if "agent_id" in kwargs else "slug"
        lookup = {"pk": kwargs[key]} if key == "agent_id" else {"slug": kwargs.get("slug")}
        pk = model.objects.filter(**lookup).values_list("pk", flat=True).first()
        # Any change to an entry listed there bumps the record's tag (signals), and so
        # does renaming a person, outlet or tag those entries show.
        return {f"{prefix}:{pk}", f"name:{pk}"} if prefix == "person" else {f"{prefix}:{pk}"}
    return tags


def lists(kwargs):
    return {LISTS}


#: url name -> function(kwargs) returning the tags of its response.
CACHED_VIEWS = {
    "archive:home": lists,
    "archive:search": lists,
    "archive:statements": lists,
    "archive:entry": entry_by_slug,
    "archive:people": lists,
    "archive:person": _slug_record("agent", "person"),
    "archive:outlet": _slug_record("outlet", "outlet"),
    "archive:tags": lists,
    "archive:tag": _slug_record("tag", "tag"),
    "archive:years": lists,
    "archive:year": lists,
    "archive:feed": lists,
    "archive:outlet_feed": lists,
    "archive:tag_feed": lists,
    "archive:person_feed": _slug_record("agent", "person"),
    "archive:sitemap": lists,
    "archive:sitemap_section": lists,
    "archive:robots": lists,
    "api:index": lists,
    "api:entries": lists,
    "api:entry": entry_by_id,
    "api:person": _slug_record("agent", "person"),
    "api:statements": lists,
    "citations:entry": entry_by_slug,
    "citations:statement": statement_by_id,
    "citations:archive": lists,
    "citations:search": lists,
    "citations:outlet": _slug_record("outlet", "outlet"),
    "citations:tag": _slug_record("tag", "tag"),
    "citations:person": _slug_record("agent", "person"),
    "citations:unapi": lists,
    "oai:endpoint": lists,
}


def tags_for(url_name, kwargs):
    """The tags of a response of ``url_name``, or None when it is not cached."""
    compute = CACHED_VIEWS.get(url_name)
    return None if compute is None else compute(kwargs)
