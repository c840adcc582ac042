"""The quote engine on each construction an editor meets in commentaries (issue 3, section 1)."""
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from archive.quotes import extract


def statement(text, quote, author=None):
    result = extract(text, author=author)
    for s in result.statements:
        if s.quote == quote:
            assert text[s.start:s.end] == s.quote
            return s
    raise AssertionError(f"no statement {quote!r} in {[s.quote for s in result.statements]}")


def non_statements(text):
    return [n.text for n in extract(text).non_statements]


def test_speaker_before_with_comma_and_descriptor():
    s = statement("Harvard AI expert Louis Tompros remarked, “Innovation bridges the gap”.", "Innovation bridges the gap")
    assert (s.speaker, s.speaker_kind, s.cue, s.kind) == ("Louis Tompros", "person", "remarked", "direct")
    assert s.speaker_mention == "Harvard AI expert Louis Tompros"
    assert s.description == "Harvard AI expert"


def test_speaker_before_with_colon_and_particles():
    s = statement('European Commission President Ursula von der Leyen said: "Europe is ready."', "Europe is ready.")
    assert s.speaker == "Ursula von der Leyen"
    assert s.description == "European Commission President"


def test_speaker_after_both_orders():
    text = '"We will stay the course," said Diane Swonk, chief economist at KPMG. "Rates stay high," Swonk added.'
    assert statement(text, "We will stay the course,").speaker == "Diane Swonk"
    assert statement(text, "Rates stay high,").speaker == "Diane Swonk"


def test_split_quote_continues_with_the_same_speaker():
    text = "“We are not going to be rushed,” said Maros Sefcovic. “But nobody should doubt our resolve.”\nOthers disagreed."
    assert statement(text, "But nobody should doubt our resolve.").speaker == "Maros Sefcovic"


def test_descriptor_with_organisation_name_before_the_role():
    text = ("As Carnegie Endowment for International Peace researcher Matt Sheehan notes, sanctions have "
            "“backed companies into a corner.”")
    s = statement(text, "backed companies into a corner.")
    assert (s.speaker, s.kind, s.cue) == ("Matt Sheehan", "partial", "notes")
    assert s.description == "Carnegie Endowment for International Peace researcher"


def test_pronouns_resolve_to_the_nearest_fitting_speaker():
    text = ("Jerome Powell spoke in Washington. “We will stay the course,” he said. "
            "The chatbot ChatGPT was asked next. It replied: “Wars rarely have a single cause.”")
    assert statement(text, "We will stay the course,").speaker == "Jerome Powell"
    s = statement(text, "Wars rarely have a single cause.")
    assert (s.speaker, s.speaker_kind) == ("ChatGPT", "ai_system")


def test_surname_back_reference_uses_the_full_name():
    text = ("Zheng Yongnian, a professor in Shenzhen, spoke first. "
            "“China's rise is an opportunity,” Zheng said.")
    assert statement(text, "China's rise is an opportunity,").speaker == "Zheng Yongnian"


def test_the_company_refers_to_the_organisation_named_earlier():
    text = ("Chinese carmaker firm BYD beat forecasts on Monday. "
            "“Our plants will run at full capacity,” the company said in a statement.")
    s = statement(text, "Our plants will run at full capacity,")
    assert (s.speaker, s.speaker_kind, s.speaker_mention) == ("BYD", "organisation", "the company")


def test_anonymous_group_is_the_noun_phrase():
    s = statement("Some researchers believe these innovators “benefit from a global commons”.",
                  "benefit from a global commons")
    assert (s.speaker, s.speaker_kind, s.cue) == ("some researchers", "group", "believe")


def test_text_author_without_and_with_a_name():
    text = ("The author of this commentary asked Grok 3 a question. But when he posed, "
            "“What if China cooperates?” Grok 3 replied: competition would soften.")
    assert statement(text, "What if China cooperates?").speaker == "(author)"
    assert statement(text, "What if China cooperates?", author="Qi Dapeng").speaker == "Qi Dapeng"
    assert statement("I asked, “Who is to blame?”", "Who is to blame?", author="Ann Lee").speaker == "Ann Lee"


def test_non_human_speakers():
    text = ("Grok 3 affirmed DeepSeek’s role, stating, “Open models seed equity.” "
            "The Global Times called the sanctions ‘a blatant act of bullying’.")
    s = statement(text, "Open models seed equity.")
    assert (s.speaker, s.speaker_kind, s.cue) == ("Grok 3", "ai_system", "stating")
    s = statement(text, "a blatant act of bullying")
    assert (s.speaker, s.speaker_kind) == ("Global Times", "publication")


