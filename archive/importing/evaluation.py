"""Score the importer against the real page corpus: per field, right / wrong / invented / missed.

Each page is imported the way a user imports a dump (``parse_file`` on the text's bytes, no
manifest). For every field the reading is compared with what the text states (``corpus.GOLD``):

- **right**: the value the text states (or one of its stated alternatives);
- **wrong**: a value where the text states another one;
- **invented**: a value where the text states none;
- **missed**: nothing, where the text states a value;
- **acceptable**: where the text states no single value, a value the annotation lists as one
  defensible reading (a repost's original outlet, a blog date beside the source's date). It is
  neither right nor wrong, and counts among the values given.

precision = 1 - (wrong + invented) / values given; recall = right / values stated.
A page the importer refuses gives no value at all.
"""
import datetime
from dataclasses import dataclass, field

from . import corpus
from .errors import RejectedFile
from .outlets import known_outlet
from .pipeline import parse_file

OUTCOMES = ("right", "wrong", "invented", "missed", "acceptable")


@dataclass
class FieldScore:
    name: str
    stated: int = 0
    counts: dict = field(default_factory=lambda: {o: 0 for o in OUTCOMES})
    errors: list = field(default_factory=list)  # (page id, outcome, read, stated)

    @property
    def given(self):
        return sum(self.counts[o] for o in ("right", "wrong", "invented", "acceptable"))

    @property
    def precision(self):
        return 1.0 - (self.counts["wrong"] + self.counts["invented"]) / self.given if self.given else 1.0

    @property
    def recall(self):
        return self.counts["right"] / self.stated if self.stated else 1.0

    def add(self, pid, outcome, read, stated):
        if outcome is None:
            return
        self.counts[outcome] += 1
        if outcome in ("wrong", "invented", "missed"):
            self.errors.append((pid, outcome, read, stated))

    def as_dict(self):
        return {"stated": self.stated, **self.counts, "given": self.given,
                "precision": round(self.precision, 4), "recall": round(self.recall, 4)}


@dataclass
class Score:
    label: str
    pages: int = 0
    refused: int = 0
    fields: dict = field(default_factory=lambda: {f: FieldScore(f) for f in corpus.FIELDS})

    def as_dict(self):
        return {"label": self.label, "pages": self.pages, "refused": self.refused,
                "fields": {name: f.as_dict() for name, f in self.fields.items()}}


def read_page(page):
    """What the importer reads from one page: a dict of the four fields (empty when refused)."""
    try:
        doc = parse_file(f"{page['id']}.txt", page["text"].encode("utf-8"))
    except RejectedFile:
        return None
    date = None
    if doc.date is not None:
        date = (doc.date, doc.date_precision)
    return {"title": doc.title or None, "authors": list(doc.authors), "date": date,
            "outlet": doc.outlet.name if doc.outlet else None}


def _outcome(read, stated, also, same):
    """right / wrong / invented / missed / acceptable / None (nothing stated, nothing read)."""
    if stated is not None:
        if read is None:
            return "missed"
        return "right" if same(read, stated) or any(same(read, a) for a in also) else "wrong"
    if read is None:
        return None
    return "acceptable" if any(same(read, a) for a in also) else "invented"


def _same_title(a, b):
    return corpus.norm_title(a) == corpus.norm_title(b)


def _same_outlet(a, b):
    """The same name, or two spellings of one known outlet ("Business World" and "BusinessWorld")."""
    canonical = known_outlet(a)
    return corpus.norm_outlet(a) == corpus.norm_outlet(b) or bool(canonical and canonical == known_outlet(b))


def _same_date(read, stated):
    return read == stated


def _gold_date(value, precision):
    return (corpus.parse_gold_date(value, precision), precision)


def _same_authors(read, stated):
    return {corpus.norm_name(n) for n in read} == {corpus.norm_name(n) for n in stated}


def score_page(score, page, gold, reading):
    pid = page["id"]
    reading = reading or {"title": None, "authors": [], "date": None, "outlet": None}
    fields = score.fields
    # Title
    fields["title"].stated += bool(gold.get("title"))
    fields["title"].add(pid, _outcome(reading["title"], gold.get("title"), gold.get("title_also", []), _same_title),
                        reading["title"], gold.get("title"))
    # Outlet
    fields["outlet"].stated += bool(gold.get("outlet"))
    fields["outlet"].add(pid, _outcome(reading["outlet"], gold.get("outlet"), gold.get("outlet_also", []),
                                       _same_outlet), reading["outlet"], gold.get("outlet"))
    # Date
    stated_date = _gold_date(gold["date"], gold["date_precision"]) if gold.get("date") else None
    also_dates = [_gold_date(d["date"], d["date_precision"]) for d in gold.get("date_also", [])]
    read_date = reading["date"]
    fields["date"].stated += stated_date is not None
    fields["date"].add(pid, _outcome(read_date, stated_date, also_dates, _same_date),
                       _show_date(read_date), _show_date(stated_date))
    # Authors: one value per page, the whole list.
    stated_authors = gold.get("authors") or None
    read_authors = reading["authors"] or None
    allowed = {corpus.norm_name(n) for n in [*gold.get("authors", []), *gold.get("authors_also", [])]}
    fields["authors"].stated += stated_authors is not None
    if stated_authors is not None:
        if read_authors is None:
            outcome = "missed"
        else:
            read_set = {corpus.norm_name(n) for n in read_authors}
            covers = {corpus.norm_name(n) for n in stated_authors} <= read_set
            outcome = "right" if covers and read_set <= allowed else "wrong"
    elif read_authors is None:
        outcome = None
    else:
        outcome = "acceptable" if {corpus.norm_name(n) for n in read_authors} <= allowed else "invented"
    fields["authors"].add(pid, outcome, read_authors, stated_authors)


def _show_date(value):
    if value is None:
        return None
    date, precision = value
    if isinstance(date, datetime.date):
        shown = {"day": date.isoformat(), "month": date.isoformat()[:7], "year": str(date.year)}.get(precision)
        return f"{shown} ({precision})"
    return str(value)


def evaluate(pairs, label="corpus"):
    """Score ``[(page, gold)]`` pairs; pages without an annotation are an error."""
    score = Score(label)
    for page, gold in pairs:
        if gold is None:
            raise corpus.CorpusError(f"{page['id']}: no annotation")
        reading = read_page(page)
        score.pages += 1
        score.refused += reading is None
        score_page(score, page, gold, reading)
    return score


def format_score(score, *, show_errors=False):
    lines = [f"{score.label}: {score.pages} pages ({score.refused} refused as no commentary)",
             f"{'field':8} {'stated':>6} {'right':>6} {'wrong':>6} {'invented':>8} {'missed':>6} "
             f"{'accept.':>7} {'precision':>9} {'recall':>7}"]
    for name, f in score.fields.items():
        c = f.counts
        lines.append(f"{name:8} {f.stated:>6} {c['right']:>6} {c['wrong']:>6} {c['invented']:>8} {c['missed']:>6} "
                     f"{c['acceptable']:>7} {f.precision:>9.3f} {f.recall:>7.3f}")
    if show_errors:
        for name, f in score.fields.items():
            for pid, outcome, read, stated in f.errors:
                lines.append(f"  {name} {outcome}: {pid}: read {read!r}, text states {stated!r}")
    return "\n".join(lines)
