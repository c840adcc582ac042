"""What each change invalidates: model signals -> tags (see ``tags``).

Every change to what the public can see bumps ``lists`` and the tags of the records
it touches; pages about other records keep their cached copies. Loaded from
archive/signals.py. Changes made with ``QuerySet.update()`` send no signal: the code
that uses it for public fields bumps the tags itself.
"""
from django.contrib.contenttypes.models import ContentType
from django.db.models.signals import m2m_changed, post_delete, post_init, post_save, pre_delete, pre_save
from django.dispatch import receiver
from taggit.models import Tag, TaggedItem

from archive.models import Agent, Alias, Authorship, Entry, EntryTombstone, Outlet, Series, Statement

from .tags import LISTS, bump, bump_group_entries


def entry_tags(entry):
    """An entry's own tag, its outlet's and tags', its authors' and speakers'."""
    tags = {LISTS, f"entry:{entry.pk}"}
    if entry.outlet_id:
        tags.add(f"outlet:{entry.outlet_id}")
    if entry.pk:
        tags |= {f"person:{pk}" for pk in Authorship.objects.filter(entry_id=entry.pk).values_list("agent_id", flat=True)}
        tags |= {f"person:{pk}" for pk in Statement.objects.filter(entry_id=entry.pk).exclude(speaker=None)
                 .values_list("speaker_id", flat=True).distinct()}
        tags |= {f"tag:{pk}" for pk in TaggedItem.objects.filter(
            content_type=ContentType.objects.get_for_model(Entry), object_id=entry.pk).values_list("tag_id", flat=True)}
    return tags


@receiver(pre_save, sender=Entry, dispatch_uid="cache_entry_saving")
@receiver(pre_delete, sender=Entry, dispatch_uid="cache_entry_deleting")
def entry_changing(sender, instance, raw=False, **kwargs):
    # Before the change: the outlet it leaves, the people and tags it had.
    if not raw and instance.pk:
        old = Entry.objects.filter(pk=instance.pk).only("pk", "outlet_id").first()
        if old is not None:
            bump(entry_tags(old))


@receiver(post_save, sender=Entry, dispatch_uid="cache_entry_saved")
def entry_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        bump(entry_tags(instance))


@receiver(post_save, sender=Authorship, dispatch_uid="cache_authorship_saved")
@receiver(post_delete, sender=Authorship, dispatch_uid="cache_authorship_deleted")
def authorship_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        bump({LISTS, f"entry:{instance.entry_id}", f"person:{instance.agent_id}"})


@receiver(post_init, sender=Statement, dispatch_uid="cache_statement_loaded")
def statement_loaded(sender, instance, **kwargs):
    # Remember who said it as loaded, so a change of speaker needs no query to find them.
    instance._loaded_speaker_id = instance.__dict__.get("speaker_id")


@receiver(pre_save, sender=Statement, dispatch_uid="cache_statement_saving")
def statement_changing(sender, instance, raw=False, **kwargs):
    # The speaker it leaves (a review decision that changes who said it).
    old = getattr(instance, "_loaded_speaker_id", None)
    if not raw and instance.pk and old and old != instance.speaker_id:
        bump({f"person:{old}"})


@receiver(post_save, sender=Statement, dispatch_uid="cache_statement_saved")
@receiver(post_delete, sender=Statement, dispatch_uid="cache_statement_deleted")
def statement_changed(sender, instance, raw=False, **kwargs):
    if raw:
        return
    tags = {LISTS, f"entry:{instance.entry_id}", f"statement:{instance.pk}"}
    if instance.speaker_id:
        tags.add(f"person:{instance.speaker_id}")
    bump(tags)
    if instance.group_id:
        # The other entries quoting the same words list this one under "also quoted in":
        # found once per group when the transaction commits.
        bump_group_entries(instance.group_id)


@receiver(post_save, sender=Agent, dispatch_uid="cache_agent_saved")
@receiver(post_delete, sender=Agent, dispatch_uid="cache_agent_deleted")
def agent_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        bump({LISTS, f"person:{instance.pk}", f"name:{instance.pk}"} | _lists_showing(agent_id=instance.pk))


def _lists_showing(agent_id=None, tag_id=None):
    """The outlet and tag pages whose entries show this name or tag (one query each)."""
    if agent_id is not None:
        entries = Authorship.objects.filter(agent_id=agent_id).values("entry_id")
    else:
        entries = TaggedItem.objects.filter(tag_id=tag_id, content_type=ContentType.objects.get_for_model(Entry)
                                            ).values("object_id")
    outlets = Entry.objects.filter(pk__in=entries).exclude(outlet=None).values_list("outlet_id", flat=True).distinct()
    tags = TaggedItem.objects.filter(content_type=ContentType.objects.get_for_model(Entry), object_id__in=entries
                                     ).values_list("tag_id", flat=True).distinct()
    return {f"outlet:{pk}" for pk in outlets} | {f"tag:{pk}" for pk in tags}


@receiver(post_save, sender=Alias, dispatch_uid="cache_alias_saved")
@receiver(post_delete, sender=Alias, dispatch_uid="cache_alias_deleted")
def alias_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        bump({LISTS, f"person:{instance.agent_id}"})


@receiver(post_save, sender=Outlet, dispatch_uid="cache_outlet_saved")
@receiver(post_delete, sender=Outlet, dispatch_uid="cache_outlet_deleted")
def outlet_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        bump({LISTS, f"outlet:{instance.pk}"})


@receiver(post_save, sender=Series, dispatch_uid="cache_series_saved")
@receiver(post_delete, sender=Series, dispatch_uid="cache_series_deleted")
def series_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        bump({LISTS, f"outlet:{instance.outlet_id}"})


@receiver(post_save, sender=Tag, dispatch_uid="cache_tag_saved")
@receiver(post_delete, sender=Tag, dispatch_uid="cache_tag_deleted")
def tag_changed(sender, instance, raw=False, **kwargs):
    if not raw and instance.pk:
        bump({LISTS, f"tag:{instance.pk}"} | _lists_showing(tag_id=instance.pk))


@receiver(post_save, sender=TaggedItem, dispatch_uid="cache_taggeditem_saved")
@receiver(post_delete, sender=TaggedItem, dispatch_uid="cache_taggeditem_deleted")
def tagged_item_changed(sender, instance, raw=False, **kwargs):
    if raw:
        return
    content_type = ContentType.objects.get_for_id(instance.content_type_id)
    if content_type.app_label == "archive" and content_type.model == "entry":
        bump({LISTS, f"entry:{instance.object_id}", f"tag:{instance.tag_id}"})


@receiver(m2m_changed, sender=Entry.tags.through, dispatch_uid="cache_entry_tags_changed")
def entry_tags_changed(sender, instance, action, model=None, pk_set=None, **kwargs):
    if action not in ("post_add", "post_remove", "post_clear", "pre_clear"):
        return
    if isinstance(instance, Entry):
        bump(entry_tags(instance) | {f"tag:{pk}" for pk in pk_set or ()})


@receiver(post_save, sender=EntryTombstone, dispatch_uid="cache_tombstone_saved")
def tombstone_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        bump({LISTS})
