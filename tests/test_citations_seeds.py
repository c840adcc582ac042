"""The real seeds, imported by the importer, cited in every style and format.

The fixtures in citation_shapes.py and citation_db.py are written by hand; these tests
import seeds/ (a copy) through ``archive.services.importer.import_paths``, so the data
is what the importer makes of the page dumps and seeds/manifest.toml, mess included:
the outlet is "S. Rajaratnam School of International Studies (RSIS)", the commentary
has no canonical URL (its archive page stands in), the China Daily column has no title,
author or date until an editor supplies the title.

Expected strings were written from the manuals: APA 7 (10.4 reports, 9.12 no author,
8.6 secondary sources), CMOS 18 (14.260 "quoted in", commentaries in a numbered series
like working papers, place of publication omitted, 14.12 access dates for undated
sources), MLA 9 (series number "no.", access date for undated sources, 6.79 "qtd. in"),
Cite Them Right 12th (Harvard: "Available at: URL (Accessed: date)").
"""
import shutil

import bibtexparser
import pytest
import rispy

from archive.citations import bibtex, csl, ris, styles, zotero
from archive.citations import records as records_module
from archive.citations.records import entry_record, public_statements, statement_record
from archive.citations.statement import cite_statement
from archive.models import Entry, EntryStatus
from archive.services.importer import import_paths

from .importing_helpers import SEEDS

pytestmark = pytest.mark.django_db

BASE = "https://archive.example.org"
RSIS_URL = BASE + "/entries/deepseek-a-seed-for-technological-equity-and-a-multipolar-world/"
CD_URL = "https://chinadailyhk.com/hk/article/603444"
TITLE = "DeepSeek: A Seed for Technological Equity and a Multipolar World"
RSIS = "S. Rajaratnam School of International Studies"


@pytest.fixture
def seeds(tmp_path, settings, monkeypatch):
    settings.ARCHIVE_BASE_URL = BASE
    monkeypatch.setattr(records_module, "access_date", lambda: (2026, 12, 1))
    folder = tmp_path / "seeds"
    shutil.copytree(SEEDS, folder)
    summary = import_paths([folder])
    assert summary.ok
    rsis = Entry.objects.get(number="CO25056")
    assert rsis.outlet.name == RSIS + " (RSIS)"  # what the importer stores, from the manifest
    return rsis


def _item(entry):
    return csl.to_csl(entry_record(entry))


RSIS_BIBLIOGRAPHY = {
    "apa": f"Qi, D. (2025). DeepSeek: A seed for technological equity and a multipolar world (RSIS Commentary No. "
           f"CO25056). {RSIS}. {RSIS_URL}",
    "chicago-author-date": f"Qi Dapeng. 2025. {TITLE}. RSIS Commentary CO25056. {RSIS}. {RSIS_URL}.",
    "chicago-notes": f"Qi Dapeng. {TITLE}. RSIS Commentary CO25056. {RSIS}, 2025. {RSIS_URL}.",
    "mla": f"Qi Dapeng. {TITLE}. RSIS Commentary no. CO25056, {RSIS}, 17 Mar. 2025, {RSIS_URL}.",
    "harvard": f"Qi, D. (2025) DeepSeek: a seed for technological equity and a multipolar world. RSIS Commentary "
               f"CO25056. Singapore: {RSIS}. Available at: {RSIS_URL} (Accessed: 1 December 2026).",
}
RSIS_IN_TEXT = {
    "apa": "(Qi, 2025)",
    "chicago-author-date": "(Qi 2025)",
    "chicago-notes": f"Qi Dapeng, {TITLE}, RSIS Commentary CO25056 ({RSIS}, 2025), {RSIS_URL}.",
    "mla": "(Qi)",
    "harvard": "(Qi, 2025)",
}


@pytest.mark.parametrize("style_key", list(RSIS_BIBLIOGRAPHY))
def test_rsis_seed_in_every_style(seeds, style_key):
    item = _item(seeds)
    assert styles.format_entry(item, style_key) == RSIS_BIBLIOGRAPHY[style_key]
    assert styles.cite(item, style_key) == RSIS_IN_TEXT[style_key]


