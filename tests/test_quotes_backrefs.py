"""Back-references in the quote engine: roles, bodies of a type, spokespersons, pronouns, groups.

Each test uses its own short text, not a passage of the annotated set, so the rule is shown
to be general.
"""
from archive.quotes import extract


def statement(text, quote, author=None):
    for s in extract(text, author=author).statements:
        if s.quote == quote:
            assert text[s.start:s.end] == s.quote
            return s
    raise AssertionError(f"no statement {quote!r}")


def non_statements(text):
    return [n.text for n in extract(text).non_statements]


# --- roles -----------------------------------------------------------------------------------

def test_a_role_back_reference_takes_the_latest_mention_of_a_fitting_person():
    # "the minister" is Okafor, mentioned by surname last, not the other minister described later
    text = ("Energy Minister Ada Okafor opened the plant. Shadow energy minister Tom Reyes said the deal was "
            "“a giveaway”. Okafor has said she will visit the site again in June. Asked about the cost, the "
            "minister said “every naira is accounted for”.")
    assert statement(text, "every naira is accounted for").speaker == "Ada Okafor"
    assert statement(text, "a giveaway").speaker == "Tom Reyes"


def test_a_name_after_a_chain_of_roles_starts_after_the_last_role():
    text = ("Deputy Prime Minister Lim Wee Kiat told Parliament that growth would slow. Lim, who also chairs "
            "the board, said the bank would “act if needed”.")
    s = statement(text, "act if needed")
    assert s.speaker == "Lim Wee Kiat"


def test_the_spokeswoman_is_the_spokesperson_named_before_whatever_the_word():
    text = ("Foreign Ministry spokesperson Hua Lan said Tokyo bore “full responsibility”. Pressed by a "
            "reporter, the spokeswoman said that “no one was hurt”.")
    assert statement(text, "no one was hurt").speaker == "Hua Lan"


# --- bodies of a type ------------------------------------------------------------------------

def test_the_committee_and_the_coast_guard_refer_to_the_body_of_that_type():
    text = ("The Monetary Policy Committee held rates at 5 per cent. In its minutes, the committee said it "
            "would “remain vigilant”. The Philippine Coast Guard filmed the encounter. The Japan Coast Guard "
            "arrived later. The coast guard insisted its crews were “acting lawfully”.")
    s = statement(text, "remain vigilant")
    assert (s.speaker, s.speaker_kind) == ("Monetary Policy Committee", "organisation")
    s = statement(text, "acting lawfully")
    assert (s.speaker, s.speaker_kind) == ("Japan Coast Guard", "organisation")


def test_a_company_named_by_its_first_word_and_the_chipmaker():
    text = ("When Nexo Semiconductor opened its plant, officials in New Delhi cheered. In a statement, Nexo "
            "said it was “proud to be here”. Asked about delays, the chipmaker said work was “on schedule”.")
    s = statement(text, "proud to be here")
    assert (s.speaker, s.speaker_kind) == ("Nexo Semiconductor", "organisation")
    assert statement(text, "on schedule").speaker == "Nexo Semiconductor"


# --- spokespersons of a person ---------------------------------------------------------------

def test_his_spokeswoman_speaks_for_the_body_named_in_his_description_else_as_written():
    text = ("Prime Minister Sam Ortiz visited the port. His spokeswoman said he was “pleased with progress”.")
    s = statement(text, "pleased with progress")
    assert (s.speaker, s.speaker_kind) == ("his spokeswoman", "person")
    text = ("Dana Wu, chief executive of the Harbour Trust, toured the site. Her spokesman said the trust "
            "was “reviewing every option”.")
    s = statement(text, "reviewing every option")
    assert (s.speaker, s.speaker_kind) == ("Harbour Trust", "organisation")
    text = "The Kenya Ports Authority said traffic fell. Its spokesman said the figures were “provisional”."
    assert statement(text, "provisional").speaker == "Kenya Ports Authority"


# --- pronouns --------------------------------------------------------------------------------

