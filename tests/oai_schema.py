"""Validate OAI-PMH responses against the official XML Schemas (tests/data/oai/), offline.

The OAI-PMH schema skips the contents of <metadata> (``processContents="skip"``), so each
``oai_dc:dc`` record is validated on its own against oai_dc.xsd, which imports the Dublin
Core element schema. Schema imports name web addresses; a resolver maps them to the files here.
"""
from functools import lru_cache
from pathlib import Path

from lxml import etree

HERE = Path(__file__).parent / "data" / "oai"
LOCAL = {
    "http://dublincore.org/schemas/xmls/simpledc20021212.xsd": HERE / "simpledc20021212.xsd",
    "http://www.w3.org/2001/03/xml.xsd": HERE / "xml.xsd",
}
OAI_DC = "{http://www.openarchives.org/OAI/2.0/oai_dc/}dc"


class _Local(etree.Resolver):
    def resolve(self, url, pubid, context):
        path = LOCAL.get(url)
        if path is not None:
            return self.resolve_filename(str(path), context)
        if "://" in url:  # never fetched: no network in tests
            raise AssertionError(f"a schema asked for {url}, which is not kept in tests/data/oai/")
        return None  # a file here


def _schema(name):
    parser = etree.XMLParser(no_network=True)
    parser.resolvers.add(_Local())
    return etree.XMLSchema(etree.parse(str(HERE / name), parser))


@lru_cache(maxsize=None)
def schemas():
    return _schema("OAI-PMH.xsd"), _schema("oai_dc.xsd")


def schema_errors(document):
    """The schema errors of one OAI-PMH response (bytes, str or a parsed element); [] when valid."""
    if isinstance(document, (bytes, str)):
        document = etree.fromstring(document.encode() if isinstance(document, str) else document)
    oai, dc = schemas()
    errors = []
    if not oai.validate(document):
        errors += [f"OAI-PMH.xsd line {e.line}: {e.message}" for e in oai.error_log]
    for record in document.iter(OAI_DC):
        if not dc.validate(etree.ElementTree(record)):
            errors += [f"oai_dc.xsd line {e.line}: {e.message}" for e in dc.error_log]
    return errors


def assert_valid(document):
    errors = schema_errors(document)
    assert not errors, "\n".join(errors)