def test_rsis_seed_publisher_in_every_format(seeds):
    item = _item(seeds)
    assert item["publisher"] == RSIS
    assert bibtexparser.parse_string(bibtex.entry(item)).entries[0]["institution"] == RSIS
    record = rispy.loads(ris.record(item))[0]
    assert (record["publisher"], record["place_published"], record["issn"]) == (RSIS, "Singapore", "CO25056")
    assert ("citation_technical_report_institution", RSIS) in zotero.meta_tags(item, RSIS_URL)
    assert "rft.pub=S.+Rajaratnam+School+of+International+Studies&" in zotero.coins(item)
    assert "(RSIS)" not in "".join(styles.format_entry(item, key) for key in styles.STYLES)


def _statement(entry, speaker):
    found = public_statements(entry.statements.filter(speaker__name=speaker)).first()
    assert found is not None, f"the importer found no statement by {speaker}"
    return statement_record(found, entry_rec=entry_record(entry)), found


def test_rsis_seed_statement_citations(seeds):
    record, statement = _statement(seeds, "Louis Tompros")
    anchor = f"{RSIS_URL}#{statement.anchor}"
    expected = {
        "chicago-notes": f"Louis Tompros, quoted in Qi Dapeng, {TITLE}, RSIS Commentary CO25056 ({RSIS}, "
                         f"2025), {anchor}.",
        "chicago-author-date": "(Tompros, quoted in Qi 2025)",
        "apa": "(Tompros, as cited in Qi, 2025)",
        "mla": "(qtd. in Qi)",
        "harvard": "(Tompros, cited in Qi, 2025)",
    }
    for style_key, in_text in expected.items():
        citation = cite_statement(record, style_key)
        assert citation.in_text == in_text
        assert citation.reference == RSIS_BIBLIOGRAPHY[style_key].replace(RSIS_URL, anchor)


def test_rsis_seed_author_quoting_himself_is_cited_as_the_entry(seeds):
    """The commentary quotes its own author ("when he posed, ..."): no "Qi Dapeng, quoted in Qi Dapeng"."""
    record, statement = _statement(seeds, "Qi Dapeng")
    anchor = f"{RSIS_URL}#{statement.anchor}"
    assert cite_statement(record, "chicago-notes").in_text == RSIS_IN_TEXT["chicago-notes"].replace(RSIS_URL, anchor)
    assert cite_statement(record, "apa").in_text == "(Qi, 2025)"


def test_china_daily_seed_once_an_editor_supplies_the_title(seeds):
    """The column's page gives no title, author or date; an editor supplies the title and
    publishes it. Author and date stay missing, never invented. "Global South" stays
    capitalised in sentence case because the column itself writes it so."""
    column = Entry.objects.get(outlet__name="China Daily")
    assert column.status == EntryStatus.DRAFT and not column.title
    column.title = "DeepSeek Offers a Lesson for the Global South"
    column.needs_review = []
    column.status = EntryStatus.PUBLISHED
    column.save()
    item = _item(column)
    title = column.title
    # The manifest gives the column's own URL: that is cited, the archive's copy is its archive location.
    copy = f"{BASE}/entries/{column.slug}/"
    assert {key: styles.format_entry(item, key) for key in styles.STYLES} == {
        "apa": f"DeepSeek offers a lesson for the Global South. (n.d.). China Daily. Commentary Archive ({copy}). "
               f"{CD_URL}",
        "chicago-author-date": f"China Daily (Hong Kong). n.d. “{title}.” {copy}. Commentary Archive. Accessed 1 "
                               f"December 2026. {CD_URL}.",
        "chicago-notes": f"China Daily (Hong Kong). “{title}.” n.d. {copy}. Commentary Archive. Accessed 1 December "
                         f"2026. {CD_URL}.",
        "mla": f"“{title}.” China Daily [Hong Kong], Commentary Archive, {copy}, {CD_URL}. Accessed 1 Dec. 2026.",
        "harvard": f"China Daily (no date) ‘DeepSeek offers a lesson for the Global South’. Available at: {CD_URL} "
                   f"(Accessed: 1 December 2026).",
    }
    assert styles.cite(item, "chicago-notes") == (
        f"“{title},” China Daily (Hong Kong), n.d., {copy}, Commentary Archive, accessed 1 December 2026, {CD_URL}.")
    assert styles.cite(item, "apa") == f"(“{title},” n.d.)"
    assert "{Global} {South}" in bibtex.entry(item)
