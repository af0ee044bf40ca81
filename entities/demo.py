"""Realistic demo entities for development, screenshots and the benchmark.

Every entity is derived from its number alone (its own seeded random generator), so the same number always
gives the same entity, with the same valid NIP, REGON and KRS: seeding twice never duplicates, and seeding
more adds only the missing numbers.
"""

import datetime
import random
from dataclasses import dataclass, field

from django.db import transaction

from entities.demo_geo import demo_point
from entities.models import Entity, Gmina, LegalForm, PSStatus, Sector
from entities.versions import registry_changed
from wortal import demo_images
from wortal.text import polish_slugify

NIP_WEIGHTS = (6, 5, 7, 2, 3, 4, 5, 6, 7)
REGON_WEIGHTS = (8, 9, 2, 3, 4, 5, 6, 7)

NAME_WORDS = [
    "Zielony Ogród",
    "Razem",
    "Dobre Miejsce",
    "Pod Wawelem",
    "Tatrzańska Pracownia",
    "Nowy Start",
    "Smaki Małopolski",
    "Ręce do Pracy",
    "Sądecka Spiżarnia",
    "Wspólna Sprawa",
    "Lepszy Dzień",
    "Krok Dalej",
    "Beskidzkie Rękodzieło",
    "Pracownia Marzeń",
    "Przystań",
    "Otwarte Drzwi",
    "Podhalański Chleb",
    "Tęcza",
    "Most",
    "Szansa",
    "Gościniec",
    "Źródło",
    "Łączy Nas Praca",
    "Żywa Tradycja",
    "Ścieżka",
    "Ogniwo",
    "Złota Rączka",
    "Czysta Zieleń",
    "Kuchnia z Sercem",
    "Mądra Pomoc",
    "Jaskółka",
    "Dobry Chleb",
    "Pod Lipą",
    "Sąsiedzi",
    "Wrzos",
    "Kuźnia",
    "Na Rozstajach",
    "Dolina",
    "Bursztyn",
    "Zdrój",
    "Promyk",
    "Korzenie",
    "Nadzieja",
    "Horyzont",
    "Pasieka",
    "Wspólny Stół",
    "Słoneczny Dom",
    "Kamyk",
]
PURPOSES = [
    "Pomocy Osobom z Niepełnosprawnościami",
    "Rozwoju Wsi",
    "Aktywizacji Zawodowej",
    "Wspierania Rodzin",
    "Edukacji Ekologicznej",
    "Kultury Ludowej",
    "Przyjaciół Dzieci",
    "Seniorów",
    "Integracji Społecznej",
    "Rozwoju Przedsiębiorczości Społecznej",
    "Ochrony Zdrowia Psychicznego",
    "Turystyki Wiejskiej",
]
OFFERS = {
    "gastronomia-i-catering": "Catering na konferencje i szkolenia, obiady abonamentowe, wypieki na zamówienie.",
    "uslugi-opiekuncze-i-spoleczne": "Usługi opiekuńcze w domu, asystencja osobista, opieka wytchnieniowa.",
    "sprzatanie-i-utrzymanie-zieleni": "Sprzątanie biur i klatek schodowych, koszenie, pielęgnacja terenów zieleni.",
    "budownictwo-i-remonty": "Remonty mieszkań, malowanie, drobne prace budowlane i wykończeniowe.",
    "rekodzielo-i-produkty-lokalne": "Rękodzieło, ceramika, zabawki z drewna, produkty regionalne na prezenty.",
    "turystyka-i-rekreacja": "Noclegi, organizacja wycieczek, spływy i zielone szkoły.",
    "edukacja-i-szkolenia": "Szkolenia zawodowe, warsztaty kompetencji społecznych, korepetycje.",
    "kultura": "Warsztaty artystyczne, koncerty, organizacja festynów i wydarzeń.",
    "it-i-poligrafia": "Druk cyfrowy, introligatornia, projektowanie graficzne i proste strony internetowe.",
    "transport": "Przewóz osób z niepełnosprawnościami, transport towarów, przeprowadzki.",
    "rolnictwo-i-przetworstwo": "Przetwory owocowe i warzywne, soki tłoczone, miód.",
    "rehabilitacja-i-zdrowie": "Rehabilitacja ruchowa, masaże, zajęcia terapeutyczne.",
}
STREETS = [
    "Długa",
    "Krakowska",
    "Szkolna",
    "Kościuszki",
    "Mickiewicza",
    "Ogrodowa",
    "Polna",
    "Rynek",
    "Lipowa",
]
# Postal codes by powiat (TERYT): the beginnings Poczta Polska uses in each area, so an address in Wadowice
# gets 34-1xx and not Kraków's 31-xxx. A code is one of these beginnings followed by random digits.
POSTAL_PREFIXES = {
    "1201": ["32-7"],  # bocheński
    "1202": ["32-8"],  # brzeski
    "1203": ["32-5"],  # chrzanowski
    "1204": ["33-2"],  # dąbrowski
    "1205": ["38-3"],  # gorlicki
    "1206": ["32-0"],  # krakowski
    "1207": ["34-6"],  # limanowski
    "1208": ["32-2"],  # miechowski
    "1209": ["32-4"],  # myślenicki
    "1210": ["33-3"],  # nowosądecki
    "1211": ["34-4"],  # nowotarski
    "1212": ["32-3"],  # olkuski
    "1213": ["32-6"],  # oświęcimski
    "1214": ["32-1"],  # proszowicki
    "1215": ["34-2"],  # suski
    "1216": ["33-1"],  # tarnowski
    "1217": ["34-5"],  # tatrzański
    "1218": ["34-1"],  # wadowicki
    "1219": ["32-0", "32-4"],  # wielicki (Wieliczka 32-020, Gdów 32-420)
    "1261": ["30-", "31-"],  # Kraków
    "1262": ["33-3"],  # Nowy Sącz
    "1263": ["33-1"],  # Tarnów
}
# The first year a form could exist under its law (social cooperatives: 2006; CIS and KIS: 2003; ...), so a
# demo entity is never older than its legal form.
FIRST_YEAR = {
    "spoldzielnia-socjalna": 2006,
    "cis": 2004,
    "kis": 2004,
    "spolka-non-profit": 2000,
    "zaz": 1992,
    "wtz": 1992,
}
DEMO_LOGOS_UP_TO = 400
FORM_WEIGHTS = [
    (LegalForm.SOCIAL_COOPERATIVE, 18),
    (LegalForm.FOUNDATION, 20),
    (LegalForm.ASSOCIATION, 25),
    (LegalForm.KGW, 10),
    (LegalForm.WORKERS_COOPERATIVE, 3),
    (LegalForm.DISABLED_COOPERATIVE, 2),
    (LegalForm.NONPROFIT_COMPANY, 4),
    (LegalForm.CIS, 4),
    (LegalForm.KIS, 4),
    (LegalForm.WTZ, 6),
    (LegalForm.ZAZ, 2),
    (LegalForm.CHURCH_ENTITY, 2),
]
NO_OWN_IDENTIFIERS = {LegalForm.KGW, LegalForm.KIS, LegalForm.WTZ}


