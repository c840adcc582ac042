"""OAI-PMH harvested by Sickle, an independent client, through a live server: every
resumption token followed, counts and Dublin Core fields checked, deletions seen."""
import datetime

import pytest
from sickle import Sickle
from sickle.oaiexceptions import BadArgument, CannotDisseminateFormat, IdDoesNotExist, NoRecordsMatch
from taggit.models import Tag

from archive.models import Agent, Authorship, Entry, EntryStatus, Outlet, Series

from .citation_db import make_agent, make_op_ed, make_rsis_entry

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def archive(settings):
    settings.OAI_PAGE_SIZE = 2
    settings.OAI_REPOSITORY_IDENTIFIER = "archive.example.org"
    entries = [make_rsis_entry(title=f"Commentary {n} on Chips", number=f"CO2505{n}") for n in range(4)]
    op_ed = make_op_ed()
    Authorship.objects.create(entry=op_ed, agent=make_agent("Ursula von der Leyen"), position=0)
    Authorship.objects.create(entry=op_ed, agent=make_agent("Søren Ågaard"), position=1)
    make_rsis_entry(title="Never Published", status=EntryStatus.DRAFT)
    unpublished = entries[0]
    unpublished.status = EntryStatus.DRAFT
    unpublished.save()
    deleted_id = entries[1].pk
    entries[1].delete()
    return {"entries": entries, "op_ed": op_ed, "unpublished": unpublished, "deleted_id": deleted_id}


def _sickle(live_server, method="GET"):
    return Sickle(live_server.url + "/oai/", http_method=method)


def test_harvest_follows_every_token_and_reports_deletions(live_server, archive):
    records = list(_sickle(live_server).ListRecords(metadataPrefix="oai_dc", ignore_deleted=False))
    # 2 published commentaries + op-ed + unpublished (deleted) + tombstone (deleted): 5, in 3 pages of 2.
    assert len(records) == 5
    ids = [r.header.identifier for r in records]
    assert len(set(ids)) == 5
    deleted = {r.header.identifier for r in records if r.header.deleted}
    assert deleted == {f"oai:archive.example.org:entry/{archive['unpublished'].pk}",
                       f"oai:archive.example.org:entry/{archive['deleted_id']}"}
    assert not any("Never Published" in str(r.metadata.get("title")) for r in records if not r.header.deleted)
    op_ed = next(r for r in records if r.header.identifier.endswith(f"/{archive['op_ed'].pk}"))
    md = op_ed.metadata
    assert md["title"] == ["DeepSeek Offers a Lesson for the Global South"]
    assert md["creator"] == ["von der Leyen, Ursula", "Ågaard, Søren"]
    assert md["publisher"] == ["China Daily"]
    assert md["source"] == ["China Daily"]
    assert md["type"] == ["Text", "newspaper article"]
    assert md["relation"] == ["https://chinadailyhk.com/hk/article/603444"]
    assert "date" not in md  # no date on the page: none invented
    report = next(r for r in records if r.header.identifier.endswith(f"/{archive['entries'][2].pk}"))
    md = report.metadata
    assert md["creator"] == ["Qi, Dapeng"]
    assert md["date"] == ["2025-03-17"]
    assert md["publisher"] == ["S. Rajaratnam School of International Studies"]
    assert md["source"] == ["RSIS Commentary CO25052"]
    assert md["subject"] == ["East Asia", "Technology and Future Issues"]
    assert md["language"] == ["en"]
    assert md["description"] == ["In 2025, Chinese AI firm DeepSeek disrupted US tech hegemony."]
    assert md["identifier"][0].startswith(live_server.url + "/entries/")
    assert "outlet:rsis" in report.header.setSpecs and "tag:east-asia" in report.header.setSpecs


def test_list_identifiers_by_post_with_sets(live_server, archive):
    sickle = _sickle(live_server, "POST")
    headers = list(sickle.ListIdentifiers(metadataPrefix="oai_dc", set="outlet:rsis", ignore_deleted=False))
    assert len(headers) == 4  # 2 published, 1 unpublished, 1 tombstone, all RSIS
    assert all("outlet:rsis" in h.setSpecs for h in headers)
    china = list(sickle.ListIdentifiers(metadataPrefix="oai_dc", set="outlet:china-daily"))
    assert [h.identifier for h in china] == [f"oai:archive.example.org:entry/{archive['op_ed'].pk}"]
    sets = {s.setSpec: s.setName for s in sickle.ListSets()}
    assert sets["outlet"] == "Outlets" and sets["outlet:rsis"] == "S. Rajaratnam School of International Studies (RSIS)"
    assert sets["tag:east-asia"] == "East Asia"


def test_get_record_identify_formats_and_errors(live_server, archive):
    sickle = _sickle(live_server)
    identify = sickle.Identify()
    assert identify.protocolVersion == "2.0"
    assert identify.deletedRecord == "persistent"
    assert identify.granularity == "YYYY-MM-DDThh:mm:ssZ"
    assert identify.baseURL == live_server.url + "/oai/"
    [fmt] = list(sickle.ListMetadataFormats())
    assert fmt.metadataPrefix == "oai_dc"
    record = sickle.GetRecord(identifier=f"oai:archive.example.org:entry/{archive['op_ed'].pk}", metadataPrefix="oai_dc")
    assert record.metadata["title"] == ["DeepSeek Offers a Lesson for the Global South"]
    gone = sickle.GetRecord(identifier=f"oai:archive.example.org:entry/{archive['deleted_id']}", metadataPrefix="oai_dc")
    assert gone.header.deleted
    with pytest.raises(IdDoesNotExist):
        sickle.GetRecord(identifier="oai:archive.example.org:entry/999999", metadataPrefix="oai_dc")
    with pytest.raises(CannotDisseminateFormat):
        list(sickle.ListRecords(metadataPrefix="marc21"))
    with pytest.raises(BadArgument):
        list(sickle.ListRecords(metadataPrefix="oai_dc", **{"from": "17 March 2025"}))
    with pytest.raises(NoRecordsMatch):
        list(sickle.ListRecords(metadataPrefix="oai_dc", set="tag:no-such-tag"))


