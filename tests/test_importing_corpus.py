"""The importer's real page corpus, its checker, its scoring and the profiles on its dumps."""
import datetime
import json

import pytest
from django.core.management import CommandError, call_command

from archive.importing import corpus, head, parse_file
from archive.importing.evaluation import evaluate

PAGES = {p["id"]: p for p in corpus.read_jsonl(corpus.PAGES)}


def page(pid):
    assert PAGES[pid]["split"] != "test", "the locked test split is scored, never developed on"
    return parse_file(f"{pid}.txt", PAGES[pid]["text"].encode())


def test_the_corpus_passes_its_checker():
    assert corpus.check() == []


def test_the_corpus_is_big_enough_and_split_by_outlet():
    pairs = corpus.load()
    assert len(pairs) >= 200 and len({p["outlet_domain"] for p, _ in pairs}) >= 100
    by_split = {s: {p["outlet_domain"] for p, _ in pairs if p["split"] == s} for s in corpus.SPLITS}
    assert not by_split["test"] & (by_split["train"] | by_split["dev"])
    # The locked test split is batch y, merged by the lead once collected and annotated blind; until
    # then it is empty (batch x, the last one, is retired), and a page of any earlier batch is never in it.
    # (A new batch takes a letter that no batch and no id prefix uses: "n", "q" and "s" are id prefixes.)
    test = [p for p, _ in pairs if p["split"] == "test"]
    assert all(p["batch"] == corpus.LOCKED_TEST_BATCH == "y" for p in test)
    assert corpus.expected_split({"batch": "y", "outlet_domain": "example.org"}) == "test"
    for earlier in ("l", "m", "p", "r", "t", "u", "v", "w", "x"):
        assert corpus.expected_split({"batch": earlier, "outlet_domain": "example.org"}) in {"train", "dev"}


def test_the_earlier_test_splits_are_retired_into_train_and_dev():
    retired = corpus.load(split="retired")
    assert len(retired) == 112 + 105 + 104 + 107 + 104 + 106 + 105 + 103 + 100 + 110 + 110 + 110 + 110  # the first test split, batches c, j, k, l, m, p, r, t, u, v, w, then x
    assert {"c", "j", "k", "l", "m", "p", "r", "t", "u", "v", "w", "x"} <= {p["batch"] for p, _ in retired if p.get("batch")}
    assert not [p for p, _ in corpus.load(split="train+dev") if p.get("batch") in {"m", "p", "r", "t", "u", "v", "w", "x"} and p.get("retired_from") != "test"]
    assert {p["split"] for p, _ in retired} == {"train", "dev"}
    # a retired outlet stays in one split: its pages never straddle train and dev
    splits_of = {}
    for p, _ in corpus.load(split="train+dev"):
        splits_of.setdefault(p["outlet_domain"], set()).add(p["split"])
    assert all(len(s) == 1 for s in splits_of.values())


def test_the_checker_refuses_a_test_outlet_seen_in_another_split(tmp_path):
    pages = tmp_path / "pages.jsonl"
    gold = tmp_path / "gold.jsonl"
    rows = [{"id": "a", "text": "A Headline", "outlet_domain": "example.org", "batch": corpus.LOCKED_TEST_BATCH,
             "split": "test"},
            {"id": "b", "text": "A Headline", "outlet_domain": "example.org"}]
    rows[1]["split"] = corpus.expected_split(rows[1])
    pages.write_text("".join(json.dumps(r) + "\n" for r in rows))
    gold.write_text("".join(json.dumps({"id": r["id"], "kind": "article", "title": None, "authors": [], "date": None,
                                        "date_precision": None, "outlet": None}) + "\n" for r in rows))
    assert corpus.check(pages, gold) == ["example.org: outlet domain in the test split and in another split"]
    rows[1]["split"] = "test"
    pages.write_text("".join(json.dumps(r) + "\n" for r in rows))
    assert any("split 'test' is not the one" in p for p in corpus.check(pages, gold))


def test_the_checker_catches_an_annotation_the_text_does_not_state(tmp_path):
    pages = tmp_path / "pages.jsonl"
    gold = tmp_path / "gold.jsonl"
    pages.write_text(json.dumps({"id": "x", "text": "A Headline\n\nBy Ann Lee", "outlet_domain": "example.org",
                                 "split": corpus.expected_split({"outlet_domain": "example.org"})}) + "\n")
    gold.write_text(json.dumps({"id": "x", "kind": "article", "title": "Another Headline", "authors": ["Bo Chen"],
                                "date": "2024-13-01", "date_precision": "day", "outlet": None}) + "\n")
    problems = corpus.check(pages, gold)
    assert any("title 'Another Headline' is not in the text" in p for p in problems)
    assert any("author 'Bo Chen' is not in the text" in p for p in problems)
    assert any("date '2024-13-01'" in p for p in problems)


