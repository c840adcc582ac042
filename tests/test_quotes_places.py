"""Places, accents and handles in speaker names: what an editor sees on the review screen."""
from archive.quotes import extract
from archive.quotes.places import is_place, place_of, places_in


def speaker_of(text, quote):
    return next(s for s in extract(text).statements if quote in s.quote).speaker


def test_country_names_come_from_cldr_and_demonyms_name_their_country():
    assert is_place("the Philippines") and is_place("Côte d’Ivoire") and is_place("UK")
    assert not is_place("Xi Jinping") and not is_place("Chinese")
    assert place_of("Chinese") == "china"
    assert places_in("the South Korean foreign minister") == {"south korea"}
    assert places_in("Spain’s prime minister") == {"spain"}
    assert places_in("a senior fellow at the institute") == set()


def test_a_surname_written_without_its_accent_is_the_same_person():
    text = ("Recep Tayyip Erdoğan spoke in Ankara on Monday. Critics were unmoved. "
            "“We will not bow,” Erdogan said.")
    assert speaker_of(text, "We will not bow") == "Recep Tayyip Erdoğan"


def test_an_account_named_only_by_its_handle_keeps_its_at_sign():
    text = "The post went viral. Lastly, @Liv_Agar tweeted “Everybody is tired” without further context."
    assert speaker_of(text, "Everybody is tired") == "@Liv_Agar"