def test_report_that_states():
    text = "The Munich Security Report 2025 states that “AI drives multipolarity”."
    s = statement(text, "AI drives multipolarity")
    assert (s.speaker, s.speaker_kind) == ("Munich Security Report 2025", "publication")


def test_according_to_and_as_noted():
    text = ('According to the International Energy Agency, "demand is set to grow fast." '
            "DeepSeek’s “engineering simplicity” defied convention, as Dimitris Papailiopoulos noted.")
    assert statement(text, "demand is set to grow fast.").speaker == "International Energy Agency"
    assert statement(text, "engineering simplicity").speaker == "Dimitris Papailiopoulos"


def test_called_it_partial_quote():
    s = statement("Katherine Tai called the measures “long overdue” on Monday.", "long overdue")
    assert (s.speaker, s.kind, s.cue) == ("Katherine Tai", "partial", "called")


def test_scare_quotes_terms_and_translations_are_not_statements():
    text = ('American titans built a “capital moat”, shattering the myth of “compute supremacy”. '
            'The Chinese word for "crisis" has two characters: "wei" for "danger". '
            "Debates about AI’s “bigger is better” dogma go on, and a programme called “Smart Nation” too.")
    result = extract(text)
    assert result.statements == []
    assert [n.text for n in result.non_statements] == [
        "capital moat", "compute supremacy", "crisis", "wei", "danger", "bigger is better", "Smart Nation"]
    assert all(n.reason for n in result.non_statements)


def test_text_repeated_in_a_page_dump_yields_each_statement_once():
    part = "Scholar Joseph Nye noted, “AI equity is a multipolar consensus”. Then the “stars” soared.\n"
    result = extract("Menu\n" + part + "Footer\n" + part)
    assert [s.quote for s in result.statements if s.kind != "reported"] == ["AI equity is a multipolar consensus"]
    assert [n.text for n in result.non_statements] == ["stars"]
    assert result.statements[0].start < len("Menu\n" + part)


def test_reported_statement_without_quotation_marks():
    text = "The International Data Corporation (IDC) predicts that by 2026 open models will hold 30 percent."
    (s,) = extract(text).statements
    assert (s.kind, s.speaker, s.speaker_kind, s.cue) == (
        "reported", "International Data Corporation (IDC)", "organisation", "predicts")
    assert s.quote == "by 2026 open models will hold 30 percent"


def test_to_dict_is_the_command_line_contract():
    data = extract('He said, "Yes we can." The "so-called" thing.').to_dict()
    assert set(data) == {"statements", "non_statements"}
    assert set(data["statements"][0]) == {"quote", "start", "end", "kind", "cue", "speaker", "speaker_kind",
                                          "speaker_mention", "description", "confidence", "alternatives"}
    assert set(data["non_statements"][0]) == {"text", "start", "end", "reason"}


def test_bad_input_gets_a_clear_error():
    with pytest.raises(TypeError):
        extract(b"bytes are not text")
    assert extract("").statements == []


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab Sd,.:\n“”‘’'\"Xsaid ")), max_size=200))
def test_offsets_always_point_at_the_quote(text):
    result = extract(text)
    for s in result.statements:
        assert text[s.start:s.end] == s.quote
        assert 0.0 <= s.confidence <= 1.0
    for n in result.non_statements:
        assert text[n.start:n.end] == n.text


def test_role_back_references_find_the_person_with_that_role():
    text = ("Indian Prime Minister Narendra Modi met Chinese President Xi Jinping in Kazan. "
            "“Peace on the border should be our priority,” the prime minister said. "
            "The Chinese leader added that “the dragon and the elephant must dance together”.")
    assert statement(text, "Peace on the border should be our priority,").speaker == "Narendra Modi"
    assert statement(text, "the dragon and the elephant must dance together").speaker == "Xi Jinping"


def test_unnamed_office_holder_stays_as_written():
    text = "Emmanuel Macron spoke first. The German chancellor (who was cooler) said Berlin was “open to discussion”."
    assert statement(text, "open to discussion").speaker == "the German chancellor"


def test_name_between_commas_after_its_role():
    text = "His foreign minister, Sugiono, later told parliament that Jakarta “would not take sides”."
    s = statement(text, "would not take sides")
    assert (s.speaker, s.description) == ("Sugiono", "His foreign minister")


def test_second_quote_in_the_same_sentence_shares_the_speaker():
    text = 'Prabowo Subianto declared that Indonesia "will not join any pact" and would pursue "a free and active policy".'
    assert statement(text, "a free and active policy").speaker == "Prabowo Subianto"