def test_scoring_counts_right_wrong_invented_and_missed():
    text = "Why the region needs a new trade compact\n\nBy Ann Lee\n\n" + "A sentence of running text on trade here. " * 3
    p = {"id": "x", "text": text}
    gold = {"id": "x", "title": "Why the region needs a new trade compact", "authors": ["Bo Chen"], "date": "2024-01-02",
            "date_precision": "day", "outlet": None}
    score = evaluate([(p, gold)])
    f = score.fields
    assert f["title"].counts["right"] == 1
    assert f["authors"].counts["wrong"] == 1
    assert f["date"].counts["missed"] == 1
    assert f["outlet"].given == 0 and f["outlet"].precision == 1.0


def test_development_splits_keep_their_figures():
    """A regression gate on the splits the reader was developed on (the test split is scored by hand, once)."""
    score = evaluate(corpus.load(split="train+dev"))
    # Batch l (the fifth test split) joined train and dev with its first-sight errors (title 0.970,
    # authors 0.952, date 0.991, outlet 0.969 precision); the fifth round's general rules took its
    # wrong and invented values out (title 0.989, authors 0.988, date 1.000, outlet 1.000), so the
    # gate is 0.98 on every field again.
    # Batch m (the sixth test split) then joined with its first-sight errors (title 0.983, authors 0.979,
    # date 0.985, outlet 1.000 precision on the whole); the sixth round's general rules took out its
    # wrong and invented values but one date (title 0.992, authors 0.990, date 0.992).
    # Batch p (the seventh test split) then joined with its first-sight errors (title 0.974, authors
    # 0.983, date 0.993, outlet 1.000 on the whole); the seventh round's general rules took out its
    # wrong and invented values but one title (title 0.989, authors 0.992, date 0.993), so the gate
    # is 0.98 on every field again.
    # Batch r (the eighth test split) joined with its first-sight errors (title 0.984, authors 0.984,
    # date 0.994 on the whole, above the gate); the eighth round took out all of them (4 invented
    # titles, 1 invented author): title 0.992, authors 0.992, date 0.994.
    # Batch t (the ninth test split) joined with its first-sight errors (title 0.987, authors 0.970,
    # date 0.994 on the whole); the ninth round took out all but two (titles k-084 and j-043 stay
    # wrong and invented): title 0.995, authors 1.000, date 1.000, so the gate is 0.98 on every field.
    for name, field in score.fields.items():
        # Batch w (the twelfth test split) joined with its first-sight errors (title 0.976, authors
        # 0.975 on the whole): the title and authors floors held the retirement's figures until the
        # next round's work on its invented values. The thirteenth round (13m: bylines and known
        # non-titles by shape) reached title 0.984, authors 0.982. Batch x (the thirteenth test split)
        # then joined with its first-sight errors (title 0.979, authors 0.983, date 0.995 on the
        # whole): the title floor holds the retirement's figure until the next round. The fourteenth
        # round (13n: a learned given-name list, non-titles by digit shapes) reached title 0.985,
        # authors 0.989, date 0.995.
        floor = {"title": 0.982, "authors": 0.985}.get(name, 0.98)
        assert field.precision >= floor, (name, field.as_dict())
    # Recall is what the evidence gate (archive/importing/evidence.py) costs: a headline, a date
    # or a signature is taken only with evidence beyond its layout, for precision on unseen outlets.
    # Batch j (the third test split) joined train and dev with its first-sight misses; the third
    # round's work on them raised recall to title 0.812, authors 0.770, date 0.840 (the bar
    # for dates and authors: 0.80 and 0.75; titles still short of 0.85). Batch k (the fourth test
    # split) then joined with its first-sight misses (title 0.797, authors 0.737, date 0.851 on the
    # whole); the fourth round's work took out its wrong and invented values and reached title
    # 0.800, authors 0.747, date 0.851. The precision gate stays.
    # batch l's misses then moved recall to title 0.797, authors 0.679, date 0.833; the fifth round
    # reached title 0.800, authors 0.759, date 0.833. Batch m's misses moved it to title 0.788,
    # authors 0.705, date 0.815; the sixth round reached title 0.839, authors 0.837, date 0.841.
    # Batch p's misses moved it to title 0.835, authors 0.825, date 0.847; the seventh round reached
    # title 0.843, authors 0.847, date 0.859 (precision title 0.991, authors 0.992, date 0.993).
    # Batch r (the eighth test split) then joined with its first-sight errors and misses (on the
    # whole: title 0.984 / 0.816, authors 0.984 / 0.848, date 0.994 / 0.855): precision stays above
    # the gate, and the title recall floor holds the retirement's figure until the eighth round's work.
    # The eighth round took out batch r's four invented titles and its invented author and read more
    # headlines (train+dev title 0.992 / 0.834, authors 0.992 / 0.848, date 0.994 / 0.860): title
    # recall is short of the seventh round's 0.843 only by batch r's misses (short pages, a heading
    # alone, headlines run into their text).
    # Batch t's misses then moved recall to title 0.824, authors 0.819, date 0.859; the ninth round
    # reached title 0.841, authors 0.859, date 0.859. Batch u (the tenth test split) then joined with its
    # first-sight misses (title 0.835, authors 0.809, date 0.844 on the whole; precision 0.992, 1.000,
    # 1.000): the floors held the retirement's figures until the tenth round's work, which reached
    # title 0.841, authors 0.821, date 0.879 (precision 0.995, 1.000, 1.000) by layout classes (the
    # page's one date line over its text; "NAME: headline" over a first-person text; a headline with
    # its date stamp beside it; a letters page's list of the other letters; a browser notice and a
    # comment's exclamation as no headline).
    # Batch v (the eleventh test split) then joined with its first-sight errors and misses (on the
    # whole: title 0.986 / 0.837, authors 0.987 / 0.790, date 1.000 / 0.867): the floors hold the
    # retirement's figures until the eleventh round's work.
    # The eleventh round's learned acceptance gate (in the history at 86f2ff1, not on main) was off: on dev it
    # reached title precision 0.99 only by cutting recall 0.833 -> 0.652, so the reader and these
    # floors (the figures rounded down: 0.837, 0.790 = 139/176 = 0.7898, 0.867) are unchanged.
    # Batch w (the twelfth test split) then joined with its first-sight misses (title 0.832, authors
    # 0.764, date 0.869 on the whole). The thirteenth round reached title 0.837, authors 0.827, date
    # 0.869 (bylines in their common shapes, letters' signatures, a byline run into the text).
    # Batch x (the thirteenth test split) then joined with its first-sight misses (title 0.8349,
    # authors 0.803, date 0.8498 on the whole): the floors hold the retirement's figures. The fourteenth
    # round reached title 0.837, authors 0.817 (170/208), date 0.850.
    assert score.fields["title"].recall >= 0.836
    assert score.fields["authors"].recall >= 0.81
    assert score.fields["date"].recall >= 0.849


