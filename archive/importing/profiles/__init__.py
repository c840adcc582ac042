"""Outlet profiles and their registry.

Supporting a new outlet is one module here with a ``PROFILE`` (a :class:`base.Profile`)
plus one line in ``PROFILES``. The generic profile is the fallback and is tried last.
"""
from . import brookings, chinadaily, csis, eastasiaforum, generic, lowy, rsis, scmp, straitstimes, thediplomat

PROFILES = [rsis.PROFILE, chinadaily.PROFILE, eastasiaforum.PROFILE, lowy.PROFILE, straitstimes.PROFILE,
            csis.PROFILE, brookings.PROFILE, thediplomat.PROFILE, scmp.PROFILE]
FALLBACK = generic.PROFILE


def detect_profile(text, url=""):
    """The first registered profile that recognises ``text``, else the generic fallback."""
    for profile in PROFILES:
        if profile.detect(text, url):
            return profile
    return FALLBACK


def get_profile(name):
    for profile in [*PROFILES, FALLBACK]:
        if profile.name == name:
            return profile
    raise KeyError(name)
