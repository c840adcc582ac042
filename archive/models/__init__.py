"""The archive's records: outlets, name authority, entries, statements.

One module per concept; import them from here.
"""
from .outlets import Outlet, Series
from .names import Agent, Alias, MergeCandidate
from .entries import Entry, Authorship, EntryTombstone, DatePrecision, EntryStatus, Genre
from .statements import Statement, StatementGroup, QuotedTerm

__all__ = [
    "Outlet", "Series", "Agent", "Alias", "MergeCandidate", "Entry", "Authorship",
    "EntryTombstone", "DatePrecision", "EntryStatus", "Genre", "Statement",
    "StatementGroup", "QuotedTerm",
]
from .review import StatementReview  # noqa: E402,F401  (the editors review queue)
from .jobs import ImportJob, ImportUpload  # noqa: E402,F401  (background imports)
from .counts import NameCount  # noqa: E402,F401  (public counts per name record, for the people index)
