"""Citation keys are the entry's, not the export's: the same key on its page, in every list."""
import json

import bibtexparser
import pytest
import rispy

from archive.citations.records import KeySuffixes
from archive.models import Entry, EntryStatus

from .citation_db import make_op_ed, make_rsis_entry

pytestmark = pytest.mark.django_db


def _body(response):
    return b"".join(response.streaming_content).decode() if response.streaming else response.content.decode()


def _bib_keys(client, url):
    return [e.key for e in bibtexparser.parse_string(_body(client.get(url))).entries]


@pytest.fixture
def namesakes():
    """Three commentaries by Qi in 2025 whose titles start with "DeepSeek": one base key."""
    first = make_rsis_entry(title="DeepSeek: A Seed for Technological Equity", number="CO25056")
    other = make_op_ed()
    second = make_rsis_entry(title="DeepSeek and the Chip Wars", number="CO25061")
    third = make_rsis_entry(title="DeepSeek, Again", number="CO25077")
    third.tags.add("Chips")
    return first, second, third, other


def test_entries_sharing_a_base_key_get_distinct_keys_by_id(client, namesakes):
    first, second, third, _ = namesakes
    keys = _bib_keys(client, "/export/archive.bib")
    assert keys == ["qi2025deepseek", "chinanddeepseek", "qi2025deepseeka", "qi2025deepseekb"]


def test_a_key_is_the_same_on_the_page_and_in_every_list(client, namesakes):
    first, second, third, other = namesakes
    assert client.get(f"/entries/{third.slug}/cite.bib")["Content-Disposition"] == \
        'attachment; filename="qi2025deepseekb.bib"'
    assert _bib_keys(client, "/export/tags/chips.bib") == ["qi2025deepseekb"]  # alone in the list
    assert _bib_keys(client, f"/export/outlets/{first.outlet.slug}.bib") == [
        "qi2025deepseek", "qi2025deepseeka", "qi2025deepseekb"]
    unapi = client.get("/unapi", {"id": f"entry:{second.pk}", "format": "ris"}).content.decode()
    assert rispy.loads(unapi)[0]["id"] == "qi2025deepseeka"
    assert [i["id"] for i in json.loads(_body(client.get("/export/archive.json")))] == [
        "qi2025deepseek", "chinanddeepseek", "qi2025deepseeka", "qi2025deepseekb"]
    statement = second.statements.get()
    note = json.loads(_body(client.get(f"/statements/{statement.pk}/cite.json")))[0]
    assert note["id"] == f"qi2025deepseeka-s{statement.pk}"


def test_keys_are_stable_across_exports_and_ignore_drafts(client, namesakes):
    first, second, third, _ = namesakes
    before = _bib_keys(client, "/export/archive.bib")
    make_rsis_entry(title="DeepSeek Draft Thoughts", status=EntryStatus.DRAFT)  # a draft takes no rank
    later = make_rsis_entry(title="DeepSeek Later", number="CO25090")  # a newer entry ranks after
    assert _bib_keys(client, "/export/archive.bib") == before + ["qi2025deepseekc"]
    assert client.get(f"/entries/{later.slug}/cite.ris")["Content-Disposition"] == \
        'attachment; filename="qi2025deepseekc.ris"'


def test_the_export_keeps_suffixes_not_keys(namesakes):
    """What a long export keeps is the suffix of each entry that needs one, not every key."""
    first, second, third, other = namesakes
    memo = KeySuffixes()
    for entry in Entry.objects.order_by("pk"):
        memo.suffix(entry.pk, (entry.published_on.year,) if entry.published_on and entry.date_precision == "day"
                    else ())
    assert memo._suffixes == {second.pk: "a", third.pk: "b"}


def test_a_namesake_whose_name_folds_alike_shares_the_base_key_on_the_page_too(client):
    """An entry's page reads only entries by authors whose name gives the same key part;
    "Anna Qí" (another record) keys as "qi" too, and the page must know about her entry."""
    first = make_rsis_entry(title="DeepSeek: A Seed for Technological Equity", author="Qi Dapeng")
    namesake = make_rsis_entry(title="DeepSeek and the Chip Wars", number="CO25061", author="Anna Qí")
    unrelated = make_rsis_entry(title="DeepSeek, Again", number="CO25077", author="Louis Tompros")
    assert client.get(f"/entries/{namesake.slug}/cite.bib")["Content-Disposition"] == \
        'attachment; filename="qi2025deepseeka.bib"'
    assert client.get(f"/entries/{first.slug}/cite.bib")["Content-Disposition"] == \
        'attachment; filename="qi2025deepseek.bib"'
    assert client.get(f"/entries/{unrelated.slug}/cite.bib")["Content-Disposition"] == \
        'attachment; filename="tompros2025deepseek.bib"'
    assert _bib_keys(client, "/export/archive.bib") == ["qi2025deepseek", "qi2025deepseeka", "tompros2025deepseek"]


def test_an_entrys_own_key_follows_a_rename_of_another_namesake(client, namesakes):
    """An entry's page finds its namesakes by the name records' stored key word: renaming
    the first entry's author to someone else moves the suffixes at once."""
    first, second, third, _ = namesakes
    assert client.get(f"/entries/{second.slug}/cite.bib")["Content-Disposition"] == \
        'attachment; filename="qi2025deepseeka.bib"'
    from archive.models import Agent, Authorship

    Authorship.objects.filter(entry=first).update(agent=Agent.objects.create(name="Lin Mei"))
    renamed = Agent.objects.get(name="Lin Mei")
    assert renamed.citation_token == "lin"
    assert client.get(f"/entries/{second.slug}/cite.bib")["Content-Disposition"] == \
        'attachment; filename="qi2025deepseek.bib"'
    renamed.name, renamed.family_name, renamed.given_name = "Qi Lin", "Qi", "Lin"
    renamed.save()
    assert Agent.objects.get(pk=renamed.pk).citation_token == "qi"
    assert client.get(f"/entries/{second.slug}/cite.bib")["Content-Disposition"] == \
        'attachment; filename="qi2025deepseeka.bib"'


@pytest.mark.django_db(transaction=True)  # nothing is kept inside a transaction that changed the archive
def test_an_entrys_key_suffix_is_kept_until_the_archive_changes(client, namesakes, settings):
    """The suffix of an entry's own key is read once, then kept under the archive's
    ``lists`` token: the next page or download of the entry skips the namesakes' query,
    and a change anywhere in the archive (here: the first namesake unpublished, then
    published again) gives the right key at once."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    settings.ARCHIVE_PUBLIC_CACHE = False  # every request computed: only the suffix is kept
    first, second, _, _ = namesakes
    url = f"/entries/{second.slug}/cite.bib"

    def filename():
        with CaptureQueriesContext(connection) as queries:
            disposition = client.get(url)["Content-Disposition"]
        return disposition, [q["sql"] for q in queries if '"citation_token" =' in q["sql"]]

    disposition, namesake_queries = filename()
    assert disposition == 'attachment; filename="qi2025deepseeka.bib"' and len(namesake_queries) == 1
    client.get(f"/entries/{second.slug}/")  # the entry page keeps it too
    disposition, namesake_queries = filename()
    assert disposition == 'attachment; filename="qi2025deepseeka.bib"' and namesake_queries == []
    first.status = EntryStatus.DRAFT
    first.save()
    disposition, namesake_queries = filename()
    assert disposition == 'attachment; filename="qi2025deepseek.bib"' and len(namesake_queries) == 1
    first.status = EntryStatus.PUBLISHED
    first.save()
    assert filename()[0] == 'attachment; filename="qi2025deepseeka.bib"'
