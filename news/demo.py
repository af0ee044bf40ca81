"""Demo news, films, events and initiatives for development and screenshots.

Every item is keyed on its slug, so seeding twice creates nothing new. Dates are relative to the day of the
first seeding: events are then upcoming, posts recent. The films' video ids are made up: they are demo data
and do not point at real recordings.
"""

import datetime

from django.db import transaction
from django.utils import timezone

from entities.models import Entity, Gmina, Powiat
from initiatives.models import Initiative, InitiativeLink, InitiativePhoto, Theme
from news.models import Category, Event, Film, Post
from wortal import demo_images

CATEGORIES = [
    ("Konkursy i dotacje", "konkursy-i-dotacje"),
    ("Szkolenia", "szkolenia"),
    ("Dobre praktyki", "dobre-praktyki"),
]

POSTS = [
    {
        "slug": "ruszyl-nabor-do-konkursu-zakup-prospoleczny",
        "title": "Ruszył nabór do znaku „Zakup ProSpołeczny”",
        "lead": "Podmioty ekonomii społecznej z Małopolski mogą ubiegać się o regionalny znak, który pomaga kupującym rozpoznać produkty i usługi wytwarzane z myślą o ludziach.",
        "body": "<p>Znak <strong>Zakup ProSpołeczny</strong> przyznawany jest na rok. O znak mogą ubiegać się spółdzielnie socjalne, fundacje, stowarzyszenia i inne podmioty prowadzące działalność gospodarczą lub odpłatną.</p><h2>Jak się zgłosić</h2><ul><li>wypełnij formularz zgłoszeniowy,</li><li>opisz produkt lub usługę,</li><li>dołącz zdjęcia.</li></ul>",
        "days_ago": 2,
        "category": "konkursy-i-dotacje",
        "image_alt": "Ilustracja: słońce nad zielonymi wzgórzami i domami wsi",
    },
    {
        "slug": "szkolenie-zamowienia-publiczne-z-klauzulami-spolecznymi",
        "title": "Szkolenie: zamówienia publiczne z klauzulami społecznymi",
        "lead": "Zapraszamy przedstawicieli samorządów i podmiotów ekonomii społecznej na bezpłatne szkolenie o zastosowaniu klauzul społecznych w zamówieniach publicznych.",
        "body": "<p>Podczas szkolenia omówimy <em>zamówienia zastrzeżone</em> i kryteria społeczne w praktyce małopolskich gmin.</p><blockquote>Klauzule społeczne to sposób, by publiczne pieniądze pracowały podwójnie.</blockquote>",
        "days_ago": 9,
        "category": "szkolenia",
        "image_alt": "Ilustracja: niebieskie wzgórza i kilka domów w dolinie",
    },
    {
        "slug": "catering-spoldzielni-socjalnej-na-gminnych-uroczystosciach",
        "title": "Catering spółdzielni socjalnej na gminnych uroczystościach",
        "lead": "Jedna z małopolskich gmin od roku zamawia catering u lokalnej spółdzielni socjalnej. Opowiadamy, jak do tego doszło i co zyskali mieszkańcy.",
        "body": "<p>Współpraca zaczęła się od jednego zamówienia na dożynki. Dziś spółdzielnia zatrudnia cztery osoby więcej.</p>",
        "days_ago": 20,
        "category": "dobre-praktyki",
        "image_alt": "Ilustracja: jesienne pola w słońcu i zabudowania wsi",
    },
]

FILMS = [
    {
        "slug": "partnerska-interwencja",
        "title": "Partnerska interwencja",
        "description": "<p>Film animowany o tym, jak organizacje, samorząd i biznes mogą wspólnie pomóc osobie w kryzysie wrócić do pracy i do społeczności.</p>",
        "external_url": "https://www.youtube.com/watch?v=Xq3vR8pLm2A",
        "transcript": "Narrator: Pani Anna straciła pracę i od roku nie wychodzi z domu.\n\nPracownica ośrodka pomocy społecznej zaprasza ją do klubu integracji społecznej. Tam Anna poznaje spółdzielnię socjalną, która prowadzi kawiarnię.\n\nGmina zamawia w spółdzielni catering, a lokalna firma przekazuje sprzęt. Po pół roku Anna zaczyna pracę w kawiarni.\n\nNarrator: Partnerska interwencja to współpraca wielu, by pomóc jednej osobie. Ekonomia społeczna – to się opłaca.",
        "days_ago": 5,
        "poster_alt": "Kadr z filmu: rysunkowa wieś pod słońcem, w której zaczyna się historia pani Anny",
    },
    {
        "slug": "jak-zalozyc-spoldzielnie-socjalna",
        "title": "Jak założyć spółdzielnię socjalną",
        "description": "<p>Krótki poradnik krok po kroku: kto może założyć spółdzielnię socjalną, jakie dokumenty są potrzebne i gdzie szukać wsparcia w Małopolsce.</p>",
        "external_url": "https://vimeo.com/100000001",
        "transcript": "Spółdzielnię socjalną mogą założyć co najmniej trzy osoby fizyczne albo dwie osoby prawne.\n\nPierwszy krok to statut. Drugi to wpis do Krajowego Rejestru Sądowego.\n\nW Małopolsce wsparcia udzielają ośrodki wsparcia ekonomii społecznej.",
        "days_ago": 30,
        "poster_alt": "Kadr z filmu: rysunkowe wzgórza i domy, w których działa spółdzielnia",
    },
]

