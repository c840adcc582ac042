"""Caching of anonymous public responses, with invalidation by dependency tags.

- ``tags``: the version tokens responses depend on ("entry:12", "person:7", "lists"),
  and how a change bumps them.
- ``policy``: which views are cached and what each response depends on.
- ``middleware``: serves anonymous GETs from the cache, with ETag and 304s.
- ``signals``: which tags an edit, a publish, a review decision or an import bumps.
"""
