"""Facet counts for a search: outlet, author, tag, year and speaker, in one SQL query.

The counts are taken over the first matches a search has already fetched (at most the
backend's ``facet_sample``), so their cost does not grow with the archive.
"""
from django.contrib.contenttypes.models import ContentType
from django.db import connections
from taggit.models import Tag, TaggedItem

from archive.models import Agent, Authorship, Entry, Outlet, Statement

from .backends import get_backend

FACETS = ("outlet", "author", "tag", "year", "speaker")
FACET_SIZE = 10
YEAR_FACET_SIZE = 50


def entry_facets(match, backend=None, ids=None):
    """Facet counts over (at most ``backend.facet_sample`` of) the matches, in one SQL query.

    ``match`` is (sql, params) selecting entry ids; ``ids``, when given, the first
    matches already fetched (then ``match`` is not run again). Returns {name: [(value, label,
    count), ...]}, most frequent first (years: newest first); counts are entries.
    """
    backend = backend or get_backend()
    sql, params = match
    entry, outlet, agent = Entry._meta.db_table, Outlet._meta.db_table, Agent._meta.db_table
    authorship, statement = Authorship._meta.db_table, Statement._meta.db_table
    tag, tagged = Tag._meta.db_table, TaggedItem._meta.db_table
    year = backend.year_sql("e.published_on")
    content_type = ContentType.objects.get_for_model(Entry).pk
    # "c CROSS JOIN x WHERE ...": the candidates drive every join (SQLite keeps the
    # written order of a CROSS JOIN; PostgreSQL plans it as the inner join it is).
    # The speaker facet comes first: SQLite 3.40 plans a later arm of the UNION as if
    # the materialized candidates were many rows and builds a Bloom filter over every
    # statement first (a scan of all of them: 70-90 ms at 100,000 entries, 400,000
    # statements, for 4 matches as for 1,000); as the first arm it looks the sampled
    # entries' statements up in the covering index (under 1 ms). The other arms join
    # on unique keys and are planned the same in any place.
    # A name facet counts distinct (name, entry) pairs, then reads the names of the groups
    # only (one agent row per name, not per statement or byline): COUNT(DISTINCT) sorted
    # each group's entries again (PostgreSQL: 5 of the speaker arm's 8 ms), and joining
    # names before grouping read a name per row. Grouping by id is grouping by (slug,
    # name), slugs being unique; ties are still broken by name. A tag is on an entry at
    # most once (taggit's unique content type, object, tag), so its rows are counted.
    parts = [
        f"SELECT 'speaker', a.slug, a.name, g.n FROM (SELECT p.id, COUNT(*) AS n FROM (SELECT DISTINCT "
        f"s.speaker_id AS id, s.entry_id FROM c CROSS JOIN {statement} s WHERE s.entry_id = c.id "
        f"AND s.review_status <> 'rejected') p GROUP BY p.id) g CROSS JOIN {agent} a WHERE a.id = g.id "
        f"ORDER BY g.n DESC, a.name LIMIT {FACET_SIZE}",
        f"SELECT 'outlet', o.slug, o.name, COUNT(*) AS n FROM ce CROSS JOIN {outlet} o "
        f"WHERE o.id = ce.outlet_id GROUP BY o.slug, o.name ORDER BY n DESC, o.name LIMIT {FACET_SIZE}",
        f"SELECT 'author', a.slug, a.name, g.n FROM (SELECT p.id, COUNT(*) AS n FROM (SELECT DISTINCT "
        f"au.agent_id AS id, au.entry_id FROM c CROSS JOIN {authorship} au WHERE au.entry_id = c.id) p "
        f"GROUP BY p.id) g CROSS JOIN {agent} a WHERE a.id = g.id ORDER BY g.n DESC, a.name LIMIT {FACET_SIZE}",
        # (Written as a join, not grouped by id first: SQLite 3.40 then builds a Bloom
        # filter over every tagging before reading the sampled entries' few.)
        f"SELECT 'tag', t.slug, t.name, COUNT(*) AS n FROM c CROSS JOIN {tagged} ti "
        f"CROSS JOIN {tag} t WHERE ti.content_type_id = {int(content_type)} AND ti.object_id = c.id "
        f"AND t.id = ti.tag_id GROUP BY t.slug, t.name ORDER BY n DESC, t.name LIMIT {FACET_SIZE}",
        f"SELECT 'year', ce.year, ce.year, COUNT(*) AS n FROM ce "
        f"WHERE ce.year IS NOT NULL GROUP BY ce.year ORDER BY 2 DESC LIMIT {YEAR_FACET_SIZE}",
    ]
    union = " UNION ALL ".join(f"SELECT * FROM ({part}) f{i}" for i, part in enumerate(parts))
    facets = {name: [] for name in FACETS}
    with connections[backend.alias].cursor() as cursor:
        if ids is not None:
            sql, params = backend.ids_sql(ids)
        else:
            sql = f"{sql} LIMIT {int(backend.facet_sample)}"
        # ce: the entry columns two facets need, read once (entry rows are wide).
        cursor.execute(
            f"WITH c(id) AS MATERIALIZED ({sql}), "
            f"ce(outlet_id, year) AS MATERIALIZED (SELECT e.outlet_id, {year} FROM c CROSS JOIN {entry} e "
            f"WHERE e.id = c.id) {union}",
            params,
        )
        for name, value, label, n in cursor.fetchall():
            if name == "year":
                value = int(value)
                label = str(value)
            facets[name].append((value, label, n))
    return facets
