"""Citation downloads through the HTTP client, read back by independent parsers."""
import json

import bibtexparser
import pytest
import rispy
from archive.models import Agent, EntryStatus, Statement
from archive.search.indexing import rebuild

from .citation_db import make_op_ed, make_rsis_entry

pytestmark = pytest.mark.django_db


def _body(response):
    if response.streaming:
        return b"".join(response.streaming_content).decode("utf-8")
    return response.content.decode("utf-8")


def test_entry_downloads_have_types_and_file_names(client):
    entry = make_rsis_entry()
    bib = client.get(f"/entries/{entry.slug}/cite.bib")
    assert bib.status_code == 200
    assert bib["Content-Type"] == "application/x-bibtex; charset=utf-8"
    assert bib["Content-Disposition"] == 'attachment; filename="qi2025deepseek.bib"'
    parsed = bibtexparser.parse_string(_body(bib)).entries[0]
    assert parsed.entry_type == "techreport" and parsed["number"] == "CO25056"
    assert parsed["author"] == "Qi, Dapeng"
    ris = client.get(f"/entries/{entry.slug}/cite.ris")
    assert ris["Content-Type"] == "application/x-research-info-systems; charset=utf-8"
    assert ris["Content-Disposition"] == 'attachment; filename="qi2025deepseek.ris"'
    record = rispy.loads(_body(ris))[0]
    assert (record["type_of_reference"], record["issn"], record["publisher"], record["place_published"]) == (
        "RPRT", "CO25056", "S. Rajaratnam School of International Studies", "Singapore")
    assert record["keywords"] == ["East Asia", "Technology and Future Issues"]
    js = client.get(f"/entries/{entry.slug}/cite.json")
    assert js["Content-Type"] == "application/vnd.citationstyles.csl+json; charset=utf-8"
    item = json.loads(_body(js))[0]
    assert item["URL"] == "https://www.rsis.edu.sg/rsis-publication/rsis/deepseek-a-seed/"
    assert item["issued"] == {"date-parts": [[2025, 3, 17]]}
    txt = client.get(f"/entries/{entry.slug}/cite.txt?style=chicago-notes")
    assert txt["Content-Type"] == "text/plain; charset=utf-8"
    note, bibliography = _body(txt).split("\n\n")
    assert note.startswith("Qi Dapeng, DeepSeek: A Seed for Technological Equity and a Multipolar World, RSIS")
    assert bibliography.startswith("Qi Dapeng. DeepSeek: A Seed for Technological Equity and a Multipolar World. RSIS")


def test_bibtex_title_protects_names_found_in_the_text(client):
    entry = make_rsis_entry(title="DeepSeek and the Rise of China’s Engineers")
    text = _body(client.get(f"/entries/{entry.slug}/cite.bib"))
    assert "title       = {{DeepSeek} and the Rise of {China’s} Engineers}," in text


def test_unknown_style_or_type_is_a_clear_400(client):
    entry = make_rsis_entry()
    response = client.get(f"/entries/{entry.slug}/cite.txt?style=vancouver")
    assert response.status_code == 400
    assert "unknown format 'vancouver'" in response.content.decode()
    assert client.get(f"/entries/{entry.slug}/cite.docx").status_code == 404


def test_drafts_are_never_exported(client):
    draft = make_rsis_entry(status=EntryStatus.DRAFT)
    assert client.get(f"/entries/{draft.slug}/cite.bib").status_code == 404
    assert json.loads(_body(client.get("/export/archive.json"))) == []


def test_statement_citation_downloads(client):
    entry = make_rsis_entry()
    statement = entry.statements.get()
    ris = rispy.loads(_body(client.get(f"/statements/{statement.pk}/cite.ris")))[0]
    assert ris["notes"] == [f"Louis Tompros, quoted: “{statement.quote}”"]
    # the original is cited (UR), the statement's place in the archive's copy is L2
    assert ris["urls"] == ["https://www.rsis.edu.sg/rsis-publication/rsis/deepseek-a-seed/"]
    assert ris["file_attachments2"] == f"http://testserver/entries/{entry.slug}/#s{statement.pk}"
    note = _body(client.get(f"/statements/{statement.pk}/cite.txt?style=chicago-notes"))
    assert note.startswith("Louis Tompros, quoted in Qi Dapeng, DeepSeek: A Seed for Technological Equity and a "
                           "Multipolar World, RSIS Commentary CO25056 (S. Rajaratnam School of International "
                           "Studies, 2025), http://testserver/entries/")
    assert f"#s{statement.pk}." in note
    statement.review_status = Statement.Review.REJECTED
    statement.save()
    assert client.get(f"/statements/{statement.pk}/cite.ris").status_code == 404


