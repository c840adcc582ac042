from .statements import Statement


class StatementReview(Statement):
    """The editors' review queue: statements seen with their context, for confirming or rejecting.

    A proxy (no table of its own), so the review screen has its own admin page and
    permissions next to the plain statement records.
    """

    class Meta:
        proxy = True
        verbose_name = "statement to review"
        verbose_name_plural = "statement review"


# django-simple-history records Statement's history; let its admin views find that
# history from the proxy too (it looks the manager's name up on the model's options).
StatementReview._meta.simple_history_manager_attribute = Statement._meta.simple_history_manager_attribute
