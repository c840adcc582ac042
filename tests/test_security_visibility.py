"""D6: a person, outlet or tag seen only in drafts or rejected statements is unknown to visitors.

Their slug in a filter, page, feed or export reads exactly like a slug nobody has.
"""
import pytest

from archive.models import Statement

from . import site_data as sd


@pytest.fixture
def archive(db):
    public_outlet = sd.outlet("Open Institute", slug="open-institute")
    hidden_outlet = sd.outlet("Secret Drafts Bureau", slug="secret-drafts-bureau")
    drafter = sd.agent("Hidden Drafter")
    rejected = sd.agent("Rejected Speaker")
    visible = sd.agent("Visible Writer")
    published = sd.entry("A public commentary", outlet_obj=public_outlet, authors=[visible],
                         paragraphs=["The minister said “we stand firm” today.", "Also “no comment” here."])
    sd.statement(published, "we stand firm", rejected, review_status=Statement.Review.REJECTED)
    sd.statement(published, "no comment", visible)
    sd.entry("A draft commentary", outlet_obj=hidden_outlet, authors=[drafter], status="draft", tags=["draft-only-tag"])
    return {"drafter": drafter, "rejected": rejected}


def _same_as_unknown(client, url_template, slug):
    unknown = "nobody-by-this-name"
    hidden = client.get(url_template.format(slug))
    nobody = client.get(url_template.format(unknown))
    assert hidden.status_code == nobody.status_code
    body = hidden.content.decode().replace(slug, "SLUG")
    assert body == nobody.content.decode().replace(unknown, "SLUG")
    return body


@pytest.mark.parametrize("url", ["/search/?author={}", "/search/?speaker={}", "/search/?q=commentary&author={}",
                                 "/api/entries/?author={}"])
def test_a_drafts_only_author_is_not_named(client, archive, url):
    body = _same_as_unknown(client, url, "hidden-drafter")
    assert "Hidden Drafter" not in body


@pytest.mark.parametrize("url", ["/statements/?speaker={}", "/search/?speaker={}", "/api/statements/?speaker={}"])
def test_a_speaker_of_rejected_statements_only_is_not_named(client, archive, url):
    body = _same_as_unknown(client, url, "rejected-speaker")
    assert "Rejected Speaker" not in body


@pytest.mark.parametrize("url", ["/search/?outlet={}", "/outlets/{}/", "/feeds/outlets/{}/", "/export/outlets/{}.ris"])
def test_an_outlet_with_only_drafts_is_unknown(client, archive, url):
    body = _same_as_unknown(client, url, "secret-drafts-bureau")
    assert "Secret Drafts Bureau" not in body


@pytest.mark.parametrize("url", ["/search/?tag={}", "/tags/{}/", "/feeds/tags/{}/", "/export/tags/{}.bib"])
def test_a_tag_on_drafts_only_is_unknown(client, archive, url):
    _same_as_unknown(client, url, "draft-only-tag")


@pytest.mark.parametrize("url", ["/people/{}/", "/feeds/people/{}/", "/export/people/{}.bib"])
def test_hidden_people_have_no_page_feed_or_export(client, archive, url):
    for slug in ("hidden-drafter", "rejected-speaker"):
        assert client.get(url.format(slug)).status_code == 404


def test_public_records_are_still_named(client, archive):
    assert "Visible Writer" in client.get("/search/?author=visible-writer").content.decode()
    assert "Visible Writer" in client.get("/statements/?speaker=visible-writer").content.decode()
    assert client.get("/outlets/open-institute/").status_code == 200
    assert client.get("/feeds/outlets/open-institute/").status_code == 200
