"""Plain dicts for the JSON API: one function per record shape, so field names stay stable.

Dates are ISO 8601 strings; URLs are absolute; only public data goes in (the callers
pass published entries and statements that are not rejected).
"""
from archive.weblinks import http_url


class Links:
    """Absolute URLs for records, on the host the client used."""

    def __init__(self, request):
        self.request = request

    def __call__(self, path):
        return self.request.build_absolute_uri(path)

    def entry_api(self, entry_id):
        return self(f"/api/entries/{entry_id}/")

    def person_api(self, agent_id):
        return self(f"/api/people/{agent_id}/")


def iso(value):
    return value.isoformat() if value else None


def agent_ref(agent, links):
    if agent is None:
        return None
    return {"id": agent.pk, "slug": agent.slug, "name": agent.name, "kind": agent.kind,
            "url": links(agent.get_absolute_url()), "api_url": links.person_api(agent.pk)}


def outlet_ref(outlet, links):
    if outlet is None:
        return None
    return {"id": outlet.pk, "slug": outlet.slug, "name": outlet.name, "url": links(outlet.get_absolute_url())}


def entry_summary(entry, links):
    """The fields every entry carries in a list; authors, tags and outlet must be prefetched."""
    return {
        "id": entry.pk,
        "slug": entry.slug,
        "title": entry.title,
        "genre": entry.genre,
        "published_on": iso(entry.published_on),
        "date_precision": entry.date_precision,
        "language": entry.language,
        "outlet": outlet_ref(entry.outlet, links),
        "authors": [
            {**agent_ref(a.agent, links), "role": a.role, "position": a.position}
            for a in entry.authorships.all()
        ],
        "tags": [{"slug": t.slug, "name": t.name} for t in entry.tags.all()],
        "synopsis": entry.synopsis,
        "source_url": http_url(entry.url) or None,
        "url": links(entry.get_absolute_url()),
        "api_url": links.entry_api(entry.pk),
    }


def entry_ref(entry, links):
    return {"id": entry.pk, "slug": entry.slug, "title": entry.title, "published_on": iso(entry.published_on),
            "url": links(entry.get_absolute_url()), "api_url": links.entry_api(entry.pk)}


def statement_data(statement, links, *, with_entry=False):
    data = {
        "id": statement.pk,
        "quote": statement.quote,
        "start": statement.start,
        "end": statement.end,
        "kind": statement.kind,
        "cue": statement.cue,
        "speaker_mention": statement.speaker_mention,
        "speaker": agent_ref(statement.speaker, links),
        "review_status": statement.review_status,
        "verification": {
            "status": statement.verification,
            "source_url": http_url(statement.source_url) or None,
            "note": statement.verification_note,
        },
        "group_id": statement.group_id,
        "url": links(statement.entry.get_absolute_url() + "#" + statement.anchor),
    }
    if with_entry:
        data["entry"] = entry_ref(statement.entry, links)
    return data


def entry_detail(entry, statements, links):
    data = entry_summary(entry, links)
    data.update({
        "series": entry.series.name if entry.series else None,
        "number": entry.number or None,
        "body": entry.body,
        "body_blocks": [{"type": b["type"], "start": b["start"], "end": b["end"]} for b in entry.body_blocks],
        "author_note": entry.author_note,
        "updated_at": iso(entry.updated_at),
        "statements": [statement_data(s, links) for s in statements],
    })
    speakers = {}
    for s in statements:
        if s.speaker is not None:
            speakers.setdefault(s.speaker.pk, {**agent_ref(s.speaker, links), "statement_count": 0})
            speakers[s.speaker.pk]["statement_count"] += 1
    data["speakers"] = list(speakers.values())
    return data


def person_detail(agent, aliases, links):
    return {
        **agent_ref(agent, links),
        "family_name": agent.family_name,
        "given_name": agent.given_name,
        "description": agent.description,
        "affiliation": agent.affiliation,
        "aliases": [a.name for a in aliases],
        "identifiers": {"wikidata": agent.wikidata or None, "orcid": agent.orcid or None, "viaf": agent.viaf or None},
    }
