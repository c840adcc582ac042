"""The China Daily profile on the seed and on other China Daily columns (pure parsing)."""
import datetime

import pytest

from archive.importing import load_manifest, parse_file

from .importing_helpers import CHINA_DAILY_SEED, DATA, SEEDS

HEADINGS = [
    "The Crucible of Sanctions: Pressure into Progress",
    "Open Source as Oxygen: Collaboration Over Isolation",
    "The Myth of Inevitability: Disrupting the Tech Hierarchy",
    "A Blueprint for the Global South: From Scarcity to Sovereignty",
    "The Path Forward: Coexistence in the Age of AI",
]


@pytest.fixture(scope="module")
def seed():
    manifest = load_manifest(SEEDS / "manifest.toml")
    name = CHINA_DAILY_SEED.name
    return parse_file(name, CHINA_DAILY_SEED.read_bytes(), manifest_entry=manifest.for_file(name))


def test_seed_outlet_url_and_missing_fields(seed):
    assert seed.profile == "chinadaily"
    assert seed.outlet.name == "China Daily"
    assert seed.outlet.kind == "newspaper"
    assert seed.url == "https://chinadailyhk.com/hk/article/603444"
    assert seed.genre == "op_ed"
    assert (seed.title, seed.authors, seed.date) == ("", [], None)
    assert seed.missing == ["title", "authors", "date"]


def test_seed_body_headings_bio_and_no_furniture(seed):
    body, _ = seed.body()
    assert seed.headings() == HEADINGS
    assert seed.author_note == (
        "The author is an award-winning writer, a columnist for the Philippine Star and Abante newspapers, "
        "and an economics and politics analyst, college teacher and real estate entrepreneur."
    )
    assert "READ MORE" not in body
    assert "China's new AI model claims to beat competitors" not in body
    assert "The views do not necessarily reflect" not in body
    assert "The author is" not in body
    assert body.startswith("In an era defined by toxic geopolitical friction")
    assert body.endswith("the exciting revolution has just begun.")
    assert len(seed.paragraphs()) == 13


def test_another_column_with_title_byline_and_date():
    path = DATA / "chinadaily_with_byline.txt"
    doc = parse_file(path.name, path.read_bytes())
    assert doc.profile == "chinadaily"
    assert doc.title == "Why Green Shipping Needs Common Rules"
    assert doc.authors == ["Zhang Wei", "Maria Santos"]
    assert (doc.date, doc.date_precision) == (datetime.date(2025, 4, 2), "day")
    assert doc.headings() == ["A Patchwork of Standards", "Cooperation Over Competition"]
    assert doc.author_note.startswith("The authors are researchers")
    body, _ = doc.body()
    for furniture in ["READ MORE", "Read more", "Home", "Columnists", "views do not necessarily",
                      "opinion@chinadaily.com.cn", "| China Daily |"]:
        assert furniture not in body
    assert body.startswith("Shipping carries more than 80 percent")
    assert doc.missing == []


def test_mainland_edition_byline_in_capitals_with_a_place():
    text = "\n".join([
        "Trade Talks Need Patience",
        "By LIU YANG in Beijing | China Daily | Updated: 2024-11-20 07:45",
        "Negotiators on both sides have learned that quick deals rarely last, and that patience is a strategy.",
        "Both economies gain when tariffs fall, and both lose when talks collapse without a timetable.",
        "Contact the writer at liuyang@chinadaily.com.cn",
        "The views do not necessarily reflect those of China Daily.",
    ])
    doc = parse_file("trade.txt", text.encode())
    assert doc.profile == "chinadaily"
    assert doc.title == "Trade Talks Need Patience"
    assert doc.authors == ["Liu Yang"]
    assert doc.date == datetime.date(2024, 11, 20)
    assert len(doc.paragraphs()) == 2
    assert "Contact the writer" not in doc.body()[0]