def test_a_pronoun_after_its_own_sentences_named_subject():
    text = ("Senator Ruth Kagame urged restraint. Trade Minister Omar Bello dismissed what he called the "
            "“foreign alarmism” over the deal.")
    assert statement(text, "foreign alarmism").speaker == "Omar Bello"


def test_she_after_an_unnamed_person_described_by_a_relative_clause():
    text = ("Louis Tan, a broker, was blunt. A nurse who rents a room in Kwun Tong told me she could not move. "
            "“I have nowhere to go,” she said.")
    assert statement(text, "I have nowhere to go,").speaker == "a nurse"
    text = 'A 52-year-old teacher who lost her home in the floods said: "We were given nothing."'
    assert statement(text, "We were given nothing.").speaker == "a 52-year-old teacher"


def test_a_place_adjunct_before_an_appositive_is_not_the_speaker():
    text = ("The agency did not comment. In a speech in Geneva, its director, Amara Diallo, said poor "
            "countries “cannot wait for the tide”.")
    assert statement(text, "cannot wait for the tide").speaker == "Amara Diallo"


def test_a_belief_reported_by_an_earlier_speech_cue_is_the_speakers():
    text = ("A Western diplomat, speaking on condition of anonymity, said Moscow hoped Kyiv would show "
            "“more flexibility” in the talks.")
    assert statement(text, "more flexibility").speaker == "a Western diplomat"


# --- groups ----------------------------------------------------------------------------------

def test_the_authors_are_the_researchers_named_as_a_studys_authors():
    text = ("A study published in May by researchers at the Grattan Institute found rents rising. The authors "
            "write that “supply alone will not fix this”.")
    s = statement(text, "supply alone will not fix this")
    assert (s.speaker, s.speaker_kind) == ("researchers at the Grattan Institute", "group")
    text = 'A new report warns of costs. "Nobody wins," the authors write.'
    assert statement(text, "Nobody wins,").speaker == "the authors"


# --- statements or not -----------------------------------------------------------------------

def test_a_quoted_label_before_its_noun_is_no_statement():
    from archive.quotes.engine import _Run
    text = ("The minister said 5,000 “green corridor” permits would be issued, and predicted that the first "
            "“Made in Kenya” phone would ship in June.")
    # The rules' reading: both labels. The learned span model (retrained with split 7) promotes the
    # first, which sits in the minister's reported clause, a place where the corpus often has partial
    # quotes; where it is confident its reading wins, so the full engine is asserted on the second.
    rules = _Run(text, None).run(rank=False, model=({}, [], {}, {}))
    assert [n.text for n in rules.non_statements] == ["green corridor", "Made in Kenya"]
    assert "Made in Kenya" in non_statements(text)
    # quoted adjectives before a singular noun are still the speaker's words
    text = "The envoy called for a “complete and lasting” ceasefire."
    assert statement(text, "complete and lasting").speaker == "the envoy"


def test_one_quoted_word_as_the_predicate_of_the_speakers_clause():
    text = ("The central bank said inflation was “likely to ease” in the spring, and that its stance remained "
            "“appropriate”. Analysts say the bank's ‘credibility’ is at stake.")
    assert statement(text, "appropriate").cue == "said"
    assert "credibility" in non_statements(text)


# --- batch E rules ---------------------------------------------------------------------------

def test_a_role_before_a_name_with_initials_and_the_role_later():
    text = ("External Affairs Minister K. Natwar said talks were over. “We are done,” he said. Later, "
            "“the door is open,” the minister said.")
    assert statement(text, "the door is open,").speaker == "K. Natwar"


def test_role_synonyms_and_titles_on_second_reference():
    text = ("Ana Ruiz, a former Mexican ambassador to Japan, spoke at the forum. The former envoy said Tokyo "
            "was “patient to a fault”.")
    assert statement(text, "patient to a fault").speaker == "Ana Ruiz"
    text = ("Dr Kofi Mensah, a GP in Leeds, sees forty patients a day. “I am a switchboard,” the doctor said.")
    assert statement(text, "I am a switchboard,").speaker == "Kofi Mensah"


