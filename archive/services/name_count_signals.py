"""Signals that keep ``NameCount`` right (``archive.services.name_counts``).

A name's counts change when an authorship or a statement of it is written or deleted,
when a statement changes speaker or is rejected or restored, and when an entry is
published or withdrawn; its letter changes with its name. Each handler recounts only
the names it touches, inside the writer's transaction. Loaded from archive/signals.py.
"""
from django.db.models.signals import post_delete, post_init, post_save
from django.dispatch import receiver

from archive.models import Agent, Authorship, Entry, Statement

from . import name_counts


@receiver(post_init, sender=Authorship, dispatch_uid="counts_authorship_loaded")
def authorship_loaded(sender, instance, **kwargs):
    instance._counted_agent_id = instance.__dict__.get("agent_id")


@receiver(post_save, sender=Authorship, dispatch_uid="counts_authorship_saved")
@receiver(post_delete, sender=Authorship, dispatch_uid="counts_authorship_deleted")
def authorship_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        name_counts.refresh({instance.agent_id, getattr(instance, "_counted_agent_id", None)})
        instance._counted_agent_id = instance.agent_id


@receiver(post_init, sender=Statement, dispatch_uid="counts_statement_loaded")
def statement_loaded(sender, instance, **kwargs):
    values = instance.__dict__
    instance._counted = (values.get("speaker_id"), values.get("review_status"), values.get("entry_id"))


@receiver(post_save, sender=Statement, dispatch_uid="counts_statement_saved")
@receiver(post_delete, sender=Statement, dispatch_uid="counts_statement_deleted")
def statement_changed(sender, instance, raw=False, created=False, signal=None, **kwargs):
    if raw:
        return
    now = (instance.speaker_id, instance.review_status, instance.entry_id)
    before = getattr(instance, "_counted", None)
    # Most saves of a statement (its text, its anchor, its group) change no count.
    if created or signal is post_delete or before != now:
        name_counts.refresh({instance.speaker_id, before[0] if before else None})
    instance._counted = now


@receiver(post_init, sender=Entry, dispatch_uid="counts_entry_loaded")
def entry_loaded(sender, instance, **kwargs):
    instance._counted_status = instance.__dict__.get("status")


@receiver(post_save, sender=Entry, dispatch_uid="counts_entry_saved")
def entry_saved(sender, instance, raw=False, created=False, **kwargs):
    # A new entry has no bylines or statements yet (they count when they are saved);
    # publishing or withdrawing one recounts everyone it names.
    if not raw and not created and getattr(instance, "_counted_status", None) != instance.status:
        names = set(Authorship.objects.filter(entry_id=instance.pk).values_list("agent_id", flat=True))
        names |= set(Statement.objects.filter(entry_id=instance.pk).exclude(speaker=None)
                     .values_list("speaker_id", flat=True).distinct())
        name_counts.refresh(names)
    instance._counted_status = instance.status


@receiver(post_save, sender=Agent, dispatch_uid="counts_agent_saved")
def agent_saved(sender, instance, raw=False, created=False, **kwargs):
    if not raw and not created:  # its letter follows its name (a new name counts nothing yet)
        name_counts.refresh({instance.pk})
