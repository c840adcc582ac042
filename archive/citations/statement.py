"""Citing a quoted statement: the entry that quotes it, plus who said it. Pure Python.

Each style's own rule for a source known only through another (the secondary source):

- Chicago notes (CMOS 18 14.260): "Louis Tompros, quoted in Qi Dapeng, *DeepSeek: …*, RSIS
  Commentary CO25056 (S. Rajaratnam School of International Studies, 2025), URL#s7."
- Chicago author-date (CMOS 18 15.52): "(Tompros, quoted in Qi 2025)"
- APA 7 (8.6): "(Tompros, as cited in Qi, 2025)"
- MLA 9 (6.79): "(qtd. in Qi)", the speaker being named in the sentence
- Harvard, Cite Them Right (secondary referencing): "(Tompros, cited in Qi, 2025)"

Reported speech ("IDC predicts that …") is the entry's paraphrase, not the speaker's
words, so it is never "quoted": notes and Chicago author-date say "paraphrased in", MLA
"cited in" (its "qtd. in" is for quotations), APA's "as cited in" and Harvard's "cited
in" already fit both.

In every style the reference-list entry is the entry itself, its URL (or, when the
original is cited, its archive location) pointing at the statement's anchor. When the speaker is the entry's own author ("when he posed, '...'"),
the words are the author's: the statement is cited as the entry, with no "quoted in". In CSL-JSON, RIS and BibTeX a statement is the entry with a note
naming the speaker and the quoted words (``csl.statement_item``).
"""
from dataclasses import dataclass

from . import styles
from .csl import statement_item

_IN_TEXT_LINK = {
    "apa": "as cited in",
    "chicago-author-date": "quoted in",
    "harvard": "cited in",
}


@dataclass
class StatementCitation:
    style: str
    label: str
    reference: str  # bibliography entry
    in_text: str  # in-text citation, or the full note for a note style


def _speaker_short(statement):
    speaker = statement.speaker
    if speaker is None:
        return ""
    return speaker.literal or speaker.family or speaker.given


def _inside_parentheses(text):
    text = text.strip()
    if text.startswith("(") and text.endswith(")"):
        return text[1:-1]
    return text


def cite_statement(statement, style_key, output="text"):
    """The statement's citation in one style (see the module docstring)."""
    if style_key not in styles.STYLES:  # a data format is no style: csl.statement_item is its record
        raise styles.UnknownStyle(f"unknown citation style {style_key!r}; choose one of {', '.join(styles.STYLES)}")
    item = statement_item(statement)
    style = styles.STYLES[style_key]
    reference = styles.format_entry(item, style_key, output)
    entry_cite = styles.cite(item, style_key, output)
    speaker = statement.speaker.display if statement.speaker else ""
    reported = getattr(statement, "is_reported", False)
    if statement.speaker_is_author:
        in_text = entry_cite
    elif styles.is_note_style(style_key):
        verb = "paraphrased in" if reported else "quoted in"
        in_text = f"{speaker}, {verb} {entry_cite}" if speaker else f"{verb.capitalize()} {entry_cite}"
    elif style_key == "mla":
        in_text = f"({'cited' if reported else 'qtd.'} in {_inside_parentheses(entry_cite)})"
    else:
        link = _IN_TEXT_LINK.get(style_key, "cited in")
        if reported and link == "quoted in":
            link = "paraphrased in"
        who = _speaker_short(statement)
        inner = _inside_parentheses(entry_cite)
        in_text = f"({who}, {link} {inner})" if who else f"({link} {inner})"
    return StatementCitation(style_key, style.label, reference, in_text)


def cite_statement_all(statement, output="text"):
    return [cite_statement(statement, key, output) for key in styles.STYLES]
