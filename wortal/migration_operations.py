"""Migration operations shared by the apps' hand-written migrations."""

from django.db import migrations


def postgresql_only(forward: list[str], backward: list[str]) -> migrations.RunPython:
    """SQL statements run on PostgreSQL only: SQLite, the zero-setup database, has no such feature and the
    project works without it there (docs/search.md, docs/performance.md)."""

    def run(statements):
        def operation(apps, schema_editor):
            if schema_editor.connection.vendor == "postgresql":
                for statement in statements:
                    schema_editor.execute(statement)

        return operation

    return migrations.RunPython(run(forward), run(backward))


def search_text_trigram_indexes(*tables: str) -> migrations.RunPython:
    """Trigram indexes on ``search_text`` (pg_trgm, created by search/0003), so the site-wide search's
    ``LIKE '% word%'`` reads an index instead of scanning the table (search/indexing.py)."""
    return postgresql_only(
        [
            f"CREATE INDEX IF NOT EXISTS {table}_search_trgm_idx ON {table} USING gin (search_text gin_trgm_ops)"
            for table in tables
        ],
        [f"DROP INDEX IF EXISTS {table}_search_trgm_idx" for table in tables],
    )
