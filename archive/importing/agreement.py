"""Agreement between two annotation passes over the same page beginnings.

Two annotators read the same pages independently; before their passes are adjudicated into
``gold.jsonl`` the lead needs to know how far they agree and where they differ. For each field
(the page's kind; its title, authors, date with its precision, outlet) this counts the pages on
which the passes agree, and gives Cohen's kappa for the kind and for the decision every field
starts with: does the text state a value, or none? Two values are compatible when they are the
same after the corpus's normalisation or when one pass lists the other's value among its
``_also`` readings (a defensible alternative is not a disagreement). Pure Python, no Django.
"""
from collections import Counter

from archive.importing.corpus import norm_name, norm_outlet, norm_title

FIELDS = ("kind", "title", "authors", "date", "outlet")


def kappa(pairs):
    """Cohen's kappa over ``(a, b)`` label pairs; None when it is undefined (no pairs, or both
    passes gave one and the same label throughout, so chance agreement is total)."""
    pairs = list(pairs)
    if not pairs:
        return None
    n = len(pairs)
    observed = sum(a == b for a, b in pairs) / n
    ca, cb = Counter(a for a, _ in pairs), Counter(b for _, b in pairs)
    expected = sum(ca[k] * cb[k] for k in set(ca) | set(cb)) / (n * n)
    if expected == 1:
        return None
    return (observed - expected) / (1 - expected)


def _titles(record):
    main = norm_title(record["title"]) if record.get("title") else None
    return main, {norm_title(t) for t in record.get("title_also", []) if t}


def _outlets(record):
    main = norm_outlet(record["outlet"]) if record.get("outlet") else None
    return main, {norm_outlet(o) for o in record.get("outlet_also", []) if o}


def _dates(record):
    main = (str(record["date"]), record.get("date_precision")) if record.get("date") else None
    return main, {(str(d.get("date")), d.get("date_precision")) for d in record.get("date_also", []) if d.get("date")}


def _single_compatible(a, b):
    (va, also_a), (vb, also_b) = a, b
    return va == vb or (va is not None and va in also_b) or (vb is not None and vb in also_a)


def _authors_compatible(ra, rb):
    """Each pass's authors are the other's authors or among its ``authors_also``."""
    a = {norm_name(n) for n in ra.get("authors", []) if n}
    b = {norm_name(n) for n in rb.get("authors", []) if n}
    also_a = {norm_name(n) for n in ra.get("authors_also", []) if n}
    also_b = {norm_name(n) for n in rb.get("authors_also", []) if n}
    return a <= b | also_b and b <= a | also_a


def _value(record, field):
    """The value one pass states for a field, as shown in a disagreement."""
    if field == "authors":
        return list(record.get("authors", []))
    if field == "date":
        return f"{record['date']} ({record.get('date_precision')})" if record.get("date") else None
    return record.get(field)


def _stated_form(record, field):
    """The value a pass states, normalised as the scorer compares it (its ``_also`` readings aside)."""
    if field == "authors":
        return sorted(norm_name(n) for n in record.get("authors", []) if n)
    return {"title": _titles, "date": _dates, "outlet": _outlets}[field](record)[0]


def _states(record, field):
    return bool(record.get("authors")) if field == "authors" else bool(record.get(field))


def agreement(a_records, b_records):
    """Per-field agreement of two passes over the pages both annotated, with the disagreements."""
    a_by = {r["id"]: r for r in a_records}
    b_by = {r["id"]: r for r in b_records}
    ids = sorted(set(a_by) & set(b_by))
    fields = {}
    disagreements, softer = [], []
    for field in FIELDS:
        agree = both_stated = both_stated_agree = 0
        state_pairs = []
        for pid in ids:
            ra, rb = a_by[pid], b_by[pid]
            if field == "kind":
                same = ra.get("kind") == rb.get("kind")
                state_pairs.append((ra.get("kind"), rb.get("kind")))
            else:
                sa, sb = _states(ra, field), _states(rb, field)
                state_pairs.append((sa, sb))
                if field == "authors":
                    same = _authors_compatible(ra, rb)
                else:
                    read = {"title": _titles, "date": _dates, "outlet": _outlets}[field]
                    same = _single_compatible(read(ra), read(rb))
                if sa and sb:
                    both_stated += 1
                    both_stated_agree += same
            agree += same
            if not same:
                disagreements.append({"id": pid, "field": field, "a": _value(ra, field), "b": _value(rb, field)})
            elif field != "kind" and _stated_form(ra, field) != _stated_form(rb, field):
                # compatible only through an _also reading: not a disagreement, but the gold keeps one
                # pass's stated value, so the adjudicator must see it
                softer.append({"id": pid, "field": field, "a": _value(ra, field), "b": _value(rb, field)})
        stats = {"pages": len(ids), "agree": agree, "agreement": agree / len(ids) if ids else None,
                 "kappa": kappa(state_pairs)}
        if field != "kind":
            stats.update({"stated_a": sum(a for a, _ in state_pairs), "stated_b": sum(b for _, b in state_pairs),
                          "both_stated": both_stated, "both_stated_agree": both_stated_agree})
        fields[field] = stats
    return {"pages": len(ids), "only_a": sorted(set(a_by) - set(b_by)), "only_b": sorted(set(b_by) - set(a_by)),
            "fields": fields, "disagreements": disagreements, "compatible_differences": softer}


def _fmt(value):
    return "—" if value is None else f"{value:.3f}"


def format_agreement(result):
    """The report ``corpus agree`` prints: one line per field, then every disagreement."""
    lines = [f"{result['pages']} pages annotated in both passes"]
    if result["only_a"] or result["only_b"]:
        lines.append(f"  only in A: {len(result['only_a'])} {result['only_a'][:10]}; "
                     f"only in B: {len(result['only_b'])} {result['only_b'][:10]}")
    lines.append(f"{'field':<8} {'agree':>7} {'rate':>6}  {'kappa':>6}  stated A/B, both, both agree")
    for field, s in result["fields"].items():
        extra = ("(kappa over the four kinds)" if field == "kind" else
                 f"{s['stated_a']}/{s['stated_b']}, {s['both_stated']}, {s['both_stated_agree']} "
                 "(kappa: states a value or none)")
        lines.append(f"{field:<8} {s['agree']:>3}/{s['pages']:<3} {_fmt(s['agreement']):>6}  {_fmt(s['kappa']):>6}  {extra}")
    lines.append(f"{len(result['disagreements'])} disagreements")
    for d in result["disagreements"]:
        lines.append(f"  {d['id']} {d['field']}: A {d['a']!r} | B {d['b']!r}")
    softer = result.get("compatible_differences", [])
    lines.append(f"{len(softer)} stated values that differ but are compatible through an _also reading "
                 "(agreement above; the adjudicator still chooses the stated one)")
    for d in softer:
        lines.append(f"  {d['id']} {d['field']}: A {d['a']!r} | B {d['b']!r}")
    return "\n".join(lines)