EVENTS = [
    {
        "slug": "posiedzenie-malopolskiego-paktu-dla-ekonomii-spolecznej",
        "title": "Posiedzenie Małopolskiego Paktu dla Ekonomii Społecznej",
        "description": "<p>Spotkanie sygnatariuszy Paktu: podsumowanie roku, plan działań i rekomendacje dla samorządów.</p><h2>Program</h2><ol><li>Przywitanie gości</li><li>Podsumowanie roku</li><li>Dyskusja o zakupach społecznie odpowiedzialnych</li></ol>",
        "days_ahead": 14,
        "hours": 3,
        "gmina": "126101",
        "address": "Kraków, sala konferencyjna, ul. Basztowa 22",
        "organiser_name": "Regionalny ośrodek polityki społecznej w Krakowie",
    },
    {
        "slug": "webinar-status-przedsiebiorstwa-spolecznego",
        "title": "Webinar: jak uzyskać status przedsiębiorstwa społecznego",
        "description": "<p>Omówimy wniosek do wojewody, wymagane dokumenty i coroczne sprawozdanie.</p>",
        "days_ahead": 21,
        "hours": 2,
        "online": True,
        "organiser_name": "Ośrodek wsparcia ekonomii społecznej",
        "registration_url": "https://example.org/zapisy/webinar-ps",
    },
    {
        "slug": "targi-ekonomii-spolecznej-w-nowym-saczu",
        "title": "Targi ekonomii społecznej w Nowym Sączu",
        "description": "<p>Stoiska spółdzielni socjalnych, warsztatów terapii zajęciowej i kół gospodyń wiejskich.</p>",
        "days_ahead": -40,
        "hours": 6,
        "gmina": "126201",
        "address": "Nowy Sącz, Rynek",
        "organiser_name": "Sądeckie organizacje pozarządowe",
    },
]

INITIATIVES = [
    {
        "slug": "kawiarnia-prowadzona-przez-spoldzielnie-socjalna",
        "title": "Kawiarnia prowadzona przez spółdzielnię socjalną",
        "summary": "Spółdzielnia socjalna otworzyła kawiarnię w gminnym domu kultury i zatrudniła w niej osoby po długim bezrobociu.",
        "description": "<p>Gmina udostępniła lokal, a spółdzielnia wyposażyła go z dotacji na utworzenie miejsc pracy.</p>",
        "results": "<ul><li>5 nowych miejsc pracy</li><li>ponad 200 wydarzeń z cateringiem rocznie</li></ul>",
        "theme": Theme.EMPLOYMENT,
        "powiaty": ["1261"],
        "years_ago": 2,
        "featured": True,
    },
    {
        "slug": "wspolne-zakupy-kol-gospodyn-wiejskich",
        "title": "Wspólne zakupy i sprzedaż kół gospodyń wiejskich",
        "summary": "Sześć kół gospodyń wiejskich razem sprzedaje przetwory na targach i w sklepie internetowym.",
        "description": "<p>Koła dzielą się kosztami opakowań, etykiet i stoiska.</p>",
        "results": "<p>Sprzedaż wzrosła trzykrotnie w ciągu roku.</p>",
        "theme": Theme.PARTNERSHIP,
        "powiaty": ["1210", "1262"],
        "years_ago": 1,
        "featured": True,
    },
    {
        "slug": "ogrody-spoleczne-na-osiedlach",
        "title": "Ogrody społeczne na osiedlach",
        "summary": "Fundacja z mieszkańcami zakłada ogrody na osiedlowych skwerach i uczy kompostowania.",
        "description": "<p>Każdy ogród ma swoich opiekunów z sąsiedztwa.</p>",
        "results": "<p>Powstało 7 ogrodów, w zajęciach wzięło udział 400 osób.</p>",
        "theme": Theme.ECOLOGY,
        "powiaty": ["1261", "1206"],
        "years_ago": 0,
        "featured": False,
    },
]


