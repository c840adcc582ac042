"""History pages that also list the changes of an object's parts.

django-simple-history keeps each model's history in its own table, so a byline change
(Authorship rows) leaves no trace in the entry's own history, nor an alias change in
its name record's. These admins show those related changes under the object's history,
with when, what and who, so "who changed the byline?" has an answer on the entry's page.
"""
from dataclasses import dataclass

from simple_history.admin import SimpleHistoryAdmin

ACTIONS = {"+": "added", "~": "changed", "-": "removed"}


@dataclass(frozen=True)
class RelatedHistory:
    """The history of ``model`` rows pointing to the object by ``field``, showing ``shown``."""

    heading: str
    model: type
    field: str
    shown: tuple
    note: str = ""
    limit: int = 200


class RelatedHistoryAdmin(SimpleHistoryAdmin):
    object_history_template = "admin/archive/object_history.html"
    related_histories = ()

    def history_view(self, request, object_id, extra_context=None):
        sections = [
            {"heading": related.heading, "note": related.note, "rows": related_rows(related, object_id)}
            for related in self.related_histories
        ]
        return super().history_view(request, object_id, {"related_histories": sections, **(extra_context or {})})


def related_rows(related, object_id):
    """One row per recorded change, newest first: when, who, action, the row, what changed."""
    records = list(
        related.model.history.filter(**{f"{related.field}_id": object_id})
        .select_related("history_user").order_by("id", "history_date", "history_id")
    )
    names = _names_of_related_records(related, records)
    rows, previous = [], {}
    for record in records:
        shown = {name: _display(record, name, names) for name in related.shown}
        before = previous.get(record.id)
        changes = [] if before is None or record.history_type != "~" else [
            (_label(related, name), before[name], shown[name]) for name in related.shown if before[name] != shown[name]
        ]
        previous[record.id] = shown
        if record.history_type == "~" and not changes:
            continue  # saved without a visible change
        rows.append({
            "date": record.history_date, "user": record.history_user, "action": ACTIONS[record.history_type],
            "record": _describe(related, shown), "changes": changes,
        })
    rows.sort(key=lambda row: row["date"], reverse=True)
    return rows[: related.limit]


def _names_of_related_records(related, records):
    """{(field name, pk): name} for the foreign keys shown, including records since deleted
    (a name record merged away), named from their own history when they have one."""
    names = {}
    for name in related.shown:
        field = related.model._meta.get_field(name)
        if not field.is_relation:
            continue
        target = field.related_model
        ids = {getattr(record, field.attname) for record in records} - {None}
        found = {pk: str(obj) for pk, obj in target.objects.in_bulk(ids).items()}
        missing = ids - set(found)
        if missing and hasattr(target, "history"):
            for old in target.history.filter(id__in=missing).order_by("id", "-history_date"):
                found.setdefault(old.id, f"{old.instance} (record since merged or deleted)")
        names.update({(name, pk): found.get(pk, f"#{pk} (deleted)") for pk in ids})
    return names


def _display(record, name, names):
    field = record._meta.get_field(name)
    if field.is_relation:
        value = getattr(record, field.attname)
        return names.get((name, value), "—") if value is not None else "—"
    value = getattr(record, name)
    return dict(field.flatchoices).get(value, value) if field.choices else value


def _label(related, name):
    return related.model._meta.get_field(name).verbose_name


def _describe(related, shown):
    """"Qi Dapeng (role: Author, position: 0)": the first field plain, the others named."""
    first, *others = related.shown
    details = ", ".join(f"{_label(related, name)}: {shown[name]}" for name in others)
    return f"{shown[first]} ({details})" if details else str(shown[first])