def test_from_and_until_select_by_datestamp(live_server, archive):
    sickle = _sickle(live_server)
    old = archive["entries"][3]
    Entry.objects.filter(pk=old.pk).update(updated_at=datetime.datetime(2020, 1, 2, 10, 0, 0, tzinfo=datetime.timezone.utc))
    until_day = list(sickle.ListIdentifiers(metadataPrefix="oai_dc", until="2020-01-02"))
    assert [h.identifier for h in until_day] == [f"oai:archive.example.org:entry/{old.pk}"]
    at_second = list(sickle.ListIdentifiers(metadataPrefix="oai_dc", until="2020-01-02T10:00:00Z"))
    assert [h.identifier for h in at_second] == [f"oai:archive.example.org:entry/{old.pk}"]
    with pytest.raises(NoRecordsMatch):
        list(sickle.ListIdentifiers(metadataPrefix="oai_dc", until="2020-01-02T09:59:59Z"))
    since = list(sickle.ListIdentifiers(metadataPrefix="oai_dc", ignore_deleted=False, **{"from": "2020-01-03"}))
    assert len(since) == 4 and old.pk not in [int(h.identifier.rsplit("/", 1)[1]) for h in since]


LONG_AGO = datetime.datetime(2020, 1, 2, 10, 0, 0, tzinfo=datetime.timezone.utc)


def _harvest_since_2021(live_server):
    """{entry id: metadata} of the records a harvester asking from=2021-01-01 gets."""
    try:
        records = list(_sickle(live_server).ListRecords(metadataPrefix="oai_dc", ignore_deleted=True,
                                                        **{"from": "2021-01-01"}))
    except NoRecordsMatch:
        return {}
    return {int(r.header.identifier.rsplit("/", 1)[1]): r.metadata for r in records}


@pytest.fixture
def harvested(archive):
    """Every record as a harvester already has it: datestamps long ago."""
    Entry.objects.update(updated_at=LONG_AGO)
    return archive


def test_renaming_an_author_reaches_harvesters(live_server, harvested):
    op_ed = harvested["op_ed"]
    assert _harvest_since_2021(live_server) == {}
    agent = Agent.objects.get(name="Søren Ågaard")
    agent.description = "Columnist"  # not shown in oai_dc: nothing to harvest again
    agent.save()
    assert _harvest_since_2021(live_server) == {}
    agent.name, agent.family_name = "Søren Aagaard", "Aagaard"
    agent.save()
    again = _harvest_since_2021(live_server)
    assert list(again) == [op_ed.pk]
    assert again[op_ed.pk]["creator"] == ["von der Leyen, Ursula", "Aagaard, Søren"]


def test_renaming_an_outlet_series_or_tag_reaches_harvesters(live_server, harvested):
    published = [e for e in harvested["entries"][2:]]
    outlet = Outlet.objects.get(slug="rsis")
    outlet.name = "S. Rajaratnam School of International Studies, NTU"
    outlet.save()
    again = _harvest_since_2021(live_server)
    assert sorted(again) == sorted(e.pk for e in published)
    assert again[published[0].pk]["publisher"] == ["S. Rajaratnam School of International Studies, NTU"]
    Entry.objects.update(updated_at=LONG_AGO)
    series = Series.objects.get(name="RSIS Commentary")
    series.name = "RSIS Commentaries"
    series.save()
    again = _harvest_since_2021(live_server)
    assert again[published[0].pk]["source"] == [f"RSIS Commentaries {published[0].number}"]
    Entry.objects.update(updated_at=LONG_AGO)
    tag = Tag.objects.get(name="East Asia")
    tag.name = "East Asia and Asia Pacific"
    tag.save()
    again = _harvest_since_2021(live_server)
    assert sorted(again) == sorted(e.pk for e in published)
    assert again[published[0].pk]["subject"] == ["East Asia and Asia Pacific", "Technology and Future Issues"]


def test_byline_changes_and_merges_reach_harvesters(live_server, harvested):
    from archive.services.names import merge_agents

    op_ed, commentary = harvested["op_ed"], harvested["entries"][2]
    extra = Authorship.objects.create(entry=op_ed, agent=make_agent("Third Writer"), position=2)
    assert list(_harvest_since_2021(live_server)) == [op_ed.pk]
    Entry.objects.update(updated_at=LONG_AGO)
    extra.delete()
    assert _harvest_since_2021(live_server)[op_ed.pk]["creator"] == ["von der Leyen, Ursula", "Ågaard, Søren"]
    Entry.objects.update(updated_at=LONG_AGO)
    duplicate = make_agent("Dapeng Qi", family_name="Qi", given_name="Dapeng")
    Authorship.objects.filter(entry=commentary).update(agent=duplicate)  # a byline under a duplicate record
    Entry.objects.update(updated_at=LONG_AGO)
    merge_agents(Agent.objects.get(name="Qi Dapeng"), [duplicate])
    again = _harvest_since_2021(live_server)
    assert commentary.pk in again and again[commentary.pk]["creator"] == ["Qi, Dapeng"]


def test_tagging_an_entry_reaches_harvesters(live_server, harvested):
    op_ed = harvested["op_ed"]
    op_ed.tags.add("Hong Kong")
    again = _harvest_since_2021(live_server)
    assert list(again) == [op_ed.pk] and again[op_ed.pk]["subject"] == ["Hong Kong"]
