"""Splitting personal names into family and given names (guesses editors correct)."""
import pytest

from archive.naming import CHINESE_FAMILY_NAMES, split_name


@pytest.mark.parametrize("name, family, given", [
    # The examples.
    ("Qi Dapeng", "Qi", "Dapeng"),
    ("Ursula von der Leyen", "von der Leyen", "Ursula"),
    # Chinese order, pinyin.
    ("Xi Jinping", "Xi", "Jinping"),
    ("Liang Wenfeng", "Liang", "Wenfeng"),
    ("Ai Weiwei", "Ai", "Weiwei"),
    ("Dr Qi Dapeng", "Qi", "Dapeng"),
    # Chinese order, three parts (Singapore, Malaysia), and other romanisations.
    ("Tan Mei Ling", "Tan", "Mei Ling"),
    ("Li Mei Ling", "Li", "Mei Ling"),
    ("Lee Hsien Loong", "Lee", "Hsien Loong"),
    ("Lee Kuan Yew", "Lee", "Kuan Yew"),
    ("Tan Hock Seng", "Tan", "Hock Seng"),
    ("Wang Xiao Long", "Wang", "Xiao Long"),
    ("Ho Ching", "Ho", "Ching"),
    ("Sun Yat-sen", "Sun", "Yat-sen"),
    ("Wong Kar-wai", "Wong", "Kar-wai"),
    # Western order, including names that start with a Chinese family name.
    ("Joseph S. Nye", "Nye", "Joseph S."),
    ("Louis Tompros", "Tompros", "Louis"),
    ("Mei Ling Tan", "Tan", "Mei Ling"),
    ("Lee Child", "Child", "Lee"),
    ("Lee Dean", "Dean", "Lee"),
    ("Lee Harvey Oswald", "Oswald", "Lee Harvey"),
    ("Lee Ann Womack", "Womack", "Lee Ann"),
    ("Tan France", "France", "Tan"),
    ("Che Guevara", "Guevara", "Che"),
    ("Lou Reed", "Reed", "Lou"),
    ("Mo Farah", "Farah", "Mo"),
    ("Long John Silver", "Silver", "Long John"),
    ("John Smith", "Smith", "John"),
])
def test_split_name(name, family, given):
    assert split_name(name) == (family, given)


def test_common_family_names_are_known():
    common = {"xi", "wang", "li", "zhang", "liu", "chen", "qi", "tan", "lee", "lim", "ng", "wong", "ho"}
    assert common <= CHINESE_FAMILY_NAMES


def test_empty_and_single_names():
    assert split_name("") == ("", "")
    assert split_name("  ") == ("", "")
    assert split_name("Madonna") == ("Madonna", "")
