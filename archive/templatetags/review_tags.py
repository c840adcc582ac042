"""The admin index's "To review" box: what waits for an editor, with links into the desk."""
from django import template

from archive.models import Entry, Statement

register = template.Library()

LOW_CONFIDENCE = 0.5


@register.simple_tag(takes_context=True)
def review_summary(context):
    """Counts for the signed-in user's admin index (three COUNT queries), or None for those who may not see them."""
    user = context["request"].user
    summary = {}
    if user.has_perm("archive.view_statementreview"):
        waiting = Statement.objects.filter(review_status=Statement.Review.SUGGESTED)
        summary["statements"] = waiting.count()
        summary["low"] = waiting.filter(confidence__lt=LOW_CONFIDENCE).count() if summary["statements"] else 0
    if user.has_perm("archive.view_entry"):
        summary["entries"] = Entry.objects.exclude(needs_review=[]).count()
    return summary or None
