"""A GIN full-text index over the folded search text, on PostgreSQL only.

The expression matches what EntityQuerySet.search() filters on, so the planner can use it. SQLite (the
zero-setup development database) has no such index and searches with LIKE instead.
"""

from django.db import migrations

CREATE = (
    "CREATE INDEX IF NOT EXISTS entity_search_fts_idx ON entities_entity "
    "USING gin (to_tsvector('simple'::regconfig, COALESCE((search_text)::text, ''::text)))"
)
DROP = "DROP INDEX IF EXISTS entity_search_fts_idx"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [("entities", "0003_load_sectors")]
    operations = [migrations.RunPython(create_index, drop_index)]