def test_list_exports_stream_every_scope(client):
    first = make_rsis_entry()
    second = make_rsis_entry(title="Another Commentary on Chips", number="CO25057")
    op_ed = make_op_ed()
    make_rsis_entry(title="Unpublished Draft", status=EntryStatus.DRAFT)
    whole = client.get("/export/archive.bib")
    assert whole.streaming
    assert whole["Content-Disposition"] == 'attachment; filename="archive.bib"'
    keys = {e.key for e in bibtexparser.parse_string(_body(whole)).entries}
    assert keys == {"qi2025deepseek", "qi2025another", "chinanddeepseek"}
    outlet = rispy.loads(_body(client.get(f"/export/outlets/{op_ed.outlet.slug}.ris")))
    assert [r["title"] for r in outlet] == [op_ed.title]
    tag = json.loads(_body(client.get("/export/tags/east-asia.json")))
    assert {i["title"] for i in tag} == {first.title, second.title}
    person = json.loads(_body(client.get(f"/export/people/{Agent.objects.get(name='Louis Tompros').slug}.json")))
    assert len(person) == 2 and all("Louis Tompros, quoted" in i["note"] for i in person)
    apa = _body(client.get("/export/archive.txt?style=apa"))
    assert apa.count("\n") == 3 and "(RSIS Commentary No. CO25057)" in apa
    assert client.get("/export/outlets/no-such-outlet.bib").status_code == 404
    assert client.get("/export/tags/no-such-tag.bib").status_code == 404


def test_search_export_uses_the_search_filters(client):
    make_rsis_entry()
    op_ed = make_op_ed()
    rebuild()
    response = client.get("/export/search.json", {"outlet": op_ed.outlet.slug})
    items = json.loads(_body(response))
    assert [i["title"] for i in items] == [op_ed.title]
    found = json.loads(_body(client.get("/export/search.json", {"q": "Tompros"})))
    assert [i["number"] for i in found] == ["CO25056"]
    hostile = client.get("/export/search.ris", {"q": '"unterminated AND ( OR'})
    assert hostile.status_code == 200


def test_unapi_offers_ris_and_bibtex(client):
    entry = make_rsis_entry()
    listing = client.get("/unapi")
    assert listing.status_code == 200 and b'name="ris"' in listing.content and b'name="bibtex"' in listing.content
    assert client.get("/unapi", {"id": f"entry:{entry.pk}"}).status_code == 300
    ris = client.get("/unapi", {"id": f"entry:{entry.pk}", "format": "ris"})
    assert rispy.loads(ris.content.decode())[0]["title"] == entry.title
    bib = client.get("/unapi", {"id": f"entry:{entry.pk}", "format": "bibtex"})
    assert bibtexparser.parse_string(bib.content.decode()).entries[0]["number"] == "CO25056"
    assert client.get("/unapi", {"id": f"entry:{entry.pk}", "format": "marc"}).status_code == 406
    assert client.get("/unapi", {"id": "entry:999999", "format": "ris"}).status_code == 404
    assert client.get("/unapi", {"id": "nonsense", "format": "ris"}).status_code == 404


def test_unapi_lists_each_format_with_the_type_it_serves(client):
    import xml.etree.ElementTree as ET

    entry = make_rsis_entry()
    listing = ET.fromstring(client.get("/unapi", {"id": f"entry:{entry.pk}"}).content)
    listed = {f.get("name"): f.get("type") for f in listing.iter("format")}
    assert listed["bibtex"] == "application/x-bibtex"
    for name, content_type in listed.items():
        served = client.get("/unapi", {"id": f"entry:{entry.pk}", "format": name})["Content-Type"]
        assert served.split(";")[0] == content_type, name


def test_downloads_carry_the_access_date(client, monkeypatch):
    from archive.citations import records

    monkeypatch.setattr(records, "access_date", lambda: (2026, 12, 1))
    entry = make_rsis_entry()
    item = json.loads(_body(client.get(f"/entries/{entry.slug}/cite.json")))[0]
    assert item["accessed"] == {"date-parts": [[2026, 12, 1]]}
    harvard = _body(client.get(f"/entries/{entry.slug}/cite.txt?style=harvard"))
    assert harvard.endswith(f"Available at: {item['URL']} (Accessed: 1 December 2026).\n")
    listed = _body(client.get("/export/archive.txt?style=harvard"))
    assert listed.count("(Accessed: 1 December 2026).") == 1


