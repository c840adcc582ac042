"""The name authority: finding, creating and merging name records (agents)."""
from django.db import transaction
from django.db.models import Q

from archive.models import Agent, Alias, Authorship, MergeCandidate, Statement, StatementGroup
from archive.naming import normalize_name


def find_agent(name):
    """The record whose name or alias equals ``name`` (case, accents, punctuation folded)."""
    key = normalize_name(name)
    if not key:
        return None
    agent = Agent.objects.filter(normalized_name=key).order_by("pk").first()
    if agent is None:
        alias = Alias.objects.filter(normalized_name=key).select_related("agent").order_by("pk").first()
        agent = alias.agent if alias else None
    return agent


def resolve_agent(name, kind=Agent.Kind.PERSON, description=""):
    """Return the existing record for ``name``, or create one with parsed family/given names."""
    agent = find_agent(name)
    if agent is not None:
        return agent, False
    agent = Agent(name=" ".join(name.split()), kind=kind, description=description[:500])
    agent.save()
    return agent, True


@transaction.atomic
def merge_agents(keep, others):
    """Fold ``others`` into ``keep``: their authorships and statements move, their names become aliases.

    Nothing is lost: every name and alias of a merged record survives as an alias of ``keep``,
    and identifiers ``keep`` lacks are taken from the others.
    """
    others = [o for o in others if o.pk != keep.pk]
    for other in others:
        for alias_name in [other.name, *other.aliases.values_list("name", flat=True)]:
            if normalize_name(alias_name) != keep.normalized_name:
                Alias.objects.get_or_create(
                    agent=keep, normalized_name=normalize_name(alias_name), defaults={"name": alias_name}
                )
        for field in ("wikidata", "orcid", "viaf", "description", "affiliation"):
            if not getattr(keep, field) and getattr(other, field):
                setattr(keep, field, getattr(other, field))
        for authorship in Authorship.objects.filter(agent=other):
            if Authorship.objects.filter(entry=authorship.entry, agent=keep, role=authorship.role).exists():
                authorship.delete()
            else:
                authorship.agent = keep
                authorship.save(update_fields=["agent"])
        for statement in Statement.objects.filter(speaker=other):
            statement.speaker = keep
            statement.save(update_fields=["speaker", "updated_at"])
        StatementGroup.objects.filter(speaker=other).update(speaker=keep)
        _settle_merge_candidates(keep, other)
        other.delete()
    keep.save()
    from archive.services.statements import regroup_speaker  # quotes of two records may be one statement now
    regroup_speaker(keep)
    return keep


def _settle_merge_candidates(keep, other):
    """Before ``other`` goes: its pair with ``keep`` is marked merged (kept as the record of
    the decision), and a pair with a third record now concerns ``keep`` instead."""
    for candidate in MergeCandidate.objects.filter(Q(first=other) | Q(second=other)):
        other_is_first = candidate.first_id == other.pk
        partner_id = candidate.second_id if other_is_first else candidate.first_id
        if partner_id == keep.pk:
            candidate.status = MergeCandidate.Status.MERGED
            candidate.save(update_fields=["status"])
        elif partner_id is None:
            continue
        elif MergeCandidate.objects.filter(
            Q(first=keep, second_id=partner_id) | Q(first_id=partner_id, second=keep)
        ).exists():
            candidate.delete()  # the same proposal already stands for the kept record
        else:
            setattr(candidate, "first" if other_is_first else "second", keep)
            candidate.save()
