"""A small archive for the browser tests: outlets, authors, entries, statements with alternatives."""
import datetime

from archive.models import Agent, Authorship, Entry, Outlet
from archive.search.indexing import rebuild
from archive.services.statements import refresh_statements

from ..factories import make_user
from ..statement_fakes import fake_engine

MAIN_BODY = (
    "Open models are changing who can build AI.\n\n"
    "Harvard AI expert Louis Tompros remarked, “Open models change everything for small labs.” "
    "Investors were unconvinced.\n\n"
    "Scholar Joseph Nye noted, “Soft power now runs through open software.” "
    "The International Data Corporation predicts that spending on open models will double by 2027.\n\n"
    "Mary Chen, a venture capitalist, said the labs “will find their own chips”. "
    "Her colleague Li Wei added, “Nobody waits for permission any more.”"
)
# (words, speaker, kind of speaker, extra): confidences set the desk's order, lowest first.
FINDINGS = [
    ("Open models change everything for small labs.", "Louis Tompros", "person",
     {"cue": "remarked", "mention": "Harvard AI expert Louis Tompros", "confidence": 0.31}),
    ("Soft power now runs through open software.", "Joseph Nye", "person",
     {"cue": "noted", "mention": "Scholar Joseph Nye", "confidence": 0.42}),
    ("spending on open models will double by 2027", "International Data Corporation", "organisation",
     {"cue": "predicts", "mention": "The International Data Corporation", "kind": "reported", "confidence": 0.55}),
    ("will find their own chips", "Li Wei", "person",
     {"cue": "said", "mention": "Li Wei", "kind": "partial", "confidence": 0.61,
      "alternatives": [{"speaker": "Mary Chen", "speaker_kind": "person", "speaker_mention": "Mary Chen",
                        "score": 0.58}]}),
    ("Nobody waits for permission any more.", "Mary Chen", "person",
     {"cue": "added", "mention": "Her colleague Li Wei", "confidence": 0.7,
      "alternatives": [{"speaker": "Li Wei", "speaker_kind": "person", "speaker_mention": "Li Wei",
                        "score": 0.66}]}),
]
MAIN_TITLE = "Open models and the small labs"


def build_archive():
    """Returns the main entry; every page the tests visit has something to show."""
    rsis = Outlet.objects.create(name="S. Rajaratnam School of International Studies", short_name="RSIS",
                                 slug="rsis", kind=Outlet.Kind.THINK_TANK)
    daily = Outlet.objects.create(name="China Daily", slug="china-daily", kind=Outlet.Kind.NEWSPAPER)
    qi = Agent.objects.create(name="Qi Dapeng", slug="qi-dapeng", description="Research fellow")
    Agent.objects.create(name="Mary Chen", slug="mary-chen", description="Venture capitalist")
    main = _entry(MAIN_TITLE, MAIN_BODY, rsis, [qi], datetime.date(2025, 3, 17), ["AI", "China"])
    refresh_statements(main, extractor=fake_engine(FINDINGS))
    for n in range(6):
        outlet = rsis if n % 2 else daily
        entry = _entry(f"Open models, note {n + 1}",
                       f"Open models keep spreading in {2019 + n}.\n\nAnalyst Ann Lee said, “Costs fall every year.”",
                       outlet, [qi], datetime.date(2019 + n, 5, 1 + n), ["AI"] if n % 2 else ["Trade"])
        refresh_statements(entry, extractor=fake_engine([("Costs fall every year.", "Ann Lee", "person",
                                                          {"confidence": 0.9})]))
    rebuild()
    return main


def _entry(title, body, outlet, authors, date, tags):
    blocks, pos = [], 0
    for part in body.split("\n\n"):
        blocks.append({"type": "paragraph", "start": pos, "end": pos + len(part)})
        pos += len(part) + 2
    entry = Entry.objects.create(title=title, body=body, body_blocks=blocks, outlet=outlet, status="published",
                                 published_on=date, date_precision="day", synopsis=body.split("\n\n")[0])
    for position, agent in enumerate(authors):
        Authorship.objects.create(entry=entry, agent=agent, position=position)
    entry.tags.add(*tags)
    return entry


def users():
    return make_user("eddie", "Editors"), make_user("libby", "Librarians")
