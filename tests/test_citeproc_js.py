"""Issue 11, defect 2: the archive's CSL-JSON rendered by citeproc-js, the reference CSL
processor (Zotero, Mendeley), with the official style files, against our own renderer.

The items are the CSL-JSON download itself (``csljson.export``, read back with ``json``),
so what is checked is what a librarian's processor gets. Our renderer (citeproc-py and
archive/citations/styles.py) makes a few deliberate choices the official styles do not,
each documented in docs/citations.md; ``CHOICES`` states each one as the edit that turns
citeproc-js's string into ours, and every other character must be equal. A test also
checks that each choice still changes something, so the list cannot go stale.
"""
import json
import re

import pytest

from archive.citations import csl, csljson, styles

from . import citation_shapes as shapes
from .citeproc_js import render

ACCESSED = (2026, 12, 1)
SHAPES = shapes.ALL_SHAPES + (shapes.question_op_ed, shapes.question_report)
MONTHS = "January February March April May June July August September October November December".split()
MONTH = "(" + "|".join(MONTHS) + ")"


def internal_items():
    return [csl.to_csl(shape(accessed=ACCESSED)) for shape in SHAPES]


def downloaded(items):
    return json.loads("".join(csljson.export(items)))


# --- the archive's documented choices, as edits from citeproc-js's text to ours -------------

def sentence_case_titles(text, item, form):
    """APA and Harvard: titles in sentence case (titles.py); CSL-JSON carries them as published."""
    return text.replace(item["title"], item[form]) if item.get(form) else text


def no_apa_retrieval_date(text, item, form):
    """APA 7 (9.16): no retrieval date for an archived page; apa.csl prints one for undated items."""
    return re.sub(r"Retrieved " + MONTH + r" \d{1,2}, \d{4}, from ", "", text)


def day_month_year(text, item, form):
    """Chicago: "17 March 2025" (CMOS 6.41), as the archive's example citation has it."""
    text = re.sub(MONTH + r" (\d{1,2}), (\d{4})", r"\2 \1 \3", text)
    return re.sub(MONTH + r" (\d{1,2})\b", r"\2 \1", text)


def particle_in_front(text, item, form):
    """Chicago: "von der Leyen, Ursula" (demote-non-dropping-particle="never")."""
    return text.replace("Leyen, Ursula von der", "von der Leyen, Ursula")


def no_initial_the_in_a_newspaper(text, item, form):
    """Chicago: "Straits Times" (CMOS: an initial "the" of a newspaper is omitted)."""
    paper = item.get("container-title", "")
    return text.replace(paper, paper[4:]) if item["type"] == "article-newspaper" and paper.startswith("The ") else text


def no_label_before_a_prefixed_number(text, item, form):
    """Chicago: "RSIS Commentary CO25056": a number with its own prefix takes no "No."."""
    number = item.get("number", "")
    return re.sub(r" [Nn]o\. " + re.escape(number), " " + number, text) if number and not number.isdigit() else text


def no_comma_after_a_question_mark(text, item, form):
    """A title's own "?" takes no comma or period after it (CMOS 6.131, Cite Them Right)."""
    return re.sub(r"([?!])([”’]?)[.,]", r"\1\2", text)


def family_name_first(text, item, form):
    """Chicago and MLA: a name written family name first stays so, with no comma ("Qi Dapeng",
    CMOS 8.15, MLA 9 2.75); the CSL-JSON has plain family/given names (no static-ordering,
    which makes citeproc-js print "Qi D." in APA and Harvard)."""
    for family, given in item.get("_family-first", ()):
        text = text.replace(f"{family}, {given}", f"{family} {given}").replace(f"{given} {family}", f"{family} {given}")
    return text


def no_capital_on_a_url(text, item, form):
    """Chicago capitalises an archive location's first letter; the archive's copy is a URL."""
    return re.sub(r"\bHttps?://", lambda match: match.group(0).lower(), text)


CHOICES = {
    "apa": (sentence_case_titles, no_apa_retrieval_date),
    "chicago-author-date": (day_month_year, particle_in_front, no_initial_the_in_a_newspaper,
                            no_label_before_a_prefixed_number, family_name_first, no_capital_on_a_url),
    "chicago-notes": (day_month_year, particle_in_front, no_initial_the_in_a_newspaper,
                      no_label_before_a_prefixed_number, no_comma_after_a_question_mark, family_name_first,
                      no_capital_on_a_url),
    "mla": (family_name_first,),
    "harvard": (sentence_case_titles, no_comma_after_a_question_mark),
}


def ours_from_theirs(text, item, style_key, citation=False):
    # An in-text citation of an unsigned work gives the title as published (APA 8.14), so
    # sentence case is for the reference list only.
    form = "" if citation else styles.STYLES[style_key].title_form
    for choice in CHOICES[style_key]:
        text = choice(text, item, form)
    return text


