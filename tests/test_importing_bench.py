"""The import benchmark module: real files through the importer, and nothing left behind."""
import pytest

from archive.bench import importing
from archive.importing import parse_file
from archive.models import Agent, Entry, Statement


def test_generated_files_read_as_commentaries(tmp_path):
    importing.write_files(tmp_path, 3)
    files = sorted(tmp_path.glob("*.txt"))
    assert len(files) == 3
    doc = parse_file(files[0].name, files[0].read_bytes())
    body, _blocks = doc.body()
    assert doc.title and doc.authors and doc.date
    assert len(body.split()) >= 600


@pytest.mark.django_db(transaction=True)
def test_benchmark_imports_with_statements_and_rolls_back():
    figures = importing.measure(count=4)
    assert figures["created"] == 4 and figures["failed"] == 0
    assert figures["statements"] > 0
    assert not Entry.objects.exists()
    assert not Statement.objects.exists()
    assert not Agent.objects.exists()
