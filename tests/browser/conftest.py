"""Real-browser tests: Playwright (from PyPI) driving Debian's chromium against a live server.

Never a downloaded browser: chromium is the system's (``apt-get install -y chromium
chromium-driver``), launched by path. axe-core comes from the npm registry
(``npm ci --prefix tests/browser``). Without either, these tests skip and say how to
install it; ``.ci/run`` installs both, so CI always runs them.

The server is pytest-django's ``live_server`` on the suite's test database (SQLite or
PostgreSQL, whichever the run uses), so these tests are transactional: they run after
the others, and each starts from an empty database (the Editors and Librarians groups
are made again, as their migration does).
"""
import importlib
import os
import shutil
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
AXE_JS = Path(os.environ.get("AXE_JS", HERE / "node_modules" / "axe-core" / "axe.min.js"))
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"]
INSTALL_CHROMIUM = "apt-get install -y chromium chromium-driver (never a browser Playwright downloads)"
SCREENSHOTS = os.environ.get("SCREENSHOTS_DIR")  # e.g. docs/screenshots, to refresh the README's pictures



@pytest.fixture(scope="module")
def browser():
    """One chromium per test module.

    Playwright's sync API keeps an event loop in this thread, and Django refuses ORM calls
    while one runs: the ORM calls of these tests (and their database flush) are plain
    synchronous code, so DJANGO_ALLOW_ASYNC_UNSAFE is set exactly while the loop lives,
    and never reaches the other tests (``check --deploy`` refuses it in a subprocess).
    """
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("Playwright is not installed: pip install -r requirements.txt")
    if not (Path(CHROMIUM).exists() or shutil.which(CHROMIUM)):
        pytest.skip(f"No chromium at {CHROMIUM}: install it with  {INSTALL_CHROMIUM}")
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
            yield browser
            browser.close()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def page(browser, live_server):
    # bypass_csp: axe-core is injected as an inline script, which the site's CSP forbids;
    # the CSP itself is tested with it enforced (test_csp.py).
    context = browser.new_context(viewport={"width": 1280, "height": 900}, base_url=live_server.url,
                                  accept_downloads=True, bypass_csp=True)
    context.set_default_timeout(15_000)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    yield page
    context.close()
    assert not errors, f"JavaScript errors on the page: {errors}"


@pytest.fixture
def groups(transactional_db):
    """The Editors and Librarians groups with their permissions, as migrations 0002 and 0003 make them."""
    from django.apps import apps
    # The migrations' functions expect a migration's app registry and leave each app's
    # models_module unset afterwards: on the real registry that must be put back, or the
    # next flush would not recreate the content types.
    saved = {config.label: config.models_module for config in apps.get_app_configs()}
    try:
        importlib.import_module("archive.migrations.0002_groups").create_groups(apps, None)
        importlib.import_module("archive.migrations.0003_statement_review").grant_review(apps, None)
    finally:
        for config in apps.get_app_configs():
            config.models_module = saved[config.label]


@pytest.fixture
def axe():
    """A function that runs axe-core on the page and returns its violations (WCAG 2.x A and AA)."""
    if not AXE_JS.exists():
        pytest.skip(f"axe-core is not installed at {AXE_JS}: npm ci --prefix tests/browser")

    def run(page):
        page.add_script_tag(path=str(AXE_JS))
        return page.evaluate("""async () => {
            const result = await axe.run(document, {runOnly: {type: 'tag',
                values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']}});
            return result.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.slice(0, 5).map(n => n.target.join(' ') + ': ' + n.failureSummary)}));
        }""")
    return run


def sign_in(page, username, password="pw-for-tests"):
    page.goto("/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("input[type=submit]")
    page.wait_for_url("**/admin/")


def screenshot(page, name, **options):
    """Save a picture for the README when SCREENSHOTS_DIR is set (make screenshots)."""
    if SCREENSHOTS:
        Path(SCREENSHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(SCREENSHOTS) / name), **options)
