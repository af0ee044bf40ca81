"""The accessibility statement's contact and complaint sections now come from the site settings and the template
(office/accessibility.html), and the statement no longer promises a map the site does not have.

Each passage is removed only while it is exactly the starting text of news/0002: an editor's own wording stays.
"""

from django.db import migrations

KEY = "deklaracja-dostepnosci"

REMOVED = [
    "<li>Wszystkie listy mają także wersję tekstową, bez mapy.</li>\n",
    """<h2>Informacje zwrotne i dane kontaktowe</h2>
<p>Wszystkie problemy z dostępnością cyfrową tej strony internetowej prosimy zgłaszać koordynatorowi do spraw dostępności regionalnego ośrodka polityki społecznej w Krakowie. Każdy ma prawo wystąpić z żądaniem zapewnienia dostępności cyfrowej tej strony internetowej lub jej elementów. Można także zażądać udostępnienia informacji za pomocą alternatywnego sposobu dostępu, na przykład przez odczytanie niedostępnego cyfrowo dokumentu, opisanie zawartości filmu bez audiodeskrypcji itp.</p>
<p>Żądanie powinno zawierać dane osoby zgłaszającej żądanie, wskazanie, o którą stronę internetową lub element strony internetowej chodzi, oraz sposób kontaktu. Jeżeli osoba żądająca zgłasza potrzebę otrzymania informacji w formie alternatywnej, powinna także określić formę tej informacji. Podmiot publiczny zrealizuje żądanie niezwłocznie, nie później niż w ciągu 7 dni od dnia wystąpienia z żądaniem. Jeżeli dotrzymanie tego terminu nie jest możliwe, podmiot publiczny niezwłocznie informuje o tym wnoszącego żądanie, kiedy realizacja żądania będzie możliwa, przy czym termin ten nie może być dłuższy niż 2 miesiące od dnia wystąpienia z żądaniem.</p>
<h2>Skargi i odwołania</h2>
<p>Jeżeli podmiot publiczny odmówi realizacji żądania zapewnienia dostępności lub alternatywnego sposobu dostępu, wnoszący żądanie ma prawo złożyć skargę w sprawie zapewnienia dostępności cyfrowej strony internetowej lub elementu strony internetowej. Po wyczerpaniu tej procedury można także złożyć wniosek do <a href="https://bip.brpo.gov.pl/">Rzecznika Praw Obywatelskich</a>.</p>
""",
]
# The contact and complaint sections stood before this heading (the map line is not put back).
ANCHORS = [
    "<h2>Dostępność architektoniczna</h2>",
    "<h2>Dostępność architektoniczna</h2>",
]


def _variants(passage):
    # Saving through the sanitiser (news/0003) added rel="noopener" to the link.
    return [passage, passage.replace('href="https://bip.brpo.gov.pl/"', 'href="https://bip.brpo.gov.pl/" rel="noopener"')]


def forwards(apps, schema_editor):
    Page = apps.get_model("news", "Page")
    page = Page.objects.filter(key=KEY).first()
    if page is None:
        return
    body = page.body
    for passage in REMOVED:
        for variant in _variants(passage):
            body = body.replace(variant, "")
    if body != page.body:
        page.body = body
        page.save(update_fields=["body", "updated_at"])


def backwards(apps, schema_editor):
    Page = apps.get_model("news", "Page")
    page = Page.objects.filter(key=KEY).first()
    if page is None:
        return
    body = page.body
    if REMOVED[1] not in body and ANCHORS[1] in body:
        body = body.replace(ANCHORS[1], REMOVED[1] + ANCHORS[1])
    if body != page.body:
        page.body = body
        page.save(update_fields=["body", "updated_at"])


class Migration(migrations.Migration):
    dependencies = [("office", "0001_site_settings"), ("news", "0004_merge_statement_and_history")]
    operations = [migrations.RunPython(forwards, backwards)]
