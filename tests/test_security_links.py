"""D1: a link that leaves the archive is an absolute http(s) URL, whatever its source.

A ``javascript:`` URL in a manifest is refused at import with a clear error; one that
reached the database some other way (an older import, a bulk load) is never rendered
as a link, in pages, JSON-LD, the API or citation exports.
"""
import json
import re

import bibtexparser
import pytest
import rispy

from archive.importing import ManifestError, parse_file, parse_manifest
from archive.models import Entry, Outlet
from archive.services.importer import Source, import_sources
from archive.weblinks import http_url, is_http_url

from . import site_data as sd
from .importing_helpers import DATA

EVIL = ["javascript:alert(1)", "JavaScript:alert(document.cookie)", " javascript:alert(1)", "java\tscript:alert(1)",
        "data:text/html,<script>alert(1)</script>", "vbscript:msgbox(1)", "//evil.example/x", "/relative"]


@pytest.mark.parametrize("value", EVIL)
def test_only_absolute_http_urls_pass(value):
    assert not is_http_url(value) and http_url(value) == ""


@pytest.mark.parametrize("value", ["https://www.rsis.edu.sg/x?a=1#b", "http://example.org", "HTTPS://EXAMPLE.ORG/"])
def test_http_urls_pass(value):
    assert http_url(value) == value


@pytest.mark.parametrize("toml, message", [
    ('[files."a.txt"]\nurl = "javascript:alert(1)"\n', "url 'javascript:alert\\(1\\)' is not an http"),
    ('[outlets.x]\nname = "X"\nhomepage = "javascript:alert(1)"\n', "homepage 'javascript:alert\\(1\\)' is not an http"),
    ('[files."a.txt"]\noutlet = { name = "X", homepage = "data:text/html,x" }\n', "homepage"),
])
def test_manifest_refuses_script_links(toml, message):
    with pytest.raises(ManifestError, match=message):
        parse_manifest(toml, origin="manifest.toml")


def test_a_saved_page_with_a_script_canonical_link_keeps_no_url():
    html = (DATA / "generic_article.html").read_text()
    html = re.sub(r"<head>", '<head><link rel="canonical" href="javascript:alert(1)">'
                             '<meta property="og:url" content="javascript:alert(1)">', html, count=1)
    doc = parse_file("page.html", html.encode())
    assert not doc.url.lower().startswith("javascript")
    assert doc.url == "" or doc.url.startswith("http")


@pytest.mark.django_db
def test_an_import_never_stores_a_script_link():
    """Even when a caller hands the importer a manifest object it built itself."""
    manifest = parse_manifest('[outlets.x]\nname = "Evil Outlet"\n[files."unknown_outlet_plain.txt"]\noutlet = "x"\n')
    manifest.files["unknown_outlet_plain.txt"].url = "javascript:alert(1)"
    manifest.files["unknown_outlet_plain.txt"].outlet.homepage = "javascript:alert(2)"
    data = (DATA / "unknown_outlet_plain.txt").read_bytes()
    summary = import_sources([Source("unknown_outlet_plain.txt", len(data), lambda: data, manifest=manifest)])
    assert summary.ok, summary.lines()
    entry = Entry.objects.get()
    assert "javascript" not in entry.url
    assert "javascript" not in Outlet.objects.get(name="Evil Outlet").homepage


@pytest.fixture
def poisoned(db):
    """An archive whose stored links are hostile (as if written before validation existed)."""
    outlet = sd.outlet("Poisoned Outlet", homepage="javascript:alert('outlet')", slug="poisoned")
    author = sd.agent("Ann Author")
    speaker = sd.agent("Sam Speaker")
    entry = sd.entry("A poisoned entry", outlet_obj=outlet, authors=[author],
                     paragraphs=["He said “we will see” to reporters.", "More text."],
                     url="javascript:alert('entry')")
    sd.statement(entry, "we will see", speaker, source_url="javascript:alert('statement')", verification="verified")
    return entry


def _no_script_link(text):
    assert not re.search(r"(?i)href\s*=\s*[\"']?\s*javascript:", text), "a javascript: link is clickable"
    assert "javascript:alert" not in text


def test_pages_never_link_a_script(client, poisoned):
    for url in [poisoned.get_absolute_url(), "/outlets/poisoned/", "/people/sam-speaker/", "/people/ann-author/"]:
        response = client.get(url)
        assert response.status_code == 200, url
        _no_script_link(response.content.decode())
    page = client.get(poisoned.get_absolute_url()).content.decode()
    assert "Original" not in page
    for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, re.S):
        assert "sameAs" not in json.loads(block) or "javascript" not in json.dumps(json.loads(block))


def test_api_and_exports_never_carry_a_script_link(client, poisoned):
    data = client.get(f"/api/entries/{poisoned.pk}/").json()
    assert data["source_url"] is None
    assert all(s["verification"]["source_url"] is None for s in data["statements"])
    bib = client.get(f"/entries/{poisoned.slug}/cite.bib").content.decode()
    (record,) = bibtexparser.parse_string(bib).entries
    assert record["url"].startswith("http://testserver/entries/")
    ris = rispy.loads(client.get(f"/entries/{poisoned.slug}/cite.ris").content.decode())
    assert all("javascript" not in u for u in ris[0].get("urls", []) + [ris[0].get("url", "")])
    for url in ["/export/archive.ris", "/export/archive.json", "/export/archive.txt?style=apa", "/feeds/entries/",
                "/oai/?verb=ListRecords&metadataPrefix=oai_dc"]:
        body = b"".join(client.get(url).streaming_content) if url.startswith("/export") else client.get(url).content
        assert b"javascript:" not in body, url
