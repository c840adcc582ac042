"""Entry records of the shapes citations must handle, shared by the citation tests.

They mirror the seeds (an RSIS commentary; a China Daily op-ed whose author and date
the page does not give) and the awkward cases: two authors, a name with a particle,
non-ASCII letters, an organisation as author, no date, LaTeX special characters. The
outlet names are written as the importer stores them ("S. Rajaratnam School of
International Studies (RSIS)", from seeds/manifest.toml); tests/test_citations_seeds.py
checks the same outputs on the real seeds, imported.
"""
from archive.citations.items import BLOG_POST, OP_ED, EntryRecord, Name, StatementRecord

ARCHIVE = "https://archive.example.org/entries"


def rsis_commentary(**changes):
    values = dict(
        id=1, title="DeepSeek: A Seed for Technological Equity and a Multipolar World",
        authors=[Name("Qi", "Dapeng", family_first=True)],
        outlet="S. Rajaratnam School of International Studies (RSIS)", outlet_short="RSIS", place="Singapore", series="RSIS Commentary", number="CO25056", date=(2025, 3, 17),
        url=f"{ARCHIVE}/deepseek-a-seed/", archive_url=f"{ARCHIVE}/deepseek-a-seed/",
        abstract="In 2025, Chinese AI firm DeepSeek disrupted US tech hegemony.",
        language="en", keywords=["Technology and Future Issues", "East Asia and Asia Pacific"],
        proper_nouns=frozenset(),
    )
    values.update(changes)
    return EntryRecord(**values)


def china_daily_op_ed(**changes):
    """Like the second seed: no author, no date on the page; an editor supplied the title."""
    values = dict(
        id=2, genre=OP_ED, title="DeepSeek Offers a Lesson for the Global South", authors=[],
        outlet="China Daily", date=(), url="https://chinadailyhk.com/hk/article/603444",
        archive_url=f"{ARCHIVE}/deepseek-offers-a-lesson/", language="en",
        proper_nouns=frozenset({"Global", "South"}),
    )
    values.update(changes)
    return EntryRecord(**values)


def two_authors_with_particle(**changes):
    values = dict(
        id=3, genre=OP_ED, title="Why Europe’s Digital Sovereignty Needs the 5% Rule & More",
        authors=[Name("von der Leyen", "Ursula"), Name("Søgaard", "Åsa Maria")],
        outlet="The Straits Times", place="Singapore", date=(2024, 11),
        url="https://www.straitstimes.com/opinion/europe_digital?x=1&y=2",
        archive_url=f"{ARCHIVE}/europes-digital-sovereignty/", language="en",
        proper_nouns=frozenset({"Europe"}),
    )
    values.update(changes)
    return EntryRecord(**values)


def organisation_blog_post(**changes):
    values = dict(
        id=4, genre=BLOG_POST, title="What the Numbers Say about AI Chips",
        authors=[Name(literal="International Energy Agency")], outlet="IEA Commentary Blog",
        date=(2023,), url="https://www.iea.org/commentaries/ai-chips",
        archive_url=f"{ARCHIVE}/what-the-numbers-say/", language="en",
    )
    values.update(changes)
    return EntryRecord(**values)


ALL_SHAPES = (rsis_commentary, china_daily_op_ed, two_authors_with_particle, organisation_blog_post)


def tompros_statement():
    return StatementRecord(
        id=7, entry=rsis_commentary(), quote="backed Chinese companies into a corner where they have to be far more efficient",
        speaker=Name("Tompros", "Louis"), anchor="s7",
    )


def author_statement():
    """The author quoting himself ("when he posed, '...'"): cited as the entry, no "quoted in"."""
    return StatementRecord(
        id=8, entry=rsis_commentary(), quote="What if China prioritises cooperative AI development?",
        speaker=Name("Qi", "Dapeng", family_first=True), anchor="s8",
    )


def question_op_ed(**changes):
    """A title ending in a question mark, in a newspaper whose name begins with "The"."""
    return two_authors_with_particle(**{"title": "Is China Winning the AI Race?", "date": (2025, 3, 17),
                                        "proper_nouns": frozenset({"China"}), **changes})


def question_report(**changes):
    return rsis_commentary(**{"title": "Is China Winning the AI Race?", "proper_nouns": frozenset({"China"}),
                              **changes})