def test_epigraph_and_statement_from_a_body():
    text = ("“The past is never dead. It’s not even past.” — William Faulkner\n"
            "“We stand with our allies,” according to a statement from the White House. "
            "Beijing said it “firmly opposes” interference.")
    assert statement(text, "The past is never dead. It’s not even past.").speaker == "William Faulkner"
    s = statement(text, "We stand with our allies,")
    assert (s.speaker, s.speaker_kind) == ("White House", "organisation")
    s = statement(text, "firmly opposes")
    assert (s.speaker, s.speaker_kind) == ("Beijing", "organisation")


def test_spokesperson_of_a_company_speaks_for_it():
    s = statement("“We do not comment on speculation,” an Alibaba spokesperson said.", "We do not comment on speculation,")
    assert (s.speaker, s.speaker_kind) == ("Alibaba", "organisation")


def test_titles_and_headlines_are_not_statements():
    text = ("In his new book, “The Avoidable War”, Kevin Rudd writes that “conflict is not inevitable.”\n"
            "Related\n“Solomon Islands Election: What Comes Next?”")
    result = extract(text)
    assert [s.quote for s in result.statements] == ["conflict is not inevitable."]
    assert [n.text for n in result.non_statements] == ["The Avoidable War", "Solomon Islands Election: What Comes Next?"]


def test_plural_nouns_that_look_like_cues_report_nothing():
    text = "Claimant states have spent a decade arguing over a code of conduct. Member states will vote next year."
    assert extract(text).statements == []


def test_a_line_holding_only_an_unattributed_quote_is_a_headline():
    text = "Related articles\n“Why ASEAN needs a new approach to Myanmar”\nShare this page"
    result = extract(text)
    assert result.statements == []
    assert [(n.text, n.reason) for n in result.non_statements] == [
        ("Why ASEAN needs a new approach to Myanmar", "headline or title line")]


def test_bare_verbs_after_modals_do_not_attribute():
    text = "Robert Habeck told reporters the bloc would respond “calmly but firmly”."
    assert statement(text, "calmly but firmly").speaker == "Robert Habeck"


def test_role_with_possessive_body_then_name_between_commas():
    text = ('According to the poll\'s director, Natasha Kassam, "Australians have never been more worried." '
            "She added that the results were “sobering”.")
    s = statement(text, "Australians have never been more worried.")
    assert (s.speaker, s.description) == ("Natasha Kassam", "the poll's director")
    assert statement(text, "sobering").speaker == "Natasha Kassam"


def test_a_name_that_looks_like_a_preposition():
    text = "General Secretary To Lam, who rose through the ministry, has promised “to sweep away” corruption."
    assert statement(text, "to sweep away").speaker == "To Lam"


def test_role_or_body_with_a_complement_then_name_between_commas():
    text = 'The UN agency for Palestinian refugees, UNRWA, said, "Our facilities are overwhelmed beyond capacity."'
    s = statement(text, "Our facilities are overwhelmed beyond capacity.")
    assert (s.speaker, s.speaker_kind, s.description) == ("UNRWA", "organisation", "The UN agency for Palestinian refugees")
    s = statement('The analyst at Nomura, Rob Subbaraman, said the risks were "rising fast".', "rising fast")
    assert (s.speaker, s.speaker_kind, s.description) == ("Rob Subbaraman", "person", "The analyst at Nomura")


def test_an_appositive_place_is_not_a_name_after_a_role():
    text = ("Zheng Yongnian, a professor at the Chinese University of Hong Kong, Shenzhen, has long argued that "
            "China's modernisation follows its own logic.")
    (s,) = extract(text).statements
    assert (s.kind, s.speaker) == ("reported", "Zheng Yongnian")


@pytest.mark.parametrize("text, quote, speaker", [
    ('Critics claim the policy is "a failure of nerve".', "a failure of nerve", "critics"),
    ('Analysts note that the bloc is "running out of time".', "running out of time", "analysts"),
    ('Republicans demand that the president "come clean".', "come clean", "Republicans"),
    ('"We will not back down," the protesters vow.', "We will not back down,", "the protesters"),
])
def test_bare_verbs_that_double_as_nouns_cue_after_a_plural_subject(text, quote, speaker):
    assert statement(text, quote).speaker == speaker


def test_bare_nounish_forms_without_a_plural_subject_are_no_cues():
    assert non_statements('The claim that the economy is "booming" is false.') == ["booming"]
    # in the bare present, "call" names a term whoever the subject
    assert non_statements('Economists call it "secular stagnation".') == ["secular stagnation"]


