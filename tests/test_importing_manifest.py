"""The curated metadata file: facts that override guesses, and clear errors when it is wrong."""
import datetime

import pytest

from archive.importing import ManifestError, load_manifest, parse_file, parse_manifest

from .importing_helpers import CHINA_DAILY_SEED, DATA, RSIS_SEED, SEEDS


def test_seed_manifest_holds_only_known_facts():
    manifest = load_manifest(SEEDS / "manifest.toml")
    china_daily = manifest.for_file(CHINA_DAILY_SEED.name)
    assert china_daily.url == "https://chinadailyhk.com/hk/article/603444"
    assert china_daily.outlet.name == "China Daily" and china_daily.outlet.kind == "newspaper"
    assert (china_daily.title, china_daily.authors, china_daily.date) == (None, None, None)
    rsis = manifest.for_file(f"some/folder/{RSIS_SEED.name}")
    assert rsis.outlet.short_name == "RSIS" and rsis.outlet.kind == "think_tank"


def test_manifest_facts_override_guesses():
    manifest = parse_manifest(b"""
[files."unknown_outlet_plain.txt"]
title = "The Real Title"
authors = ["Someone Else"]
date = "2024-06"
tags = ["curated"]
outlet = { name = "Example Review", kind = "magazine", place = "London" }
""")
    path = DATA / "unknown_outlet_plain.txt"
    doc = parse_file(path.name, path.read_bytes(), manifest_entry=manifest.for_file(path.name))
    assert doc.title == "The Real Title"
    assert doc.authors == ["Someone Else"]
    assert (doc.date, doc.date_precision) == (datetime.date(2024, 6, 1), "month")
    assert doc.outlet.name == "Example Review" and doc.outlet.place == "London"
    assert "curated" in doc.categories and "trade" in doc.categories
    assert doc.missing == []


def test_toml_dates_and_years():
    manifest = parse_manifest('[files."a.txt"]\ndate = 2025-03-17\n[files."b.txt"]\ndate = "2025"\n')
    assert manifest.for_file("a.txt").date == (datetime.date(2025, 3, 17), "day")
    assert manifest.for_file("b.txt").date == (datetime.date(2025, 1, 1), "year")


@pytest.mark.parametrize("text, message", [
    ('[files."a.txt"\n', "not valid TOML"),
    ('[files."a.txt"]\ntitel = "x"\n', "unknown key"),
    ('[files."a.txt"]\noutlet = "nowhere"\n', "not defined under \\[outlets\\]"),
    ('[files."a.txt"]\ndate = "yesterday"\n', "is not a date"),
    ('[outlets.x]\nname = "X"\nkind = "pamphlet"\n', "kind must be one of"),
    ('[elsewhere]\n', "unknown section"),
])
def test_broken_manifest_is_explained(text, message):
    with pytest.raises(ManifestError, match=message):
        parse_manifest(text, origin="manifest.toml")
