"""Database fixtures for the citation tests: entries shaped like the seeds, built through the models."""
import datetime

from archive.models import Agent, Authorship, DatePrecision, Entry, EntryStatus, Genre, Outlet, Series, Statement


def make_agent(name, kind=Agent.Kind.PERSON, **fields):
    agent = Agent(name=name, kind=kind, **fields)
    agent.save()
    return agent


def make_rsis_entry(title="DeepSeek: A Seed for Technological Equity and a Multipolar World", number="CO25056",
                    author="Qi Dapeng", status=EntryStatus.PUBLISHED, **fields):
    outlet, _ = Outlet.objects.get_or_create(
        name="S. Rajaratnam School of International Studies (RSIS)",  # as seeds/manifest.toml has it
        defaults={"short_name": "RSIS", "kind": Outlet.Kind.THINK_TANK, "place": "Singapore"},
    )
    series, _ = Series.objects.get_or_create(outlet=outlet, name="RSIS Commentary")
    body = ("When the US imposed export controls, China’s DeepSeek answered. Harvard AI expert Louis Tompros "
            "said the controls “backed Chinese companies into a corner where they have to be far more efficient.” "
            "A seed for equity in a multipolar world, with technological progress shared.")
    entry = Entry(
        title=title, genre=Genre.COMMENTARY, outlet=outlet, series=series, number=number,
        published_on=datetime.date(2025, 3, 17), date_precision=DatePrecision.DAY,
        url="https://www.rsis.edu.sg/rsis-publication/rsis/deepseek-a-seed/",
        synopsis="In 2025, Chinese AI firm DeepSeek disrupted US tech hegemony.", body=body,
        body_blocks=[{"type": "paragraph", "start": 0, "end": len(body)}], status=status, **fields,
    )
    entry.save()
    if author:
        Authorship.objects.create(entry=entry, agent=Agent.objects.filter(name=author).first() or make_agent(author),
                                  position=0)
    entry.tags.add("Technology and Future Issues", "East Asia")
    quote = "backed Chinese companies into a corner where they have to be far more efficient."
    start = body.index(quote)
    speaker = Agent.objects.filter(name="Louis Tompros").first() or make_agent("Louis Tompros", description="Harvard AI expert")
    Statement.objects.create(entry=entry, speaker=speaker, quote=quote, start=start, end=start + len(quote),
                             cue="said", review_status=Statement.Review.CONFIRMED)
    return entry


def make_op_ed(title="DeepSeek Offers a Lesson for the Global South", **fields):
    outlet, _ = Outlet.objects.get_or_create(name="China Daily", defaults={"kind": Outlet.Kind.NEWSPAPER,
                                                                         "place": "Hong Kong"})
    entry = Entry(title=title, genre=Genre.OP_ED, outlet=outlet, url="https://chinadailyhk.com/hk/article/603444",
                  body="The Global South watches DeepSeek.", status=EntryStatus.PUBLISHED, **fields)
    entry.save()
    return entry
