"""Reported speech is cited as the entry's paraphrase: never "quoted", in any style or export."""
import dataclasses

import pytest

from archive.citations import csl, statement

from .citation_shapes import tompros_statement

RSIS_URL = tompros_statement().entry.archive_url


def reported():
    return dataclasses.replace(tompros_statement(), kind="reported")


@pytest.mark.parametrize("style_key,in_text", [
    ("chicago-notes", "Louis Tompros, paraphrased in Qi Dapeng, DeepSeek: A Seed for Technological Equity and a "
     "Multipolar World, RSIS Commentary CO25056 (S. Rajaratnam School of International Studies, 2025), "
     + RSIS_URL + "#s7."),
    ("chicago-author-date", "(Tompros, paraphrased in Qi 2025)"),
    ("apa", "(Tompros, as cited in Qi, 2025)"),
    ("mla", "(cited in Qi)"),
    ("harvard", "(Tompros, cited in Qi, 2025)"),
])
def test_reported_speech_is_paraphrased_in_each_style(style_key, in_text):
    citation = statement.cite_statement(reported(), style_key)
    assert citation.in_text == in_text
    assert "quoted" not in citation.in_text.lower() and "qtd" not in citation.in_text


def test_the_export_note_of_reported_speech_has_no_quotation_marks():
    note = csl.statement_item(reported())["note"]
    assert note == ("According to Louis Tompros (paraphrased): backed Chinese companies into a corner where they "
                    "have to be far more efficient")
    assert csl.statement_item(tompros_statement())["note"].startswith("Louis Tompros, quoted: “")