@pytest.mark.parametrize("style", ["bibtex", "ris", "csl-json"])
def test_statement_data_formats_as_text_are_the_statement_record(client, style):
    """Issue 11, defect 1: cite.txt?style=bibtex|ris|csl-json on a statement was a 500 (KeyError)."""
    entry = make_rsis_entry()
    statement = entry.statements.get()
    response = client.get(f"/statements/{statement.pk}/cite.txt?style={style}")
    assert response.status_code == 200
    text = _body(response)
    note = f"Louis Tompros, quoted: “{statement.quote}”"
    if style == "bibtex":
        parsed = bibtexparser.parse_string(text).entries
        assert len(parsed) == 1 and parsed[0]["number"] == "CO25056" and parsed[0]["note"].startswith(note)
    elif style == "ris":
        record = rispy.loads(text)[0]
        assert record["type_of_reference"] == "RPRT" and record["notes"][0].startswith(note)
    else:
        item = json.loads(text)[0]
        assert item["number"] == "CO25056" and item["note"].startswith(note)
    # the same record as the statement's own download in that format
    ext = {"bibtex": "bib", "ris": "ris", "csl-json": "json"}[style]
    assert text == _body(client.get(f"/statements/{statement.pk}/cite.{ext}"))
    assert client.get(f"/statements/{statement.pk}/cite.txt?style=vancouver").status_code == 400


def test_text_downloads_are_named_by_style_and_shown_in_the_browser(client):
    """Issue 11, defect 8: every style's text had the same file name and downloaded instead of showing."""
    entry = make_rsis_entry()
    statement = entry.statements.get()
    names = set()
    for style in ("apa", "chicago-author-date", "chicago-notes", "mla", "harvard"):
        for url in (f"/entries/{entry.slug}/cite.txt", f"/statements/{statement.pk}/cite.txt",
                    "/export/archive.txt"):
            disposition = client.get(url, {"style": style})["Content-Disposition"]
            assert disposition.startswith("inline; ") and f"-{style}.txt" in disposition, disposition
            names.add(disposition)
    assert len(names) == 15
    assert client.get(f"/entries/{entry.slug}/cite.txt")["Content-Disposition"] == (
        'inline; filename="qi2025deepseek-apa.txt"')
    assert client.get(f"/entries/{entry.slug}/cite.bib")["Content-Disposition"] == (
        'attachment; filename="qi2025deepseek.bib"')


def test_access_date_and_the_original_with_the_archive_copy_in_every_data_format(client, monkeypatch):
    """Issue 11, defect 8: BibTeX had no urldate, and every citation linked only to one address.
    The original is cited when known, and the archive's copy kept as its archive location
    (CSL archive/archive_location, RIS UR + L2, BibTeX url + note); read back by independent parsers."""
    from archive.citations import records

    monkeypatch.setattr(records, "access_date", lambda: (2026, 12, 1))
    entry = make_rsis_entry()
    original = "https://www.rsis.edu.sg/rsis-publication/rsis/deepseek-a-seed/"
    copy = f"http://testserver/entries/{entry.slug}/"
    bib = bibtexparser.parse_string(_body(client.get(f"/entries/{entry.slug}/cite.bib"))).entries[0]
    assert (bib["url"], bib["urldate"]) == (original, "2026-12-01")
    assert bib["note"] == f"Archived copy: Commentary Archive, {copy}"
    ris = rispy.loads(_body(client.get(f"/entries/{entry.slug}/cite.ris")))[0]
    assert (ris["urls"], ris["file_attachments2"], ris["access_date"]) == ([original], copy, "2026/12/01/")
    item = json.loads(_body(client.get(f"/entries/{entry.slug}/cite.json")))[0]
    assert (item["URL"], item["archive"], item["archive_location"]) == (original, "Commentary Archive", copy)
    apa = _body(client.get(f"/entries/{entry.slug}/cite.txt?style=apa"))
    assert apa.endswith(f"Commentary Archive ({copy}). {original}\n")
    # A statement: the original is cited, its place in the archive's copy is the archive location.
    statement = entry.statements.get()
    item = json.loads(_body(client.get(f"/statements/{statement.pk}/cite.json")))[0]
    assert (item["URL"], item["archive_location"]) == (original, f"{copy}#s{statement.pk}")
    bib = bibtexparser.parse_string(_body(client.get(f"/statements/{statement.pk}/cite.bib"))).entries[0]
    assert bib["note"].endswith(f"; Archived copy: Commentary Archive, {copy}\\#s{statement.pk}")  # LaTeX escapes "#"
    # No original known: the archive's page is the URL, and there is no archive location.
    entry.url = ""
    entry.save()
    item = json.loads(_body(client.get(f"/entries/{entry.slug}/cite.json")))[0]
    assert item["URL"] == copy and "archive_location" not in item and "archive" not in item
    ris = rispy.loads(_body(client.get(f"/entries/{entry.slug}/cite.ris")))[0]
    assert ris["urls"] == [copy] and "file_attachments2" not in ris
    bib = bibtexparser.parse_string(_body(client.get(f"/entries/{entry.slug}/cite.bib"))).entries[0]
    assert (bib["url"], bib["urldate"]) == (copy, "2026-12-01") and "note" not in bib
    item = json.loads(_body(client.get(f"/statements/{statement.pk}/cite.json")))[0]
    assert item["URL"] == f"{copy}#s{statement.pk}"


