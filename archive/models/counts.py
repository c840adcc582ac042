"""Counts kept beside the records they count, so whole-archive index pages read them
instead of counting the archive on every request.

``NameCount``: one row per name record that the public can see (it wrote a published
entry or is quoted in one by a statement not rejected), with both numbers and the A–Z
letter it is filed under. Counting them afresh joined every authorship and statement
with its entry: 3.4 s on PostgreSQL and 15-18 s on SQLite at 100,000 entries, paid
again by the first visitor after every publish. ``archive.services.name_counts`` keeps
the rows right at each commit that changes them (signals) and rebuilds them after bulk
writes.
"""
from django.db import models

from .names import Agent


class NameCount(models.Model):
    agent = models.OneToOneField(Agent, on_delete=models.CASCADE, primary_key=True, related_name="public_count")
    entries_written = models.PositiveIntegerField(default=0)
    statements_made = models.PositiveIntegerField(default=0)
    #: The people index's letter ("A"-"Z", "#"), from the family name (or the name of a body).
    letter = models.CharField(max_length=1, db_index=True)

    def __str__(self):
        return f"{self.agent_id}: {self.entries_written} entries, {self.statements_made} statements"
