"""The one settings row exists from the start, so reading it is a single SELECT (never get_or_create's insert)."""

from django.db import migrations


def create(apps, schema_editor):
    apps.get_model("office", "SiteSettings").objects.get_or_create(pk=1)


class Migration(migrations.Migration):
    dependencies = [("office", "0002_statement_sections_from_settings")]
    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
