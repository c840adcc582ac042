"""The people index's counts are kept by the writes that change them (``NameCount``),
and they say what a fresh count of the archive says after every kind of change.

These tests commit (``transaction=True``) as production does.
"""
import re

import pytest
from django.core.management import call_command
from django.db.models import Count
from django.test import Client
from django.urls import reverse

from archive.models import Agent, Authorship, Entry, NameCount, Statement
from archive.services import name_counts
from archive.services.importer import import_paths
from archive.services.names import merge_agents

from . import site_data as sd
from .admin_forms import admin_form_data
from .factories import make_user
from .importing_helpers import SEEDS

pytestmark = pytest.mark.django_db(transaction=True)

ROW = re.compile(r'<a href="/people/([^/"]+)/">.*?</a>.*?<td class="num">([\d,]+)</td><td class="num">([\d,]+)</td>',
                 re.S)


def index(client, letter=None):
    """{slug: (entries written, statements made)} as the people index shows them (every page)."""
    shown, page = {}, 1
    while True:
        query = {"page": page, **({"letter": letter} if letter else {})}
        html = client.get("/people/", query).content.decode()
        for slug, written, said in ROW.findall(html):
            shown[slug] = (int(written.replace(",", "")), int(said.replace(",", "")))
        if f"page={page + 1}" not in html:
            return shown
        page += 1


def fresh_count():
    """{slug: (entries, statements)} counted from scratch, as the index did before it kept counts."""
    written = dict(Authorship.objects.filter(entry__status="published").values_list("agent__slug")
                   .annotate(n=Count("entry", distinct=True)))
    said = dict(Statement.objects.filter(entry__status="published").exclude(review_status="rejected")
                .exclude(speaker=None).values_list("speaker__slug").annotate(n=Count("id")))
    return {slug: (written.get(slug, 0), said.get(slug, 0)) for slug in set(written) | set(said)}


@pytest.fixture
def archive():
    ann, sam = sd.agent("Ann Author"), sd.agent("Sam Speaker")
    published = sd.entry("Published one", authors=[ann], paragraphs=["She said “first words” and “more words”."])
    draft = sd.entry("Draft one", authors=[ann], status="draft", paragraphs=["He said “draft words” here."])
    first = sd.statement(published, "first words", sam)
    sd.statement(published, "more words", sam)
    sd.statement(draft, "draft words", sam)
    return {"ann": ann, "sam": sam, "published": published, "draft": draft, "first": first}


def test_counts_follow_publishing_withdrawing_and_review_decisions(client, archive):
    assert index(client) == {"ann-author": (1, 0), "sam-speaker": (0, 2)} == fresh_count()

    draft = Entry.objects.get(pk=archive["draft"].pk)
    draft.status = "published"
    draft.save()
    assert index(client) == {"ann-author": (2, 0), "sam-speaker": (0, 3)} == fresh_count()

    first = Statement.objects.get(pk=archive["first"].pk)
    first.review_status = Statement.Review.REJECTED
    first.save()
    assert index(client)["sam-speaker"] == (0, 2)

    for statement in Statement.objects.filter(entry__status="published").exclude(review_status="rejected"):
        statement.speaker = None
        statement.save()
    assert "sam-speaker" not in index(client)  # quoted nowhere the public sees: not listed

    for entry in Entry.objects.all():
        entry.status = "draft"
        entry.save()
    assert index(client) == {} == fresh_count()


def test_an_editors_admin_save_and_a_deletion_show_in_the_index(client, archive):
    editor = Client()
    user = make_user("eddie")
    user.is_superuser = True
    user.save()
    editor.force_login(user)
    change = reverse("admin:archive_entry_change", args=[archive["published"].pk])
    response = editor.post(change, admin_form_data(editor.get(change), status="draft"))
    assert response.status_code == 302
    assert index(client) == {} == fresh_count()

    Entry.objects.filter(pk=archive["published"].pk).first().delete()
    draft = Entry.objects.get(pk=archive["draft"].pk)
    draft.status = "published"
    draft.save()
    assert index(client) == {"ann-author": (1, 0), "sam-speaker": (0, 1)} == fresh_count()


def test_renaming_moves_a_name_to_its_new_letter_and_merging_adds_the_counts(client, archive):
    sam = Agent.objects.get(pk=archive["sam"].pk)
    sam.name, sam.family_name, sam.given_name = "Sam Zeller", "Zeller", "Sam"
    sam.save()
    assert "sam-speaker" in index(client, "Z") and "sam-speaker" not in index(client, "S")

    other = sd.agent("Ann Other")
    entry = sd.entry("Another", authors=[other])
    sd.statement(entry, entry.body.split()[0], other)
    merge_agents(Agent.objects.get(pk=archive["ann"].pk), [other])
    assert index(client)["ann-author"] == (2, 1)
    assert index(client) == fresh_count()


def test_an_import_counts_every_name_it_adds_once(client):
    assert import_paths([SEEDS]).ok
    shown = index(client)
    assert shown and shown == fresh_count()
    assert sum(said for _, said in shown.values()) == Statement.objects.filter(
        entry__status="published").exclude(review_status="rejected").exclude(speaker=None).count()
    assert import_paths([SEEDS]).ok  # unchanged: the same counts
    assert index(client) == shown


def test_a_rebuild_after_bulk_writes_gives_the_same_rows(client, archive):
    kept = sorted(NameCount.objects.values_list("agent_id", "entries_written", "statements_made", "letter"))
    NameCount.objects.all().delete()  # what a bulk write that sends no signal leaves
    assert index(client) == {}
    call_command("refresh_counts", verbosity=0)
    assert sorted(NameCount.objects.values_list("agent_id", "entries_written", "statements_made", "letter")) == kept
    name_counts.refresh([archive["ann"].pk, archive["sam"].pk, 10 ** 9])
    assert sorted(NameCount.objects.values_list("agent_id", "entries_written", "statements_made", "letter")) == kept