def test_a_role_a_comma_then_the_name_and_the_role_later():
    text = ("Another economist, Dewi Lestari of the Center for Budget and Tax Studies (CBTS), disagrees. "
            "“The money is not there,” the economist told me.")
    assert statement(text, "The money is not there,").speaker == "Dewi Lestari"


def test_a_name_known_as_another_name():
    text = ("He had the support of Joko Widodo, widely known as Jokowi. Jokowi himself defended the plan. "
            "“It is an investment,” he said.")
    assert statement(text, "It is an investment,").speaker == "Joko Widodo"


def test_no_person_from_a_headline_and_byline_or_a_bodys_and_clause():
    text = ("Opinion\nThe waiting list is not an act of God\nRuth Mor\n\nWhen Ian Hale took over at the "
            "Department of Health and Social Care, he was blunt. The service was ‘broken’, he told MPs, and "
            "anyone who disagreed was ‘not living in the real world’.")
    assert statement(text, "broken").speaker == "Ian Hale"
    assert statement(text, "not living in the real world").speaker == "Ian Hale"


def test_she_after_a_quote_holding_a_sentence_end_and_an_unnamed_person_from_a_place():
    text = ("Dr Ann Lee, a GP, was tired. A retired miner in Barnsley who has waited a year said he had given "
            "up. ‘They ring me. That is all that happens,’ he said.")
    assert statement(text, "They ring me. That is all that happens,").speaker == "a retired miner in Barnsley"


def test_an_appositive_with_a_relative_clause_about_a_body():
    text = ("Mark Hill, the chief executive of the Care Alliance, which represents hospices, warned that "
            "‘goodwill is finite’.")
    assert statement(text, "goodwill is finite").speaker == "Mark Hill"


def test_a_bodys_name_with_in_and_the_chamber():
    text = ("The British Chamber of Commerce in Japan said conditions were “more challenging”. The chamber "
            "called for “more predictability”.")
    assert statement(text, "more challenging").speaker == "British Chamber of Commerce in Japan"
    assert statement(text, "more predictability").speaker == "British Chamber of Commerce in Japan"


def test_smiled_and_said_and_a_ministry_of_affairs():
    text = "Asked if she would resign, Ms Omar smiled and said: ‘I never answer hypothetical questions.’"
    assert statement(text, "I never answer hypothetical questions.").speaker == "Omar"
    text = "The Ministry of Home Affairs said patrols “will resume”. The ministry said it was “satisfied”."
    s = statement(text, "satisfied")
    assert (s.speaker, s.speaker_kind) == ("Ministry of Home Affairs", "organisation")


def test_his_report_is_its_authors_and_a_peer_keeps_his_title():
    text = ("Lord Patel, who led the inquiry, concluded that the service was in ‘critical condition’. His report "
            "found that ‘capital has been starved for a decade’.")
    assert statement(text, "critical condition").speaker == "Lord Patel"
    assert statement(text, "capital has been starved for a decade").speaker == "Lord Patel"


def test_spoke_of_quotes_the_speaker_but_a_group_speaking_of_names_a_term():
    text = "The chancellor has spoken of ‘tough choices’ on spending."
    assert statement(text, "tough choices").speaker == "the chancellor"
    assert non_statements("Analysts speak of “stagflation” in Europe.") == ["stagflation"]


def test_a_noun_phrase_quoted_before_its_noun_is_a_term():
    text = "He added that the “dual circulation” development pattern was misunderstood."
    assert non_statements(text) == ["dual circulation"]


# --- blind batch F: bodies by acronym, the sentence before's company, owners, demonyms ---------

def test_an_acronym_resolves_to_the_body_named_in_full_earlier():
    text = ("The Asian Development Bank’s board approved a $500 million loan on Monday. In a note to "
            "investors, the ADB said the reforms were “overdue but welcome”.")
    s = statement(text, "overdue but welcome")
    assert (s.speaker, s.speaker_kind) == ("Asian Development Bank", "organisation")


