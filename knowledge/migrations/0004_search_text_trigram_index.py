"""Trigram indexes on search_text (PostgreSQL only) for the site-wide search: without them each new query of
/szukaj/ scanned these tables whole (about 6 ms for 2,000 posts), and /szukaj/ timed out under load."""

from django.db import migrations

from wortal.migration_operations import search_text_trigram_indexes


class Migration(migrations.Migration):
    dependencies = [
        ("knowledge", "0003_publication_proposals"),
        ("search", "0003_search_vocabulary"),  # creates the pg_trgm extension
    ]

    operations = [search_text_trigram_indexes("knowledge_publication")]
