"""The API's entity list paged from the registry's indexes (api/entity_pages.py): the same JSON, byte for byte,
as DRF's serializer gives for every filter, search and page; the serializer's path wherever the indexes do
not answer; and a change to the registry seen on the next request."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from api import views
from api.entity_pages import entity_representations
from entities.models import Entity, LegalForm
from tests.factories import EntityFactory, PSStatusFactory, gmina, sector

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]

LIST = "/api/v1/podmioty/"


@pytest.fixture(autouse=True)
def indexes(fresh_indexes):
    """As in production: the facet and word indexes answer the lists."""


@pytest.fixture
def registry():
    """Entities with every shape a field can take: no location, no founding year, a running entity that is
    published or a draft, several sectors and powiaty served, a PS status in force, lapsed or to come."""
    places = [gmina("126101"), gmina("120101"), gmina("121601")]  # Kraków, Bochnia, Nowy Targ
    sectors = [sector("kultura"), sector("transport"), sector("gastronomia-i-catering")]
    served = [places[0].powiat, places[1].powiat, places[2].powiat]
    forms = [LegalForm.FOUNDATION, LegalForm.ASSOCIATION, LegalForm.SOCIAL_COOPERATIVE, LegalForm.CIS]
    runner = EntityFactory(name="Fundacja Prowadząca", gmina=places[0])
    draft_runner = EntityFactory(name="Fundacja Szkic", state=Entity.State.DRAFT, gmina=places[1])
    for n in range(24):
        entity = EntityFactory(
            name=["Łąka", "Ćma", "Zorza", "Fundacja Śnieg", "Ala", "Żuraw"][n % 6] + f" {n % 5}",
            gmina=places[n % 3],
            legal_form=forms[n % 4],
            sectors=sectors[: n % 4],
            state=Entity.State.PUBLISHED if n % 7 else Entity.State.DRAFT,
            year_founded=[None, 1999, 2010][n % 3],
            latitude=Decimal("50.061234") if n % 2 else None,
            longitude=Decimal("19.937001") if n % 2 else None,
            running_entity=[None, runner, draft_runner][n % 3] if forms[n % 4] == LegalForm.CIS else None,
            description="Opis <b>z</b> „cudzysłowem” i \\ ukośnikiem." if n % 5 == 0 else "",
        )
        entity.powiaty_served.set(served[: n % 3 + 1])
        if n % 4 == 0:
            PSStatusFactory(entity=entity)
        if n % 4 == 1:
            PSStatusFactory(
                entity=entity, valid_from=datetime.date(2023, 1, 1), withdrawn_on=datetime.date(2024, 1, 1)
            )
        if n % 4 == 2:
            PSStatusFactory(entity=entity, valid_from=timezone.localdate() + datetime.timedelta(days=30))


@pytest.fixture
def pages_built(monkeypatch):
    """How many pages ``entity_representations`` built: the proof that the indexes answered."""
    built = []

    def counted(keys):
        built.append(keys)
        return entity_representations(keys)

    monkeypatch.setattr(views, "entity_representations", counted)
    return built


def both_paths(client, settings, query: str):
    """The answer from the indexes, then from the serializer (the page cache off: no index)."""
    settings.PAGE_CACHE = True
    indexed = client.get(LIST + query)
    settings.PAGE_CACHE = False
    serialized = client.get(LIST + query)
    settings.PAGE_CACHE = True
    return indexed, serialized


@pytest.mark.parametrize(
    "query",
    [
        "",
        "?page_size=200",
        "?page=2&page_size=4",
        "?page=3&page_size=7",
        "?ordering=name",
        "?powiat=1261",
        "?gmina=120101&forma=cis",
        "?branza=kultura&ps=1",
        "?ps=1&page_size=2&page=2",
        "?q=fundacja",
        "?q=fundacji+krakow",
        "?q=zorza&powiat=1216",
        "?q=nic-takiego",
    ],
)
def test_the_indexes_give_the_serializers_json_byte_for_byte(client, settings, registry, pages_built, query):
    indexed, serialized = both_paths(client, settings, query)
    assert len(pages_built) == 1
    assert indexed.status_code == serialized.status_code == 200
    assert indexed.content == serialized.content
    assert indexed.json()["count"] == serialized.json()["count"]


def test_every_field_of_every_shape_is_compared(client, settings, registry):
    indexed, _ = both_paths(client, settings, "?page_size=200")
    entities = indexed.json()["results"]
    assert len(entities) == Entity.objects.published().count()
    # The fixture's shapes are all there, so the byte-for-byte comparison above covered them.
    assert {e["running_entity"] for e in entities} == {None, "fundacja-prowadzaca"}
    assert {e["ps_status"] for e in entities} == {True, False}
    assert {e["latitude"] for e in entities} == {None, 50.061234}
    assert {e["year_founded"] for e in entities} == {None, 1999, 2010}
    assert {len(e["sectors"]) for e in entities} == {0, 1, 2, 3}
    assert {len(e["powiaty_served"]) for e in entities} == {0, 1, 2, 3}
    assert any(e["created_at"].endswith(("+01:00", "+02:00")) for e in entities)


def test_a_page_from_the_indexes_costs_four_queries(client, registry, django_assert_num_queries):
    client.get(LIST)  # builds the facet index once, as the first request after a change does
    with django_assert_num_queries(4):  # rows, PS statuses, sectors, powiaty served
        response = client.get(LIST + "?page=2&page_size=5")
    assert response.status_code == 200 and len(response.json()["results"]) == 5


@pytest.mark.parametrize(
    "query",
    [
        "?ordering=-updated_at",
        "?ordering=year_founded,name",
        "?modified_after=2020-01-01T00:00:00Z",
        "?q=1234567890",  # an identifier: PostgreSQL looks it up
    ],
)
def test_what_the_indexes_do_not_hold_is_answered_by_the_serializer(
    client, settings, registry, pages_built, query
):
    indexed, serialized = both_paths(client, settings, query)
    assert pages_built == []
    assert indexed.status_code == serialized.status_code == 200
    assert indexed.content == serialized.content


@pytest.mark.parametrize(
    "query", ["?powiat=9999", "?forma=nie-ma-takiej", "?branza=nie-ma-takiej", "?page=abc", "?page=999"]
)
def test_bad_parameters_get_the_same_clear_errors(client, settings, registry, query):
    indexed, serialized = both_paths(client, settings, query)
    assert indexed.status_code == serialized.status_code
    assert indexed.status_code in (400, 404)
    assert indexed.content == serialized.content


def test_a_change_to_the_registry_shows_on_the_next_request(client, registry):
    first = client.get(LIST + "?page_size=200").json()["results"][0]
    entity = Entity.objects.get(slug=first["slug"])
    entity.name = "Żżż, na końcu alfabetu"
    entity.save()
    names = [e["name"] for e in client.get(LIST + "?page_size=200").json()["results"]]
    assert names[-1] == "Żżż, na końcu alfabetu" and first["name"] not in names
    entity.state = Entity.State.ARCHIVED
    entity.save()
    slugs = [e["slug"] for e in client.get(LIST + "?page_size=200").json()["results"]]
    assert entity.slug not in slugs