def test_the_company_is_the_business_that_was_the_subject_of_the_sentence_before():
    # the body named last ("the Trade Commission") and a byline's unit are not the company
    text = ("Trade Desk\nAsia Programme\n\nThe Trade Commission fined three carmakers last week. KTM, which "
            "sells mainly in Europe, paid the largest fine. The company said it was “studying the ruling”.")
    assert statement(text, "studying the ruling").speaker == "KTM"
    wire = ("Orion Steel said on Monday it would keep its offer for Baltic Steel open.\n“We have made our "
            "final offer,” the company said in a statement.")
    assert statement(wire, "We have made our final offer,").speaker == "Orion Steel"


def test_a_dateline_in_capitals_is_no_speaker():
    text = ("SEOUL, March 3 (Reuters Breakingviews) - Hanil Motors has been quiet for months.\n"
            "“We are reviewing all options,” the company said.")
    assert statement(text, "We are reviewing all options,").speaker == "Hanil Motors"


def test_it_after_a_possessive_subject_is_the_owner():
    # not the ministry named last: the commission whose argument it is
    text = ("The Ministry of Finance published new rules. The European Commission’s argument rests on what "
            "it calls “hidden support” for exporters.")
    assert statement(text, "hidden support").speaker == "European Commission"
    # a possessed body speaks for itself
    body = "The Ministry of Finance met. Japan’s trade ministry said it would “respond firmly”."
    assert statement(body, "respond firmly").speaker == "Japan’s trade ministry"


def test_a_plural_possessive_role_inside_a_body_name():
    text = "The National Nurses’ Union warned that wards would be left “dangerously understaffed”."
    s = statement(text, "dangerously understaffed")
    assert (s.speaker, s.speaker_kind) == ("National Nurses’ Union", "organisation")


def test_a_report_named_for_a_person_keeps_its_noun_and_an_update_is_a_publication():
    text = "As the Letta report put it, the single market needs “a new lease of life”."
    s = statement(text, "a new lease of life")
    assert (s.speaker, s.speaker_kind) == ("Letta report", "publication")
    update = ("The World Bank’s latest Nepal Development Update projects growth of 4%. The report calls for "
              "“bolder reform” of state enterprises.")
    assert statement(update, "bolder reform").speaker == "Nepal Development Update"


def test_a_nationality_adjective_fits_a_role_given_with_the_country():
    text = ("Poland’s prime minister, Anna Nowak, met the delegation in Warsaw. The Polish leader said she "
            "wanted “a fair deal for farmers”.")
    assert statement(text, "a fair deal for farmers").speaker == "Anna Nowak"


def test_a_belief_verb_inside_a_told_that_clause_is_the_teller_s():
    text = ("Governor Rafael Ortiz told analysts that the central bank expected inflation to fall "
            "“within the target band”.")
    assert statement(text, "within the target band").speaker == "Rafael Ortiz"


def test_one_word_spoken_of_is_a_term():
    assert non_statements("The G20 has spoken of “resilience” for a decade.") == ["resilience"]


# --- blind batch G: joint authors, a body's unnamed head, vox pops in a district --------------

def test_two_named_authors_speak_together():
    text = ("Maria Ortega is a historian at Leiden. In a 2022 essay, “Why Treaties Last,” Ortega and Paul Kim "
            "argued that alliances need “boring institutions”.")
    s = statement(text, "boring institutions")
    assert (s.speaker, s.speaker_kind) == ("Maria Ortega and Paul Kim", "group")


def test_its_chairman_unnamed_speaks_for_the_body():
    text = ("The Korea Shipbuilders’ Association (KSA) expects orders to fall. Its chairman has warned that "
            "“the yards will be idle by 2027.”")
    s = statement(text, "the yards will be idle by 2027.")
    assert s.speaker == "Korea Shipbuilders’ Association (KSA)"


def test_an_unnamed_person_in_a_named_district_and_she():
    text = ("A fruit seller in Jakarta’s Tanah Abang district told me she had stopped buying stock. "
            "“Nobody has money this month,” she said.")
    assert statement(text, "Nobody has money this month,").speaker == "a fruit seller in Jakarta’s Tanah Abang district"


def test_an_unnamed_official_keeps_a_participle_complement():
    text = "An EU official involved in the talks put it plainly: “We are not there yet. We are close.”"
    assert statement(text, "We are not there yet. We are close.").speaker == "an EU official involved in the talks"


