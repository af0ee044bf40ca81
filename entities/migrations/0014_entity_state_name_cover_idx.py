from django.db import migrations, models


class Migration(migrations.Migration):
    """The registry in name order with its gmina, legal form and founding year, from the index alone (entities/facets.py).
    The new index is built before the old one goes, so the list is never without one."""

    dependencies = [
        ("entities", "0013_entity_rows_inline"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="entity",
            index=models.Index(
                fields=["state", "name", "id"],
                include=("gmina", "legal_form", "year_founded"),
                name="entity_state_name_cover_idx",
            ),
        ),
        migrations.RemoveIndex(model_name="entity", name="entity_state_name_id_idx"),
    ]
