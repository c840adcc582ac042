"""D2: list exports do bounded work per request.

Formatted references are reused per entry and style until the entry changes; a list
too long to write live is built once by the background worker and served from its
stored file until the archive changes.
"""
import bibtexparser
import pytest
import rispy

from archive.caching import exports
from archive.citations import styles
from archive.models import Entry

from . import site_data as sd
from .import_jobs_helpers import run_worker

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def five():
    outlet = sd.outlet("Institute of Policy Studies", slug="ips")
    return [sd.entry(f"Commentary on trade number {n}", outlet_obj=outlet, authors=[sd.agent(f"Author Number{n}")])
            for n in range(5)]


@pytest.fixture
def counted_renders(monkeypatch):
    """The real citeproc rendering, counting the entries it formats."""
    rendered, real = [], styles.bibliography

    def spy(items, style_key, output="text"):
        rendered.extend(items)
        return real(items, style_key, output)

    monkeypatch.setattr(styles, "bibliography", spy)
    return rendered


def _body(response):
    return b"".join(response.streaming_content).decode() if response.streaming else response.content.decode()


def test_formatted_lists_reuse_each_entrys_reference_until_it_changes(client, five, counted_renders):
    first = _body(client.get("/export/archive.txt?style=chicago-notes"))
    assert len(counted_renders) == 5 and first.count("\n") == 5
    again = _body(client.get("/export/archive.txt?style=chicago-notes", REMOTE_ADDR="10.0.0.2"))
    assert again == first and len(counted_renders) == 5  # nothing formatted again
    entry = Entry.objects.get(pk=five[2].pk)
    entry.title = "A retitled commentary"
    entry.save()
    third = _body(client.get("/export/archive.txt?style=chicago-notes", REMOTE_ADDR="10.0.0.3"))
    assert len(counted_renders) == 6  # only the changed entry
    assert "A Retitled Commentary" in third or "A retitled commentary" in third
    assert "number 2" not in third.lower()


def test_a_long_list_is_built_in_the_background_then_served_from_its_file(client, five, monkeypatch, settings,
                                                                         tmp_path):
    settings.MEDIA_ROOT = tmp_path
    monkeypatch.setattr(exports, "LIVE_LIMIT", {"data": 3, "styled": 3})
    waiting = client.get("/export/archive.ris")
    assert waiting.status_code == 503 and waiting["Content-Type"].startswith("text/plain")
    assert int(waiting["Retry-After"]) >= 1 and "being prepared" in waiting.content.decode()
    # Asking again does not queue a second build.
    assert client.get("/export/archive.ris").status_code == 503
    run_worker()
    ready = client.get("/export/archive.ris")
    assert ready.status_code == 200 and ready["X-Export"] == "stored"
    assert 'filename="archive.ris"' in ready["Content-Disposition"]
    records = rispy.loads(_body(ready))
    assert sorted(r["title"] for r in records) == sorted(e.title for e in five)
    assert client.get("/export/archive.ris", HTTP_IF_NONE_MATCH=ready["ETag"]).status_code == 304
    # A change to the archive: the stored file is not served any more.
    sd.entry("A sixth commentary", outlet_obj=five[0].outlet)
    assert client.get("/export/archive.ris").status_code == 503
    run_worker()
    assert len(rispy.loads(_body(client.get("/export/archive.ris")))) == 6
    # A short list still streams live.
    bib = client.get("/export/search.bib?q=sixth")
    assert bib.status_code == 200 and len(bibtexparser.parse_string(_body(bib)).entries) == 1


def test_an_entrys_formatted_citation_file_reuses_its_reference_until_it_changes(client, five, counted_renders,
                                                                                 settings):
    settings.ARCHIVE_PUBLIC_CACHE = False  # every request computed: only the reference is kept
    url = f"/entries/{five[1].slug}/cite.txt?style=apa"
    first = client.get(url).content.decode()
    assert len(counted_renders) == 1 and "Commentary on trade number 1" in first.replace("commentary", "Commentary")
    assert client.get(url).content.decode() == first and len(counted_renders) == 1
    entry = Entry.objects.get(pk=five[1].pk)
    entry.title = "A retitled commentary"
    entry.save()
    assert "retitled" in client.get(url).content.decode().lower() and len(counted_renders) == 2


def test_the_cite_section_reads_its_references_under_the_keys_every_export_uses(client, five, counted_renders,
                                                                                settings, rf):
    """The entry page's Cite section takes all its styles in one cache round trip, under
    the same per-entry, per-style keys as before: a second view formats nothing, and what
    it kept is what ``cached_format_entry`` (and so any other page) finds."""
    from archive.caching.exports import cached_format_entry
    from archive.citations import csl
    from archive.citations.records import entry_record
    from archive.models import Entry as E

    settings.ARCHIVE_PUBLIC_CACHE = False
    url = five[3].get_absolute_url()
    first = client.get(url).content.decode()
    assert len(counted_renders) == len(styles.STYLES) and 'class="citation" data-style="apa"' in first
    assert client.get(url).content.decode() == first and len(counted_renders) == len(styles.STYLES)
    entry = E.objects.select_related("outlet", "series").get(pk=five[3].pk)
    item = csl.to_csl(entry_record(entry, rf.get(url)))
    assert cached_format_entry(item, "apa", "html") in first and len(counted_renders) == len(styles.STYLES)