# --- blind batch I: unnamed people by their noun, bracketed acronyms, a government of a person -

def test_the_official_is_the_unnamed_official_named_before():
    text = ("A tax official in a northern county told reporters the reform would “take years”. “We have no "
            "staff for it,” the official said.")
    got = {s.quote: s.speaker for s in extract(text).statements}
    assert got == {"take years": "a tax official in a northern county",
                   "We have no staff for it,": "a tax official in a northern county"}


def test_an_acronym_keeps_the_brackets_the_text_first_named_it_with():
    text = ("The Japan Nursing Association (JNA) met on Monday. In a statement, the JNA accused the ministry of "
            "“ignoring the wards”.")
    assert statement(text, "ignoring the wards").speaker == "Japan Nursing Association (JNA)"


def test_the_government_of_a_person_is_a_body():
    text = "The government of President Ana Duarte insists that the reform is “not up for discussion”."
    s = statement(text, "not up for discussion")
    assert (s.speaker, s.speaker_kind) == ("government of President Ana Duarte", "organisation")


def test_in_his_view_hands_the_sentence_s_quote_to_him():
    text = ("Paul Becker, president of the Kiel Forum, spoke first. In his view, the country needs leaders "
            "capable of “hard choices” on energy.")
    assert statement(text, "hard choices").speaker == "Paul Becker"


# --- blind batch J: titles kept as roles, when-clause subjects, suffixes, progressive verbs ----

def test_a_leading_title_is_kept_as_the_role_for_a_later_back_reference():
    text = ("Governor Ravi Menon kept rates on hold. Prices rose in May. The governor described housing as the "
            "“weak link” in the recovery.")
    assert statement(text, "weak link").speaker == "Ravi Menon"


def test_she_after_a_sentence_with_no_person_as_subject_is_the_when_clause_s_subject():
    text = ("Rosa Lima and her mentor Tomas Ortega ran together in 2020. Her mentor has since turned on the "
            "government. The split came in June, when Lima quit the cabinet. In a short statement, she said "
            "she was leaving “with a clear conscience”.")
    assert statement(text, "with a clear conscience").speaker == "Rosa Lima"


def test_a_name_suffix_keeps_its_point():
    text = ("When Ferdinand Ruiz Jr. and Ana Cruz ran together, they won easily. Ruiz said the coalition would "
            "“serve every province”.")
    assert statement(text, "serve every province").speaker == "Ferdinand Ruiz Jr."


def test_a_progressive_verb_inside_a_told_that_clause_is_no_cue():
    text = ("The Federation of Textile Makers said costs had doubled. Its director-general, Anil Rao, told this "
            "newspaper that small firms were finding loans “hard to get and harder to repay”.")
    assert statement(text, "hard to get and harder to repay").speaker == "Anil Rao"


# --- batch L: ordinary full-length commentaries ------------------------------------------------

def test_it_is_the_body_that_was_the_sentence_before_s_subject():
    # not the capitalised place named earlier in the paragraph
    text = ("The minister spoke at Government House on Friday. The Danish consulate in Nuuk was less "
            "patient. In a note to reporters, it said the talks had been “a waste of everyone’s time”.")
    s = statement(text, "a waste of everyone’s time")
    assert s.speaker == "Danish consulate in Nuuk"
    assert s.speaker_kind == "organisation"


def test_it_after_a_body_subject_takes_the_full_name_found_there():
    text = ("The Federation of Kenya Employers and Allied Trades (FKEAT) opposed the levy. On Monday, it said "
            "the plan would “punish the firms that still hire”.")
    assert statement(text, "punish the firms that still hire").speaker.startswith("Federation of Kenya Employers")


def test_the_report_is_the_body_named_in_full_as_its_author():
    text = ("A study by the Institute for Water Security and Urban Planning (IWSUP) found that reservoirs were low. "
            "The study warned that cities were “one dry season from rationing”.")
    assert statement(text, "one dry season from rationing").speaker == \
        "Institute for Water Security and Urban Planning (IWSUP)"