@transaction.atomic
def seed_content(author=None) -> dict[str, int]:
    """Create the demo items that are missing; return how many of each kind were created."""
    now = timezone.now()
    created = {"posts": 0, "films": 0, "events": 0, "initiatives": 0}
    categories = {}
    for name, slug in CATEGORIES:
        categories[slug], _ = Category.objects.get_or_create(slug=slug, defaults={"name": name})
    organisers = list(Entity.objects.published().order_by("pk")[:6])
    powiaty = {p.teryt: p for p in Powiat.objects.all()}

    initiatives = []
    for index, data in enumerate(INITIATIVES):
        initiative = Initiative.objects.filter(slug=data["slug"]).first()
        if initiative is None:
            start = datetime.date(now.year - data["years_ago"], 3, 1)
            initiative = Initiative.objects.create(
                slug=data["slug"],
                title=data["title"],
                summary=data["summary"],
                description=data["description"],
                results=data["results"],
                theme=data["theme"],
                start_date=start,
                end_date=None if data["years_ago"] == 0 else datetime.date(start.year, 12, 31),
                partners="Gminny ośrodek pomocy społecznej\nLokalna grupa działania",
                state=Initiative.State.PUBLISHED,
                is_featured=data["featured"],
            )
            initiative.powiaty.set([powiaty[teryt] for teryt in data["powiaty"] if teryt in powiaty])
            initiative.organisers.set(organisers[index * 2 : index * 2 + 2])
            InitiativeLink.objects.create(
                initiative=initiative, label="Strona organizatora", url="https://example.org/inicjatywa"
            )
            InitiativePhoto.objects.create(
                initiative=initiative,
                image=demo_images.scene(f"demo/inicjatywy/{data['slug']}.jpg", data["slug"]),
                alt="Ilustracja: wzgórza, słońce i domy gminy, w której działa inicjatywa",
            )
            created["initiatives"] += 1
        initiatives.append(initiative)

    for index, data in enumerate(POSTS):
        if Post.objects.filter(slug=data["slug"]).exists():
            continue
        post = Post.objects.create(
            slug=data["slug"],
            title=data["title"],
            lead=data["lead"],
            body=data["body"],
            lead_image=demo_images.scene(f"demo/aktualnosci/{data['slug']}.jpg", data["slug"]),
            lead_image_alt=data["image_alt"],
            is_published=True,
            published_at=now - datetime.timedelta(days=data["days_ago"]),
            author=author,
        )
        post.categories.set([categories[data["category"]]])
        if index < len(initiatives):
            post.related_initiatives.set([initiatives[index]])
        post.related_entities.set(organisers[:1])
        created["posts"] += 1

    for data in FILMS:
        if Film.objects.filter(slug=data["slug"]).exists():
            continue
        Film.objects.create(
            slug=data["slug"],
            title=data["title"],
            description=data["description"],
            external_url=data["external_url"],
            transcript=data["transcript"],
            poster=demo_images.scene(f"demo/filmy/{data['slug']}.jpg", data["slug"]),
            poster_alt=data["poster_alt"],
            is_published=True,
            published_at=now - datetime.timedelta(days=data["days_ago"]),
        )
        created["films"] += 1

    gminy = {
        g.teryt: g for g in Gmina.objects.filter(teryt__in=[e.get("gmina") for e in EVENTS if e.get("gmina")])
    }
    for data in EVENTS:
        if Event.objects.filter(slug=data["slug"]).exists():
            continue
        start = (now + datetime.timedelta(days=data["days_ahead"])).replace(
            hour=10, minute=0, second=0, microsecond=0
        )
        Event.objects.create(
            slug=data["slug"],
            title=data["title"],
            description=data["description"],
            start=start,
            end=start + datetime.timedelta(hours=data["hours"]),
            is_online=data.get("online", False),
            address=data.get("address", ""),
            gmina=gminy.get(data.get("gmina")),
            organiser_name=data["organiser_name"],
            registration_url=data.get("registration_url", ""),
            is_published=True,
            published_at=now - datetime.timedelta(days=1),
        )
        created["events"] += 1
    return created
