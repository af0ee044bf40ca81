"""Realistic demo entities for development, screenshots and the benchmark.

Every entity is derived from its number alone (its own seeded random generator), so the same number always
gives the same entity, with the same valid NIP, REGON and KRS: seeding twice never duplicates, and seeding
more adds only the missing numbers.
"""

import datetime
import random
from dataclasses import dataclass

from django.db import transaction

from entities.demo_geo import demo_point
from entities.models import Entity, Gmina, LegalForm, PSStatus, Sector
from wortal.cache import bump_content_generation
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


def _name(rng, form, town):
    # Town names stay in the nominative ("Gminy Bochnia", "– Bochnia"): no declension tables needed.
    word = rng.choice(NAME_WORDS)
    if form in (LegalForm.CIS, LegalForm.KIS, LegalForm.WTZ, LegalForm.ZAZ):
        return f"{LegalForm(form).label.split(' (')[0].title()} Gminy {town}"
    if form == LegalForm.KGW:
        return f"Koło Gospodyń Wiejskich „{word}” – {town}"
    return {
        LegalForm.SOCIAL_COOPERATIVE: f"Spółdzielnia Socjalna „{word}”",
        LegalForm.WORKERS_COOPERATIVE: f"Spółdzielnia Pracy „{word}”",
        LegalForm.DISABLED_COOPERATIVE: f"Spółdzielnia Inwalidów „{word}”",
        LegalForm.FOUNDATION: f"Fundacja {rng.choice(PURPOSES)} „{word}”",
        LegalForm.ASSOCIATION: f"Stowarzyszenie {rng.choice(PURPOSES)} Gminy {town}",
        LegalForm.NONPROFIT_COMPANY: f"{word} sp. z o.o. non-profit",
        LegalForm.CHURCH_ENTITY: f"Parafialny Zespół Caritas – {town}",
    }[form]


@dataclass
class DemoContext:
    gminy: list
    sectors: list


def build_entity(number: int, context: DemoContext) -> tuple[Entity, list, PSStatus | None]:
    """The unsaved entity number ``number``, its sector ids and its PS status (if any)."""
    rng = random.Random(f"wortal-demo-{number}")
    gmina = rng.choice(context.gminy)
    form = rng.choices([f for f, _ in FORM_WEIGHTS], weights=[w for _, w in FORM_WEIGHTS])[0]
    town = gmina.name
    sectors = rng.sample(context.sectors, k=rng.randint(1, 3))
    name = _name(rng, form, town)
    has_ids = form not in NO_OWN_IDENTIFIERS
    entity = Entity(
        name=name,
        short_name="",
        legal_form=form,
        krs=krs_for(number) if has_ids else None,
        nip=nip_for(number) if has_ids else None,
        regon=regon_for(number) if has_ids else None,
        street=f"ul. {rng.choice(STREETS)} {rng.randint(1, 120)}",
        postal_code=f"{rng.randint(30, 34)}-{rng.randint(0, 999):03d}",
        town=town,
        gmina=gmina,
        email=f"kontakt{number}@example.org",
        phone=f"+48 12 {rng.randint(100, 999)} {rng.randint(10, 99)} {rng.randint(10, 99)}",
        website=f"https://example.org/podmiot-{number}",
        description=(
            f"{name} działa w gminie {town} od {rng.randint(1995, 2024)} roku. "
            "Zatrudniamy i wspieramy osoby zagrożone wykluczeniem społecznym, współpracujemy z lokalnym "
            "samorządem i przedsiębiorcami."
        ),
        offer=" ".join(OFFERS[s.slug] for s in sectors if s.slug in OFFERS),
        year_founded=rng.randint(1995, 2024),
        state=Entity.State.DRAFT if number % 15 == 0 else Entity.State.PUBLISHED,
        last_verified_on=datetime.date(2026, 1, 1) + datetime.timedelta(days=rng.randint(0, 300)),
    )
    entity.slug = f"{polish_slugify(name)[:100]}-{number}"
    entity.latitude, entity.longitude = demo_point(number, gmina)
    entity.search_text = entity.build_search_text()
    status = None
    if (
        form in (LegalForm.SOCIAL_COOPERATIVE, LegalForm.FOUNDATION, LegalForm.NONPROFIT_COMPANY)
        and rng.random() < 0.3
    ):
        decided = datetime.date(2023, 1, 2) + datetime.timedelta(days=rng.randint(0, 1000))
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
        gminy=list(Gmina.objects.current().order_by("teryt")), sectors=list(Sector.objects.order_by("pk"))
    )
    existing = set(Entity.objects.filter(slug__regex=r"-[0-9]+$").values_list("slug", flat=True))
    created = 0
    for start in range(1, count + 1, batch_size):
        built = [build_entity(n, context) for n in range(start, min(start + batch_size, count + 1))]
        built = [item for item in built if item[0].slug not in existing]
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
            bump_content_generation()  # bulk_create sends no post_save
        created += len(entities)
        if progress is not None:
            progress(min(batch_size, count + 1 - start))
    return created
