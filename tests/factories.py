"""Small builders for test data: plain functions over the models, no seed files."""
import itertools

from django.contrib.auth.models import Group, User

from archive.models import Agent, Authorship, Entry, Outlet

_counter = itertools.count(1)


def make_outlet(name="Example Institute", kind=Outlet.Kind.THINK_TANK, **kwargs):
    return Outlet.objects.get_or_create(name=name, defaults={"kind": kind, **kwargs})[0]


def make_agent(name, kind=Agent.Kind.PERSON, **kwargs):
    agent = Agent(name=name, kind=kind, **kwargs)
    agent.save()
    return agent


def make_entry(title=None, *, authors=(), outlet=None, status="published", body=None, **kwargs):
    n = next(_counter)
    title = f"Commentary number {n}" if title is None else title
    body = body if body is not None else f"A first paragraph of entry {n}.\n\nA second paragraph."
    blocks, pos = [], 0
    for part in body.split("\n\n"):
        blocks.append({"type": "paragraph", "start": pos, "end": pos + len(part)})
        pos += len(part) + 2
    entry = Entry.objects.create(
        title=title, outlet=outlet or make_outlet(), status=status, body=body, body_blocks=blocks, **kwargs
    )
    for position, author in enumerate(authors):
        agent = author if isinstance(author, Agent) else make_agent(author)
        Authorship.objects.create(entry=entry, agent=agent, position=position)
    return entry


def make_user(username, group=None, *, staff=True):
    user = User.objects.create_user(username, password="pw-for-tests", is_staff=staff)
    if group:
        user.groups.add(Group.objects.get(name=group))
    return user