def test_a_group_warning_of_a_quoted_noun_phrase_names_a_term():
    text = 'Critics have a point when they warn of a "new Cold War". But the danger is complacency.'
    assert non_statements(text) == ["new Cold War"]


def test_inflections_double_final_consonants_and_keep_british_ll():
    from archive.quotes import cues
    expected = {
        "dub": ["dubbed", "dubbing"], "slam": ["slammed", "slamming"], "concur": ["concurred", "concurring"],
        "quip": ["quipped", "quipping"], "admit": ["admitted", "admitting"], "label": ["labelled", "labeled"],
    }
    for lemma, wanted in expected.items():
        generated = cues._regular_forms(lemma)
        for form in wanted:
            assert form in generated, (lemma, form)
    assert "warnned" not in cues._regular_forms("warn") and "answerred" not in cues._regular_forms("answer")
    assert "vowwed" not in cues._regular_forms("vow") and "hailled" not in cues._regular_forms("hail")
    for form in ("dubbed", "slammed", "concurred", "labelled"):
        assert cues.CUE_RE.fullmatch(form), form


def test_an_analyst_who_dubbed_the_quarter():
    text = 'Wedbush analyst Dan Ives dubbed the quarter "a disaster on every front" but kept his rating.'
    s = statement(text, "a disaster on every front")
    assert (s.speaker, s.cue, s.kind) == ("Dan Ives", "dubbed", "partial")


def test_a_later_quote_with_its_own_subject_and_cue_has_its_own_speaker():
    text = 'Mr Modi insisted the reform was "a historic step", while his critics claim the policy is "a failure".'
    assert statement(text, "a historic step").speaker == "Modi"
    s = statement(text, "a failure")
    assert (s.speaker, s.cue, s.kind) == ("his critics", "claim", "partial")


def test_a_continued_partial_quote_keeps_the_speaker_and_is_partial():
    s = statement('Mr Modi insisted the reform was "a historic step" and "long overdue".', "long overdue")
    assert (s.speaker, s.kind) == ("Modi", "partial")


def test_the_second_half_of_a_split_sentence_is_direct():
    text = ('Ms Lin, a retired teacher who has lived in the city for 40 years, was less pessimistic. '
            '"My pension is enough," she said, "but my son cannot afford an apartment."')
    s = statement(text, "but my son cannot afford an apartment.")
    assert (s.speaker, s.kind) == ("Lin", "direct")
    assert statement(text, "My pension is enough,").speaker == "Lin"


def test_a_cue_after_a_long_subordinate_clause_takes_the_main_clause_subject():
    text = ('When I asked a senior Chinese diplomat in Beijing last year what worried him most, he paused '
            'before answering: "Not America\'s strength, but its unpredictability."')
    s = statement(text, "Not America's strength, but its unpredictability.", author="Kishore Mahbubani")
    assert (s.speaker, s.cue) == ("a senior Chinese diplomat", "answering")


def test_a_pronoun_resolved_description_stops_at_quote_marks_and_sentence_ends():
    text = ('"Rates will go up next year," Finance Minister Sri Mulyani Indrawati told parliament on Monday. '
            'Analysts were not surprised. "We have no choice," she added.')
    s = statement(text, "We have no choice,")
    assert (s.speaker, s.description) == ("Sri Mulyani Indrawati", "Finance Minister")


def test_a_spokesperson_for_a_named_body_speaks_for_it_and_the_spokesperson_refers_back():
    text = ('"We have seen the comments and find them unwarranted," a spokesperson for the Ministry of External '
            'Affairs said at the weekly briefing. According to the spokesperson, India "remains committed to '
            'a peaceful resolution through bilateral dialogue".')
    s = statement(text, "We have seen the comments and find them unwarranted,")
    assert (s.speaker, s.speaker_kind, s.description) == ("Ministry of External Affairs", "organisation", "spokesperson")
    s = statement(text, "remains committed to a peaceful resolution through bilateral dialogue")
    assert (s.speaker, s.speaker_kind) == ("Ministry of External Affairs", "organisation")
    s = statement('A deputy spokesman for President Lula said: "The president will travel."', "The president will travel.")
    assert (s.speaker, s.speaker_kind, s.description) == ("Lula", "person", "deputy spokesman")


def test_an_unnamed_source_keeps_its_complement_after_according_to():
    text = 'According to a senior official familiar with the talks, "Both sides have agreed to keep channels open."'
    s = statement(text, "Both sides have agreed to keep channels open.")
    assert (s.speaker, s.speaker_kind) == ("a senior official familiar with the talks", "person")


