"""An editor at the review desk, with the keyboard, in a real browser: one request per decision."""
import re

import pytest

from archive.models import Statement

from .conftest import screenshot, sign_in
from .data import MAIN_TITLE, build_archive, users

pytestmark = pytest.mark.django_db(transaction=True)


def current_quote(page):
    return page.locator(".desk-paragraph mark").inner_text()


def decide_with_key(page, key, requests):
    """Press ``key``; wait until the desk shows another statement; return the requests it made."""
    before = page.locator(".desk-item").get_attribute("data-statement")
    requests.clear()
    page.keyboard.press(key)
    page.wait_for_function(
        "before => { const item = document.querySelector('.desk-item');"
        " return !item || item.dataset.statement !== before; }", arg=before)
    return list(requests)


def test_editor_reviews_an_entry_with_the_keyboard_and_the_public_page_follows(page, groups):
    main = build_archive()
    users()
    sign_in(page, "eddie")
    page.get_by_role("link", name=re.compile(r"statements suggested by the machine")).click()
    page.wait_for_url("**/statementreview/desk/")
    assert current_quote(page) == "Open models change everything for small labs."  # the least confident first
    screenshot(page, "review-desk.png", full_page=True)
    page.keyboard.press("j")  # look ahead without deciding, and back
    page.wait_for_url(re.compile(r"item="))
    assert current_quote(page) == "Soft power now runs through open software."
    page.keyboard.press("k")
    page.wait_for_function("() => document.querySelector('.desk-paragraph mark').textContent.startsWith('Open models')")

    requests = []
    # Every request but static files (an icon the first message shows, cached after).
    page.on("request", lambda request: "/static/" in request.url or requests.append((request.method, request.url)))
    decided = []
    for _ in range(3):  # c, c, c: three confirmations
        decided.append(current_quote(page))
        made = decide_with_key(page, "c", requests)
        assert [method for method, _ in made] == ["POST"], made  # one request, the decision itself
    assert decided == ["Open models change everything for small labs.", "Soft power now runs through open software.",
                       "spending on open models will double by 2027"]
    assert page.locator(".messagelist").inner_text().startswith("Confirmed “spending on open models")

    assert current_quote(page) == "will find their own chips"
    assert page.locator(".desk-speaker").inner_text().startswith("Li Wei")
    assert "Mary Chen" in page.locator('button[data-key="1"]').inner_text()
    assert len(decide_with_key(page, "1", requests)) == 1  # the machine's second guess, Mary Chen

    assert current_quote(page) == "Nobody waits for permission any more."
    assert len(decide_with_key(page, "r", requests)) == 1  # the wrong mention: rejected

    statements = {s.quote: s for s in main.statements.select_related("speaker")}
    assert [statements[q].review_status for q in decided] == ["confirmed"] * 3
    chips = statements["will find their own chips"]
    assert (chips.speaker.name, chips.review_status) == ("Mary Chen", "confirmed")
    assert statements["Nobody waits for permission any more."].review_status == "rejected"
    record = chips.history.first()
    assert record.history_user.username == "eddie" and record.history_change_reason.startswith("Review desk")

    # The entry is finished: its queue is empty, nothing decided is shown again.
    page.goto(f"/admin/archive/statementreview/desk/?entry={main.pk}&order=entry")
    assert "Nothing waits in this queue." in page.locator("#desk").inner_text()

    page.goto(main.get_absolute_url())
    body = page.locator("div.body")
    # The speaker follows the closing quotation mark, outside the quotation.
    after = page.evaluate("id => { const n = document.getElementById(id).nextSibling;"
                          " return [n.textContent, n.nextSibling.textContent]; }", f"s{chips.pk}")
    assert after[0] == "” " and after[1].startswith("(statement by Mary Chen") and "Mary Chen" in body.locator(f"#s{chips.pk} ~ a.speaker-ref").first.inner_text()
    labels = " | ".join(body.locator("a.speaker-ref").all_text_contents())
    assert "(statement by Mary Chen, checked by an editor)" in labels
    assert "(paraphrase according to International Data Corporation, checked by an editor)" in labels
    assert "Nobody waits for permission" not in (body.locator("mark").all_inner_texts() or [""])[-1]
    listing = page.locator("section.quoted").inner_text()
    assert "“will find their own chips” introduced with “said” · checked by an editor" in listing
    assert "Nobody waits for permission" not in listing
    assert page.title().startswith(MAIN_TITLE)


def test_the_desk_works_without_javascript(browser, live_server, groups):
    build_archive()
    users()
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    try:
        sign_in(page, "eddie")
        page.goto("/admin/archive/statementreview/desk/")
        first = current_quote(page)
        page.get_by_role("button", name=re.compile("^Reject")).click()
        page.wait_for_load_state()
        assert current_quote(page) != first
        assert Statement.objects.get(quote=first).review_status == "rejected"
        page.fill("#desk-who", "Mary")
        page.get_by_role("button", name="Search").click()
        page.get_by_role("button", name=re.compile("^Mary Chen")).click()
        page.wait_for_load_state()
        assert Statement.objects.filter(review_status="confirmed", speaker__name="Mary Chen").count() == 1
    finally:
        context.close()
