"""The Content-Security-Policy in a real browser, enforced: no page the public or an editor
uses trips it (Chromium reports every blocked script, style or frame on the console)."""
import pytest

from .conftest import sign_in
from .data import build_archive, users


@pytest.fixture
def strict_page(browser, live_server):
    """A page whose context enforces the CSP (the shared fixture bypasses it for axe-core)."""
    context = browser.new_context(base_url=live_server.url)
    context.set_default_timeout(15_000)
    page = context.new_page()
    page.violations = []
    page.on("console", lambda message: "Content Security Policy" in message.text
            and page.violations.append(message.text))
    page.on("pageerror", lambda error: page.violations.append(str(error)))
    yield page
    context.close()


def test_no_page_trips_the_csp(strict_page, groups):
    main = build_archive()
    users()
    page = strict_page
    response = page.goto("/")
    csp = response.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    for path in ["/", "/search/?q=open+models", main.get_absolute_url(), "/people/qi-dapeng/", "/statements/",
                 "/people/", "/tags/", "/years/"]:
        page.goto(path)
    sign_in(page, "eddie")
    for path in ["/admin/", f"/admin/archive/entry/{main.pk}/change/", "/admin/archive/entry/",
                 "/admin/archive/statementreview/desk/", "/admin/archive/entry/import/"]:
        page.goto(path)
        page.wait_for_load_state("load")
    assert not page.violations, page.violations
    # A script the page did not ship is refused: the policy is really enforced.
    page.goto("/")
    page.evaluate("() => { const s = document.createElement('script'); s.textContent = 'window.x = 1';"
                  " document.body.appendChild(s); }")
    assert page.evaluate("() => window.x") is None
    assert page.violations, "an injected inline script ran: the CSP is not enforced"