def nip_for(number: int) -> str:
    """A valid, unique NIP for demo entity number ``number`` (below a million)."""
    for office in range(677, 999):
        digits = f"{office:03d}{number:06d}"
        check = sum(int(d) * w for d, w in zip(digits, NIP_WEIGHTS, strict=True)) % 11
        if check != 10:
            return digits + str(check)
    raise ValueError(number)


def regon_for(number: int) -> str:
    digits = f"12{number:06d}"
    return digits + str(sum(int(d) * w for d, w in zip(digits, REGON_WEIGHTS, strict=True)) % 11 % 10)


def krs_for(number: int) -> str:
    return f"{900000 + number:010d}"


def postal_code(rng, powiat_teryt: str) -> str:
    prefix = rng.choice(POSTAL_PREFIXES[powiat_teryt])
    digits = "".join(str(rng.randint(0, 9)) for _ in range(6 - len(prefix)))
    return prefix + digits


def _name_candidates(rng, form, town):
    """Names for an entity of ``form`` in ``town``: the usual one first, then variants used only when an
    earlier demo entity already has it (names are unique in the demo, as they are in the registry)."""
    # Town names stay in the nominative ("Gminy Bochnia", "– Bochnia"): no declension tables needed.
    words = NAME_WORDS[:]
    rng.shuffle(words)
    purposes = PURPOSES[:]
    rng.shuffle(purposes)
    for suffix in ("", f" – {town}"):
        for word in words:
            yield {
                LegalForm.SOCIAL_COOPERATIVE: f"Spółdzielnia Socjalna „{word}”{suffix}",
                LegalForm.WORKERS_COOPERATIVE: f"Spółdzielnia Pracy „{word}”{suffix}",
                LegalForm.DISABLED_COOPERATIVE: f"Spółdzielnia Inwalidów „{word}”{suffix}",
                LegalForm.FOUNDATION: f"Fundacja {purposes[0]} „{word}”{suffix}",
                LegalForm.ASSOCIATION: f"Stowarzyszenie {purposes[0]} „{word}”{suffix}",
                LegalForm.NONPROFIT_COMPANY: f"{word} sp. z o.o. non-profit{suffix}",
                LegalForm.KGW: f"Koło Gospodyń Wiejskich „{word}” – {town}",
                LegalForm.CIS: f"Centrum Integracji Społecznej „{word}” – {town}",
                LegalForm.KIS: f"Klub Integracji Społecznej „{word}” – {town}",
                LegalForm.WTZ: f"Warsztat Terapii Zajęciowej „{word}” – {town}",
                LegalForm.ZAZ: f"Zakład Aktywności Zawodowej „{word}” – {town}",
                LegalForm.CHURCH_ENTITY: f"Caritas Parafii „{word}” – {town}",
            }[form]
    for number in range(2, 10_000):
        yield f"{LegalForm(form).label.split(' (')[0].capitalize()} nr {number} – {town}"


