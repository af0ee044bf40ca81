"""Trigram indexes on search_text (PostgreSQL only) for the site-wide search: without them each new query of
/szukaj/ scanned these tables whole (about 6 ms for 2,000 posts), and /szukaj/ timed out under load."""

from django.db import migrations

from wortal.migration_operations import search_text_trigram_indexes


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0005_search_text"),
        ("search", "0003_search_vocabulary"),  # creates the pg_trgm extension
    ]

    operations = [search_text_trigram_indexes("news_post", "news_film", "news_event", "news_page")]
