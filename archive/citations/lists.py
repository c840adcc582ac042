"""Formatted lists: a reference list in the style's own order, and a person's statements,
each cited once in its statement form. Pure Python (the records come from exports.py).

A style's reference list is alphabetical (APA, Chicago, MLA and Harvard all sort theirs;
``styles.sort_key``), whatever order the archive keeps. A person's statements are cited
each once, as the style cites a source known through another ("Tompros, as cited in Qi,
2025"; Chicago's full note), after the words and who said them; then the list of the
entries that quote them, each once, under the style's heading ("References", "Works
Cited", …).
"""
from itertools import groupby

from . import csl, styles
from .statement import cite_statement


def sort_entries(items, style_key):
    """CSL items in the style's reference-list order."""
    return sorted(items, key=lambda item: styles.sort_key(item, style_key))


def statement_list(records, style_key):
    """Text chunks citing a person's statements (``StatementRecord``s, each entry's together):
    one block per statement in the order of the entries in the reference list, then the list."""
    records = list(records)
    by_entry = {}
    for entry_id, group in groupby(records, key=lambda record: record.entry.id):
        by_entry.setdefault(entry_id, []).extend(group)
    items = {entry_id: csl.to_csl(group[0].entry) for entry_id, group in by_entry.items()}
    order = [item["id"] for item in sort_entries(items.values(), style_key)]
    entry_of = {item["id"]: entry_id for entry_id, item in items.items()}
    for key in order:
        for record in by_entry[entry_of[key]]:
            words = csl.statement_item(record)["note"]  # "Louis Tompros, quoted: “…”", or a paraphrase
            yield f"{words}\n{cite_statement(record, style_key).in_text}\n\n"
    if order:
        yield styles.STYLES[style_key].list_heading + "\n"
        for line in styles.bibliography([items[entry_of[key]] for key in order], style_key):
            yield line + "\n"
