"""Recreate the search index tables with filter keys (and a GIN index on the head vector).

The index is derived data: the tables are dropped, created again from the backend
module's schema and refilled from the archive. Should the refill fail on some future
schema, the tables are left empty and ``manage.py rebuild_search_index`` fills them.
"""
import logging

from django.db import migrations

logger = logging.getLogger(__name__)


def recreate_index(apps, schema_editor):
    from archive.search.backends import backend_module

    module = backend_module(schema_editor.connection.vendor)
    with schema_editor.connection.cursor() as cursor:
        module.drop_schema(cursor)
        module.create_schema(cursor)
    try:
        from django.db import transaction

        from archive.search.indexing import rebuild

        with transaction.atomic(using=schema_editor.connection.alias):
            rebuild(using=schema_editor.connection.alias)
    except Exception:  # noqa: BLE001 - derived data; never block a migration on it
        logger.warning("Search index left empty: run `manage.py rebuild_search_index`.", exc_info=True)


class Migration(migrations.Migration):
    dependencies = [
        ("archive", "0005_entry_source_name_index"),
    ]

    operations = [
        migrations.RunPython(recreate_index, migrations.RunPython.noop, elidable=False),
    ]
