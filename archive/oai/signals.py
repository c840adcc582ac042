"""Keep OAI-PMH harvesters up to date.

- Deleting an entry leaves a tombstone, so harvesters learn of the deletion (the
  repository declares deletedRecord "persistent").
- An entry's datestamp is its ``updated_at``, but its oai_dc record also shows names
  kept elsewhere: its authors' (dc:creator), its outlet's (dc:publisher, set names), its
  series' (dc:source) and its tags' (dc:subject). When one of those changes (a name
  record renamed, two records merged, an author added to or taken off a byline, an
  outlet, series or tag renamed, a tag added or removed) the affected entries'
  ``updated_at`` moves to now, in one UPDATE, so a harvest ``from=`` the last one
  fetches their new records.
"""
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete, pre_save
from django.dispatch import receiver
from django.utils import timezone
from taggit.models import Tag, TaggedItem

from archive.models import Agent, Authorship, Entry, EntryTombstone, Outlet, Series


@receiver(pre_delete, sender=Entry, dispatch_uid="oai_entry_tombstone")
def leave_tombstone(sender, instance, **kwargs):
    """Before the rows go: remember id, slug and sets of an entry harvesters may have seen."""
    if instance.status != "published" and not instance.published_at:
        return  # never public: harvesters never saw it
    specs = []
    if instance.outlet_id:
        specs.append(f"outlet:{instance.outlet.slug}")
    specs += sorted(f"tag:{slug}" for slug in instance.tags.values_list("slug", flat=True))
    EntryTombstone.objects.update_or_create(
        entry_id=instance.pk, defaults={"slug": instance.slug, "set_specs": specs, "deleted_at": timezone.now()}
    )


def touch_entries(entries):
    """Move the datestamp of ``entries`` (a queryset) to now, in one UPDATE."""
    Entry.objects.filter(pk__in=entries.values("pk")).update(updated_at=timezone.now())


# The fields of each model that an entry's oai_dc record (or its set memberships) shows,
# and the entries that show them.
_SHOWN = {
    Agent: (("name", "kind", "family_name", "given_name"), lambda agent: Entry.objects.filter(authorships__agent=agent)),
    Outlet: (("name", "short_name", "slug"), lambda outlet: Entry.objects.filter(outlet=outlet)),
    Series: (("name",), lambda series: Entry.objects.filter(series=series)),
    Tag: (("name", "slug"), lambda tag: Entry.objects.filter(tags=tag)),
}


def _before_save(sender, instance, **kwargs):
    fields, _ = _SHOWN[sender]
    instance._oai_shown = (
        sender.objects.filter(pk=instance.pk).values(*fields).first() if instance.pk else None
    )


def _after_save(sender, instance, created, **kwargs):
    fields, shown_by = _SHOWN[sender]
    before = getattr(instance, "_oai_shown", None)
    if created or before is None:
        return
    if any(before[field] != getattr(instance, field) for field in fields):
        touch_entries(shown_by(instance))


for _model in _SHOWN:
    pre_save.connect(_before_save, sender=_model, dispatch_uid=f"oai_shown_before_{_model.__name__}")
    post_save.connect(_after_save, sender=_model, dispatch_uid=f"oai_shown_after_{_model.__name__}")


@receiver(post_save, sender=Authorship, dispatch_uid="oai_byline_saved")
@receiver(post_delete, sender=Authorship, dispatch_uid="oai_byline_deleted")
def byline_changed(sender, instance, **kwargs):
    """An author added, moved, replaced (a merge moves bylines to the kept record) or removed."""
    touch_entries(Entry.objects.filter(pk=instance.entry_id))


@receiver(m2m_changed, sender=TaggedItem, dispatch_uid="oai_tags_changed")
def tags_changed(sender, instance, action, **kwargs):
    """A tag added to or removed from an entry (taggit sends m2m_changed for its through model)."""
    if action in ("post_add", "post_remove", "post_clear") and isinstance(instance, Entry) and instance.pk:
        touch_entries(Entry.objects.filter(pk=instance.pk))