def test_evaluate_import_prints_the_table_and_gates(capsys):
    call_command("evaluate_import", "--split", "dev")
    out = capsys.readouterr().out
    assert "precision" in out and "title" in out and "[dev]" in out
    with pytest.raises(CommandError, match="title recall"):
        call_command("evaluate_import", "--split", "dev", "--min-recall", "title=1.01")
    with pytest.raises(CommandError, match="unknown field"):
        call_command("evaluate_import", "--split", "dev", "--min-recall", "body=0.5")


# -- the profiles, on real dumps of their outlets -------------------------------------------------

def test_east_asia_forum_tagline_and_author_line():
    doc = page("s-060")
    assert doc.profile == "eastasiaforum"
    assert doc.title == "Japan's missing arrow"
    assert doc.date is None  # the only date is a photo caption's
    doc = page("s-061")
    assert (doc.title, doc.authors) == ("Abenomics: The good, the bad and the unfinished", ["Shiro Armstrong"])


def test_lowy_interpreter_masthead_clock_and_byline():
    doc = page("q-c1-091")
    assert doc.profile == "lowy" and doc.outlet.name == "Lowy Institute"
    assert doc.title == "Pacific links: Forum fallout, PNG’s reshuffle plus new Nauru President"
    doc = page("s-005")
    assert doc.title == "Reader riposte: Overheard in a café..."
    assert doc.authors == ["David Howell"]
    assert doc.date == datetime.date(2010, 9, 10)  # not the site's clock, 20 Feb 2018
    assert page("s-006").title == ""  # a section page lists teasers


def test_straits_times_editorial_column_and_e_paper():
    doc = page("s-049")
    assert doc.profile == "straitstimes" and doc.outlet.name == "The Straits Times"
    assert doc.title == "Worrying change in course by US, China"  # not "The Straits Times says"
    doc = page("s-050")
    assert doc.title == "S'pore cannot be caught napping in rivalry between US and China"  # not "Thinking Aloud"
    assert doc.date == datetime.date(2021, 4, 11)  # from the print-edition line
    doc = page("s-020")
    assert (doc.title, doc.authors, doc.date) == ("Singapore voters can't afford to ignore harsh new global realities",
                                                  ["Bhavan Jaipragas"], datetime.date(2025, 4, 5))


def test_csis_author_cards():
    doc = page("s-029")
    assert doc.profile == "csis"
    assert doc.title == "Expanding the Tool Kit to Counter China's Economic Coercion"
    assert doc.authors[:3] == ["Cynthia Cook", "Gregory Sanders", "Alexander Holderness"]


