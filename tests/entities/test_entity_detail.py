import datetime
import json
import re

import pytest
from django.urls import reverse

from entities.models import Entity, LegalForm
from tests.factories import EntityFactory, PSStatusFactory, gmina, sector

pytestmark = pytest.mark.django_db


def test_it_shows_every_public_field(client):
    entity = EntityFactory(
        name="Spółdzielnia Socjalna „Smaki”",
        short_name="Smaki",
        legal_form=LegalForm.SOCIAL_COOPERATIVE,
        nip="8567346215",
        regon="192598184",
        krs="0000123456",
        street="ul. Długa 5",
        postal_code="32-700",
        town="Bochnia",
        gmina=gmina("120102"),
        email="biuro@smaki.example.org",
        phone="+48 12 345 67 89",
        website="https://smaki.example.org",
        description="Gotujemy obiady.",
        offer="Catering dla firm.",
        year_founded=2015,
        sectors=[sector("gastronomia-i-catering")],
        last_verified_on=datetime.date(2026, 5, 4),
    )
    entity.powiaty_served.set([gmina("126101").powiat])
    html = client.get(entity.get_absolute_url()).content.decode()
    for text in [
        "Spółdzielnia Socjalna „Smaki”",
        "Smaki",
        "Spółdzielnia socjalna",
        "856-734-62-15",
        "192598184",
        "0000123456",
        "ul. Długa 5",
        "32-700 Bochnia",
        "biuro@smaki.example.org",
        "+48 12 345 67 89",
        "https://smaki.example.org",
        "Gotujemy obiady.",
        "Catering dla firm.",
        "2015",
        "gastronomia i catering",
        "miasto Kraków",
        "4 maja 2026",
    ]:
        assert text in html, text


def test_it_shows_the_gmina_as_name_kind_and_powiat(client):
    entity = EntityFactory(gmina=gmina("120102"))
    html = client.get(entity.get_absolute_url()).content.decode()
    assert "Bochnia (gmina wiejska, powiat bocheński)" in html


def test_it_shows_the_ps_status_and_its_dates(client):
    entity = EntityFactory()
    PSStatusFactory(
        entity=entity, decision_number="WP-I.8511.7.2024", decision_date=datetime.date(2024, 3, 1)
    )
    html = client.get(entity.get_absolute_url()).content.decode()
    assert "Status nadany decyzją nr WP-I.8511.7.2024 z dnia 1 marca 2024" in html
    assert "reintegracja społeczna i zawodowa" in html


def test_without_ps_status_it_says_so(client):
    entity = EntityFactory()
    PSStatusFactory(entity=entity, withdrawn_on=datetime.date(2025, 6, 30))
    html = client.get(entity.get_absolute_url()).content.decode()
    assert "nie ma obecnie statusu" in html
    assert "odebrany 30.06.2025" in html


def test_it_carries_schema_org_json_ld(client):
    entity = EntityFactory(name="Fundacja </script><b>", nip="8567346215")
    html = client.get(entity.get_absolute_url()).content.decode()
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    data = json.loads(block)
    assert data["@type"] == "Organization"
    assert data["name"] == "Fundacja </script><b>"
    assert data["taxID"] == "8567346215"
    assert data["url"].endswith(entity.get_absolute_url())
    assert "</script><b>" not in block


def test_the_back_link_returns_to_the_same_filtered_list(client):
    entity = EntityFactory()
    html = client.get(
        entity.get_absolute_url(), {"q": "fund", "powiat": "1261", "page": "2", "x": "1"}
    ).content.decode()
    assert 'href="/podmioty/?q=fund&amp;powiat=1261&amp;page=2"' in html


@pytest.mark.parametrize("state", [Entity.State.DRAFT, Entity.State.PENDING, Entity.State.ARCHIVED])
def test_an_unpublished_entity_answers_404(client, state):
    entity = EntityFactory(state=state)
    response = client.get(reverse("entities:detail", kwargs={"slug": entity.slug}))
    assert response.status_code == 404
    assert "Nie znaleziono strony" in response.content.decode()


def test_an_unknown_slug_answers_404(client):
    assert client.get("/podmioty/nie-ma-takiego/").status_code == 404


def test_units_run_by_an_entity_link_both_ways(client):
    foundation = EntityFactory(name="Fundacja Prowadząca")
    unit = EntityFactory(
        name="Warsztat Terapii Zajęciowej w Bochni",
        legal_form=LegalForm.WTZ,
        running_entity=foundation,
        nip=None,
    )
    assert (
        "Warsztat Terapii Zajęciowej w Bochni" in client.get(foundation.get_absolute_url()).content.decode()
    )
    assert "Fundacja Prowadząca" in client.get(unit.get_absolute_url()).content.decode()


def test_slugs_transliterate_polish_letters_and_stay_unique():
    first = EntityFactory(name="Łąka Żółć Źdźbło")
    second = EntityFactory(name="Łąka Żółć Źdźbło")
    assert first.slug == "laka-zolc-zdzblo"
    assert second.slug == "laka-zolc-zdzblo-2"
