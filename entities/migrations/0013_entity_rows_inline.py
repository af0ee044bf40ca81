"""Keep an entity's row, search vector included, in the table instead of TOAST (PostgreSQL only).

With the default toast_tuple_target (~2 kB) rows of 2.7 kB on average pushed part of the search vector out
to TOAST, so ranking the matches of a search read ~14 TOAST pages per row (47,000 buffers for a two-word
query with 3,000 matches). With 8 kB rows stay whole: that query went from 80 to 34 ms and ranking every
match of 'fundacja' from ~300 to ~140 ms at 100,000 entities (docs/performance.md). Existing rows move as
they are next written; ``VACUUM FULL entities_entity`` moves them all at once (it locks the table).
"""

from django.db import migrations

from wortal.migration_operations import postgresql_only


class Migration(migrations.Migration):
    dependencies = [
        ("entities", "0012_polish_order_weighted_search"),
    ]

    operations = [
        postgresql_only(
            ["ALTER TABLE entities_entity SET (toast_tuple_target = 8160)"],
            ["ALTER TABLE entities_entity SET (toast_tuple_target = 2032)"],
        )
    ]