def test_a_paper_published_by_a_centre_at_a_university_is_the_centre_s():
    # and "that farmers say" after the quote is a relative clause on its object, not its speaker
    text = ("A paper released in March by the Rural Finance Centre at the University of Ghana warned that loans "
            "“can crowd out the seed and fertiliser purchases” that farmers say they need most.")
    assert statement(text, "can crowd out the seed and fertiliser purchases").speaker == "Rural Finance Centre"


def test_a_ministry_named_with_a_listed_comma_keeps_the_list():
    text = ("According to the Ministry of Agriculture, Fisheries and Forestry, exports rose by a fifth. In a "
            "note to parliament, the ministry said prices would “ease by the winter”.")
    s = statement(text, "ease by the winter")
    assert s.speaker == "Ministry of Agriculture, Fisheries and Forestry"
    reported = [r for r in extract(text).statements if r.kind == "reported"]
    assert reported and reported[0].quote == "exports rose by a fifth"


def test_a_chamber_or_embassy_keeps_the_place_it_sits_in():
    text = ("The European Chamber of Commerce in Vietnam was more cautious. In its survey, the chamber said "
            "confidence was “at its lowest since 2020”.")
    assert statement(text, "at its lowest since 2020").speaker == "European Chamber of Commerce in Vietnam"


def test_a_short_name_in_brackets_stands_for_the_body_as_first_named():
    text = ("Electricity Generating Authority of Thailand (Egat) runs most plants. An Egat spokesman said the "
            "grid was “ready for the hot season”.")
    assert statement(text, "ready for the hot season").speaker == "Electricity Generating Authority of Thailand (Egat)"


def test_an_acronym_in_capitals_after_a_quote_is_no_relative_pronoun():
    text = ("“We are ready,” WHO Director-General Ana Souza told a briefing.")
    assert statement(text, "We are ready,").speaker == "Ana Souza"


def test_a_party_whip_is_a_role_before_an_appositive_name():
    text = ("The Liberal Party has been cautious. Its chief whip, Anna Berglund, said the party “will not be rushed” "
            "but would “read the bill carefully”.")
    assert statement(text, "will not be rushed").speaker == "Anna Berglund"
    assert statement(text, "read the bill carefully").speaker == "Anna Berglund"


def test_a_surname_of_a_lower_case_body_picks_the_namesake_described_so():
    text = ("Park Min-soo, president of the Korea Shipbuilders Association, said orders were strong. Hanwha "
            "executive Park Ji-hoon told investors that margins had improved. Park of the shipbuilders "
            "association said yards “cannot find welders”.")
    s = statement(text, "cannot find welders")
    assert s.speaker == "Park Min-soo"


def test_the_think_tank_is_the_nearest_body_named_like_one():
    # not the company named in between
    text = ("The Centre for Policy Research published its survey. Tata Motors reported a loss. The Delhi-based "
            "think tank said confidence was “at a ten-year low”.")
    assert statement(text, "at a ten-year low").speaker == "Centre for Policy Research"


def test_a_body_found_by_back_reference_keeps_the_brackets_it_was_first_named_with():
    text = ("The Gulf Cooperation Council (GCC) met in Doha. The bloc said members were “united on shipping”.")
    assert statement(text, "united on shipping").speaker == "Gulf Cooperation Council (GCC)"


def test_a_name_ending_in_jr_with_its_point_before_the_cue_is_read():
    text = "Senator Ramon Bautista Jr. said the bill was “dead on arrival”."
    s = statement(text, "dead on arrival")
    assert s.speaker == "Ramon Bautista Jr."


def test_an_unnamed_official_at_a_ministry_is_a_person_and_the_official_is_them():
    text = ("An official at the Ministry of Energy, who asked not to be named, said the plan was “on hold”. "
            "The official said talks would resume “after the budget”.")
    s = statement(text, "on hold")
    assert (s.speaker, s.speaker_kind) == ("an official at the Ministry of Energy", "person")
    assert statement(text, "after the budget").speaker == "an official at the Ministry of Energy"


