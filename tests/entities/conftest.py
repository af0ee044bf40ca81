"""Personas for the organisations' pages: a visitor, members of organisations A and B, an editor."""

import pytest
from django.core.cache import cache

from tests.factories import EntityFactory, member_of


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    # Rate-limit counters live in the cache; each test starts from zero.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def org_a(db):
    return EntityFactory(name="Spółdzielnia Socjalna Alfa", slug="alfa")


@pytest.fixture
def org_b(db):
    return EntityFactory(name="Fundacja Beta", slug="beta")


@pytest.fixture
def member_a(org_a):
    return member_of(org_a, "anna@alfa.example.org")


@pytest.fixture
def member_b(org_b):
    return member_of(org_b, "bartek@beta.example.org")


@pytest.fixture
def client_a(client, member_a):
    client.force_login(member_a)
    return client


@pytest.fixture
def client_b(client, member_b):
    client.force_login(member_b)
    return client


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


def entity_post(**overrides):
    """What a person types into the entity form (new entity or edit), as the browser posts it."""
    data = {
        "name": "Spółdzielnia Socjalna Zielony Zakątek",
        "short_name": "Zielony Zakątek",
        "legal_form": "spoldzielnia-socjalna",
        "krs": "",
        "nip": "PL 856-734-62-15",
        "regon": "",
        "street": "ul. Polna 3",
        "postal_code": "32 700",
        "town": "Bochnia",
        "gmina": "",
        "latitude": "",
        "longitude": "",
        "email": "biuro@zakatek.example.org",
        "phone": "+48 14 612 34 56",
        "website": "https://zakatek.example.org",
        "description": "Prowadzimy ogrody społeczne.",
        "offer": "Pielęgnacja zieleni.",
        "year_founded": "2019",
        "contact_name": "",
        "contact_email": "",
        "contact_phone": "",
        "fax": "",
        "zdjecia-TOTAL_FORMS": "6",
        "zdjecia-INITIAL_FORMS": "0",
        "zdjecia-MIN_NUM_FORMS": "0",
        "zdjecia-MAX_NUM_FORMS": "6",
    }
    for index in range(6):
        data[f"zdjecia-{index}-alt_text"] = ""
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def entity_post_for(entity, **overrides):
    """The edit form as it comes back unchanged for an existing entity."""
    from entities.models import ENTITY_MEMBER_FIELDS
    from wortal.moderation import snapshot

    live = snapshot(entity, ENTITY_MEMBER_FIELDS)
    data = entity_post(
        **{
            name: ("" if value is None else value)
            for name, value in live.items()
            if not isinstance(value, (list, bool))
        },
    )
    free = 6 - entity.photos.count()
    data.update({"zdjecia-TOTAL_FORMS": str(free), "zdjecia-MAX_NUM_FORMS": str(free)})
    for index in range(6):
        data.pop(f"zdjecia-{index}-alt_text", None)
    for index in range(free):
        data[f"zdjecia-{index}-alt_text"] = ""
    data["sectors"] = live["sectors"]
    data["powiaty_served"] = live["powiaty_served"]
    if live["contact_consent"]:
        data["contact_consent"] = "on"
    data.update(overrides)
    return data
