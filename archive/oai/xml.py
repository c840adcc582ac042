"""OAI-PMH 2.0 response documents, built as text from plain data. Pure Python.

Spec: http://www.openarchives.org/OAI/openarchivesprotocol.html. Every function returns
a string fragment; ``envelope`` wraps one verb's payload (or errors) in the
``<OAI-PMH>`` document with its ``responseDate`` and ``request`` elements.
"""
from dataclasses import dataclass, field
from xml.sax.saxutils import escape, quoteattr

OAI_NS = "http://www.openarchives.org/OAI/2.0/"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
OAI_DC_NS = "http://www.openarchives.org/OAI/2.0/oai_dc/"
DC_NS = "http://purl.org/dc/elements/1.1/"

METADATA_FORMATS = {
    "oai_dc": ("http://www.openarchives.org/OAI/2.0/oai_dc.xsd", OAI_DC_NS),
}

ERROR_CODES = (
    "badArgument", "badResumptionToken", "badVerb", "cannotDisseminateFormat", "idDoesNotExist",
    "noRecordsMatch", "noMetadataFormats", "noSetHierarchy",
)


@dataclass
class Header:
    identifier: str
    datestamp: str  # YYYY-MM-DDThh:mm:ssZ
    set_specs: list = field(default_factory=list)
    deleted: bool = False


@dataclass
class DublinCore:
    """The fifteen-element Dublin Core record, each element a list of values."""

    title: list = field(default_factory=list)
    creator: list = field(default_factory=list)
    subject: list = field(default_factory=list)
    description: list = field(default_factory=list)
    publisher: list = field(default_factory=list)
    date: list = field(default_factory=list)
    type: list = field(default_factory=list)
    identifier: list = field(default_factory=list)
    source: list = field(default_factory=list)
    language: list = field(default_factory=list)
    relation: list = field(default_factory=list)

    ORDER = ("title", "creator", "subject", "description", "publisher", "date", "type", "identifier",
             "source", "language", "relation")


def _el(tag, text, attrs=""):
    return f"<{tag}{attrs}>{escape(str(text))}</{tag}>"


def envelope(response_date, base_url, body, request_args=None):
    """The whole response. ``request_args`` are echoed as attributes, except (spec 3.2)
    after badVerb/badArgument, when the request element carries none."""
    attrs = "".join(f" {k}={quoteattr(v)}" for k, v in (request_args or {}).items())
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<OAI-PMH xmlns="{OAI_NS}" xmlns:xsi="{XSI}" '
        f'xsi:schemaLocation="{OAI_NS} http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd">\n'
        f"<responseDate>{response_date}</responseDate>\n"
        f"<request{attrs}>{escape(base_url)}</request>\n"
        f"{body}\n</OAI-PMH>\n"
    )


def error(code, message):
    assert code in ERROR_CODES, code
    return _el("error", message, f' code="{code}"')


def header(h):
    status = ' status="deleted"' if h.deleted else ""
    sets = "".join(_el("setSpec", s) for s in h.set_specs)
    return f"<header{status}>{_el('identifier', h.identifier)}{_el('datestamp', h.datestamp)}{sets}</header>"


def oai_dc(dc):
    elements = "".join(
        _el(f"dc:{name}", value) for name in DublinCore.ORDER for value in getattr(dc, name) if value
    )
    return (
        f'<oai_dc:dc xmlns:oai_dc="{OAI_DC_NS}" xmlns:dc="{DC_NS}" xmlns:xsi="{XSI}" '
        f'xsi:schemaLocation="{OAI_DC_NS} http://www.openarchives.org/OAI/2.0/oai_dc.xsd">{elements}</oai_dc:dc>'
    )


def record(h, dc=None):
    """A record: the header, and metadata unless the record is deleted."""
    if h.deleted or dc is None:
        return f"<record>{header(h)}</record>"
    return f"<record>{header(h)}<metadata>{oai_dc(dc)}</metadata></record>"


def resumption_token(token, complete_list_size, cursor):
    """The token element; an empty ``token`` marks the last page of a list (spec 3.5)."""
    return (f'<resumptionToken completeListSize="{complete_list_size}" cursor="{cursor}">'
            f"{escape(token)}</resumptionToken>")


def identify(name, base_url, admin_email, earliest, repository_identifier=""):
    description = ""
    if repository_identifier:
        description = (
            '<description><oai-identifier xmlns="http://www.openarchives.org/OAI/2.0/oai-identifier" '
            f'xmlns:xsi="{XSI}" xsi:schemaLocation="http://www.openarchives.org/OAI/2.0/oai-identifier '
            'http://www.openarchives.org/OAI/2.0/oai-identifier.xsd">'
            "<scheme>oai</scheme>"
            f"{_el('repositoryIdentifier', repository_identifier)}<delimiter>:</delimiter>"
            f"{_el('sampleIdentifier', f'oai:{repository_identifier}:entry/1')}</oai-identifier></description>"
        )
    return (
        "<Identify>"
        f"{_el('repositoryName', name)}{_el('baseURL', base_url)}<protocolVersion>2.0</protocolVersion>"
        f"{_el('adminEmail', admin_email)}{_el('earliestDatestamp', earliest)}"
        "<deletedRecord>persistent</deletedRecord><granularity>YYYY-MM-DDThh:mm:ssZ</granularity>"
        f"{description}</Identify>"
    )


def list_metadata_formats(prefixes):
    formats = "".join(
        f"<metadataFormat>{_el('metadataPrefix', p)}{_el('schema', METADATA_FORMATS[p][0])}"
        f"{_el('metadataNamespace', METADATA_FORMATS[p][1])}</metadataFormat>"
        for p in prefixes
    )
    return f"<ListMetadataFormats>{formats}</ListMetadataFormats>"


def list_sets(sets, token_xml=""):
    body = "".join(f"<set>{_el('setSpec', spec)}{_el('setName', name)}</set>" for spec, name in sets)
    return f"<ListSets>{body}{token_xml}</ListSets>"


def wrap(verb, inner):
    return f"<{verb}>{inner}</{verb}>"
