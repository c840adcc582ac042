"""The full-text search index tables, outside the Entry model (see docs/search.md).

SQLite: FTS5 virtual tables. PostgreSQL: tables of weighted tsvectors with GIN indexes.
The SQL lives in the backend modules, so the migration and the code cannot disagree.
"""
from django.db import migrations


def _module(schema_editor):
    from archive.search.backends import backend_module

    return backend_module(schema_editor.connection.vendor)


def create_index(apps, schema_editor):
    with schema_editor.connection.cursor() as cursor:
        _module(schema_editor).create_schema(cursor)


def drop_index(apps, schema_editor):
    with schema_editor.connection.cursor() as cursor:
        _module(schema_editor).drop_schema(cursor)


class Migration(migrations.Migration):
    dependencies = [
        ("archive", "0003_statement_review"),
    ]

    operations = [
        migrations.RunPython(create_index, drop_index, elidable=False),
    ]
