"""Issue 11, defect 7: every OAI-PMH response is schema-valid, whatever a harvester sends.

A resumption token must always yield a page that validates against the OAI-PMH 2.0 XML
Schema (a list with at least one record, a positive ``completeListSize``) or a
``badResumptionToken`` error: also when the records that remained changed after the token
was issued, and when the token was forged.
"""
import datetime

import pytest
from django.utils import timezone
from lxml import etree

from archive.models import Entry
from archive.oai import tokens

from .citation_db import make_op_ed, make_rsis_entry
from .oai_schema import assert_valid, schema_errors

pytestmark = pytest.mark.django_db

NS = {"o": "http://www.openarchives.org/OAI/2.0/"}


def oai(client, **params):
    response = client.get("/oai/", params)
    assert response.status_code == 200
    doc = etree.fromstring(response.content)
    assert_valid(doc)
    return doc


def error_code(doc):
    error = doc.find("o:error", NS)
    return error.get("code") if error is not None else None


@pytest.fixture
def three(settings):
    settings.OAI_PAGE_SIZE = 2
    settings.OAI_REPOSITORY_IDENTIFIER = "archive.example.org"
    return [make_rsis_entry(title=f"Commentary {n}", number=f"CO2500{n}") for n in range(3)]


def test_the_schemas_catch_an_empty_list_and_a_bad_list_size():
    """The check itself can fail: the two shapes the defect produced are invalid."""
    envelope = ('<OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/"><responseDate>2025-03-17T00:00:00Z'
                '</responseDate><request verb="ListIdentifiers">http://x/oai/</request>{}</OAI-PMH>')
    header = ("<header><identifier>oai:archive.example.org:entry/1</identifier>"
              "<datestamp>2025-03-17T00:00:00Z</datestamp></header>")
    assert schema_errors(envelope.format('<ListIdentifiers><resumptionToken cursor="2" completeListSize="3"/>'
                                         '</ListIdentifiers>'))
    for size in ("0", "-1", "True"):
        assert schema_errors(envelope.format(f'<ListIdentifiers>{header}<resumptionToken cursor="0" '
                                             f'completeListSize="{size}"/></ListIdentifiers>'))
    assert not schema_errors(envelope.format(f'<ListIdentifiers>{header}</ListIdentifiers>'))


def test_every_verb_validates(client, three):
    make_op_ed()
    identifier = f"oai:archive.example.org:entry/{three[0].pk}"
    for params in ({"verb": "Identify"}, {"verb": "ListMetadataFormats"}, {"verb": "ListSets"},
                   {"verb": "ListMetadataFormats", "identifier": identifier},
                   {"verb": "GetRecord", "identifier": identifier, "metadataPrefix": "oai_dc"}):
        assert error_code(oai(client, **params)) is None, params
    for verb in ("ListIdentifiers", "ListRecords"):
        doc = oai(client, verb=verb, metadataPrefix="oai_dc")
        seen = len(doc.findall(".//o:header", NS))
        while (token := doc.find(".//o:resumptionToken", NS)) is not None and token.text:
            doc = oai(client, verb=verb, resumptionToken=token.text)
            seen += len(doc.findall(".//o:header", NS))
        assert seen == 4
    records = oai(client, verb="ListRecords", metadataPrefix="oai_dc", set="outlet")
    assert records.findall(".//{http://www.openarchives.org/OAI/2.0/oai_dc/}dc")


@pytest.mark.parametrize("verb", ["ListIdentifiers", "ListRecords"])
def test_token_whose_remaining_records_changed_is_a_bad_token_not_an_empty_page(client, three, verb):
    today = timezone.now().date().isoformat()
    first = oai(client, verb=verb, metadataPrefix="oai_dc", until=today)
    assert len(first.findall(".//o:header", NS)) == 2
    token = first.find(".//o:resumptionToken", NS).text
    # The one record left is edited after the token was issued: its datestamp is now past `until`.
    Entry.objects.filter(pk=three[2].pk).update(updated_at=timezone.now() + datetime.timedelta(days=2))
    doc = oai(client, verb=verb, resumptionToken=token)  # schema-valid (checked in oai())
    assert error_code(doc) == "badResumptionToken"
    assert "changed since the token was issued" in doc.find("o:error", NS).text


def _forged(**changes):
    state = {"verb": "ListIdentifiers", "prefix": "oai_dc", "set": None, "from": None, "until": None,
             "after": ["e", 0], "cursor": 0, "size": 3}
    return tokens.encode({**state, **changes})


@pytest.mark.parametrize("changes", [
    {"size": 0}, {"size": -1}, {"size": True}, {"size": "3"}, {"cursor": -2}, {"cursor": False},
    {"after": ["e", -5]}, {"after": ["e", True]}, {"prefix": "marc21"}, {"prefix": 7}, {"set": "bad set!"},
    {"set": 5}, {"from": "2025-13-45"}, {"until": "yesterday"}, {"verb": "GetRecord"},
])
def test_forged_tokens_are_bad_tokens(client, three, changes):
    doc = oai(client, verb="ListIdentifiers", resumptionToken=_forged(**changes))
    assert error_code(doc) == "badResumptionToken", changes


def test_a_forged_but_well_formed_token_still_gives_a_valid_page(client, three):
    """A token with a size smaller than what is listed is still valid XML (the size is an estimate)."""
    doc = oai(client, verb="ListIdentifiers", resumptionToken=_forged(size=1, cursor=5))
    assert len(doc.findall(".//o:header", NS)) == 2
