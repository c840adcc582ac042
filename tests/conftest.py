"""Shared test fixtures."""
import pytest


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache: cached pages of an earlier test's archive
    (rolled back with its transaction) must not answer this one's requests."""
    from django.core.cache import cache

    cache.clear()
    yield
