"""Benchmarks run by ``python manage.py bench`` (``make bench``).

Every module in this package that defines ``run(scale)`` is a benchmark: the command
prepares a database holding a generated corpus of ``scale`` entries (see
``generate_corpus``), makes it the default database, calls ``run(scale)`` and prints
the rows it returns, a list of ``(metric label, value as text)``. Adding a benchmark
is adding a module; nothing else needs to know about it.

Modules without ``run`` (such as ``corpus``, the text generator) are helpers.
"""
import importlib
import math
import pkgutil


def discover(only=None):
    """[(name, run)] for every benchmark module, in name order (``search`` first).

    ``only``: an iterable of module names to keep (all when None).
    """
    found = []
    for info in pkgutil.iter_modules(__path__):
        if only and info.name not in only:
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        run = getattr(module, "run", None)
        if callable(run):
            found.append((info.name, run))
    found.sort(key=lambda item: (item[0] != "search", item[0]))
    return found


def percentile(samples, p):
    """The p-th percentile (0-100) of ``samples`` by nearest rank; 0.0 when empty."""
    if not samples:
        return 0.0
    ordered = sorted(samples)
    rank = max(1, min(len(ordered), math.ceil(p / 100 * len(ordered))))
    return ordered[rank - 1]


def ms(seconds):
    """A duration in seconds as milliseconds text, e.g. "12.3 ms"."""
    return f"{seconds * 1000:.1f} ms"