# What each form does, in the words of its law; the entity's sectors and town complete the sentence.
FORM_DESCRIPTIONS = {
    LegalForm.SOCIAL_COOPERATIVE: "Spółdzielnia socjalna, założona w {year} roku, zatrudnia osoby zagrożone "
    "wykluczeniem społecznym i razem z nimi prowadzi przedsiębiorstwo",
    LegalForm.WORKERS_COOPERATIVE: "Spółdzielnia pracy działająca od {year} roku, w której członkowie są "
    "zarazem pracownikami",
    LegalForm.DISABLED_COOPERATIVE: "Spółdzielnia inwalidów działająca od {year} roku, zatrudniająca "
    "głównie osoby z niepełnosprawnościami",
    LegalForm.FOUNDATION: "Fundacja założona w {year} roku, która z dochodów działalności odpłatnej "
    "finansuje swoje cele statutowe",
    LegalForm.ASSOCIATION: "Stowarzyszenie działające od {year} roku, zrzeszające mieszkańców i "
    "prowadzące działalność społeczną",
    LegalForm.NONPROFIT_COMPANY: "Spółka non-profit założona w {year} roku, która cały zysk przeznacza na "
    "cele społeczne",
    LegalForm.KGW: "Koło gospodyń wiejskich działające od {year} roku, dbające o lokalną tradycję i "
    "aktywność mieszkańców wsi",
    LegalForm.CIS: "Centrum integracji społecznej, prowadzone od {year} roku, przywraca do pracy osoby "
    "długotrwale bezrobotne w ramach reintegracji społecznej i zawodowej",
    LegalForm.KIS: "Klub integracji społecznej działający od {year} roku, który pomaga mieszkańcom wrócić "
    "na rynek pracy",
    LegalForm.WTZ: "Warsztat terapii zajęciowej, prowadzony od {year} roku, w którym osoby z "
    "niepełnosprawnościami uczą się umiejętności potrzebnych w pracy",
    LegalForm.ZAZ: "Zakład aktywności zawodowej, działający od {year} roku, zatrudnia osoby ze znacznym "
    "stopniem niepełnosprawności",
    LegalForm.CHURCH_ENTITY: "Parafialny zespół Caritas działający od {year} roku, pomagający rodzinom i "
    "osobom samotnym",
}


def describe(form, year, town, sectors) -> str:
    fields = ", ".join(s.name for s in sectors)
    return (
        FORM_DESCRIPTIONS[form].format(year=year)
        + f". Działamy w gminie {town}, w branżach: {fields}. "
        + "Współpracujemy z lokalnym samorządem, ośrodkiem pomocy społecznej i przedsiębiorcami."
    )


@dataclass
class DemoContext:
    gminy: list
    sectors: list
    # Names given to lower numbers in this run: the next entity picks the first free one.
    taken_names: set = field(default_factory=set)