@pytest.mark.parametrize("text, quote, speaker, kind", [
    ('The Financial Times called the outlook "a lost decade in the making".', "a lost decade in the making",
     "Financial Times", "publication"),
    ('The Ministry of Commerce said the curbs were "temporary".', "temporary", "Ministry of Commerce", "organisation"),
    ('The People\'s Daily said the visit was "a new chapter".', "a new chapter", "People's Daily", "publication"),
    ('The Hindu reported that the talks had "broken down". The newspaper said the minister would resign.',
     "broken down", "Hindu", "publication"),
    ('Le Monde called the plan "a gamble". The paper said it would fail.', "a gamble", "Le Monde", "publication"),
    ('The Asahi Shimbun called it "a quiet revolution".', "a quiet revolution", "Asahi Shimbun", "publication"),
    ('Human Rights Watch said the law was "draconian and vague".', "draconian and vague", "Human Rights Watch",
     "organisation"),
    ('Amnesty International Kenya said police had used "excessive force".', "excessive force",
     "Amnesty International Kenya", "organisation"),
    ('Le Pen said the plan was "a gamble".', "a gamble", "Le Pen", "person"),
])
def test_body_names_drop_their_article_and_take_their_kind_from_words_and_back_references(text, quote, speaker, kind):
    s = statement(text, quote)
    assert (s.speaker, s.speaker_kind) == (speaker, kind)


def test_a_name_after_an_owned_role_at_the_end_of_the_attribution():
    text = 'Intel said it would cut jobs. "We will regain leadership," said its chief executive, Pat Gelsinger.'
    s = statement(text, "We will regain leadership,")
    assert (s.speaker, s.description) == ("Pat Gelsinger", "its chief executive")


def test_came_the_reply_and_her_answer_go_to_whoever_was_asked():
    text = 'I asked a senior NATO official in Brussels whether the alliance was ready. "Not yet," came the reply.'
    s = statement(text, "Not yet,")
    assert (s.speaker, s.speaker_kind, s.cue) == ("a senior NATO official", "person", "came the reply")
    text = ('I later put the same question to an American friend who had served in the State Department. '
            'Her answer was shorter: "China\'s patience."')
    s = statement(text, "China's patience.", author="Kishore Mahbubani")
    assert (s.speaker, s.cue) == ("an American friend", ":")
    s = statement('We asked the minister about the deal. His answer: "We will see."', "We will see.")
    assert s.speaker == "the minister"


def test_an_unclosed_final_quote_is_a_direct_statement_not_a_reported_one():
    text = 'The minister said: "We must stay united.\nThere is no other way.'
    (s,) = extract(text).statements
    assert (s.quote, s.kind, s.speaker) == ("We must stay united.", "direct", "the minister")


def test_a_partial_quote_with_the_attribution_closing_the_sentence():
    text = ('SINGAPORE – Singapore will continue to take a "balanced and principled" approach to relations with '
            'the major powers, said Prime Minister Lawrence Wong on May 20.\nHe spoke at length.')
    s = statement(text, "balanced and principled")
    assert (s.speaker, s.kind, s.cue) == ("Lawrence Wong", "partial", "said")
    s = statement('The bloc will pursue "strategic autonomy" in defence, the minister said.', "strategic autonomy")
    assert s.speaker == "the minister"


def test_a_closing_attribution_does_not_reach_over_a_later_quote_or_claim_a_groups_term():
    text = 'During this year\'s "two sessions", Premier Li Qiang pledged to "unswervingly expand opening-up".'
    assert non_statements(text) == ["two sessions"]
    assert non_statements('The "two sessions" ended on Monday, officials said.') == ["two sessions"]


def test_a_plural_possessive_body_stays_in_the_description_and_adding_is_the_cue():
    text = ("The Institute for Fiscal Studies' director, Paul Johnson, said the figures 'simply don't add up', "
            "adding: 'Something will have to give.'")
    s = statement(text, "simply don't add up")
    assert (s.speaker, s.speaker_kind, s.description) == (
        "Paul Johnson", "person", "The Institute for Fiscal Studies' director")
    s = statement(text, "Something will have to give.")
    assert (s.speaker, s.cue, s.kind) == ("Paul Johnson", "adding", "direct")