def test_brookings_caption_is_not_the_byline():
    doc = page("q-c2-001")
    assert doc.profile == "brookings"
    assert doc.title == "Key takeaways on Trump’s reciprocal tariffs from recent Brookings event"
    assert doc.authors == [] and doc.date is None  # the names and date belong to the photo


def test_the_diplomat_magazine_letter():
    doc = page("s-008")
    assert doc.profile == "thediplomat"
    assert doc.title == "Letter from the Editors"


def test_profiles_are_found_by_the_outlets_address(tmp_path):
    from archive.importing.manifest import parse_manifest
    manifest = parse_manifest('[files."a.txt"]\nurl = "https://www.lowyinstitute.org/the-interpreter/x"\n')
    doc = parse_file("a.txt", PAGES["s-005"]["text"].encode(), manifest_entry=manifest.for_file("a.txt"))
    assert doc.profile == "lowy" and doc.outlet.name == "Lowy Institute"


def test_scmp_columnist_menu_and_related_columns():
    """Written after the test split's first sight (all scmp.com pages fall in the test split)."""
    doc = parse_file("s-013.txt", PAGES["s-013"]["text"].encode())
    assert doc.profile == "scmp" and doc.outlet.name == "South China Morning Post"
    assert doc.title == "Hong Kong’s protests, and its future, matter not just to China but also to the rest of the world"
    assert doc.authors == ["Derwin Pereira"]  # not a name from the columnists' menu, nor the next column's
    assert doc.date == datetime.date(2019, 9, 25)
    index = parse_file("s-010.txt", PAGES["s-010"]["text"].encode())
    assert (index.title, index.date) == ("", None)


# -- the seventh round (issue 13g): batch p's errors, on the pages themselves ---------------------
# Batch p was retired into train and dev (40657cf) before its errors were studied; each test names
# the general layout pattern a rule reads, on a page of batch p that showed it.

def test_a_standfirst_naming_its_author_is_the_byline_not_the_headline():
    # "Surveying the wreckage" / "William Saunderson-Meyer writes on the results of ...": the
    # standfirst was read as the headline; it signs the piece
    doc = page("p-026")
    assert doc.authors == ["William Saunderson-Meyer"]
    assert not doc.title.startswith("William Saunderson-Meyer")
    # a role before the name is not part of it ("Columnist Caroline Magdolen writes about ...")
    text = PAGES["p-026"]["text"].replace("William Saunderson-Meyer writes", "Columnist William Saunderson-Meyer writes")
    assert parse_file("p-026.txt", text.encode()).authors == ["William Saunderson-Meyer"]
    # in the running text, "NAME writes about ..." is the article speaking of someone, not its byline
    assert page("l-042").authors == []
    # ... and so it is over a credited work
    text = PAGES["p-026"]["text"].replace("writes on the results of", "writes about his memoir of")
    assert parse_file("p-026.txt", text.encode()).authors == []


def test_a_pages_labels_in_a_dashed_list_are_not_a_signature():
    # "- Policy Analysis" / "- Fikra Forum" over the headline: type labels in words the text uses
    doc = page("p-051")
    assert doc.authors == []
    assert doc.title == "The Stalling Visions of the Gulf: The Case of Saudi Arabia’s Vision 2030"
    # a blog's dashed metadata under its headline still signs it ("- Lex Rieffel" / "- Apr 19")
    assert page("s-077").authors == ["Lex Rieffel"]


def test_a_section_word_glued_to_the_headline_gives_way_to_the_clean_line():
    # "EditorialTHEWILL Editorial: No, To Naira Devaluation" over "THEWILL Editorial: No, To Naira Devaluation"
    assert page("p-007").title.endswith("No, To Naira Devaluation")
    assert not page("p-007").title.startswith("EditorialTHEWILL")


def test_cards_of_a_tag_or_topic_page_give_no_headline():
    # a heading over one paragraph, again and again, one paragraph cut with a teaser's "…"
    assert page("p-045").title == ""
    # paragraphs that finish a sentence and stop in the middle of the next ("... obtained the authority of")
    assert page("p-044").title == ""
    # cards that share the topic of the label above them ("Lula da Silva") are not one article's sections
    assert page("p-034").title == ""
    # ... while an article's sections that share its headline's topic still are
    assert page("b-023").title == "South Korea Under Martial Law? A Look at the Yoon Administration and National Security"
    # ... even when the headline's byline and date stand between it and the text ("News Frank Cerabino
    # 05-30-2022" under "Sour Notes Off the Court for Pickleball", whose sections name pickleball)
    doc = page("m-095")
    assert (doc.title, doc.authors, doc.date) == ("Sour Notes Off the Court for Pickleball", ["Frank Cerabino"],
                                                  datetime.date(2022, 5, 30))