def build_entity(number: int, context: DemoContext) -> tuple[Entity, list, PSStatus | None]:
    """The unsaved entity number ``number``, its sector ids and its PS status (if any).

    Call it in increasing order of ``number`` with one context, so each name is unique: the same numbers in
    the same order always give the same names.
    """
    rng = random.Random(f"wortal-demo-{number}")
    gmina = rng.choice(context.gminy)
    form = rng.choices([f for f, _ in FORM_WEIGHTS], weights=[w for _, w in FORM_WEIGHTS])[0]
    town = gmina.name
    sectors = sorted(rng.sample(context.sectors, k=rng.randint(1, 3)), key=lambda s: s.pk)
    name = next(n for n in _name_candidates(rng, form, town) if n not in context.taken_names)
    context.taken_names.add(name)
    year_founded = rng.randint(FIRST_YEAR.get(form, 1995), 2024)
    has_ids = form not in NO_OWN_IDENTIFIERS
    entity = Entity(
        name=name,
        short_name="",
        legal_form=form,
        krs=krs_for(number) if has_ids else None,
        nip=nip_for(number) if has_ids else None,
        regon=regon_for(number) if has_ids else None,
        street=f"ul. {rng.choice(STREETS)} {rng.randint(1, 120)}",
        postal_code=postal_code(rng, gmina.teryt[:4]),
        town=town,
        gmina=gmina,
        email=f"kontakt{number}@example.org",
        phone=f"+48 12 {rng.randint(100, 999)} {rng.randint(10, 99)} {rng.randint(10, 99)}",
        website=f"https://example.org/podmiot-{number}",
        description=describe(form, year_founded, town, sectors),
        offer=" ".join(OFFERS[s.slug] for s in sectors if s.slug in OFFERS),
        year_founded=year_founded,
        state=Entity.State.DRAFT if number % 15 == 0 else Entity.State.PUBLISHED,
        last_verified_on=datetime.date(2026, 1, 1) + datetime.timedelta(days=rng.randint(0, 300)),
    )
    entity.slug = f"{polish_slugify(name)[:100]}-{number}"
    entity.latitude, entity.longitude = demo_point(number, gmina)
    entity.search_text = entity.build_search_text()
    if number <= DEMO_LOGOS_UP_TO and number % 3 != 0:
        # Two in three demo entities have a logo, as in the real registry some do not.
        brand = name.split("„")[1].split("”")[0] if "„" in name else name.split(" sp. z o.o.")[0]
        letters = demo_images.initials(brand)
        entity.logo = demo_images.logo(f"demo/logos/podmiot-{number}.png", f"logo-{number}", letters)
    status = None
    if (
        form in (LegalForm.SOCIAL_COOPERATIVE, LegalForm.FOUNDATION, LegalForm.NONPROFIT_COMPANY)
        and rng.random() < 0.3
    ):
        # The status exists since 2023 (ustawa o ekonomii społecznej) and never before the entity itself.
        earliest = max(datetime.date(2023, 1, 2), datetime.date(year_founded + 1, 1, 2))
        decided = earliest + datetime.timedelta(days=rng.randint(0, 600))
        status = PSStatus(
            decision_number=f"WP-I.{rng.randint(100, 999)}.{number}.{decided.year}",
            decision_date=decided,
            aim=rng.choice(PSStatus.Aim.values),
            valid_from=decided,
            withdrawn_on=decided + datetime.timedelta(days=400) if rng.random() < 0.1 else None,
        )
    return entity, [s.pk for s in sectors], status


def seed_entities(count: int, batch_size: int = 1000, progress=None) -> int:
    """Create demo entities 1..count that do not exist yet; returns how many were created."""
    context = DemoContext(
        gminy=list(Gmina.objects.current().order_by("teryt")),
        sectors=list(Sector.objects.order_by("pk")),
        # Names already in the database (an older seeding, or typed by someone) are not given again.
        taken_names=set(Entity.objects.values_list("name", flat=True)),
    )
    # A demo entity is known by the number at the end of its slug: demo names may change between versions of
    # this module, and an entity seeded by an older version must not be created again under a new name.
    existing = {
        int(slug.rsplit("-", 1)[1])
        for slug in Entity.objects.filter(slug__regex=r"-[0-9]+$").values_list("slug", flat=True)
    }
    created = 0
    for start in range(1, count + 1, batch_size):
        built = [(n, build_entity(n, context)) for n in range(start, min(start + batch_size, count + 1))]
        built = [item for n, item in built if n not in existing]
        with transaction.atomic():
            entities = Entity.objects.bulk_create([entity for entity, _, _ in built])
            Through = Entity.sectors.through
            Through.objects.bulk_create(
                [
                    Through(entity_id=e.pk, sector_id=s)
                    for e, (_, sector_ids, _) in zip(entities, built, strict=True)
                    for s in sector_ids
                ]
            )
            statuses = []
            for entity, (_, _, status) in zip(entities, built, strict=True):
                if status is not None:
                    status.entity = entity
                    statuses.append(status)
            PSStatus.objects.bulk_create(statuses)
            registry_changed()  # bulk_create sends no post_save
        created += len(entities)
        if progress is not None:
            progress(min(batch_size, count + 1 - start))
    return created
