"""Builders for the public-site tests: entries, people and statements made with the models.

Nothing here reads the seeds; each test builds exactly the archive it talks about.
"""
import datetime
import itertools

from archive.models import Agent, Authorship, Entry, Outlet, Statement, StatementGroup

_counter = itertools.count(1)


def outlet(name="Institute of Policy Studies", **kw):
    obj, _ = Outlet.objects.get_or_create(name=name, defaults=kw)
    return obj


def agent(name, **kw):
    obj = Agent(name=name, **kw)
    obj.save()
    return obj


def entry(title=None, *, paragraphs=None, authors=(), tags=(), status="published", published_on=None,
          outlet_obj=None, synopsis="", **kw):
    """An entry whose body is ``paragraphs`` joined by blank lines, with body_blocks to match."""
    n = next(_counter)
    title = title if title is not None else f"Commentary number {n}"
    paragraphs = paragraphs or [f"Paragraph one of entry {n} about trade.", "A second paragraph follows here."]
    body, blocks, pos = "", [], 0
    for i, text in enumerate(paragraphs):
        if i:
            body += "\n\n"
            pos += 2
        kind = "heading" if text.startswith("## ") else "paragraph"
        text = text[3:] if kind == "heading" else text
        blocks.append({"type": kind, "start": pos, "end": pos + len(text)})
        body += text
        pos += len(text)
    obj = Entry(
        title=title, body=body, body_blocks=blocks, status=status, synopsis=synopsis,
        published_on=published_on or datetime.date(2025, 3, 17), date_precision="day",
        outlet=outlet_obj, **kw,
    )
    obj.save()
    for position, author in enumerate(authors):
        Authorship.objects.create(entry=obj, agent=author, position=position)
    if tags:
        obj.tags.add(*tags)
    return obj


def statement(entry_obj, words, speaker=None, *, group=None, **kw):
    """A statement over the first occurrence of ``words`` in the entry's body."""
    start = entry_obj.body.index(words)
    return Statement.objects.create(
        entry=entry_obj, speaker=speaker, group=group, quote=words, start=start, end=start + len(words), **kw,
    )


def group(text, speaker=None):
    return StatementGroup.objects.create(key=text.lower()[:255], text=text, speaker=speaker)
