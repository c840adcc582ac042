"""Deleting an entry leaves a tombstone, so OAI-PMH harvesters learn of the deletion
(the repository declares deletedRecord "persistent")."""
from django.db.models.signals import pre_delete
from django.dispatch import receiver
from django.utils import timezone

from archive.models import Entry, EntryTombstone


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
