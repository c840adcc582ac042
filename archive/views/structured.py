"""schema.org JSON-LD and OpenGraph data for the public pages.

Built as plain dicts in Python, rendered by the ``jsonld`` filter, so templates never
assemble JSON by hand.
"""
from archive import base_url

from archive.weblinks import http_url

KIND_TYPES = {
    "person": "Person", "organisation": "Organization", "ai_system": "SoftwareApplication",
    "publication": "CreativeWork", "group": "Organization",
}
GENRE_TYPES = {"commentary": "AnalysisNewsArticle", "op_ed": "OpinionNewsArticle", "blog_post": "BlogPosting"}


def absolute(path):
    return base_url.absolute(path)


def identifier_links(agent):
    """(label, value, URL) for each identifier an editor recorded on a name record."""
    links = []
    if agent.wikidata:
        links.append(("Wikidata", agent.wikidata, f"https://www.wikidata.org/wiki/{agent.wikidata}"))
    if agent.orcid:
        links.append(("ORCID", agent.orcid, f"https://orcid.org/{agent.orcid}"))
    if agent.viaf:
        links.append(("VIAF", agent.viaf, f"https://viaf.org/viaf/{agent.viaf}"))
    return links


def agent_ref(agent):
    data = {"@type": KIND_TYPES.get(agent.kind, "Thing"), "name": agent.name, "url": absolute(agent.get_absolute_url())}
    same_as = [url for _, _, url in identifier_links(agent)]
    if same_as:
        data["sameAs"] = same_as
    return data


def agent_jsonld(agent, aliases=()):
    data = {"@context": "https://schema.org", **agent_ref(agent)}
    if agent.kind == "person" and agent.family_name:
        data["familyName"] = agent.family_name
        if agent.given_name:
            data["givenName"] = agent.given_name
    if agent.description:
        data["description"] = agent.description
    if aliases:
        data["alternateName"] = [a.name for a in aliases]
    return data


def entry_jsonld(entry, speakers=()):
    data = {
        "@context": "https://schema.org",
        "@type": GENRE_TYPES.get(entry.genre, "Article"),
        "headline": entry.title,
        "url": absolute(entry.get_absolute_url()),
        "inLanguage": entry.language,
        "author": [agent_ref(a.agent) for a in entry.authorships.all()],
    }
    if entry.published_on:
        data["datePublished"] = entry.published_on.isoformat()
    if entry.updated_at:
        data["dateModified"] = entry.updated_at.isoformat()
    if entry.synopsis:
        data["description"] = entry.synopsis
    if entry.outlet:
        data["publisher"] = {"@type": "Organization", "name": entry.outlet.name,
                             "url": absolute(entry.outlet.get_absolute_url())}
    if http_url(entry.url):
        data["sameAs"] = entry.url
    tags = [t.name for t in entry.tags.all()]
    if tags:
        data["keywords"] = tags
    if speakers:
        data["mentions"] = [agent_ref(s) for s in speakers]
    return data


def collection_jsonld(name, path, description=""):
    data = {"@context": "https://schema.org", "@type": "CollectionPage", "name": name, "url": absolute(path)}
    if description:
        data["description"] = description
    return data
