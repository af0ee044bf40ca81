"""Trigram indexes on search_text (PostgreSQL only), so the site-wide search's LIKE '% word%' reads an index.

Without them every query of /szukaj/ scanned each of these tables whole: about 6 ms for 2,000 posts and
2 ms for 1,000 initiatives per word. That was a quarter of the SQL of a new query, so /szukaj/ timed out
under load (bench/README.md).
"""

from django.db import migrations

TABLES = ["initiatives_initiative"]


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for table in TABLES:
            schema_editor.execute(
                f"CREATE INDEX IF NOT EXISTS {table}_search_trgm_idx ON {table} USING gin (search_text gin_trgm_ops)"
            )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for table in TABLES:
            schema_editor.execute(f"DROP INDEX IF EXISTS {table}_search_trgm_idx")


class Migration(migrations.Migration):
    dependencies = [
        ("initiatives", "0005_submission_images_private"),
        ("search", "0003_search_vocabulary"),  # creates the pg_trgm extension
    ]

    operations = [migrations.RunPython(create, drop)]
