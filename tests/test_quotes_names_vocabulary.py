"""Speaker names as editors file them: the fullest form a text gives, and capitalised common words
that are no name (a vocabulary learned from the real corpus's text)."""
from archive.quotes import extract
from archive.quotes.names import fullest_form
from archive.quotes.vocabulary import build, is_common


def test_a_surname_takes_the_full_name_the_text_gives_later():
    text = "“We will build it anyway,” Musk said. Elon Musk founded the company in 2002."
    assert fullest_form("Musk", "person", text) == "Elon Musk"
    assert [s.speaker for s in extract(text).statements] == ["Elon Musk"]


def test_two_namesakes_leave_a_surname_as_it_is():
    text = "Gordon Brown spoke first. Michael Brown spoke later. Brown said so."
    assert fullest_form("Brown", "person", text) == "Brown"


def test_a_bracketed_alias_and_a_joined_particle_give_the_full_name():
    assert fullest_form("Jokowi", "person", "President Joko Widodo (Jokowi) said it.") == "Joko Widodo"
    assert fullest_form("Nikkei", "publication", "the Nihon Keizai Shimbun (Nikkei) wrote") == "Nihon Keizai Shimbun"
    text = "Abdel Fattah el-Sisi\n\nPresident of Egypt. Sisi said the state was ready."
    assert fullest_form("Sisi", "person", text) == "Abdel Fattah el-Sisi"
    assert fullest_form("Saint-Cyr", "person", "said Laurent Saint Cyr, President of the council") == "Laurent Saint Cyr"


def test_a_body_named_short_takes_its_full_name():
    assert fullest_form("Bank", "organisation", "Even the Bank of England accepts it. The Bank said no.") == \
        "Bank of England"
    assert fullest_form("Maverick", "publication", "as the Daily Maverick reported") == "Daily Maverick"


def test_what_stands_before_a_name_is_not_part_of_it():
    # a sentence end, a party's initials, a portfolio, a place and a common word open no name
    assert fullest_form("Sisi", "person", "They met in Egypt. Sisi said no.") == "Sisi"
    assert fullest_form("Ayelet Shaked", "person", "Yamina MK Ayelet Shaked said") == "Ayelet Shaked"
    assert fullest_form("F. Kerry", "person", "Secretary of State John F. Kerry called") == "John F. Kerry"
    assert fullest_form("Modi", "person", "India Modi said") == "Modi"
    assert fullest_form("Grok", "ai_system", "Ask Grok what it thinks.") == "Grok"


def test_the_vocabulary_tells_common_words_from_names():
    for word in ("Consider", "Again", "Ask", "Details", "Regarding"):
        assert is_common(word), word
    for word in ("Musk", "Xinhua", "Lula", "Biden"):
        assert not is_common(word), word


def test_the_vocabulary_is_learned_from_how_text_writes_a_word():
    texts = ["We consider it. They consider it again. Consider this. You may consider more.",
             "Then Musk spoke. Musk said it. The plan of Musk. Musk again."]
    common = build(texts)
    assert "consider" in common and "musk" not in common


def test_a_common_word_at_a_cue_is_no_speaker():
    # "Again" opens the sentence beside the cue; the speaker named before is the one who goes on
    text = ("Jerome Powell took questions on Wednesday.\n\n“Can you speak to the surge?” a reporter asked.\n\n"
            "Again, “What we have seen is that each wave has had less effect on the economy,” said Powell.")
    speakers = [s.speaker for s in extract(text).statements if "wave" in s.quote]
    assert speakers and speakers[0] != "Again"


def test_a_hyphenated_given_name_cut_at_its_hyphen_is_made_whole():
    text = "Speaker Tan Chuan-Jin opened the debate. “We will sit late,” Tan Chuan said."
    assert fullest_form("Tan Chuan", "person", text) == "Tan Chuan-Jin"
    assert fullest_form("Musk", "person", "Elon Musk spoke; Musk-style cuts followed.") == "Elon Musk"


