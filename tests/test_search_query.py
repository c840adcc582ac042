"""The search query parser (pure Python): what a typed query is understood to mean."""
from hypothesis import given, settings, strategies as st

from archive.search.query import MAX_QUERY_CHARS, MAX_TERMS, Phrase, Term, parse_query


def test_words_must_all_match():
    q = parse_query("china trade")
    assert q.groups == ((Term("china"),), (Term("trade"),))
    assert q.understood_as == "china AND trade"


def test_exact_phrase():
    q = parse_query('"Belt and Road" initiative')
    assert q.groups == ((Phrase(("belt", "and", "road")),), (Term("initiative"),))


def test_minus_excludes_word_and_phrase():
    q = parse_query('trade -tariff -"trade war"')
    assert q.groups == ((Term("trade"),),)
    assert q.excluded == (Term("tariff"), Phrase(("trade", "war")))
    assert "without tariff" in q.understood_as


def test_or_joins_neighbours_and_binds_tighter_than_and():
    q = parse_query("china tea OR coffee")
    assert q.groups == ((Term("china"),), (Term("tea"), Term("coffee")))
    assert q.understood_as == "china AND (tea OR coffee)"


def test_lowercase_or_is_a_word_and_a_stop_word():
    q = parse_query("tea or coffee")
    assert q.groups == ((Term("tea"),), (Term("coffee"),))
    assert q.ignored == ("or",)


def test_prefix():
    assert parse_query("econom*").groups == ((Term("econom", prefix=True),),)


def test_stop_words_are_dropped_but_kept_in_phrases():
    q = parse_query('the war "state of the art"')
    assert q.groups == ((Term("war"),), (Phrase(("state", "of", "the", "art")),))
    assert q.ignored == ("the",)


def test_only_stop_words_is_nothing_to_search_not_browse():
    q = parse_query("the of")
    assert q.is_empty and not q.is_browse
    assert "ignored" in q.understood_as


def test_empty_is_browse():
    for text in ("", "   ", None):
        q = parse_query(text)
        assert q.is_browse
        assert q.understood_as == "all entries"


def test_punctuated_words_become_phrases():
    assert parse_query("e-mail").groups == ((Phrase(("e", "mail")),),)
    assert parse_query("U.K.").groups == ((Phrase(("u", "k")),),)


def test_lone_and_unbalanced_quotes_are_plain_words():
    assert parse_query('"').is_empty
    assert parse_query('"china trade').groups == ((Term("china"),), (Term("trade"),))
    assert parse_query('x "b c" "d').groups == ((Term("x"),), (Phrase(("b", "c")),), (Term("d"),))


def test_operators_and_syntax_of_other_engines_are_words():
    q = parse_query("NEAR(china trade) AND( x:y 'z' ^ * ) -- DROP TABLE")
    assert q.groups[0] == (Phrase(("near", "china")),)  # "NEAR(china" is two adjacent words
    words = [n.word for g in q.groups for n in g if isinstance(n, Term)]
    assert "trade" in words and "drop" in words and "table" in words
    for group in q.groups:
        for node in group:
            for word in (node.words if isinstance(node, Phrase) else (node.word,)):
                assert word.isalnum()


def searched_words(q):
    nodes = [n for g in q.groups for n in g] + list(q.excluded)
    return [w for n in nodes for w in (n.words if isinstance(n, Phrase) else (n.word,))]


def test_long_queries_are_bounded():
    q = parse_query(" ".join(f"word{i}" for i in range(500)))
    assert len(searched_words(q)) == MAX_TERMS
    assert q.ignored[0] == f"word{MAX_TERMS}"
    assert "and " in q.understood_as and "more" in q.understood_as  # not 484 words listed
    assert any(f"at most {MAX_TERMS} words" in note for note in q.notes)


def test_every_word_counts_towards_the_cap_or_groups_phrases_and_exclusions_alike():
    # 130 OR'd two-letter prefixes once took 6 s on PostgreSQL: each is a term.
    many_prefixes = " OR ".join(a + b + "*" for a in "bcdfgjklmp" for b in "bcdfgjklmnprs")
    q = parse_query(many_prefixes)
    assert len(q.groups) == 1 and len(q.groups[0]) == MAX_TERMS
    assert len(q.ignored) == 130 - MAX_TERMS
    q = parse_query('"one two three four five six seven eight" nine ten -eleven -twelve x1 x2 x3 x4 x5 x6 x7')
    assert len(searched_words(q)) == MAX_TERMS
    assert q.ignored == ("x5", "x6", "x7")


def test_short_prefixes_are_whole_words_and_stop_word_prefixes_are_dropped():
    q = parse_query("ai* econom*")
    assert q.groups == ((Term("ai"),), (Term("econom", prefix=True),))
    assert q.notes == ("Word beginnings need at least 3 letters; searched as whole words: ai.",)
    for text in ("a*", "the*", "over*"):  # PostgreSQL drops these even as prefixes
        q = parse_query(text)
        assert q.is_empty and not q.is_browse and q.ignored == (text,)


def test_phrases_of_stop_words_are_dropped_and_edges_trimmed():
    for text in ('"of the"', '"the"', '"to be or not to be"', "don't"):
        q = parse_query(text)
        assert q.is_empty and not q.is_browse, text
        assert q.ignored, text
    assert parse_query('"the war"').groups == ((Term("war"),),)
    assert parse_query('"of the state of the art"').groups == ((Phrase(("state", "of", "the", "art")),),)
    assert parse_query('-"of the" china').excluded == ()


def test_long_query_is_cut_at_a_space_and_the_rest_reported():
    q = parse_query("deepseek " * 300)  # cut mid-word, the fragment "d" had to match
    assert q.groups == ((Term("deepseek"),),)
    assert q.ignored == (f"everything after the first {MAX_QUERY_CHARS:,} characters",)
    assert "ignored: everything after" in q.understood_as
    q = parse_query("zulu " * 199 + "deepseek")  # the 1,000th character falls inside "deepseek"
    assert q.groups == ((Term("zulu"),),)
    assert q.ignored
    assert not parse_query("zulu " * 199).ignored  # 995 characters: nothing cut


def test_other_scripts_are_words():
    q = parse_query("中文 العربية Ελληνικά")
    assert [g[0].word for g in q.groups] == ["中文", "العربية", "ελληνικά"]


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_any_string_parses_to_letters_and_digits(text):
    q = parse_query(text)
    assert isinstance(q.understood_as, str)
    for node in [n for g in q.groups for n in g] + list(q.excluded):
        for word in (node.words if isinstance(node, Phrase) else (node.word,)):
            assert word and all(ch.isalnum() for ch in word)
