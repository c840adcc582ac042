"""A visitor finds, reads and cites an entry; a librarian exports but cannot edit. In a real browser."""
import re

import pytest
import rispy

from .conftest import screenshot, sign_in
from .data import MAIN_TITLE, build_archive, users

pytestmark = pytest.mark.django_db(transaction=True)


def test_visitor_searches_narrows_reads_cites_and_downloads(page, groups, tmp_path):
    build_archive()
    page.goto("/")
    page.fill("#search-q" if page.locator("#search-q").count() else "input[type=search]", "open models")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search/?*")
    assert page.locator("#results-heading").inner_text().startswith("7 results")
    page.locator("aside.facets").get_by_role("link", name=re.compile("^S. Rajaratnam")).click()
    page.wait_for_url(re.compile(r"outlet=rsis"))
    assert page.locator("#results-heading").inner_text().startswith("4 results")
    page.get_by_role("link", name=MAIN_TITLE).first.click()
    page.wait_for_url("**/entries/open-models-and-the-small-labs/")
    assert page.locator("h1").inner_text() == MAIN_TITLE
    screenshot(page, "entry-page.png", full_page=True)
    cite = page.locator("section.cite")
    assert "Qi Dapeng" in cite.locator('p.citation[data-style="chicago-notes"]').inner_text()
    with page.expect_download() as info:
        cite.get_by_role("link", name="RIS (.ris)").click()
    path = tmp_path / info.value.suggested_filename
    info.value.save_as(path)
    (record,) = rispy.loads(path.read_text(encoding="utf-8"))
    assert record["title"] == MAIN_TITLE and record["authors"] == ["Qi, Dapeng"]


def test_librarian_exports_but_cannot_edit(page, groups, tmp_path):
    main = build_archive()
    users()
    sign_in(page, "libby")
    page.goto("/admin/archive/entry/")
    page.locator(f'input[name="_selected_action"][value="{main.pk}"]').check()
    page.select_option('select[name="action"]', "export_selected")
    page.get_by_role("button", name="Go").click()
    page.select_option('select[name="export_format"]', "ris")
    with page.expect_download() as info:
        page.get_by_role("button", name="Download").click()
    path = tmp_path / "export.ris"
    info.value.save_as(path)
    assert [r["title"] for r in rispy.loads(path.read_text(encoding="utf-8"))] == [MAIN_TITLE]

    page.goto(f"/admin/archive/entry/{main.pk}/change/")
    assert page.locator('input[name="_save"]').count() == 0  # view only
    assert page.locator("#id_title").count() == 0
    page.goto("/admin/archive/statementreview/desk/")
    assert page.locator(".desk-paragraph mark").count() == 1
    assert page.locator('button[value="confirm"]').count() == 0
    assert "deciding needs an editor's account" in page.locator(".desk-readonly").inner_text()
