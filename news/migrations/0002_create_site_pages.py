"""The two fixed site pages with starting text; editors keep them current in the admin."""

from django.db import migrations

ABOUT = """<p>Małopolski Wortal Ekonomii Społecznej to publiczna baza podmiotów ekonomii społecznej w województwie małopolskim: spółdzielni socjalnych, fundacji, stowarzyszeń, kół gospodyń wiejskich, centrów i klubów integracji społecznej, warsztatów terapii zajęciowej, zakładów aktywności zawodowej i przedsiębiorstw społecznych.</p>
<h2>Dla kogo jest portal</h2>
<ul>
<li><strong>Dla kupujących</strong> – samorządów, firm i mieszkańców, którzy szukają produktów i usług podmiotów ekonomii społecznej.</li>
<li><strong>Dla organizacji</strong> – by pokazać swoją ofertę i uczyć się od innych z opisów inicjatyw.</li>
<li><strong>Dla wszystkich zainteresowanych</strong> – aktualności, filmy i wydarzenia, m.in. spotkania Małopolskiego Paktu dla Ekonomii Społecznej.</li>
</ul>
<h2>Kto prowadzi portal</h2>
<p>Portal prowadzi regionalny ośrodek polityki społecznej w Krakowie. Dane w bazie pochodzą od organizacji i z rejestrów publicznych; redakcja sprawdza je i oznacza datę ostatniej weryfikacji.</p>"""

ACCESSIBILITY = """<p>Regionalny ośrodek polityki społecznej w Krakowie zobowiązuje się zapewnić dostępność swojej strony internetowej zgodnie z ustawą z dnia 4 kwietnia 2019 r. o dostępności cyfrowej stron internetowych i aplikacji mobilnych podmiotów publicznych. Deklaracja dostępności dotyczy strony internetowej Małopolski Wortal Ekonomii Społecznej.</p>
<h2>Stan dostępności cyfrowej</h2>
<p>Strona internetowa jest zgodna z ustawą o dostępności cyfrowej stron internetowych i aplikacji mobilnych podmiotów publicznych, z wyjątkami wymienionymi poniżej.</p>
<ul>
<li>Filmy z serwisów zewnętrznych (YouTube, Vimeo) mają napisy przygotowane w tych serwisach; do każdego filmu publikujemy transkrypcję tekstową.</li>
<li>Część dokumentów i zdjęć dodanych przez organizacje może nie mieć pełnych opisów alternatywnych.</li>
</ul>
<h2>Przygotowanie deklaracji</h2>
<p>Deklarację sporządzono na podstawie samooceny przeprowadzonej przez podmiot publiczny.</p>
<h2>Udogodnienia</h2>
<ul>
<li>Strona działa bez JavaScriptu, ma link „Przejdź do treści”, jest dostosowana do obsługi klawiaturą i czytników ekranu.</li>
<li>Wszystkie listy mają także wersję tekstową, bez mapy.</li>
<li>Filmy z pliku mają napisy i transkrypcję; filmy z serwisów zewnętrznych ładują się dopiero po zgodzie.</li>
</ul>
<h2>Informacje zwrotne i dane kontaktowe</h2>
<p>Wszystkie problemy z dostępnością cyfrową tej strony internetowej prosimy zgłaszać koordynatorowi do spraw dostępności regionalnego ośrodka polityki społecznej w Krakowie. Każdy ma prawo wystąpić z żądaniem zapewnienia dostępności cyfrowej tej strony internetowej lub jej elementów. Można także zażądać udostępnienia informacji za pomocą alternatywnego sposobu dostępu, na przykład przez odczytanie niedostępnego cyfrowo dokumentu, opisanie zawartości filmu bez audiodeskrypcji itp.</p>
<p>Żądanie powinno zawierać dane osoby zgłaszającej żądanie, wskazanie, o którą stronę internetową lub element strony internetowej chodzi, oraz sposób kontaktu. Jeżeli osoba żądająca zgłasza potrzebę otrzymania informacji w formie alternatywnej, powinna także określić formę tej informacji. Podmiot publiczny zrealizuje żądanie niezwłocznie, nie później niż w ciągu 7 dni od dnia wystąpienia z żądaniem. Jeżeli dotrzymanie tego terminu nie jest możliwe, podmiot publiczny niezwłocznie informuje o tym wnoszącego żądanie, kiedy realizacja żądania będzie możliwa, przy czym termin ten nie może być dłuższy niż 2 miesiące od dnia wystąpienia z żądaniem.</p>
<h2>Skargi i odwołania</h2>
<p>Jeżeli podmiot publiczny odmówi realizacji żądania zapewnienia dostępności lub alternatywnego sposobu dostępu, wnoszący żądanie ma prawo złożyć skargę w sprawie zapewnienia dostępności cyfrowej strony internetowej lub elementu strony internetowej. Po wyczerpaniu tej procedury można także złożyć wniosek do <a href="https://bip.brpo.gov.pl/">Rzecznika Praw Obywatelskich</a>.</p>
<h2>Dostępność architektoniczna</h2>
<p>Informacje o dostępności architektonicznej siedziby ośrodka publikuje ośrodek w swoim Biuletynie Informacji Publicznej.</p>"""

PAGES = [
    (
        "o-portalu",
        "O portalu",
        "Czym jest Małopolski Wortal Ekonomii Społecznej, dla kogo jest i kto go prowadzi.",
        ABOUT,
    ),
    (
        "deklaracja-dostepnosci",
        "Deklaracja dostępności",
        "Deklaracja dostępności Małopolskiego Wortalu Ekonomii Społecznej.",
        ACCESSIBILITY,
    ),
]


def create_pages(apps, schema_editor):
    Page = apps.get_model("news", "Page")
    for key, title, description, body in PAGES:
        Page.objects.get_or_create(key=key, defaults={"title": title, "description": description, "body": body})


def delete_pages(apps, schema_editor):
    apps.get_model("news", "Page").objects.filter(key__in=[key for key, *_ in PAGES]).delete()


class Migration(migrations.Migration):
    dependencies = [("news", "0001_posts_films_events_pages")]
    operations = [migrations.RunPython(create_pages, delete_pages)]