def test_a_cards_type_and_date_under_each_card_make_a_listing():
    # "Issues and Analyses|September 11, 2019" under each of three cards
    doc = page("p-105")
    assert (doc.title, doc.date, doc.authors) == ("", None, [])


def test_a_short_headline_over_a_line_of_two_sentences_leaves_the_title_empty():
    # "Angela's clashes" over "Cracks widen in the German coalition. But it is unlikely to fall yet":
    # a headline and its standfirst, or a rubric and its headline; the layout cannot tell
    doc = page("p-102")
    assert doc.title == "" and "two sentences" in doc.doubts["title"]


def test_a_headline_signed_by_a_role_and_a_name():
    # "Mandating the COVID-19 Vaccine Part II by HPHR Fellow Priya Vedula": the role is not the name
    doc = page("j-032")
    assert (doc.title, doc.authors) == ("Mandating the COVID-19 Vaccine Part II", ["Priya Vedula"])


def test_notices_above_the_headline_are_not_its_first_paragraph():
    # a social widget's error notice over the headline and its "Story Created:" stamp
    doc = page("p-068")
    assert (doc.title, doc.date) == ("We must get serious about combatting crime", datetime.date(2011, 6, 24))
    # a newsletter's offer above, a relative stamp ("3 years ago") below
    doc = page("p-087")
    assert (doc.title, doc.date) == ("Why the Premier League can’t be trusted", None)


def test_a_letter_signed_under_its_closing_formula():
    # "Sincerely yours," / "Rob Harley" / "Mill Hall"
    assert page("p-037").authors == ["Rob Harley"]


# -- the eighth round (issue 13h): batch r's errors, on the pages themselves ----------------------
# Batch r was retired into train and dev (73a059c) before its errors were studied; each test names
# the general layout pattern a rule reads, on a page of batch r that showed it.

def test_a_section_label_naming_the_items_it_shows_makes_a_listing():
    # 'Tag: "elephant poaching"' over two cards: a tag page's label in the singular with its value
    assert page("r-077").title == ""
    assert page("d-013").title == page("p-004").title == ""  # "Tag: Greenland", "Tag: Devaluation"
    # "Qatar" / "Featured Research & Analysis" over cards (only two before the dump ends)
    assert page("r-094").title == ""
    # "Heat and Drought" / its description / "Recent Items for Heat and Drought": a topic page
    assert page("r-100").title == ""
    # an article's own "Tags:" line lists its tags (l-061); "Featured in Guardian" credits a reprint (q-c2-004)
    assert not head.TAG_LABEL.match("Tags:") and not head.TAG_LABEL.match("Featured in Guardian")


def test_a_plurals_possessive_names_no_one():
    # "Ceisteanna ó Cheannairí - Leaders' Questions": a debate record's heading in two languages, not
    # a headline signed "TITLE - NAME"; the whole line is the heading
    doc = page("r-049")
    assert (doc.title, doc.authors) == ("Ceisteanna ó Cheannairí - Leaders' Questions", [])


def test_a_heading_with_its_own_byline_under_the_headlines_paragraph_makes_a_listing():
    # "Magazine Reviews" / its blurb / "Service Workers’ Words" / "Magazine Review by Katy Haas": the
    # first heading is a category's label, the signed heading under its blurb the first item
    assert page("r-065").title == ""
    # an article's standfirst over its own byline (a role line between) keeps its headline
    text = ("Why the region needs a new trade compact\n\nTrade ministers meet next week, and the stakes are "
            "higher than at any meeting since the crisis began two years ago.\n\nOpinion Columnist\n\nBy Ann Lee\n\n"
            + "A sentence of running text on the trade compact and the region here. " * 4)
    assert parse_file("x.txt", text.encode()).title == "Why the region needs a new trade compact"
    # ... and so does an article whose long first paragraph is followed by a link's label and an
    # "Author:" line (a paper's page: "Full text version (PDF)" / "Author: NAME, Assistant director, ORG")
    text = ("Implementing the new trade compact: a first test\n\n" + "A sentence of running text on the trade "
            "compact and its first test here. " * 8 + "\n\nFull text version (PDF)\n\nAuthor: Ann Lee, "
            "Assistant director, Centre for Trade.\n\nSee more")
    assert parse_file("x.txt", text.encode()).title == "Implementing the new trade compact: a first test"


def test_a_topic_label_in_lower_case_before_the_headline():
    # "bitcoin price: Has a long winter set in for Bitcoin? ...": the label is no part of the headline
    assert page("r-070").title == "Has a long winter set in for Bitcoin? Top analyst says it’s just bear market"
    # a label with a space before its colon is a field's name, not a headline's label ("verfasst von : NAMES")
    assert page("j-068").authors != [] or not page("j-068").title.startswith("verfasst")