def test_a_report_named_by_its_title_is_the_report_that_states():
    text = ("The World Bank's latest Global Economic Prospects report paints a sobering picture. "
            '"The world economy is on track for its weakest half-decade of growth in 30 years," the report states. '
            "It projects global growth of 2.4 percent this year.")
    s = statement(text, "The world economy is on track for its weakest half-decade of growth in 30 years,")
    assert (s.speaker, s.speaker_kind) == ("Global Economic Prospects", "publication")
    reported = [x for x in extract(text).statements if x.kind == "reported"]
    assert [(x.speaker, x.cue) for x in reported] == [("Global Economic Prospects", "projects")]
    assert extract("Two infrastructure projects were cancelled last year.").statements == []


def test_a_participle_after_while_takes_the_second_clauses_subject():
    text = ('The Financial Times called the outlook "a lost decade in the making", while the IMF\'s chief economist, '
            'Pierre-Olivier Gourinchas, struck a more cautious tone, saying the risks were "broadly balanced".')
    assert statement(text, "a lost decade in the making").speaker == "Financial Times"
    assert statement(text, "broadly balanced").speaker == "Pierre-Olivier Gourinchas"


def test_repeated_and_reaffirmed_are_cues():
    text = 'Finance Minister Shunichi Suzuki repeated that he was watching the market "with a high sense of urgency."'
    assert statement(text, "with a high sense of urgency.").speaker == "Shunichi Suzuki"


def test_a_name_then_its_employer_after_a_role():
    s = statement('Economist Selena Ling of OCBC said the review was "cautiously optimistic".', "cautiously optimistic")
    assert (s.speaker, s.description) == ("Selena Ling", "Economist of OCBC")


def test_a_title_holding_its_own_list_before_the_name():
    text = ("Japan's Minister of Economy, Trade and Industry, Yoji Muto, welcomed the plan. Chairman C.C. Wei "
            'spoke next. "This will strengthen our supply chains," Muto said.')
    s = statement(text, "This will strengthen our supply chains,")
    assert s.speaker == "Yoji Muto"
    from archive.quotes.mentions import mention_after
    first = text.split(". ")[0]
    m = mention_after(first, 0, len(first))
    assert (m.text, m.description) == ("Yoji Muto", "Japan's Minister of Economy, Trade and Industry")


def test_reported_statements_with_the_attribution_at_the_end():
    text = ("TOKYO -- Taiwan Semiconductor Manufacturing Co. will begin mass production at its second plant by the "
            "end of 2027, Chairman C.C. Wei said on Thursday, as Japan pours subsidies into its chip industry.")
    (s,) = extract(text).statements
    assert (s.kind, s.speaker, s.quote) == (
        "reported", "C.C. Wei", "Taiwan Semiconductor Manufacturing Co. will begin mass production at its second "
        "plant by the end of 2027")
    text = ("SINGAPORE: Core inflation is expected to ease further this year, the Monetary Authority of Singapore "
            "(MAS) said on Monday.\nIn its review, the central bank said that cost pressures had \"continued to "
            "moderate\".")
    (r,) = [x for x in extract(text).statements if x.kind == "reported"]
    assert (r.speaker, r.quote) == ("Monetary Authority of Singapore (MAS)",
                                    "Core inflation is expected to ease further this year")
    s = statement(text, "continued to moderate")
    assert (s.speaker, s.speaker_kind) == ("Monetary Authority of Singapore (MAS)", "organisation")


def test_the_government_is_not_guessed_from_the_nearest_body():
    text = 'Alibaba said on Monday it would invest more. The government said the plan was "welcome news for all".'
    assert statement(text, "welcome news for all").speaker != "Alibaba"


def test_a_bare_spokesperson_speaks_for_the_body_named_just_before():
    text = ("The Department of Health and Social Care said it had invested £250m in extra capacity. A spokesperson "
            "said: ‘We are working closely with trusts to ease pressures this winter.’")
    s = statement(text, "We are working closely with trusts to ease pressures this winter.")
    assert (s.speaker, s.speaker_kind, s.description) == ("Department of Health and Social Care", "organisation",
                                                          "spokesperson")
    (r,) = [x for x in extract(text).statements if x.kind == "reported"]
    assert (r.speaker, r.quote) == ("Department of Health and Social Care", "it had invested £250m in extra capacity")


def test_plural_possessives_place_nouns_and_hyphenated_ranks_in_mentions():
    s = statement("Nurses’ leaders have warned that the plan is ‘built on sand’.", "built on sand")
    assert (s.speaker, s.speaker_kind) == ("nurses’ leaders", "group")
    text = "“The river used to feed us. Now it poisons the rice,” one farmer in Ben Tre province told us."
    assert statement(text, "The river used to feed us. Now it poisons the rice,", author="Minh Tran").speaker == \
        "one farmer in Ben Tre province"
    text = "The junta’s spokesman, Maj-Gen Zaw Min Tun, claimed that the elections would be “free and fair”."
    assert statement(text, "free and fair").speaker == "Zaw Min Tun"


