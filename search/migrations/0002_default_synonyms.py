"""The synonyms and abbreviations the portal ships with; editors extend them in the admin."""

from django.db import migrations

DEFAULT_GROUPS = [
    "CIS, centrum integracji społecznej",
    "KIS, klub integracji społecznej",
    "WTZ, warsztat terapii zajęciowej",
    "ZAZ, zakład aktywności zawodowej",
    "PS, przedsiębiorstwo społeczne",
    "KGW, koło gospodyń wiejskich",
    "OWES, ośrodek wsparcia ekonomii społecznej",
    "NGO, organizacja pozarządowa",
    "NGO, fundacja",
    "NGO, stowarzyszenie",
    "PES, podmiot ekonomii społecznej",
    "katering, catering",
    "gastronomia, catering",
    "opieka, usługi opiekuńcze",
    "sprzątanie, utrzymanie czystości",
    "remont, budownictwo",
]


def add_defaults(apps, schema_editor):
    SynonymGroup = apps.get_model("search", "SynonymGroup")
    for phrases in DEFAULT_GROUPS:
        SynonymGroup.objects.get_or_create(phrases=phrases)


def remove_defaults(apps, schema_editor):
    apps.get_model("search", "SynonymGroup").objects.filter(phrases__in=DEFAULT_GROUPS).delete()


class Migration(migrations.Migration):
    dependencies = [("search", "0001_synonym_groups")]
    operations = [migrations.RunPython(add_defaults, remove_defaults)]
