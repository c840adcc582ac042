"""Keep statements anchored when an entry's body changes (editor or re-import), and
let the review queue's saves count as statement saves.

``pre_save`` remembers the body as stored; ``post_save`` re-anchors the entry's
statements when it changed. Loaded from ``archive/signals.py``.
"""
from django.db.models.signals import post_delete, post_save, pre_delete, pre_save
from django.dispatch import receiver

from archive.models import Agent, Entry, Statement, StatementReview


@receiver(pre_save, sender=Entry, dispatch_uid="statements_remember_body")
def remember_body(sender, instance, raw=False, update_fields=None, **kwargs):
    instance._stored_body = None
    if raw or instance.pk is None or (update_fields is not None and "body" not in update_fields):
        return
    instance._stored_body = Entry.objects.filter(pk=instance.pk).values_list("body", flat=True).first()


@receiver(post_save, sender=Entry, dispatch_uid="statements_reanchor_on_body_change")
def reanchor_on_body_change(sender, instance, created=False, raw=False, **kwargs):
    old_body = getattr(instance, "_stored_body", None)
    instance._stored_body = None
    if raw or created or old_body is None or old_body == instance.body:
        return
    from archive.services.statements import reanchor_statements

    reanchor_statements(instance, old_body=old_body)


@receiver(pre_save, sender=Statement, dispatch_uid="statements_keep_anchor_on_save")
def keep_anchor(sender, instance, raw=False, **kwargs):
    """A statement always points at its words in the body, or is flagged ``needs_anchor``.

    Catches saves that change the words or the body behind the offsets' back (an editor
    editing the quote inline, a form saved with offsets loaded before the body changed).
    """
    if raw or instance.entry_id is None:
        return
    body = instance.entry.body or ""
    start, end = instance.start, instance.end
    if start is not None and end is not None and 0 <= start <= end <= len(body) \
            and body[start:end] == instance.quote:
        instance.needs_anchor = False
        return
    from archive.statement_text import reanchor

    # Without offsets (a statement added by its words alone) the first occurrence is taken.
    span = reanchor(instance.quote or "", start or 0, body)
    if span is None:
        instance.needs_anchor = True
        instance.start = min(start or 0, len(body))
        instance.end = min(max(end or 0, instance.start), len(body))
    else:
        instance.start, instance.end = span
        instance.quote = body[span[0]:span[1]]
        instance.needs_anchor = False


@receiver(post_save, sender=Agent, dispatch_uid="names_propose_near_matches")
def propose_near_matches(sender, instance, created=False, raw=False, **kwargs):
    """Every new name record (a speaker, an imported author, one an editor adds) is
    compared with existing ones; near matches become merge candidates, never merges."""
    if created and not raw:
        from archive.services.statements import propose_merges

        propose_merges(instance)


def _forward(signal):
    """Re-send a signal from the review queue's proxy as the Statement signal it stands for.

    Django sends model signals with the proxy as sender, so without this the statement
    history (django-simple-history) and every other Statement receiver would miss the
    review screen's saves and deletions.
    """
    def forward(sender, **kwargs):
        kwargs.pop("signal", None)
        signal.send(sender=Statement, **kwargs)

    signal.connect(forward, sender=StatementReview, weak=False,
                   dispatch_uid=f"statement_review_forward_{id(signal)}")


for _signal in (pre_save, post_save, pre_delete, post_delete):
    _forward(_signal)