@pytest.fixture(scope="module")
def rendered():
    """citeproc-js's output for every style, once for the module (one Node process a style)."""
    out = {}
    items = internal_items()
    for key, style in styles.STYLES.items():
        out[key] = render(downloaded(items), style.csl_file, style.locale or None)
    return items, out


@pytest.mark.parametrize("style_key", list(styles.STYLES))
def test_our_styles_match_citeproc_js_on_the_downloaded_data(rendered, style_key):
    items, out = rendered
    for item, theirs in zip(items, out[style_key]["items"]):
        assert theirs["id"] == item["id"]
        assert ours_from_theirs(theirs["text"], item, style_key) == styles.format_entry(item, style_key), item["id"]
        cited = styles.cite(item, style_key)
        assert ours_from_theirs(theirs["citation"], item, style_key, citation=True) == cited, item["id"]


@pytest.mark.parametrize("style_key", list(styles.STYLES))
def test_titles_are_italic_where_citeproc_js_has_them(rendered, style_key):
    """Italics (a report's or a newspaper's name) are lost in plain text: compare the HTML."""
    items, out = rendered
    for item, theirs in zip(items, out[style_key]["items"]):
        ours = re.findall(r"<i>(.*?)</i>", styles.format_entry(item, style_key, "html"))
        expected = [ours_from_theirs(i, item, style_key) for i in re.findall(r"<i>(.*?)</i>", theirs["html"])]
        assert [styles.plain_from_html(i) for i in ours] == [styles.plain_from_html(i) for i in expected], item["id"]


def test_the_reference_processor_prints_the_series_once_and_initials_with_a_comma(rendered):
    """The two defects as the issue saw them in citeproc-js: "(RSIS Commentary No. CO25056;
    RSIS Commentary)" and "Qi D." in APA (and Harvard), repeats in Chicago and MLA."""
    items, out = rendered
    for key, text in ((k, out[k]["items"][0]["text"]) for k in styles.STYLES):
        assert text.count("RSIS Commentary") == 1, (key, text)
    assert out["apa"]["items"][0]["text"].startswith("Qi, D. (2025). DeepSeek")
    assert "(RSIS Commentary No. CO25056). S. Rajaratnam School" in out["apa"]["items"][0]["text"]
    assert out["harvard"]["items"][0]["text"].startswith("Qi, D. (2025) DeepSeek")


def test_every_documented_choice_still_changes_something(rendered):
    items, out = rendered
    for key, choices in CHOICES.items():
        form = styles.STYLES[key].title_form
        for choice in choices:
            texts = [(r["text"], r["citation"], item) for item, r in zip(items, out[key]["items"])]
            assert any(choice(t, item, form) != t for text, cite, item in texts for t in (text, cite)), (
                key, choice.__name__)


def _ordering_shapes():
    """Shapes that exercise a reference list's order: same author in two years and two titles,
    no author (a report, a newspaper piece), non-ASCII letters, a particle."""
    from archive.citations.items import Name

    return list(SHAPES) + [
        lambda **k: shapes.rsis_commentary(id=11, title="Chip War Comes to Singapore", date=(2024, 5, 2), **k),
        lambda **k: shapes.rsis_commentary(id=12, title="Another View", authors=[], date=(2023,), **k),
        lambda **k: shapes.china_daily_op_ed(id=13, title="Quiet Revolution in Chips", outlet="The Straits Times",
                                             **k),
        lambda **k: shapes.rsis_commentary(id=14, title="Zeal", authors=[Name("Ågaard", "Søren")], date=(), **k),
        lambda **k: shapes.rsis_commentary(id=15, title="Beta", authors=[Name("Aaron", "Zed")], **k),
    ]


@pytest.mark.parametrize("style_key", list(styles.STYLES))
def test_reference_lists_are_in_the_order_citeproc_js_sorts_them(style_key):
    """Issue 11, defect 5: formatted lists kept the archive's order. ``styles.sort_key`` gives
    each style's own order; Chicago keeps a particle in front, where it prints it ("von der
    Leyen" under V, not "Leyen, Ursula von der" under L), so that shape is left out there."""
    items = [csl.to_csl(shape(accessed=ACCESSED)) for shape in _ordering_shapes()]
    if styles.STYLES[style_key].chicago:
        items = [i for i in items if not any(n.get("non-dropping-particle") for n in i.get("author", []))]
    style = styles.STYLES[style_key]
    theirs = render(downloaded(items), style.csl_file, style.locale or None)["order"]
    ours = [item["id"] for item in sorted(items, key=lambda item: styles.sort_key(item, style_key))]
    assert ours == theirs
