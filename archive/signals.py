"""Signal handlers that keep derived data (search index, statement anchors) fresh.

Each concern registers its handlers here so that a newcomer finds them in one place.
"""
from archive.services import statement_signals  # noqa: F401,E402  (statement anchors)
from archive.search import signals as search_signals  # noqa: E402,F401  (search index freshness)
from archive.oai import signals as oai_signals  # noqa: E402,F401  (tombstones for OAI-PMH)
from archive.caching import signals as cache_signals  # noqa: E402,F401  (cached public pages)
from archive.services import name_count_signals  # noqa: E402,F401  (the people index's counts)
