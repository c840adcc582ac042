"""Paths of the public records without a ``reverse()`` per link.

An entry page links its authors, each speaker after every statement, the speakers'
list and four citation files per statement: about 60 ``reverse()`` calls, each walking
the URL resolver, for links that differ only in a slug or an id. Here each kind of link
is resolved once per URL configuration and script prefix, with a placeholder, and the
others are that path with the slug or id put in. A slug or id the pattern would refuse
goes through ``reverse()`` itself, so it fails exactly as before.
"""
import re

from django.urls import get_script_prefix, get_urlconf, reverse

#: What Django's ``slug`` path converter accepts; only such slugs are put in directly.
_SLUG = re.compile(r"[-a-zA-Z0-9_]+\Z")
_SLUG_PLACEHOLDER = "slug-placeholder-7f3a"
_PK_PLACEHOLDER = 918273645

_resolved = {}


def _parts(viewname, argument, placeholder, kwargs):
    """(before, after) the placeholder in the path of ``viewname``, resolved once."""
    key = (viewname, argument, tuple(sorted(kwargs.items())), get_urlconf(), get_script_prefix())
    found = _resolved.get(key)
    if found is None:
        path = reverse(viewname, kwargs={**kwargs, argument: placeholder})
        before, _, after = path.partition(str(placeholder))
        found = _resolved[key] = (before, after)
    return found


def slug_path(viewname, slug, argument="slug", **kwargs):
    """``reverse(viewname, kwargs={argument: slug, **kwargs})`` for a ``<slug:...>`` pattern."""
    if not isinstance(slug, str) or not _SLUG.match(slug):
        return reverse(viewname, kwargs={**kwargs, argument: slug})
    before, after = _parts(viewname, argument, _SLUG_PLACEHOLDER, kwargs)
    return before + slug + after


def pk_path(viewname, pk, argument="pk", **kwargs):
    """``reverse(viewname, kwargs={argument: pk, **kwargs})`` for an ``<int:...>`` pattern."""
    if type(pk) is not int or pk < 0:
        return reverse(viewname, kwargs={**kwargs, argument: pk})
    before, after = _parts(viewname, argument, _PK_PLACEHOLDER, kwargs)
    return before + str(pk) + after
