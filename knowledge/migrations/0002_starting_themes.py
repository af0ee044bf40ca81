"""Starting themes of the library; editors add, rename and reorder them in the admin."""

from django.db import migrations

THEMES = [
    ("Badania i diagnozy", "badania-i-diagnozy"),
    ("Zakładanie i prowadzenie PES", "zakladanie-i-prowadzenie-pes"),
    ("Finansowanie", "finansowanie"),
    ("Zamówienia i klauzule społeczne", "zamowienia-i-klauzule-spoleczne"),
    ("Reintegracja społeczna i zawodowa", "reintegracja"),
    ("Współpraca z samorządem", "wspolpraca-z-samorzadem"),
    ("Prawo", "prawo"),
]


def create(apps, schema_editor):
    Theme = apps.get_model("knowledge", "Theme")
    for position, (name, slug) in enumerate(THEMES):
        Theme.objects.get_or_create(slug=slug, defaults={"name": name, "position": position})


def delete(apps, schema_editor):
    apps.get_model("knowledge", "Theme").objects.filter(slug__in=[slug for _, slug in THEMES]).delete()


class Migration(migrations.Migration):
    dependencies = [("knowledge", "0001_publications")]
    operations = [migrations.RunPython(create, delete)]
