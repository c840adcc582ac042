"""The entry's change page: review items as checkboxes, the body's structure read-only, statements at the desk."""
import re

import pytest
from django.urls import reverse

from archive.services.statements import refresh_statements

from .admin_forms import admin_form_data
from .factories import make_entry, make_user
from .statement_fakes import fake_engine

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client):
    client.force_login(make_user("eddie", "Editors"))
    return client


def change_url(entry):
    return reverse("admin:archive_entry_change", args=[entry.pk])


def test_needs_review_is_checkboxes_with_the_missing_fields_flagged(editor):
    entry = make_entry("Undated", authors=["Ada Lovelace"], status="draft", needs_review=["date", "authors"])
    page = editor.get(change_url(entry)).content.decode()
    boxes = re.findall(r'<input type="checkbox" name="needs_review" value="(\w+)"[^>]*?( checked)?>\s*([^<]+)</label>',
                       page)
    assert [(value, bool(checked), label.strip()) for value, checked, label in boxes] == [
        ("title", False, "Title"), ("authors", True, "Authors"), ("date", True, "Date — missing"),
        ("outlet", False, "Outlet"), ("body", False, "Text"),
    ]
    assert "[&quot;date&quot;" not in page  # no raw JSON


def test_unticked_items_are_cleared_and_ticked_ones_kept_while_missing(editor):
    entry = make_entry("Undated", authors=["Ada Lovelace"], status="draft", needs_review=["date", "authors"])
    data = admin_form_data(editor.get(change_url(entry)), needs_review=["date", "body"])
    response = editor.post(change_url(entry), data)
    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.needs_review == ["date"]  # "body" is there, so it is not open; "authors" unticked
    data = admin_form_data(editor.get(change_url(entry)), needs_review=[])
    assert editor.post(change_url(entry), data).status_code == 302
    entry.refresh_from_db()
    assert entry.needs_review == []


def test_the_body_structure_is_read_only_and_follows_an_edited_body(editor):
    entry = make_entry("Blocks", body="A heading\n\nFirst paragraph.\n\nSecond paragraph.")
    entry.body_blocks[0]["type"] = "heading"
    entry.save()
    response = editor.get(change_url(entry))
    page = response.content.decode()
    assert 'name="body_blocks"' not in page
    assert "3 blocks: 1 heading, 2 paragraphs" in page
    data = admin_form_data(response, body="A heading\n\nFirst paragraph, longer now.\n\nNew one.\n\nSecond paragraph.")
    assert editor.post(change_url(entry), data).status_code == 302
    entry.refresh_from_db()
    assert [(kind, text) for kind, text, _ in entry.blocks()] == [
        ("heading", "A heading"), ("paragraph", "First paragraph, longer now."),
        ("paragraph", "New one."), ("paragraph", "Second paragraph.")]


def test_statements_are_a_summary_with_links_to_the_desk_not_inline_forms(editor):
    entry = make_entry("Quoting", body="She said, “One two three four five.” He said, “Six seven eight.”")
    refresh_statements(entry, extractor=fake_engine([("One two three four five.", "Ann Lee", "person"),
                                                     ("Six seven eight.", "Bo Li", "person")]))
    entry.statements.filter(quote__startswith="Six").update(review_status="confirmed")
    page = editor.get(change_url(entry)).content.decode()
    assert "statements-TOTAL_FORMS" not in page
    desk = reverse("admin:archive_review_desk")
    assert "1 suggested, 1 confirmed, 0 rejected." in page
    assert f'<a href="{desk}?entry={entry.pk}&amp;order=entry">Review the statement waiting at the desk</a>' in page
    response = editor.get(f"{desk}?entry={entry.pk}&order=entry")
    assert response.context["total"] == 1
