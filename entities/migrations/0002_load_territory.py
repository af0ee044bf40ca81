"""Powiaty and gminy of Małopolska from the GUS TERC list of 1 January 2020 (entities/data/)."""

from django.db import migrations

from entities.terc import DEFAULT_TERC_FILE, read_terc, sync_territory


def load(apps, schema_editor):
    sync_territory(apps.get_model("entities", "Powiat"), apps.get_model("entities", "Gmina"), read_terc(DEFAULT_TERC_FILE))


def unload(apps, schema_editor):
    apps.get_model("entities", "Gmina").objects.all().delete()
    apps.get_model("entities", "Powiat").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("entities", "0001_initial")]
    operations = [migrations.RunPython(load, unload)]
