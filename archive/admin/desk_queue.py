"""The review desk's queue: which statements wait, in what order, and which one comes next.

The queue is described by its URL's parameters, so every position in it is a plain
link (bookmarkable, and usable without JavaScript):

- ``order``: ``confidence`` (least confident first, the default) or ``entry`` (entry
  by entry, each in reading order);
- ``status``: ``suggested`` (the default: what still needs a decision), ``confirmed``,
  ``rejected`` or ``all``;
- ``outlet``, ``entry``: a record's id; ``speaker_kind``: a name record's kind, or
  ``none`` for statements without a speaker;
- ``item``: the statement shown; without it, the queue's first.

Each order is served by an index (``statement_review_confidence``, ``statement_review_entry``),
so "the next one" is a few keyset look-ups, not a scan, however long the queue.
"""
from dataclasses import dataclass, field

from django.http import QueryDict

from archive.models import Agent, Entry, Outlet, Statement

ORDERS = {
    "confidence": ("Least confident first", ("confidence", "id")),
    "entry": ("Entry by entry", ("entry_id", "start", "id")),
}
STATUSES = [*Statement.Review.choices, ("all", "All")]
NO_SPEAKER = "none"


def _int(value):
    return int(value) if value and str(value).isdigit() and len(str(value)) < 19 else None


@dataclass
class Queue:
    order: str = "confidence"
    status: str = Statement.Review.SUGGESTED
    outlet: int | None = None
    entry: int | None = None
    speaker_kind: str = ""
    item: int | None = None
    errors: list = field(default_factory=list)

    @classmethod
    def from_params(cls, params):
        """The queue a request's parameters describe; a bad value is ignored with a note, never an error page."""
        queue = cls()
        errors = queue.errors
        order = params.get("order") or "confidence"
        if order in ORDERS:
            queue.order = order
        else:
            errors.append(f"Unknown order “{order}”: least confident first is shown.")
        status = params.get("status") or Statement.Review.SUGGESTED
        if status in dict(STATUSES):
            queue.status = status
        else:
            errors.append(f"Unknown status “{status}”: statements to review are shown.")
        for name in ("outlet", "entry", "item"):
            raw = params.get(name)
            if raw:
                value = _int(raw)
                if value is None:
                    errors.append(f"“{raw}” is not a valid {name}; it is ignored.")
                setattr(queue, name, value)
        kind = params.get("speaker_kind") or ""
        if kind in ("", NO_SPEAKER, *Agent.Kind.values):
            queue.speaker_kind = kind
        else:
            errors.append(f"Unknown speaker kind “{kind}”; it is ignored.")
        return queue

    # -- the statements ----------------------------------------------------------------
    def queryset(self):
        qs = Statement.objects.all()
        if self.status != "all":
            qs = qs.filter(review_status=self.status)
        if self.outlet:
            qs = qs.filter(entry__outlet_id=self.outlet)
        if self.entry:
            qs = qs.filter(entry_id=self.entry)
        if self.speaker_kind == NO_SPEAKER:
            qs = qs.filter(speaker__isnull=True)
        elif self.speaker_kind:
            qs = qs.filter(speaker__kind=self.speaker_kind)
        return qs

    @property
    def ordering(self):
        return ORDERS[self.order][1]

    def _steps(self, statement, reverse=False):
        """The statements after ``statement`` (before it when ``reverse``) as index ranges, nearest first.

        For the order (confidence, id): first the same confidence with a greater id, then
        any greater confidence. Each range is a plain prefix-equal, one-inequality look-up
        of the queue's index (``statement_review_confidence`` / ``statement_review_entry``),
        so the next statement is found directly even among thousands of equal confidences
        (a row-value or OR comparison makes SQLite walk every tie).
        """
        op = "lt" if reverse else "gt"
        values = [getattr(statement, name) for name in self.ordering]
        for k in range(len(self.ordering) - 1, -1, -1):
            condition = {name: value for name, value in zip(self.ordering[:k], values[:k])}
            condition[f"{self.ordering[k]}__{op}"] = values[k]
            yield self.queryset().filter(**condition)

    def _seek(self, statement, count, reverse=False):
        order = [f"-{name}" for name in self.ordering] if reverse else list(self.ordering)
        found = []
        for step in self._steps(statement, reverse):
            found += list(step.order_by(*order).select_related("entry", "speaker")[:count - len(found)])
            if len(found) >= count:
                break
        return found

    def following(self, statement, count=1):
        """The next ``count`` statements after ``statement`` (which need not be in the queue any more)."""
        return self._seek(statement, count)

    def previous(self, statement):
        found = self._seek(statement, 1, reverse=True)
        return found[0] if found else None

    def first(self):
        return self.queryset().order_by(*self.ordering).first()

    def position(self, statement):
        """1-based place of ``statement`` in the queue."""
        return sum(step.order_by().count() for step in self._steps(statement, reverse=True)) + 1

    # -- links -------------------------------------------------------------------------
    def params(self, **changes):
        """This queue's URL parameters, with ``changes`` (a value of None drops the parameter)."""
        values = {"order": self.order if self.order != "confidence" else None,
                  "status": self.status if self.status != Statement.Review.SUGGESTED else None,
                  "outlet": self.outlet, "entry": self.entry, "speaker_kind": self.speaker_kind or None,
                  "item": self.item}
        values.update(changes)
        query = QueryDict(mutable=True)
        for name, value in values.items():
            if value not in (None, ""):
                query[name] = str(value)
        return query.urlencode()

    def filters_shown(self):
        """The outlet and entry chosen, as records (for labels); two small queries at most."""
        outlet = Outlet.objects.filter(pk=self.outlet).first() if self.outlet else None
        entry = Entry.objects.filter(pk=self.entry).only("pk", "title").first() if self.entry else None
        return outlet, entry
