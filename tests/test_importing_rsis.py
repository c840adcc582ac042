"""The RSIS profile on the seed and on other RSIS commentaries (pure parsing, no database)."""
import datetime

import pytest

from archive.importing import load_manifest, parse_file
from archive.importing.profiles import detect_profile

from .importing_helpers import DATA, RSIS_SEED, SEEDS

HEADINGS = [
    "Shattering the US AI Monopoly",
    "Rapid Embrace from Global Majority",
    "Igniting a Global Innovation Renaissance",
    "Fostering a Political Will for AI Equity",
    "Shaping a Multipolar World",
]
# The first words of each of the commentary's 20 paragraphs, in order.
PARAGRAPH_OPENINGS = [
    "In early 2025, Chinese AI firm DeepSeek launched",
    "American AI titans once fortified",
    "Harvard AI expert Louis Tompros remarked",
    "On January 27, Nvidia’s market cap plummeted",
    "Following the debut of DeepSeek-R1 and V3",
    "German industry is exploring",
    "Within 18 days of the R1 release",
    "Brazil, Vietnam, and Nigeria are testing",
    "This widespread acceptance highlights",
    "More strikingly, DeepSeek’s breakthrough",
    "Companies like DeepSeek and Unitree Robotics",
    "A fresh surge of collaborative innovation",
    "DeepSeek’s rise coincides with",
    "The Munich Security Report 2025: Multipolarity identifies",
    "Yet, the US has shifted its China AI policy",
    "The latest Munich Security Report shows",
    "Framed in the US media’s typical US-China rivalry lens",
    "The EU and Global South would emerge",
    "In February 2025, China-ASEAN AI projects surged",
    "Thus, for any nation, abandoning narrow self-interest",
]


@pytest.fixture(scope="module")
def seed():
    manifest = load_manifest(SEEDS / "manifest.toml")
    return parse_file(RSIS_SEED.name, RSIS_SEED.read_bytes(), manifest_entry=manifest.for_file(RSIS_SEED.name))


def test_seed_metadata(seed):
    assert seed.profile == "rsis"
    assert seed.title == "DeepSeek: A Seed for Technological Equity and a Multipolar World"
    assert (seed.series, seed.number) == ("RSIS Commentary", "CO25056")
    assert seed.authors == ["Qi Dapeng"]
    assert (seed.date, seed.date_precision) == (datetime.date(2025, 3, 17), "day")
    assert seed.outlet.name == "S. Rajaratnam School of International Studies (RSIS)"
    assert (seed.outlet.short_name, seed.outlet.kind, seed.outlet.place) == ("RSIS", "think_tank", "Singapore")
    assert seed.genre == "commentary"
    assert seed.missing == []


def test_seed_synopsis_bio_and_categories(seed):
    assert seed.synopsis.startswith("In 2025, Chinese AI firm DeepSeek disrupted US tech hegemony")
    assert seed.synopsis.endswith("with significant implications for international politics.")
    assert seed.author_note.startswith("Dr Qi Dapeng is a professor at the Center for Strategic Studies")
    assert seed.author_note.endswith("Singapore, in February 2025.")
    assert seed.categories[:3] == ["RSIS Commentary Series", "Country and Region Studies", "Technology and Future Issues"]
    assert "Southeast Asia and ASEAN" in seed.categories


def test_seed_body_has_each_paragraph_once_and_the_headings(seed):
    body, structure = seed.body()
    assert seed.headings() == HEADINGS
    paragraphs = seed.paragraphs()
    assert len(paragraphs) == len(PARAGRAPH_OPENINGS)
    for opening, paragraph in zip(PARAGRAPH_OPENINGS, paragraphs):
        assert paragraph.startswith(opening)
        assert body.count(opening) == 1
    assert [b["type"] for b in structure].count("heading") == 5


def test_seed_body_has_no_page_furniture(seed):
    body, _ = seed.body()
    for furniture in ["About RSIS", "Staff Profiles", "download pdf", "SYNOPSIS", "COMMENTARY", "About the Author",
                      "Categories:", "Disqus", "Popular Links", "cookies", "Rate your experience", "Copyright",
                      "Subscribe to RSIS", "Dr Qi Dapeng is a professor", "50 Nanyang Avenue"]:
        assert furniture not in body
    assert body.startswith("In early 2025, Chinese AI firm DeepSeek launched its R1 and V3 models")
    assert body.endswith("is the right path to co-create a fair, multipolar AI era.")


def test_another_rsis_commentary_with_two_authors():
    path = DATA / "rsis_co24180_two_authors.txt"
    doc = parse_file(path.name, path.read_bytes())
    assert doc.profile == "rsis"
    assert doc.title == "Maritime Cooperation in the South China Sea: Small Steps, Big Gains"
    assert doc.number == "CO24180"
    assert doc.authors == ["Tan Mei Ling", "Rahul Menon"]
    assert doc.date == datetime.date(2024, 12, 5)
    assert doc.headings() == ["Why Grand Bargains Stall", "What Small Steps Can Do", "Conclusion"]
    assert doc.categories == ["RSIS Commentary Series", "Maritime Security", "Southeast Asia and ASEAN"]
    assert doc.author_note.count("\n\n") == 1 and "Rahul Menon is an Associate Research Fellow" in doc.author_note
    body, _ = doc.body()
    assert body.count("For more than two decades") == 1
    assert "“We have agreed on everything except the things that matter”" in body
    assert "Copyright" not in body and "Popular Links" not in body


def test_rsis_authors_on_separate_lines_and_no_synopsis():
    text = "\n".join([
        "CO23001 | A Commentary Without a Synopsis",
        "Alan Chong",
        "Ong Kok Keng",
        "2 January 2023",
        "",
        "This commentary opens straight away with its argument, which runs across a few sentences of text.",
        "",
        "It closes with a second paragraph that also has enough words to read as running text.",
        "",
        "Categories: RSIS Commentary Series / Global",
        "Copyright © S. Rajaratnam School of International Studies. All rights reserved.",
    ])
    doc = parse_file("co23001.txt", text.encode())
    assert doc.profile == "rsis"
    assert doc.authors == ["Alan Chong", "Ong Kok Keng"]
    assert doc.date == datetime.date(2023, 1, 2)
    assert doc.synopsis == ""
    assert len(doc.paragraphs()) == 2


def test_detection_does_not_claim_other_outlets():
    assert detect_profile("Some column\n\nA paragraph of text about the weather today.").name == "generic"
    assert detect_profile("CO25056 | Title\nRSIS").name == "rsis"
