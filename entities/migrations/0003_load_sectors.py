"""The starting list of sectors (branże) from the domain notes; editors can change it in the admin."""

from django.db import migrations

SECTORS = [
    ("gastronomia-i-catering", "gastronomia i catering"),
    ("uslugi-opiekuncze-i-spoleczne", "usługi opiekuńcze i społeczne"),
    ("sprzatanie-i-utrzymanie-zieleni", "sprzątanie i utrzymanie zieleni"),
    ("budownictwo-i-remonty", "budownictwo i remonty"),
    ("rekodzielo-i-produkty-lokalne", "rękodzieło i produkty lokalne"),
    ("turystyka-i-rekreacja", "turystyka i rekreacja"),
    ("edukacja-i-szkolenia", "edukacja i szkolenia"),
    ("kultura", "kultura"),
    ("it-i-poligrafia", "IT i poligrafia"),
    ("transport", "transport"),
    ("rolnictwo-i-przetworstwo", "rolnictwo i przetwórstwo"),
    ("rehabilitacja-i-zdrowie", "rehabilitacja i zdrowie"),
]


def load(apps, schema_editor):
    Sector = apps.get_model("entities", "Sector")
    for position, (slug, name) in enumerate(SECTORS, start=1):
        Sector.objects.update_or_create(slug=slug, defaults={"name": name, "position": position})


def unload(apps, schema_editor):
    apps.get_model("entities", "Sector").objects.filter(slug__in=[slug for slug, _ in SECTORS]).delete()


class Migration(migrations.Migration):
    dependencies = [("entities", "0002_load_territory")]
    operations = [migrations.RunPython(load, unload)]
