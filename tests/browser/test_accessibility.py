"""axe-core (from npm) finds no violations on the pages visitors and editors use most."""
import pytest

from .conftest import sign_in
from .data import build_archive, users

pytestmark = pytest.mark.django_db(transaction=True)


def test_public_pages_and_the_review_desk_have_no_axe_violations(page, groups, axe):
    main = build_archive()
    users()
    person = main.statements.get(quote__startswith="Open models change").speaker
    pages = {
        "home": "/",
        "search with filters": "/search/?q=open+models&outlet=rsis&tag=ai&year=2025&has_statements=1&sort=newest",
        "entry": main.get_absolute_url(),
        "person": person.get_absolute_url(),
        "people": "/people/",
        "statements": "/statements/?q=open",
    }
    found = {}
    for name, url in pages.items():
        page.goto(url)
        found[name] = axe(page)
    sign_in(page, "eddie")
    for name, url in {"review desk": "/admin/archive/statementreview/desk/",
                      "review desk, name search": "/admin/archive/statementreview/desk/?who=chen",
                      "admin index": "/admin/",
                      "entry change page": f"/admin/archive/entry/{main.pk}/change/"}.items():
        page.goto(url)
        found[name] = axe(page)
    report = [f"{name}: {v['id']} ({v['impact']}): {v['help']}\n    " + "\n    ".join(v["nodes"])
              for name, violations in found.items() for v in violations]
    assert not report, "axe-core violations:\n" + "\n".join(report)
