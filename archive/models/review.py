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