def test_formatted_lists_are_in_the_styles_order(client):
    """Issue 11, defect 5: /export/*.txt?style=… kept the archive's order (by id)."""
    import re

    from archive.models import Authorship

    from .citation_db import make_agent

    zhang = make_rsis_entry(title="Zebra Crossings of Trade", number="CO25001", author="Zhang Wei")
    make_rsis_entry(title="Middle Powers and Chips", number="CO25002")  # Qi Dapeng
    anon = make_op_ed(title="The Quiet Revolution in Chips")
    abbott = make_op_ed(title="Why Ports Matter")
    Authorship.objects.create(entry=abbott, agent=make_agent("Tony Abbott"), position=0)
    expected_first_words = {
        "apa": ["Abbott", "Qi", "Quiet", "Zhang"],  # no author: under the title's first word after "The"
        "mla": ["Abbott", "Qi", "Quiet", "Zhang"],
        "chicago-author-date": ["Abbott", "China", "Qi", "Zhang"],  # unsigned op-ed: under the paper
        "chicago-notes": ["Abbott", "China", "Qi", "Zhang"],
        "harvard": ["Abbott", "China", "Qi", "Zhang"],
    }
    for style, words in expected_first_words.items():
        for url in ("/export/archive.txt", "/export/search.txt", f"/export/tags/east-asia.txt"):
            lines = _body(client.get(url, {"style": style})).splitlines()
            if "tags" in url:
                assert [line.split()[0].strip("“,") for line in lines] == ["Qi", "Zhang"], (style, lines)
                continue
            if "search" in url:
                continue
            firsts = [re.sub(r"^[“‘]?(The )?", "", line).split()[0].strip(",.").capitalize() for line in lines]
            assert firsts == words, (style, lines)
    assert zhang.pk < anon.pk < abbott.pk  # the archive's order was Zhang, Qi, anon, Abbott


def test_a_persons_list_cites_each_statement_once_in_its_statement_form(client):
    """Issue 11, defect 5: /export/people/<slug>.txt repeated the entry's reference once per
    statement, differing only in the anchor, with no quote or speaker."""
    first = make_rsis_entry()
    second = make_rsis_entry(title="Another Commentary on Chips", number="CO25057")
    tompros = Agent.objects.get(name="Louis Tompros")
    extra = Statement.objects.create(entry=first, speaker=tompros, quote="a second remark", start=0, end=5,
                                     cue="said", review_status=Statement.Review.CONFIRMED)
    text = _body(client.get(f"/export/people/{tompros.slug}.txt", {"style": "apa"}))
    blocks, references = text.split("\nReferences\n")
    statements = blocks.strip().split("\n\n")
    assert len(statements) == 3  # each statement once
    quote = first.statements.exclude(pk=extra.pk).get().quote
    assert statements[0] == f"Louis Tompros, quoted: “{second.statements.get().quote}”\n(Tompros, as cited in Qi, 2025)"
    assert statements[1:] == [  # in the order of the text
        "Louis Tompros, quoted: “a second remark”\n(Tompros, as cited in Qi, 2025)",
        f"Louis Tompros, quoted: “{quote}”\n(Tompros, as cited in Qi, 2025)"]
    lines = references.strip().splitlines()
    assert [line.split("(2025). ")[1].split(" (RSIS")[0] for line in lines] == [
        "Another commentary on chips", "DeepSeek: A seed for technological equity and a multipolar world"]
    assert "#s" not in references  # the entry once, not once per statement's anchor
    notes = _body(client.get(f"/export/people/{tompros.slug}.txt", {"style": "chicago-notes"}))
    assert notes.count(", quoted in Qi Dapeng, ") == 3 and "\nBibliography\n" in notes
    assert notes.count(f"#s{extra.pk}") == 1  # each note points at its statement
