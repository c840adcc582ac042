"""`make demo`'s database: generated commentaries, every one marked as generated, plus real seeds."""
import pytest
from django.contrib.auth.models import User
from django.core.management import call_command

from archive.models import Entry, Outlet, Statement

pytestmark = pytest.mark.django_db


def test_build_demo_marks_what_it_generates_and_runs_once(tmp_path, capsys):
    password_file = tmp_path / "demo-editor.txt"
    call_command("build_demo", entries=30, seeds_dir="seeds/", password_file=str(password_file))
    generated = Entry.objects.filter(importer_version="generate_corpus")
    assert generated.count() == 30
    assert all(title.startswith("[Generated] ") for title in generated.values_list("title", flat=True))
    assert all(s.startswith("Generated demo text, not a real commentary.") for s in
               generated.values_list("synopsis", flat=True))
    assert all(o.name.endswith(" (generated)") for o in Outlet.objects.filter(entries__in=generated).distinct())
    real = Entry.objects.exclude(importer_version="generate_corpus")
    assert real.exists() and not real.filter(title__startswith="[Generated]").exists()
    assert not real.filter(outlet__name__endswith="(generated)").exists()  # the real RSIS stays itself
    waiting = Statement.objects.filter(entry__in=generated, review_status="suggested")
    assert waiting.exclude(alternatives=[]).exists()
    assert len({round(c, 1) for c in waiting.values_list("confidence", flat=True)}) > 2
    username, password = password_file.read_text().split()
    editor = User.objects.get(username=username)
    assert editor.check_password(password) and editor.groups.filter(name="Editors").exists()
    call_command("build_demo", entries=30, seeds_dir="seeds/", password_file=str(password_file))
    assert Entry.objects.filter(importer_version="generate_corpus").count() == 30
    assert "already built" in capsys.readouterr().out