def test_a_policy_s_one_word_name_as_the_object_of_the_speaker_s_verb_is_a_term():
    text = "The president said Vietnam would extend “reshoring” to textiles and footwear."
    assert "reshoring" in non_statements(text)
    text = "The minister said the talks had been “productive” and would resume."
    assert statement(text, "productive").speaker == "the minister"


def test_a_named_person_s_office_speaks_as_written():
    # it found no statement at all before
    text = ("Prime Minister Mark Carney’s office said the visit was “postponed”. His office said a new date "
            "would be set “in the coming weeks”.")
    s = statement(text, "postponed")
    assert (s.speaker, s.speaker_kind) == ("Prime Minister Mark Carney’s office", "organisation")
    assert statement(text, "in the coming weeks").speaker == "his office"


def test_an_appositive_opening_with_a_capitalised_modifier_describes_the_name_before():
    # a one-word quote was lost as a term before, the speaker unread
    text = "Tan Wei Ming, Asia-Pacific chief strategist at J&K Capital Partners, said the rally was “fragile”."
    s = statement(text, "fragile")
    assert s.speaker == "Tan Wei Ming"


def test_the_researchers_after_a_team_of_researchers_at_a_body_are_that_team():
    text = ("A team of researchers at the University of Cape Town found that dams were silting up. The "
            "researchers said current plans were “badly out of date”.")
    assert statement(text, "badly out of date").speaker == "a team of researchers at the University of Cape Town"


def test_a_ratings_firm_is_a_body_and_the_rating_agency_refers_back_to_it():
    # both quotes were lost before: "Ratings" marked no body, "rating" ended the mention
    text = "Kroll Ratings downgraded the province. The agency said its debt was “rising fast”."
    assert statement(text, "rising fast").speaker == "Kroll Ratings"
    text = "Kroll Ratings downgraded the province. The rating agency said reforms were “overdue”."
    assert statement(text, "overdue").speaker == "Kroll Ratings"


def test_a_multi_word_part_of_a_name_takes_the_full_name_with_its_suffix():
    # "Dela Cruz" stayed as written: the full name ends in "Jr.", so it neither starts nor ends with it
    text = ("Transport Secretary Arturo Dela Cruz Jr. defended the fare rise. “Nobody likes paying more,” "
            "Dela Cruz told reporters in Manila.")
    assert statement(text, "Nobody likes paying more,").speaker == "Arturo Dela Cruz Jr."


def test_a_malaysian_menteri_besar_is_a_role_and_two_of_three_name_words_refer_back():
    # the title was read as part of the name, and "Amir Hakim" then took the title with it
    text = ("Kedah Menteri Besar Amir Hakim Yusof said on Friday that the dam would be finished next year. "
            "“We have waited long enough,” Amir Hakim told a press conference in Alor Setar.")
    assert statement(text, "We have waited long enough,").speaker == "Amir Hakim Yusof"


def test_a_two_word_part_of_a_name_given_without_a_role_finds_the_longer_name():
    text = ("The contract went to Siti Aminah Rahman last year. “The bid was clean,” Siti Aminah said.")
    assert statement(text, "The bid was clean,").speaker == "Siti Aminah Rahman"


def test_a_minister_whose_portfolio_has_and_is_the_name_after_it():
    # "she" went to "Trade Development", the portfolio's first half read as a name
    text = ("Indonesia’s Minister for Trade Development and Tourism Retno Wulandari was more cautious. She said "
            "the new rules were “a first step”.")
    assert statement(text, "a first step").speaker == "Retno Wulandari"


def test_the_agriculture_department_is_the_body_whose_name_carries_agriculture():
    # it went to the Department of Labour, the nearest department named
    text = ("The Department of Agriculture issued new rules in May. The Department of Labour said it had not "
            "been consulted. The agriculture department, in a statement, called the criticism “misplaced”.")
    assert statement(text, "misplaced").speaker == "Department of Agriculture"


def test_his_shadow_with_a_name_is_an_appositive_role():
    # the quote was lost as an unattributed phrase
    text = ("The Treasurer, Dana Hollis, defended the budget. His shadow, Peter Vance, accused the government "
            "of “burning money” on consultants.")
    assert statement(text, "burning money").speaker == "Peter Vance"
