"""Signal handlers that keep the search index fresh (loaded from archive/signals.py).

Whatever changes the words an entry or statement is found by schedules a reindex of
it, run when the transaction commits (see archive/search/indexing.py): the entry
itself, its authors' names and aliases, its outlet and series, its tags (added,
removed, renamed) and its statements with their speakers.
"""
from django.contrib.contenttypes.models import ContentType
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete
from django.dispatch import receiver
from taggit.models import Tag, TaggedItem

from archive.models import Agent, Alias, Authorship, Entry, Outlet, Series, Statement

from .indexing import schedule


def _tagged_entry_ids(tag):
    return TaggedItem.objects.filter(
        tag=tag, content_type__app_label="archive", content_type__model="entry"
    ).values_list("object_id", flat=True)


def _agent_ids(agent_id):
    entries = Authorship.objects.filter(agent_id=agent_id).values_list("entry_id", flat=True)
    statements = Statement.objects.filter(speaker_id=agent_id).values_list("pk", flat=True)
    return list(entries), list(statements)


@receiver(post_save, sender=Entry, dispatch_uid="search_entry_saved")
@receiver(post_delete, sender=Entry, dispatch_uid="search_entry_deleted")
def entry_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        schedule(entry_ids=[instance.pk])


@receiver(post_save, sender=Authorship, dispatch_uid="search_authorship_saved")
@receiver(post_delete, sender=Authorship, dispatch_uid="search_authorship_deleted")
def authorship_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        schedule(entry_ids=[instance.entry_id])


@receiver(post_save, sender=Statement, dispatch_uid="search_statement_saved")
@receiver(post_delete, sender=Statement, dispatch_uid="search_statement_deleted")
def statement_changed(sender, instance, raw=False, **kwargs):
    # The entry too: it is indexed with its speakers (the speaker filter) and whether
    # it has statements. A save that says its search documents are unchanged (a review
    # decision that keeps the speaker and leaves it visible: archive/services/review.py)
    # reindexes nothing.
    if getattr(instance, "_search_unchanged", False):
        return
    if not raw:
        schedule(entry_ids=[instance.entry_id], statement_ids=[instance.pk])


@receiver(post_save, sender=Agent, dispatch_uid="search_agent_saved")
@receiver(pre_delete, sender=Agent, dispatch_uid="search_agent_deleting")
def agent_changed(sender, instance, raw=False, **kwargs):
    # pre_delete: afterwards the statements' speaker is already set to NULL.
    if not raw and instance.pk:
        entries, statements = _agent_ids(instance.pk)
        schedule(entry_ids=entries, statement_ids=statements)


@receiver(post_save, sender=Alias, dispatch_uid="search_alias_saved")
@receiver(post_delete, sender=Alias, dispatch_uid="search_alias_deleted")
def alias_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        entries, statements = _agent_ids(instance.agent_id)
        schedule(entry_ids=entries, statement_ids=statements)


@receiver(post_save, sender=Outlet, dispatch_uid="search_outlet_saved")
def outlet_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        schedule(entry_ids=instance.entries.values_list("pk", flat=True))


@receiver(post_save, sender=Series, dispatch_uid="search_series_saved")
def series_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        schedule(entry_ids=instance.entries.values_list("pk", flat=True))


@receiver(m2m_changed, sender=Entry.tags.through, dispatch_uid="search_entry_tags_changed")
def entry_tags_changed(sender, instance, action, model=None, pk_set=None, **kwargs):
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    if isinstance(instance, Entry):
        schedule(entry_ids=[instance.pk])
    elif model is Entry and pk_set:
        schedule(entry_ids=pk_set)


@receiver(post_save, sender=TaggedItem, dispatch_uid="search_taggeditem_saved")
@receiver(post_delete, sender=TaggedItem, dispatch_uid="search_taggeditem_deleted")
def tagged_item_changed(sender, instance, raw=False, **kwargs):
    if raw:
        return
    content_type = ContentType.objects.get_for_id(instance.content_type_id)  # cached
    if content_type.app_label == "archive" and content_type.model == "entry":
        schedule(entry_ids=[instance.object_id])


@receiver(post_save, sender=Tag, dispatch_uid="search_tag_saved")
@receiver(pre_delete, sender=Tag, dispatch_uid="search_tag_deleting")
def tag_changed(sender, instance, raw=False, **kwargs):
    if not raw and instance.pk:
        schedule(entry_ids=list(_tagged_entry_ids(instance)))