def test_a_three_word_headline_over_the_running_text_at_the_top_of_the_page():
    # "A Brief Sermon" right over a short story's first paragraph: no word in common with the text,
    # but the page's first line, in title case, with nothing above it and the text right under it
    assert page("r-037").title == "A Brief Sermon"
    # ... and "Prove them wrong", a reader's letter's headline in sentence case: a verb's object pronoun
    # says something, as a tagline in sentence case does not
    assert page("r-003").title == "Prove them wrong"


def test_an_empty_list_above_the_headline_is_furniture():
    # "in , , , ," (a category line whose entries the dump left empty) over the headline and a match line
    assert page("r-068").title == "Reaction to Saturday’s Premier League games"


def test_a_date_header_above_the_headline_leaves_room_for_one_deck_line():
    # "Saturday, 30 August 2014" / the headline / "Burnley 0 0 Manchester United" / the text: a blog's
    # date header stands aside as if nothing stood above, so the match line under the headline is its deck
    doc = page("r-103")
    assert (doc.title, doc.date) == ("On The Mic!... All The Reactions From The Bosses Of The Premier League Game",
                                     datetime.date(2014, 8, 30))


def test_a_long_headline_printed_twice_once_with_a_label_is_no_paragraph():
    # "Document - Amnesty International's concerns at the 55th Session ..." over the same words without
    # the label, then "October 2004": a page title and its headline, too long for a headline's shape alone
    doc = page("r-052")
    assert doc.title.startswith("Amnesty International’s concerns at the 55th Session")
    assert (doc.date, doc.date_precision) == (datetime.date(2004, 10, 1), "month")


def test_a_long_headline_in_sentence_case_may_end_on_a_closing_quote():
    # "... to advocate for “national conversation” as substitute for “national dialogue”" over a
    # paragraph of sentences: the headline without a sentence's end, its last word in quotes
    assert page("r-014").title.endswith("as substitute for “national dialogue”")
    # a photo's caption ending on its credit in brackets stays a caption ("... on Jan. 13. (Sayuri Ide)")
    assert page("q-c1-028").title == ""


def test_the_headline_printed_again_with_a_bar_and_a_name_names_the_site():
    # "Sour Notes Off the Court for Pickleball | Pickler Pickleball" under the text: a page title is
    # "headline | site"; a name of words the text uses in lower case ("pickleball") is no person's
    doc = page("m-095")
    assert (doc.title, doc.outlet.name if doc.outlet else None) == ("Sour Notes Off the Court for Pickleball",
                                                                    "Pickler Pickleball")


def test_an_entrys_one_word_heading_over_its_definition():
    # "Overfishing" / "Overfishing is the removal of a species of fish ...": an encyclopedia entry's heading
    assert page("k-065").title == "Overfishing"
    # a section's word over a section's blurb stays a label ("Analysis" / "Analysis offers a new angle ...")
    assert page("n-001").title == ""
    # and a one-word heading over a paragraph that does not define it stays unread (r-056, "Productivity")
    assert page("r-056").title == ""


def test_a_reposts_source_line_under_its_headline_continues_nothing():
    # "NGO statement on ... Committee, Jun 2009" / "from International Council of Voluntary Agencies" /
    # "Published on 25 Jun 2009 View Original": the source line is no wrapped sentence's end
    doc = page("r-013")
    assert doc.title.startswith("NGO statement on the note on international protection")
    assert doc.date == datetime.date(2009, 6, 25)


# -- the ninth round (issue 13i): batch t's errors, on the pages themselves -----------------------
# Batch t was retired into train and dev (6b733e6) before its errors were studied; each test names
# the general layout pattern a rule reads, on a page of the corpus that showed it.

def test_a_paper_crediting_itself_in_a_byline_names_the_outlet_not_an_author():
    # "By Telangana Today Published: Published Date - 11:59 PM, Mon - 4 April 22" on an editorial
    doc = page("t-089")
    assert (doc.authors, doc.outlet.name) == ([], "Telangana Today")
    assert not head.looks_like_person("Telangana Today") and not head.looks_like_person("Houston Chronicle")
    # a think tank crediting itself: "By Centre for European Reform" (no person either)
    assert head.split_byline("Centre for European Reform") == []


def test_a_possessive_is_no_part_of_a_name_and_a_role_only_counts_on_a_line_of_its_own():
    # "Zimbabwe's Financial Situation" over a paragraph that mentions a President: a headline, no name
    doc = page("t-056")
    assert doc.title == "Zimbabwe's Financial Situation"
    assert not head.looks_like_person("Zimbabwe's Financial Situation")
    # ... and the last of a bulleted list of guests ("• Takura Zhangasha, analyst in Zimbabwe") signs nothing
    assert doc.authors == []


