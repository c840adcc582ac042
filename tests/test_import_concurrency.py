"""D5: the same files imported by two processes at once give one entry each and two honest summaries."""
import subprocess

import pytest

from .importing_helpers import SEEDS
from .processes import PYTHON, ROOT, new_database, shell


@pytest.fixture
def database(tmp_path, db):
    env, drop = new_database(tmp_path, "d5")
    yield env
    drop()


def _start_import(env):
    return subprocess.Popen([PYTHON, str(ROOT / "manage.py"), "import_commentaries", str(SEEDS)], env=env, cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_two_concurrent_imports_of_the_same_files(database):
    runs = [_start_import(database) for _ in range(3)]
    outputs = [(run.wait(timeout=300), *run.communicate()) for run in runs]
    for code, out, err in outputs:
        assert code == 0, f"an import failed although nothing was wrong:\n{out}\n{err}"
        assert "IntegrityError" not in out + err and "database is locked" not in out + err
        assert "2 files:" in out and "0 failed" in out, out
    # Exactly one run created each file's entry; the others found it unchanged.
    created = sum(out.count(": created") for _, out, _ in outputs)
    unchanged = sum(out.count(": unchanged") for _, out, _ in outputs)
    assert (created, unchanged) == (2, 4), [out for _, out, _ in outputs]
    assert shell(database, "from archive.models import Entry; print(Entry.objects.count())") == "2"
