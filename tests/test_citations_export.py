"""The export_citations command, the JSON Lines dump and the admin action."""
import json

import bibtexparser
import pytest
import rispy
from django.core.management import CommandError, call_command

from archive.models import Entry, EntryStatus
from archive.search.indexing import rebuild

from .citation_db import make_op_ed, make_rsis_entry

pytestmark = pytest.mark.django_db


def test_command_writes_each_format(tmp_path):
    make_rsis_entry()
    make_op_ed()
    make_rsis_entry(title="A Draft", status=EntryStatus.DRAFT)
    bib = tmp_path / "all.bib"
    call_command("export_citations", "--format", "bibtex", "-o", str(bib))
    assert {e.key for e in bibtexparser.parse_string(bib.read_text()).entries} == {"qi2025deepseek", "chinanddeepseek"}
    ris = tmp_path / "all.ris"
    call_command("export_citations", "--format", "ris", "-o", str(ris))
    assert len(rispy.loads(ris.read_text())) == 2
    js = tmp_path / "all.json"
    call_command("export_citations", "--format", "csl-json", "--outlet", "china-daily", "-o", str(js))
    assert [i["container-title"] for i in json.loads(js.read_text())] == ["China Daily"]
    apa = tmp_path / "apa.txt"
    call_command("export_citations", "--format", "apa", "--tag", "east-asia", "-o", str(apa))
    assert apa.read_text().startswith("Qi, D. (2025). DeepSeek: A seed for technological equity")


def test_command_query_and_person(tmp_path, capsys):
    make_rsis_entry()
    make_op_ed()
    rebuild()
    call_command("export_citations", "--format", "ris", "--query", "DeepSeek", "--outlet", "rsis")
    out = capsys.readouterr().out
    assert [r["type_of_reference"] for r in rispy.loads(out)] == ["RPRT"]
    call_command("export_citations", "--format", "csl-json", "--person", "louis-tompros")
    items = json.loads(capsys.readouterr().out)
    assert items[0]["note"].startswith("Louis Tompros, quoted: “backed Chinese companies")


def test_command_rejects_unknown_format_and_person():
    with pytest.raises(CommandError, match="unknown format 'docx'"):
        call_command("export_citations", "--format", "docx")
    with pytest.raises(CommandError):
        call_command("export_citations", "--format", "ris", "--person", "nobody-at-all")


@pytest.mark.parametrize("option", ["--outlet", "--tag", "--author", "--speaker"])
def test_command_rejects_an_unknown_outlet_tag_or_name(tmp_path, option):
    """A mistyped slug is a mistake to report, not an empty file (as --person already was)."""
    make_rsis_entry()
    out = tmp_path / "x.ris"
    with pytest.raises(CommandError, match=f"{option} 'nonexistent': no "):
        call_command("export_citations", "--format", "ris", option, "nonexistent", "-o", str(out))
    assert not out.exists()


def test_jsonl_dump_has_entries_statements_and_speakers(tmp_path):
    entry = make_rsis_entry()
    make_op_ed()
    make_rsis_entry(title="A Draft", status=EntryStatus.DRAFT)
    out = tmp_path / "archive.jsonl"
    call_command("export_citations", "--format", "jsonl", "-o", str(out))
    lines = [json.loads(line) for line in out.read_text().splitlines()]
    assert len(lines) == 2
    rsis = next(line for line in lines if line["id"] == entry.pk)
    assert rsis["csl"]["number"] == "CO25056"
    assert rsis["body"] == entry.body
    [statement] = rsis["statements"]
    assert statement["speaker"]["name"] == "Louis Tompros"
    assert statement["speaker"]["family"] == "Tompros"
    assert statement["url"].endswith(f"#s{statement['id']}")
    assert entry.body[statement["start"]:statement["end"]] == statement["quote"]


def test_admin_action_export_selected(admin_client):
    entry = make_rsis_entry()
    draft = make_rsis_entry(title="A Draft", status=EntryStatus.DRAFT)
    url = "/admin/archive/entry/"
    form = admin_client.post(url, {"action": "export_selected", "_selected_action": [entry.pk, draft.pk]})
    assert form.status_code == 200
    assert b"1 draft in the selection will be left out" in form.content
    response = admin_client.post(url, {"action": "export_selected", "_selected_action": [entry.pk, draft.pk],
                                       "export_format": "bibtex"})
    assert response["Content-Disposition"] == 'attachment; filename="selected-entries.bib"'
    body = b"".join(response.streaming_content).decode()
    assert [e.key for e in bibtexparser.parse_string(body).entries] == ["qi2025deepseek"]
    assert Entry.objects.count() == 2


def test_librarians_export_selected_entries_from_the_admin(client):
    """Librarians may only view entries; exporting citations changes nothing, so they may."""
    from .factories import make_user

    entry = make_rsis_entry()
    draft = make_rsis_entry(title="A Draft", status=EntryStatus.DRAFT)
    client.force_login(make_user("libby", "Librarians"))
    url = "/admin/archive/entry/"
    changelist = client.get(url)
    assert changelist.status_code == 200 and b'value="export_selected"' in changelist.content
    form = client.post(url, {"action": "export_selected", "_selected_action": [entry.pk, draft.pk]})
    assert form.status_code == 200 and b"1 draft in the selection will be left out" in form.content
    response = client.post(url, {"action": "export_selected", "_selected_action": [entry.pk, draft.pk],
                                 "export_format": "ris"})
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="selected-entries.ris"'
    [record] = rispy.loads(b"".join(response.streaming_content).decode())
    assert (record["title"], record["publisher"]) == (entry.title, "S. Rajaratnam School of International Studies")
    assert Entry.objects.get(pk=draft.pk).status == EntryStatus.DRAFT  # nothing changed