def test_a_byline_under_several_cards_makes_a_listing():
    # "Rulings" / headline / "By Tony Mauro |" / teaser / caption / headline / "By Tony Mauro |" / ...
    doc = page("t-098")
    assert (doc.title, doc.authors) == ("", [])


def test_an_organisations_name_printed_twice_over_a_heading_is_the_masthead():
    # "The Tokyo Foundation for Policy Research" twice, then the headline over its text
    doc = page("t-048")
    assert doc.title == "Opposition to Defense Buildup Over Funding, Not Ideological, Concerns"
    assert doc.outlet.name == "The Tokyo Foundation for Policy Research"


def test_a_short_teaser_printed_again_in_a_stream_of_short_paragraphs_makes_a_listing():
    # a section page: headline, its one-sentence teaser, other items' teasers, the first teaser again
    assert page("j-058").title == ""
    # an article printing its standfirst again over long paragraphs stays an article
    assert page("s-062").title == "Japan's last chance for reform"


def test_a_bulleted_first_item_whose_paragraph_stops_on_dots_is_a_card():
    # "• If Jamaica is to truly fight crime" / "    Over the past year ... we have seen crime rise..."
    assert page("t-034").title == ""
    # a page that opens with one bulleted headline over a full paragraph keeps its headline
    doc = parse_file("x.txt", ("• A new Republic of Impeachment?\n\nThe impeachment of a president is a grave "
                               "matter, and the republic has seen only a few in its history; this one is different "
                               "from all of them in what it asks of the senators.\n\nSecond paragraph on the "
                               "impeachment and the republic's institutions, which goes on for a while.").encode())
    assert doc.title == "A new Republic of Impeachment?"


def test_a_news_themes_header_clock_is_no_date():
    # "Wed. Feb 21st, 2024" over the text (the site's clock; the article is of January)
    assert page("m-063").date is None
    # "• Fri. Sep 12th, 2025" over the masthead: the article's own "Sep 1, 2025" is its date
    assert page("k-028").date == datetime.date(2025, 9, 1)
    assert head.is_clock("Wed. Feb 21st, 2024") and not head.is_clock("February 21, 2024")


def test_a_line_of_common_words_under_the_headline_is_no_author():
    # "Minimum Wage Debates" / "Satisfactory Essays" / text: a site's label, made of words pages print
    # in lower case (a lexicon learned from the corpora's train and dev texts)
    doc = page("j-025")
    assert (doc.title, doc.authors) == ("Minimum Wage Debates", [])
    # a name of common words with a date under it stays a name ("Dean White" / org / outlet / date)
    assert page("q-c4-102").authors == ["Dean White"]
    # and such a line is the headline when nothing else is ("Checking CHINA" over its text)
    assert page("q-c1-035").title == "Checking CHINA"


def test_a_reading_time_label_opening_a_paragraph_is_not_furniture():
    # "Reading Time: 4 minutes But, if we were to fight corruption, ...": the paragraph is the text
    assert page("t-011").title == "Corruption Is Ingrained Into The DNA of Kenya"


def test_a_letters_salutation_and_its_signers_rank_or_place():
    # "To the editor:" opens the text; "Robert Gardner" / "Henderson" / "MOST READ" closes it
    doc = page("t-044")
    assert (doc.title, doc.authors) == ("School Board doesn’t need to do nothing", ["Robert Gardner"])
    # "Jerry D. McAtee" / "Sr. Master Sgt., U.S. Air Force (Ret.)" under a letter with a kept headline
    assert page("t-040").authors == ["Jerry D. McAtee"]
    # "Education and taxation" / "Letter to the editor" / "To the editor, After ...": the letter's headline
    assert page("p-036").title == "Education and taxation"
    # a newsletter's blurb under an editorial is no signer's role ("Every Thursday" / "Whether you're ...")
    assert page("b-002").authors == []


def test_writes_name_inside_a_standfirst_and_a_headline_anchored_before_the_next_candidate():
    # "The outside world should be worried ..., writes Edward Aspinall, but the biggest ..."
    assert page("t-097").authors == ["Edward Aspinall"]
    # "Latest News Editor's Choice" / "Opinion / Columnist" / "'Fantasy world in Zimbabwe'" / its date
    assert page("t-096").title == "'Fantasy world in Zimbabwe'"


def test_a_first_line_with_a_standfirst_naming_its_writer_is_the_headline():
    # "Surveying the wreckage" / "William Saunderson-Meyer writes on the results of ..." / text
    doc = page("p-026")
    assert (doc.title, doc.authors) == ("Surveying the wreckage", ["William Saunderson-Meyer"])


def test_menu_buttons_and_an_encyclopedias_labels_are_furniture():
    # "Menu Close" over the headline; "Table of Contents" under an encyclopedia entry's heading
    assert page("t-065").title == "The Promise of Pope Francis’ Papacy Partially Realized"
    assert page("m-057").title == "Repatriation (cultural property)"


