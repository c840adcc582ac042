"""OAI-PMH protocol details through the test client: every error code, the request echo,
resumption token attributes and the final empty token. Every response these tests read is
validated against the OAI-PMH 2.0 and oai_dc XML Schemas (tests/oai_schema.py)."""
import pytest
from lxml import etree

from archive.oai import tokens
from archive.oai.protocol import OAIError, check, parse_datestamp

from .citation_db import make_op_ed, make_rsis_entry
from .oai_schema import assert_valid

pytestmark = pytest.mark.django_db

NS = {"o": "http://www.openarchives.org/OAI/2.0/"}


def oai(client, method="get", **params):
    response = getattr(client, method)("/oai/", params)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/xml; charset=utf-8"
    doc = etree.fromstring(response.content)
    assert_valid(doc)
    return doc


def error_code(doc):
    errors = doc.findall("o:error", NS)
    return errors[0].get("code") if errors else None


@pytest.fixture
def three(settings):
    settings.OAI_PAGE_SIZE = 2
    return [make_rsis_entry(title=f"Commentary {n}", number=f"CO2500{n}") for n in range(3)]


def test_tokens_carry_size_and_cursor_and_end_empty(client, three):
    first = oai(client, verb="ListIdentifiers", metadataPrefix="oai_dc")
    assert len(first.findall(".//o:header", NS)) == 2
    token = first.find(".//o:resumptionToken", NS)
    assert (token.get("completeListSize"), token.get("cursor")) == ("3", "0")
    second = oai(client, verb="ListIdentifiers", resumptionToken=token.text)
    assert len(second.findall(".//o:header", NS)) == 1
    last = second.find(".//o:resumptionToken", NS)
    assert (last.get("completeListSize"), last.get("cursor"), last.text) == ("3", "2", None)
    request = second.find("o:request", NS)
    assert request.get("resumptionToken") == token.text and request.get("verb") == "ListIdentifiers"


def test_single_page_list_has_no_token(client, settings):
    settings.OAI_PAGE_SIZE = 10
    make_rsis_entry()
    doc = oai(client, verb="ListRecords", metadataPrefix="oai_dc")
    assert doc.find(".//o:resumptionToken", NS) is None
    assert doc.find(".//o:request", NS).get("metadataPrefix") == "oai_dc"


@pytest.mark.parametrize("params,code", [
    ({}, "badVerb"),
    ({"verb": "Harvest"}, "badVerb"),
    ({"verb": ["Identify", "Identify"]}, "badVerb"),
    ({"verb": "Identify", "extra": "1"}, "badArgument"),
    ({"verb": "ListRecords"}, "badArgument"),
    ({"verb": "ListRecords", "metadataPrefix": ["oai_dc", "oai_dc"]}, "badArgument"),
    ({"verb": "ListRecords", "metadataPrefix": "oai_dc", "from": "2025-13-45"}, "badArgument"),
    ({"verb": "ListRecords", "metadataPrefix": "oai_dc", "from": "2025-01-01", "until": "2025-02-01T00:00:00Z"},
     "badArgument"),
    ({"verb": "ListRecords", "metadataPrefix": "oai_dc", "from": "2025-02-01", "until": "2025-01-01"}, "badArgument"),
    ({"verb": "ListRecords", "resumptionToken": "abc", "metadataPrefix": "oai_dc"}, "badArgument"),
    ({"verb": "ListRecords", "metadataPrefix": "oai_dc", "set": "bad set!"}, "badArgument"),
    ({"verb": "GetRecord", "identifier": "oai:x:entry/1"}, "badArgument"),
    ({"verb": "ListRecords", "resumptionToken": "not-a-token"}, "badResumptionToken"),
    ({"verb": "ListSets", "resumptionToken": "anything"}, "badResumptionToken"),
    ({"verb": "ListRecords", "metadataPrefix": "mods"}, "cannotDisseminateFormat"),
    ({"verb": "GetRecord", "identifier": "oai:nowhere:entry/1", "metadataPrefix": "oai_dc"}, "idDoesNotExist"),
    ({"verb": "ListMetadataFormats", "identifier": "entry/1"}, "idDoesNotExist"),
    ({"verb": "ListRecords", "metadataPrefix": "oai_dc", "until": "1990-01-01"}, "noRecordsMatch"),
])
def test_error_codes(client, params, code):
    make_rsis_entry()
    for method in ("get", "post"):
        doc = oai(client, method, **params)
        assert error_code(doc) == code
        if code in ("badVerb", "badArgument"):
            assert dict(doc.find("o:request", NS).attrib) == {}


def test_token_of_another_verb_is_bad(client, three):
    token = oai(client, verb="ListIdentifiers", metadataPrefix="oai_dc").find(".//o:resumptionToken", NS).text
    assert error_code(oai(client, verb="ListRecords", resumptionToken=token)) == "badResumptionToken"


def test_no_sets_and_no_metadata_formats_for_deleted_items(client, settings):
    settings.OAI_REPOSITORY_IDENTIFIER = "archive.example.org"
    assert error_code(oai(client, verb="ListSets")) == "noSetHierarchy"
    entry = make_op_ed()
    entry_id = entry.pk
    entry.delete()
    doc = oai(client, verb="ListMetadataFormats", identifier=f"oai:archive.example.org:entry/{entry_id}")
    assert error_code(doc) == "noMetadataFormats"
    doc = oai(client, verb="GetRecord", identifier=f"oai:archive.example.org:entry/{entry_id}", metadataPrefix="oai_dc")
    header = doc.find(".//o:header", NS)
    assert header.get("status") == "deleted"
    assert [s.text for s in header.findall("o:setSpec", NS)] == ["outlet:china-daily"]
    assert doc.find(".//o:metadata", NS) is None


def test_never_published_drafts_leave_no_trace(client):
    draft = make_rsis_entry(status="draft")
    draft.delete()
    assert error_code(oai(client, verb="ListIdentifiers", metadataPrefix="oai_dc")) == "noRecordsMatch"


def test_identify(client, settings):
    settings.OAI_REPOSITORY_IDENTIFIER = "archive.example.org"
    doc = oai(client, verb="Identify")
    ident = doc.find("o:Identify", NS)
    assert ident.find("o:baseURL", NS).text == "http://testserver/oai/"
    assert ident.find("o:deletedRecord", NS).text == "persistent"
    assert ident.find("o:earliestDatestamp", NS).text == "1970-01-01T00:00:00Z"  # empty repository


# --- pure parts --------------------------------------------------------------------

def test_token_round_trip_and_damage():
    state = {"verb": "ListRecords", "prefix": "oai_dc", "set": None, "from": None, "until": None,
             "after": ["e", 7], "cursor": 2, "size": 9}
    assert tokens.decode(tokens.encode(state)) == state
    for bad in ("", "%%%", tokens.encode({"verb": "x"}), tokens.encode({**state, "after": ["z", 1]})):
        with pytest.raises(tokens.BadToken):
            tokens.decode(bad)


def test_until_day_covers_the_whole_day():
    end, granularity = parse_datestamp("2025-03-17", end_of_range=True)
    assert granularity == "day" and end.isoformat() == "2025-03-18T00:00:00+00:00"
    with pytest.raises(OAIError):
        check({"verb": ["ListRecords"], "metadataPrefix": ["oai_dc"], "from": ["2025-02-30"]})
