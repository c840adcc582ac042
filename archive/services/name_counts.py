"""Keep ``NameCount`` (each public name record's entries and statements) right.

Why a table kept by the writes rather than a cached aggregate: the people index counts
across the whole archive, and a cached count is recomputed by the first visitor after
every publish, edit or review decision (3.4 s on PostgreSQL, 15-18 s on SQLite at
100,000 entries), which on a working archive is most of the day. Here a change costs a
recount of the few name records it touches (a handful of queries over their own rows,
by index), and the index pages read rows.

- ``refresh(agent_ids)``: recount those now, inside the writer's transaction (called by
  ``archive/services/name_count_signals.py`` for every write that can change a count or
  a letter), so the counts commit or roll back with the change itself and the writer's
  own later reads see them.
- ``rebuild()``: recount everyone (after bulk writes that send no signals:
  ``generate_corpus``, a restore; also ``manage.py refresh_counts``).
"""
from django.db import transaction
from django.db.models import Count, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce

from archive.models import Agent, Authorship, EntryStatus, NameCount, Statement
from archive.views.params import filed_under

BATCH = 2000


def _letter(family_name, name):
    return filed_under(family_name or name)


def _written():
    rows = Authorship.objects.filter(entry__status=EntryStatus.PUBLISHED)
    return dict(rows.order_by().values_list("agent_id").annotate(n=Count("entry_id", distinct=True)))


def _said():
    rows = Statement.objects.filter(entry__status=EntryStatus.PUBLISHED, speaker__isnull=False).exclude(
        review_status=Statement.Review.REJECTED)
    return dict(rows.order_by().values_list("speaker_id").annotate(n=Count("id")))


def _rows(agents, written, said):
    return [
        NameCount(agent_id=pk, entries_written=written.get(pk, 0), statements_made=said.get(pk, 0),
                  letter=_letter(family_name, name))
        for pk, family_name, name in agents if written.get(pk) or said.get(pk)
    ]


def _counted(agent_ids):
    """(pk, family name, name, entries written, statements made) of these name records, in
    one query: the counts are subqueries over each record's own rows (by index)."""
    written = (Authorship.objects.filter(agent=OuterRef("pk"), entry__status=EntryStatus.PUBLISHED)
               .order_by().values("agent").annotate(n=Count("entry_id", distinct=True)).values("n"))
    said = (Statement.objects.filter(speaker=OuterRef("pk"), entry__status=EntryStatus.PUBLISHED)
            .exclude(review_status=Statement.Review.REJECTED)
            .order_by().values("speaker").annotate(n=Count("id")).values("n"))
    return Agent.objects.filter(pk__in=agent_ids).order_by().annotate(
        written=Coalesce(Subquery(written, output_field=IntegerField()), Value(0)),
        said=Coalesce(Subquery(said, output_field=IntegerField()), Value(0)),
    ).values_list("pk", "family_name", "name", "written", "said")


def refresh(agent_ids):
    """Recount ``agent_ids`` now: a row for each one the public sees, none for the others.

    One query to count, then an upsert of the public ones and a delete of the others
    (each only when there are some): a review decision that leaves its speaker quoted
    costs two queries.
    """
    ids = sorted({pk for pk in agent_ids if pk})
    for start in range(0, len(ids), BATCH):
        rows, gone = [], []
        for pk, family_name, name, written, said in _counted(ids[start:start + BATCH]):
            if written or said:
                rows.append(NameCount(agent_id=pk, entries_written=written, statements_made=said,
                                      letter=_letter(family_name, name)))
            else:
                gone.append(pk)
        if gone:
            NameCount.objects.filter(agent_id__in=gone).delete()
        if rows:
            # An upsert: two writers recounting the same name at once both succeed.
            NameCount.objects.bulk_create(rows, update_conflicts=True, unique_fields=["agent"],
                                          update_fields=["entries_written", "statements_made", "letter"])


def rebuild():
    """Recount every name record (a few grouped queries over the whole archive)."""
    written, said = _written(), _said()
    with transaction.atomic():
        NameCount.objects.all().delete()
        agents = Agent.objects.order_by().values_list("pk", "family_name", "name").iterator(chunk_size=BATCH)
        NameCount.objects.bulk_create(_rows(agents, written, said), batch_size=BATCH)