def test_a_memoirs_title_is_a_title():
    text = ("As Ben Bernanke put it in his memoir, “The Courage to Act,” monetary policy is “98 percent talk and "
            "only two percent action.”")
    assert non_statements(text) == ["The Courage to Act,"]
    assert statement(text, "98 percent talk and only two percent action.").speaker == "Ben Bernanke"


def test_role_complements_with_and_the_and_lower_case_modifier_chains():
    text = ('Minister for Sustainability and the Environment Grace Fu said that water security was '
            '"an existential issue for Singapore".')
    s = statement(text, "an existential issue for Singapore")
    assert (s.speaker, s.description) == ("Grace Fu", "Minister for Sustainability and the Environment")
    text = ("NEW DELHI: The Centre will table the bill in Parliament this week, Union parliamentary affairs minister "
            "Kiren Rijiju said on Monday.")
    (r,) = extract(text).statements
    assert (r.speaker, r.description) == ("Kiren Rijiju", "Union parliamentary affairs minister")
    text = 'A resident of the city, who asked not to be named, said: "We bury our dead at night."'
    assert statement(text, "We bury our dead at night.").speaker == "a resident of the city"


def test_the_writers_own_question_after_raises_a_question():
    text = 'This raises a question: "Can a city-state ever be truly water secure?" The answer lies in cooperation.'
    s = statement(text, "Can a city-state ever be truly water secure?", author="Jane Lim")
    assert (s.speaker, s.cue) == ("Jane Lim", ":")
    assert statement(text, "Can a city-state ever be truly water secure?").speaker == "(author)"


# --- blind batch F: coordinated cues, a named speaker's quoted adjective ----------------------

def test_a_second_predicate_of_the_subject_is_a_cue():
    from archive.quotes import extract
    text = ("Brazil’s finance minister, Rosa Lima, flew to Beijing in May and urged the bank to “rethink its "
            "lending terms”, a sharp change of tone.")
    got = {s.quote: s.speaker for s in extract(text).statements}
    assert got == {"rethink its lending terms": "Rosa Lima"}


def test_a_quoted_adjective_in_a_named_speaker_s_clause_is_theirs_but_a_group_s_noun_is_a_term():
    from archive.quotes import extract
    text = "The mayor said she backed the plan, but wanted a “sustainable” funding model for it."
    assert [(s.quote, s.speaker) for s in extract(text).statements] == [("sustainable", "the mayor")]
    assert [n.text for n in extract("Analysts say the bloc’s ‘centrality’ is fading.").non_statements] == ["centrality"]


# --- blind batch G: 'calls' after a name, listed ministries, predicates, linked titles ---------

def test_calls_after_a_named_body_is_a_cue_and_a_listed_ministry_keeps_its_comma():
    from archive.quotes import extract
    text = "The Ministry of Land, Infrastructure and Transport (MLIT) calls the plan a “make-or-break” moment."
    [s] = extract(text).statements
    assert (s.quote, s.speaker) == ("make-or-break", "Ministry of Land, Infrastructure and Transport (MLIT)")


def test_a_named_speaker_s_hyphenated_adjective_is_theirs():
    from archive.quotes import extract
    text = "Governor Ana Ruiz has said repeatedly that the bank’s mandate is “non-negotiable”."
    assert [(s.quote, s.speaker) for s in extract(text).statements] == [("non-negotiable", "Ana Ruiz")]


def test_a_quote_opening_with_a_modal_after_a_noun_is_a_predicate_not_a_title():
    from archive.quotes import extract
    text = "The governor told a seminar that fiscal policy “cannot fix a broken labour market”."
    assert [(s.quote, s.speaker) for s in extract(text).statements] == [
        ("cannot fix a broken labour market", "the governor")]


def test_a_linked_title_after_a_label_and_colon_is_a_title():
    from archive.quotes import extract
    text = "Body text.\n\nRelated\nCSIS Analysis: “The Future of Undersea Cables in Southeast Asia”\n"
    r = extract(text)
    assert r.statements == [] and [n.text for n in r.non_statements] == [
        "The Future of Undersea Cables in Southeast Asia"]


def test_framed_as_quotes_the_framer():
    from archive.quotes import extract
    text = "President Lula framed the summit as a chance to restore “trust between north and south”."
    assert [(s.quote, s.speaker) for s in extract(text).statements] == [
        ("trust between north and south", "Lula")]


