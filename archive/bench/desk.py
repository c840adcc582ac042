"""Review desk benchmark: an editor's decisions in a real browser, timed from key press to the next statement.

    python manage.py bench --sizes 10000 --only desk        (make bench-desk)

On the corpus database the bench command prepared, this serves the site from a thread
(Django's live server), signs a temporary editor in with Playwright driving Debian's
chromium, and makes ``DECISIONS`` decisions in a row with the keyboard (confirm,
confirm, the first alternative, reject, ...), each one request. It reports the median
and the worst time per decision and the requests each made. Afterwards every decided
statement is put back as it was and the editor removed, so the corpus stays reusable.

Skipped (with the reason as its row) when Playwright or chromium is missing.
"""
import os
import statistics
import time
from pathlib import Path

from django.contrib.auth.models import Group, User
from django.contrib.staticfiles.handlers import StaticFilesHandler
from django.test.testcases import LiveServerThread
from django.test.utils import override_settings

from archive.bench import ms
from archive.models import Agent, Statement

DECISIONS = 10
KEYS = ["c", "c", "1", "r", "c", "1", "c", "r", "c", "c"]
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]
EDITOR = "bench-desk-editor"
FIELDS = ["review_status", "speaker_id", "kind", "edited", "alternatives", "group_id"]


# The bench runs with production settings; its local server speaks plain HTTP on 127.0.0.1.
LOCAL_SERVER = {
    "ALLOWED_HOSTS": ["127.0.0.1"], "SECURE_SSL_REDIRECT": False, "SESSION_COOKIE_SECURE": False,
    "CSRF_COOKIE_SECURE": False, "STORAGES": {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}},
}


def run(scale):
    with override_settings(**LOCAL_SERVER):
        return _run()


def _run():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return [("desk", "skipped: Playwright is not installed")]
    if not Path(CHROMIUM).exists():
        return [("desk", f"skipped: no chromium at {CHROMIUM} (apt-get install -y chromium chromium-driver)")]
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright's loop shares this thread

    queue = list(Statement.objects.filter(review_status=Statement.Review.SUGGESTED)
                 .order_by("confidence", "id")[:DECISIONS + 2])
    saved = {s.pk: {f: getattr(s, f) for f in FIELDS} for s in queue}
    others = list(Agent.objects.order_by("pk").values_list("name", "kind")[:3])
    for statement in queue:  # alternatives for the "1" decisions (the corpus has none)
        statement.alternatives = [{"speaker": n, "speaker_kind": k, "speaker_mention": n, "score": 0.1}
                                  for n, k in others if n != getattr(statement.speaker, "name", None)][:2]
    Statement.objects.bulk_update(queue, ["alternatives"])
    history_before = Statement.history.order_by("-history_id").values_list("history_id", flat=True).first() or 0
    editor = User.objects.create_user(EDITOR, password="bench-only-password", is_staff=True)
    editor.groups.add(Group.objects.get(name="Editors"))
    server = LiveServerThread("127.0.0.1", StaticFilesHandler, port=0)
    server.daemon = True
    server.start()
    server.is_ready.wait()
    if server.error:
        raise server.error
    times, requests_per = [], []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
            page = browser.new_page(base_url=f"http://127.0.0.1:{server.port}")
            page.goto("/admin/login/")
            page.fill("#id_username", EDITOR)
            page.fill("#id_password", "bench-only-password")
            page.click("input[type=submit]")
            page.goto("/admin/archive/statementreview/desk/")
            made = []
            page.on("request", lambda r: "/static/" in r.url or made.append(r.method))
            for key in KEYS[:DECISIONS]:
                before = page.locator(".desk-item").get_attribute("data-statement")
                made.clear()
                started = time.perf_counter()
                page.keyboard.press(key)
                page.wait_for_function(
                    "b => { const i = document.querySelector('.desk-item'); return !i || i.dataset.statement !== b; }",
                    arg=before)
                times.append(time.perf_counter() - started)
                requests_per.append(len(made))
            browser.close()
    finally:
        server.terminate()
        _restore(saved, history_before)
        editor.delete()
    return [
        (f"{DECISIONS} decisions with the keyboard, per decision (median)", ms(statistics.median(times))),
        ("slowest decision", ms(max(times))),
        ("requests per decision", ", ".join(str(n) for n in requests_per)),
    ]


def _restore(saved, history_before):
    """Put the decided statements back as the corpus had them, without the bench's history rows."""
    from archive.models import StatementGroup
    from archive.services.statements import assign_group

    agents = set(Agent.objects.filter(pk__in=[v["speaker_id"] for v in saved.values()]).values_list("pk", flat=True))
    groups = set(StatementGroup.objects.filter(pk__in=[v["group_id"] for v in saved.values()])
                 .values_list("pk", flat=True))
    for pk, values in saved.items():
        values = dict(values)
        if values["speaker_id"] not in agents:
            del values["speaker_id"]  # a record only this statement used, gone with the decision
        regroup = values["group_id"] is not None and values["group_id"] not in groups
        if regroup:
            values["group_id"] = None
        Statement.objects.filter(pk=pk).update(**values)
        if regroup:
            assign_group(Statement.objects.get(pk=pk))
    Statement.history.filter(history_id__gt=history_before).delete()