def test_names_joined_on_a_line_over_the_running_text_are_its_byline():
    # "Meghan L. O’Sullivan and Jason Bordoff" / the essay's paragraphs (no headline in the dump)
    assert page("n-012").authors == ["Meghan L. O’Sullivan", "Jason Bordoff"]
    # over one paragraph alone the names head an author page's card (l-036)
    assert page("l-036").authors == []


def test_a_contributors_name_and_country_under_the_headline():
    # headline / "italiatelegraph" (the site's name in lower case) / "Altaf Moti" / "Pakistan" / text
    assert page("n-017").authors == ["Altaf Moti"]


def test_a_headline_signed_after_a_dash_with_the_publications_name_last():
    # "TITLE - Sevgi Kaya-Kasikci, Eglis Chacon Camero, Ekaterina Minaeva and Chris R Glass, University
    # World News": the names end with the publication's; the long byline is no sign of a cut headline
    doc = page("t-027")
    assert doc.title == "Universities have a chance to lead in shaping AI’s future"
    assert doc.authors == ["Sevgi Kaya-Kasikci", "Eglis Chacon Camero", "Ekaterina Minaeva", "Chris R Glass"]


def test_the_pages_one_date_line_just_over_its_text_dates_it():
    # Tenth round (issue 13j), a layout class: a day-precise date line, the only date the head carries,
    # at most five lines above the first paragraph with no page furniture between: "Jun 18, 2021" over
    # a blog's name, tagline and headline (Mawazo Writing Africa), "Monday 11th of December 2023" over a
    # headline in lower case (Your Democracy), "Monday, December 8, 2008" over the headline (a blog),
    # "Magazine October 19, 2009, Issue" over the headline and a caption (National Review).
    assert page("q-c4-090").date == datetime.date(2021, 6, 18)
    assert page("b-013").date == datetime.date(2023, 12, 11)
    assert page("u-036").date == datetime.date(2008, 12, 8)
    assert page("q-c2-072").date == datetime.date(2009, 10, 19)
    assert page("j-031").date == datetime.date(2017, 11, 8)
    # a site's clock at the top, its advert and menus between it and the text: no date
    assert page("n-055").date is None
    assert page("j-038").date is None


def test_a_first_person_column_titled_with_its_writers_name():
    # Tenth round, a layout class: "NAME: headline" over a text in the first person singular that never
    # names the person again (Commitment to Seniors, the Herald).
    assert page("k-037").authors == ["Dan Walls"]
    assert page("u-009").authors == ["John Giles"]
    # a piece about the person names its subject in the text: no author (Sporting Life); a column
    # whose text does not speak in the first person gets none either (Exbulletin)
    assert page("r-067").authors == []
    assert page("s-044").authors == []


def test_a_headline_with_its_date_stamp_right_beside_it_and_the_text_under_it():
    # Tenth round: a headline line that opens the text, with a date line right above it, is kept on
    # these two signals ("Monday, December 8, 2008" / "Driver pays ultimate price for fare collection";
    # "Magazine October 19, 2009, Issue" / "Parallel Lives").
    assert page("u-036").title == "Driver pays ultimate price for fare collection"
    assert page("q-c2-072").title == "Parallel Lives"


def test_a_browser_notice_is_page_furniture_not_a_headline():
    # Tenth round, precision: the notice that a browser is not supported, in its short and long shapes
    # ("IE 11 Not Supported" on Government Technology; "Internet Explorer 11 is not supported")
    assert page("u-040").title == ""
    assert head.FURNITURE.match("IE 11 Not Supported") and head.FURNITURE.match("Internet Explorer 11 is not supported")


def test_an_exclamation_then_more_words_is_a_comment_not_a_headline():
    # Tenth round, precision: a reader's comment opens with an exclamation and goes on ("Well said!
    # [...] And about time." on ArtsJournal); the corpus prints the shape only in comments, notices and
    # greetings ("Nice reporting! Thanks.", "Choose your news! Select the text alerts ...", "Good morning!
    # Below are ..."), never in a headline.
    assert page("u-020").title == ""
    assert not head.headline_shape("Nice reporting! Thanks.")
    assert head.headline_shape("Stop the cuts now!") and head.headline_shape("Is this the end of arts funding?")


def test_a_letters_pages_list_of_the_other_letters_stands_aside():
    # Tenth round, a layout class: a letter's headline, the paper's bulleted list of the day's other
    # letters, a photo credit ("Credit…Eleanor Davis"), then "To the Editor:" over the letter: the
    # headline opens the letter (two reposts of a letters page, on two domains)
    assert page("k-022").title == "The Teacher Shortage: Why, and What to Do?"
    assert page("u-018").title == "Rethinking How We Fund the Arts in America"
    assert head.is_caption("Credit…Eleanor Davis")
