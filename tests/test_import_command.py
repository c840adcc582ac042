"""``manage.py import_commentaries``: summary, exit status, dry run, progress, bad paths."""
import shutil
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from archive.models import Entry

from .importing_helpers import DATA, SEEDS

pytestmark = pytest.mark.django_db


def run(*args):
    out, err = StringIO(), StringIO()
    call_command("import_commentaries", *map(str, args), stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


@pytest.fixture
def seeds(tmp_path):
    folder = tmp_path / "seeds"
    shutil.copytree(SEEDS, folder)
    return folder


def test_imports_the_seed_folder_and_prints_the_summary(seeds):
    out, _ = run(seeds)
    assert "2 files: 2 created, 0 updated, 0 unchanged, 0 failed" in out
    assert "000_7961fa5e3beb4d30.txt: created — “DeepSeek: A Seed for Technological Equity" in out
    assert "002_db2dae268063bbd5.txt: created; needs review: title, authors, date" in out
    assert Entry.objects.count() == 2
    out, _ = run(seeds)
    assert "0 created, 0 updated, 2 unchanged, 0 failed" in out
    assert Entry.objects.count() == 2


def test_failures_are_listed_with_reasons_and_the_exit_status_is_nonzero(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "good.txt").write_bytes((DATA / "unknown_outlet_plain.txt").read_bytes())
    out = StringIO()
    with pytest.raises(CommandError, match="1 file failed to import"):
        call_command("import_commentaries", str(tmp_path), stdout=out, stderr=StringIO())
    assert "1 created, 0 updated, 0 unchanged, 1 failed" in out.getvalue()
    assert "empty.txt: failed: the file is empty" in out.getvalue()
    assert Entry.objects.count() == 1


def test_nonexistent_path_is_a_clear_error(tmp_path):
    with pytest.raises(CommandError, match="No such file or folder: .*nowhere"):
        run(tmp_path / "nowhere")
    assert Entry.objects.count() == 0


def test_dry_run_saves_nothing(seeds):
    out, _ = run("--dry-run", seeds)
    assert "2 created" in out and "dry run: nothing was saved" in out
    assert Entry.objects.count() == 0


def test_max_bytes_option(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes((DATA / "unknown_outlet_plain.txt").read_bytes())
    with pytest.raises(CommandError):
        call_command("import_commentaries", str(path), "--max-bytes", "100", stdout=(out := StringIO()),
                     stderr=StringIO())
    assert "over the import limit of 100 bytes" in out.getvalue()
    with pytest.raises(CommandError, match="positive"):
        run(path, "--max-bytes", "0")


def test_explicit_manifest(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes((DATA / "unknown_outlet_body_only.txt").read_bytes())
    manifest = tmp_path / "elsewhere.toml"
    manifest.write_text('[files."a.txt"]\ntitle = "Street Trees"\nauthors = ["Ann Lee"]\ndate = 2024-07-01\n'
                        'outlet = { name = "Green Weekly", kind = "magazine" }\n')
    run(path, "--manifest", manifest)
    entry = Entry.objects.get()
    assert (entry.title, entry.outlet.name, entry.status) == ("Street Trees", "Green Weekly", "published")


def test_broken_manifest_is_a_clear_error(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes((DATA / "unknown_outlet_body_only.txt").read_bytes())
    manifest = tmp_path / "m.toml"
    manifest.write_text('[files."a.txt"]\ntitel = "typo"\n')
    with pytest.raises(CommandError, match="unknown key"):
        run(path, "--manifest", manifest)


def test_progress_bar_on_many_files(tmp_path):
    for i in range(6):
        (tmp_path / f"{i}.txt").write_text(f"Paragraph {i} is written with enough words to be running text here.\n")
    out, err = run(tmp_path)
    assert "6 created" in out
    assert "6/6" in err and "[" in err