def test_words_a_page_glued_after_a_name_are_cut_but_a_last_name_is_not():
    from archive.quotes.names import without_glued_words
    caption = ("Foreign Minister Nanaia Mahuta says the deal is close.\n\n"
               "Foreign Minister Nanaia Mahuta Photo: Pool image")
    assert without_glued_words("Nanaia Mahuta Photo", caption) == "Nanaia Mahuta"
    headline = "President William Ruto Says He Will Not Sign\n\nPresident William Ruto said he would not."
    assert without_glued_words("William Ruto Says", headline) == "William Ruto"
    assert without_glued_words("Jacob Zuma applauds court", "Jacob Zuma applauds court ruling") == "Jacob Zuma"
    # a full name the text also shortens keeps its last word, and a description is no name
    full = "Finance Minister Sri Mulyani Indrawati spoke. Sri Mulyani said the budget would hold."
    assert without_glued_words("Sri Mulyani Indrawati", full) == "Sri Mulyani Indrawati"
    assert without_glued_words("the manager", "the manager said") == "the manager"


def test_a_title_case_headline_glues_its_next_word_to_a_name_and_is_cut():
    from archive.quotes.names import without_glued_words
    page = ("How Trump Reshaped the Party\n\nTrump told the rally “we will win”. Later Trump left, "
            "and Trump came back.")
    assert [s.speaker for s in extract(page).statements] == ["Trump"]
    # a surname recurs by itself, so a two-word name stays whole; so do a joined particle and a
    # word with no inflection a headline's verb would have
    assert without_glued_words("Mark Young", "Mark Young Wins\n\nMark Young said so. Young left.") == "Mark Young"
    sisi = "Abdel Fattah el-Sisi Visits Cairo\n\nAbdel Fattah spoke. He said so."
    assert without_glued_words("Abdel Fattah el-Sisi", sisi) == "Abdel Fattah el-Sisi"


def test_a_seat_or_honour_after_a_name_is_not_part_of_it():
    text = "Welsh Conservative Shadow Health Minister Russell George MS said: “The NHS is failing.”"
    assert [s.speaker for s in extract(text).statements] == ["Russell George"]
    from archive.quotes.names import without_glued_words
    assert without_glued_words("Sri Lankan MP", "A Sri Lankan MP said so.") == "Sri Lankan MP"


def test_the_text_says_which_pronoun_goes_with_which_name():
    from archive.quotes.gender import gender_of
    text = ("Claudia Sheinbaum met Andrés Manuel López Obrador on Monday. Sheinbaum said she would "
            "visit. López Obrador said he was tired. Mr Ebrard was absent.")
    assert gender_of(text, "Claudia Sheinbaum") == "f"
    assert gender_of(text, "Andrés Manuel López Obrador") == "m"
    assert gender_of(text, "Marcelo Ebrard") == "m"  # an honorific before the name
    assert gender_of(text, "Olga Sánchez") is None  # no evidence: no guess


def test_an_office_named_without_a_name_is_filed_under_its_holder():
    from archive.quotes.names import role_holder
    text = ("Tesla CEO Elon Musk spoke first. The company's shares fell, and Tesla CEO said the plan "
            "was the “biggest existential threat” of the decade.")
    assert role_holder("Tesla CEO", text) == "Elon Musk"
    assert role_holder("Rear Admiral", "Rear Admiral (Ret.) David Titley, a former oceanographer, said so.") == "David Titley"
    # the same holder named in full and short is one; two holders of one office name nobody
    assert role_holder("Prime Minister", "Prime Minister Anthony Albanese spoke. Prime Minister Albanese left.") == \
        "Anthony Albanese"
    assert role_holder("Prime Minister", "Prime Minister Anthony Albanese met Prime Minister Narendra Modi.") is None
    assert role_holder("Jerome Powell", "Jerome Powell spoke.") is None  # a name is no office


