"""The accessibility statement states how the site was checked, the result and the date (issue 6).

Only the "Przygotowanie deklaracji" paragraph from 0002 is replaced, and only while it is unchanged: if editors
have already rewritten it in the admin, their text stays.
"""

from django.db import migrations

KEY = "deklaracja-dostepnosci"

OLD = "<p>Deklarację sporządzono na podstawie samooceny przeprowadzonej przez podmiot publiczny.</p>"

NEW = """<p>Deklarację sporządzono dnia 27 listopada 2026 r. na podstawie samooceny przeprowadzonej przez podmiot publiczny.</p>
<p>Samoocena objęła automatyczne testy w przeglądarce Chromium wszystkich rodzajów stron publicznych: strony głównej, bazy podmiotów z wyszukiwarką, filtrami i profilem podmiotu, aktualności, filmów (z pliku, z napisami, i z serwisu zewnętrznego), wydarzeń, inicjatyw, stron informacyjnych oraz strony błędu, na ekranie komputera i telefonu. Narzędzie axe-core 4.14 nie wykazało żadnych naruszeń kryteriów sukcesu WCAG 2.1 na poziomach A i AA.</p>
<p>Sprawdziliśmy też obsługę wyłącznie klawiaturą (link „Przejdź do treści”, widoczny fokus, wyszukiwanie, filtry, profil podmiotu i włączanie filmu), powiązanie komunikatów o błędach i podpowiedzi z polami formularzy, oznaczenie pól wymaganych tekstem oraz teksty alternatywne obrazów. Testy automatyczne nie zastępują sprawdzenia przez osoby korzystające z czytników ekranu; formularze kont i zgłoszeń organizacji sprawdzimy w ten sam sposób po ich uruchomieniu.</p>"""


def replace(apps, old, new):
    Page = apps.get_model("news", "Page")
    page = Page.objects.filter(key=KEY).first()
    if page is not None and old in page.body:
        page.body = page.body.replace(old, new)
        page.save(update_fields=["body", "updated_at"])


def add_results(apps, schema_editor):
    replace(apps, OLD, NEW)


def remove_results(apps, schema_editor):
    replace(apps, NEW, OLD)


class Migration(migrations.Migration):
    dependencies = [("news", "0002_create_site_pages")]
    operations = [migrations.RunPython(add_results, remove_results)]