# --- blind batch H: passive agents, interview labels, unnamed modifiers, body appositives ------

def test_the_agent_of_a_passive_cue_speaks():
    from archive.quotes import extract
    text = "The new bridge was hailed by Chilean officials as “a link between two oceans.”"
    [s] = extract(text).statements
    assert (s.quote, s.speaker) == ("a link between two oceans.", "Chilean officials")


def test_an_interview_label_is_not_the_sentence_subject():
    from archive.quotes import extract
    text = ("Q2: What did the spokesman say?\n\nA2: Rui Tavares, the spokesman, said little. A3: Maria Lopes has "
            "long presented herself as a reformer. In her first speech, she promised a “clean break”.")
    got = {s.quote: s.speaker for s in extract(text).statements}
    assert got["clean break"] == "Maria Lopes"


def test_unknown_lowercase_modifiers_stay_with_an_unnamed_speaker():
    from archive.quotes import extract
    text = ("Few have trained on them. A senior warrant officer at Camp Pendleton told me that his marines "
            "practised “mostly in simulators”. “It is not enough,” he said.")
    got = {s.quote: s.speaker for s in extract(text).statements}
    assert got == {"mostly in simulators": "a senior warrant officer at Camp Pendleton",
                   "It is not enough,": "a senior warrant officer at Camp Pendleton"}


def test_a_name_before_a_chain_of_appositives_is_the_speaker():
    from archive.quotes import extract
    text = ("Li Wenjun, director of the Institute for Trade Studies, a Shanghai think tank, said that "
            "“tariffs are a tax on our own consumers.”")
    [s] = extract(text).statements
    assert s.speaker == "Li Wenjun"


def test_a_body_named_after_its_description_and_a_capitalised_panel_in_a_name():
    from archive.quotes import extract
    text = ("The ministry’s cyber unit, the National Cyber Security Office, has acknowledged that patches are "
            "“not arriving fast enough”. As the Intergovernmental Panel on Biodiversity has warned, losses are "
            "“accelerating sharply”.")
    got = {s.quote: s.speaker for s in extract(text).statements}
    assert got == {"not arriving fast enough": "National Cyber Security Office",
                   "accelerating sharply": "Intergovernmental Panel on Biodiversity"}


def test_a_quoted_noun_phrase_owned_by_a_possessor_and_followed_by_a_verb_is_a_term():
    # The rules' reading. The learned span model may promote such a phrase (the guidelines make
    # "what Beijing calls “…”" a partial quote, and a possessor is close to that): where the corpus
    # taught it so, the model's reading wins, so this asserts the rules alone.
    from archive.quotes.engine import _Run
    text = ("Officials insisted the border was settled, because Moscow’s “historic frontier” has no basis in "
            "the treaty.")
    r = _Run(text, None).run(rank=False, model=({}, [], {}, {}))
    assert r.statements == [] or all(s.kind == "reported" for s in r.statements)
    assert [n.text for n in r.non_statements] == ["historic frontier"]


# --- blind batch K: hyphenated phrases, 'the head of a …' -------------------------------------

def test_a_hyphenated_phrase_quotes_its_speaker_but_a_two_part_coinage_is_a_term():
    from archive.quotes import extract
    text = "The minister told Parliament that grants would go to firms that are “best-in-class” on safety."
    assert [(s.quote, s.speaker) for s in extract(text).statements] == [("best-in-class", "the minister")]
    coinage = "The minister said the plan would “kick-start” the economy."
    # the rules read a two-part coinage as a term; the span model learned on real text promotes it
    # (descriptive words in the speaker's reported clause are a partial quote by the guidelines, v2.3),
    # so the rules' reading is asserted here and the learned one is judged on the real corpus
    from archive.quotes.engine import _Run
    rules = _Run(coinage, None).run(rank=False, model=({}, [], {}, {}))
    assert [n.text for n in rules.non_statements] == ["kick-start"]


def test_the_head_of_an_indefinite_body_is_an_unnamed_person_and_he():
    from archive.quotes import extract
    text = ("Agriculture minister Ken Mori said supplies were “adequate”. The head of a dairy cooperative in "
            "Hokkaido said output had fallen. “We cannot make milk from nothing,” he said.")
    got = {s.quote: s.speaker for s in extract(text).statements}
    assert got["We cannot make milk from nothing,"] == "the head of a dairy cooperative in Hokkaido"
    assert got["adequate"] == "Ken Mori"
