"""CSL-JSON download: a JSON array of items, streamed one item at a time. Pure Python."""
import json

from .csl import public_item


def item_json(item):
    return json.dumps(public_item(item), ensure_ascii=False)


def export(items):
    """Stream a JSON array without holding the list: "[", items joined by ",", "]"."""
    yield "["
    first = True
    for item in items:
        yield ("\n" if first else ",\n") + item_json(item)
        first = False
    yield "\n]\n"
