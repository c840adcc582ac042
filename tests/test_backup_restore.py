"""Backup and restore: an archive with edits, history, review decisions and tombstones,
backed up and restored into an empty database, answers exactly as before (pages,
search, exports, OAI), on the suite's engine (pg_dump/pg_restore or SQLite's backup API)."""
import json

import pytest

from .importing_helpers import SEEDS
from .processes import manage, new_database, shell

pytestmark = pytest.mark.slow

BUILD = f"""
from archive.services.importer import import_paths
from archive.models import Entry, Statement, Outlet
assert import_paths([{str(SEEDS)!r}]).ok
entry = Entry.objects.get(source_name="000_7961fa5e3beb4d30.txt")
entry.title = entry.title + ": An Editor's Title"
entry.mark_edited(["title"])
entry.save()
said = list(Statement.objects.filter(entry=entry).order_by("start"))
said[0].review_status = "rejected"; said[0].save()
said[1].review_status = "confirmed"; said[1].verification = "verified"; said[1].save()
gone = Entry.objects.create(title="A commentary later withdrawn", status="published", body="Text.",
                            body_blocks=[{{"type": "paragraph", "start": 0, "end": 5}}], outlet=entry.outlet)
gone.delete()
print(entry.slug, entry.pk, entry.history.count())
"""

FETCH = """
import hashlib, json, re
from django.test import Client
client = Client()
out = {}
for url in %r:
    response = client.get(url)
    body = b"".join(response.streaming_content) if response.streaming else response.content
    body = re.sub(rb"<responseDate>[^<]*</responseDate>", b"", body)
    out[url] = [response.status_code, hashlib.sha1(body).hexdigest(), len(body), body[:0].decode()]
    if url.startswith("/search/"):
        out[url][3] = "multipolarity-hits:%%d" %% body.count(b'class="result"')
print(json.dumps(out))
"""


@pytest.fixture(scope="module")
def databases(tmp_path_factory):
    from django.db import connection  # noqa: F401  (the suite's engine)

    tmp = tmp_path_factory.mktemp("backup")
    source, drop_source = new_database(tmp, "source")
    target, drop_target = new_database(tmp, "target")
    yield tmp, source, target
    drop_source()
    drop_target()


def test_a_restored_backup_answers_exactly_as_the_original(databases, django_db_blocker):
    tmp, source, target = databases
    env = {**source, "ALLOWED_HOSTS": "testserver", "DEBUG": "1"}
    slug, pk, history = shell(env, BUILD).split()
    assert int(history) >= 2
    urls = ["/", "/search/?q=multipolarity", "/statements/", f"/entries/{slug}/", "/people/", "/people/qi-dapeng/",
            "/api/entries/?q=multipolarity", f"/api/entries/{pk}/", "/export/archive.bib",
            "/export/archive.txt?style=chicago-notes", "/export/archive.ris", "/feeds/entries/", "/sitemap.xml",
            "/oai/?verb=ListRecords&metadataPrefix=oai_dc", "/oai/?verb=ListIdentifiers&metadataPrefix=oai_dc"]
    before = json.loads(shell(env, FETCH % urls).splitlines()[-1])
    assert before["/search/?q=multipolarity"][0] == 200
    manage(source, "backup_archive", tmp / "the-backup")
    manifest = json.loads((tmp / "the-backup" / "backup.json").read_text())
    assert manifest["counts"]["tombstones"] == 1 and manifest["counts"]["entries"] == 2

    restored = manage(target, "restore_archive", tmp / "the-backup")
    assert "Restored:" in restored.stdout
    after = json.loads(shell({**target, "ALLOWED_HOSTS": "testserver", "DEBUG": "1"}, FETCH % urls).splitlines()[-1])
    assert after == before
    # The search index came back with the records: no rebuild needed.
    found = shell({**target, "ALLOWED_HOSTS": "testserver", "DEBUG": "1"},
                  "from archive.search import search_entries; print(search_entries('multipolarity').total)")
    assert found.splitlines()[-1] == "1"
    history_after = shell(target, f"from archive.models import Entry; print(Entry.history.filter(id={pk}).count())")
    assert history_after.splitlines()[-1] == history
    # Restoring over an archive that holds entries is refused.
    refused = manage(target, "restore_archive", tmp / "the-backup", check=False)
    assert refused.returncode != 0 and "already holds entries" in refused.stderr