def test_a_middle_initial_does_not_cut_a_name():
    text = "Former President Donald J. Trump spoke at the rally. The crowd cheered. “We will win,” he said."
    assert [s.speaker for s in extract(text).statements] == ["Donald J. Trump"]
    text = "The essay by D. K. Blaire argues it plainly: “the crisis is made”, Blaire writes. Vance agreed."
    assert [s.speaker for s in extract(text).statements] == ["D. K. Blaire"]


def test_a_seat_or_office_before_a_name_is_not_part_of_it():
    for text, who in [("“The lesson from Europe is clear,” said French MEP Manon Aubry on Monday.", "Manon Aubry"),
                      ("USAID Administrator Samantha Power said: “These are not numbers.”", "Samantha Power"),
                      ("Scottish Labour MP Michael McCann said: “It is a disgrace.”", "Michael McCann")]:
        assert [s.speaker for s in extract(text).statements] == [who]


def test_a_papers_own_words_and_possessive_mark_name_the_paper():
    from archive.quotes.names import canonical
    assert canonical("The New York Times’ editors", "group") == ("New York Times", "publication")
    assert canonical("Draghi’s report", "publication")[0] == "Draghi"
    assert canonical("New York Times’", "publication") == ("New York Times", "publication")
    assert canonical("Thomas", "person") == ("Thomas", "person")  # a name ending in s is left alone


def test_a_day_glued_after_a_name_is_not_part_of_it():
    from archive.quotes.names import without_glued_words
    assert without_glued_words("Harsh Vardhan Saturday", "Harsh Vardhan Saturday said so.") == "Harsh Vardhan"
    assert without_glued_words("Don Lemon Tonight", "Don Lemon Tonight\n\nLemon said so.") == "Don Lemon"
    text = "Irish PM Micheál Martin said the housing crisis was the “number one issue”."
    assert [s.speaker for s in extract(text).statements] == ["Micheál Martin"]


def test_descriptors_and_honorifics_before_a_name_are_not_part_of_it():
    from archive.quotes.names import canonical
    for mention, who in [("Director-General Tedros Adhanom Ghebreyesus", "Tedros Adhanom Ghebreyesus"),
                         ("Marxist-leaning Anura Kumara Dissanayake", "Anura Kumara Dissanayake"),
                         ("Brazilian Carlos Melo", "Carlos Melo"),
                         ("Datuk Seri Anwar Ibrahim", "Anwar Ibrahim"),
                         ("Archbishop Victor Fernandez", "Victor Fernandez"),
                         ("House Speaker Nancy Pelosi", "Nancy Pelosi"),
                         ("President Trump", "Trump")]:
        assert canonical(mention, "person") == (who, "person"), mention
    # a peer is named with the title; a name that opens with a common word keeps it
    for name in ("Lord Darzi", "Will Hurd", "Mark Carney", "Prayut Chan-o-cha"):
        assert canonical(name, "person") == (name, "person"), name


def test_a_common_word_capitalised_by_its_place_before_a_name_is_cut_only_when_the_text_says_so():
    from archive.quotes.names import without_glued_words
    text = "Meet Javier Milei. The economist says it often. Milei wants to cut the state."
    assert without_glued_words("Meet Javier Milei", text) == "Javier Milei"
    # the same shape where the text writes the whole name each time: a name that opens with a word
    assert without_glued_words("Harsh Vardhan Singh", "Harsh Vardhan Singh spoke. Harsh Vardhan Singh left.") == \
        "Harsh Vardhan Singh"
    assert without_glued_words("Yeah Kim Leng", "Yeah Kim Leng, an economist, said so.") == "Yeah Kim Leng"
    # a label or common word glued before a name the text also writes alone
    assert without_glued_words("COP26 Boris Johnson", "COP26 Boris Johnson spoke first. Boris Johnson said so.") == \
        "Boris Johnson"
    assert without_glued_words("Climate Change Simon Stiell", "UN Climate Change Simon Stiell said. Simon Stiell left.") == \
        "Simon Stiell"
    # a given name the text drops elsewhere is no glued word
    assert without_glued_words("Mohammad Javad Zarif", "Mohammad Javad Zarif spoke. Javad Zarif left.") == \
        "Mohammad Javad Zarif"
