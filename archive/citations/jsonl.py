"""JSON Lines dump of the published archive for researchers: one entry per line. Pure Python.

Each line holds the entry's CSL-JSON item (the same mapping every citation uses), its
text and structure, and its quoted statements with their speakers' name records.
"""
import json


def export(entry_dicts):
    for data in entry_dicts:
        yield json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"
