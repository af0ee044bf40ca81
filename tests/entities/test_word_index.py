"""The registry's searches ranked from its words in memory (entities/word_index.py): the same entities in the
same order as PostgreSQL's search, for every filter and order, and every change to an entity's words seen on
the next request, including a transaction that commits after a later one was already read."""

from urllib.parse import urlencode

import pytest
from django.core.cache import cache
from django.http import QueryDict
from django.urls import reverse

from entities import word_index
from entities.facets import selected_keys
from entities.filters import EntityFilter
from entities.models import Entity, LegalForm
from entities.versions import registry_changed
from tests.factories import EntityFactory, PSStatusFactory, gmina, sector

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]

LIST = reverse("entities:list")
SEARCH = reverse("search:results")


@pytest.fixture(autouse=True, params=["rare words as keys", "every word a bitmap"])
def fresh_index(request, settings, monkeypatch, fresh_indexes):
    """As in production (the page cache on), with no index in this worker yet and none kept in the cache;
    once as stored (a rare word's part as its sorted keys), once with every part a bitmap."""
    if request.param == "every word a bitmap":
        monkeypatch.setattr(word_index, "_stored", lambda bitmap: bitmap)
    settings.ENTITIES_PER_PAGE = 4


@pytest.fixture
def registry():
    places = [gmina("126101"), gmina("120101")]  # Kraków, Bochnia
    sectors = [sector("gastronomia-i-catering"), sector("kultura")]
    rows = [
        ("Fundacja Pszczoła", "Kraków", "Miód i pasieka."),
        ("Pszczelarze Razem", "Bochnia", "Fundacja wspiera pszczelarzy."),
        ("Spółdzielnia Socjalna Pasieka", "Kraków", "Catering i miód z pasieki."),
        ("Ala Catering", "Fundacjowo", "Obiady."),
        ("Łąka Kwiatowa", "Bochnia", "Fundacji pomagamy; catering dla szkół."),
        ("Żywa Pasieka", "Kraków", "Pasieka pokazowa dla dzieci."),
        ("Stowarzyszenie Catering Krakowski", "Kraków", "Catering."),
        ("Śniadania Fundacji", "Bochnia", "Śniadania i catering."),
    ]
    entities = []
    for n, (name, town, description) in enumerate(rows * 2):
        entities.append(
            EntityFactory(
                name=name if n < len(rows) else f"{name} {n}",
                town=town,
                description=description,
                gmina=places[n % 2],
                legal_form=[LegalForm.FOUNDATION, LegalForm.SOCIAL_COOPERATIVE][n % 3 % 2],
                sectors=sectors[: n % 3],
                state=Entity.State.DRAFT if n % 7 == 6 else Entity.State.PUBLISHED,
            )
        )
        if n % 4 == 0:
            PSStatusFactory(entity=entities[-1])
    return entities


def filterset(params: dict) -> EntityFilter:
    return EntityFilter(QueryDict(urlencode(params)), queryset=Entity.objects.published())


QUERIES = [
    "fundacja",
    "fundacji",
    "pasieka",
    "catering krakow",
    "pszczol",
    "cat",
    "miod pasieka",
    "ngo",
    "xyz",
]
FILTERS = [{}, {"powiat": "1261"}, {"forma": "fundacja", "branza": "kultura"}, {"ps": "1"}]
ORDERS = [{}, {"sort": "nazwa"}, {"sort": "zmienione"}]


def test_the_word_index_finds_and_orders_as_postgresql(registry):
    failures = []
    for query in QUERIES:
        for filters in FILTERS:
            for order in ORDERS:
                params = {"q": query, **filters, **order}
                from_index = selected_keys(filterset(params))
                assert from_index is not None, "the word index answers"
                from_sql = list(filterset(params).qs.values_list("pk", flat=True))
                if list(from_index) != from_sql:
                    failures.append(f"{params}: index {list(from_index)} != SQL {from_sql}")
    assert not failures, "\n".join(failures)


def test_relevance_name_above_town_above_description_whole_word_above_prefix(client):
    in_description = EntityFactory(name="Pracownia Ceramiki", town="Bochnia", description="Blisko Wieliczki.")
    in_town = EntityFactory(name="Promyk", town="Wieliczka")
    prefix_in_name = EntityFactory(name="Wieliczkapol Razem", town="Bochnia")
    in_name = EntityFactory(name="Zielona Wieliczka", town="Bochnia")
    found = [card.pk for card in client.get(LIST, {"q": "wieliczka"}).context["page"]]
    assert found == [in_name.pk, prefix_in_name.pk, in_town.pk, in_description.pk]


def names(response) -> list[str]:
    return [card.name for card in response.context["page"]]


def test_every_change_of_an_entitys_words_shows_on_the_next_request(client):
    EntityFactory(name="Fundacja Stała")
    assert names(client.get(LIST, {"q": "miodek"})) == []
    entity = EntityFactory(name="Miodek Spółdzielnia")
    assert names(client.get(LIST, {"q": "miodek", "x": 1})) == ["Miodek Spółdzielnia"]
    entity.name = "Plaster Spółdzielnia"
    entity.save()
    assert names(client.get(LIST, {"q": "miodek", "x": 2})) == []
    assert names(client.get(LIST, {"q": "plaster", "x": 2})) == ["Plaster Spółdzielnia"]
    entity.state = Entity.State.DRAFT
    entity.save()
    assert names(client.get(LIST, {"q": "plaster", "x": 3})) == []
    entity.state = Entity.State.PUBLISHED
    entity.save()
    assert names(client.get(LIST, {"q": "plaster", "x": 4})) == ["Plaster Spółdzielnia"]
    # A bulk write sends no signals; its callers say the registry changed (entities/versions.py), and the
    # trigger logged the rows whatever way they were written.
    Entity.objects.filter(pk=entity.pk).update(search_text=" wosk | krakow | inne")
    registry_changed()
    assert names(client.get(LIST, {"q": "wosk", "x": 5})) == ["Plaster Spółdzielnia"]
    assert names(client.get(LIST, {"q": "plaster", "x": 5})) == []
    entity.delete()
    assert names(client.get(LIST, {"q": "wosk", "x": 6})) == []
    assert names(client.get(LIST, {"q": "stala", "x": 6})) == ["Fundacja Stała"]


def test_a_search_pages_from_the_index_with_a_fixed_number_of_queries(
    client, registry, django_assert_num_queries
):
    client.get(LIST, {"q": "rozgrzewka"})  # builds the indexes, fills the synonyms' and filters' caches
    # a new search: no ranking query, only the page's cards (rows with the PS status, and sectors)
    with django_assert_num_queries(2):
        response = client.get(LIST, {"q": "fundacja"})
    matches = Entity.objects.published().search("fundacja")
    assert response.context["page"].paginator.count == matches.count() == 13
    EntityFactory(name="Fundacja Najnowsza")
    # after a change: the facet index is built again (6), the word index reads the log (2) and forgets what
    # is older than a week (1), and the cards (2)
    with django_assert_num_queries(11):
        response = client.get(LIST, {"q": "fundacja", "page": 1, "x": 1})
    assert response.context["page"].paginator.count == 14
    with django_assert_num_queries(2):
        response = client.get(LIST, {"q": "fundacja", "page": 3})
    assert [card.pk for card in response.context["page"]] == list(matches.values_list("pk", flat=True)[8:12])


def test_the_site_search_ranks_the_registry_from_the_index(client, registry, django_assert_num_queries):
    client.get(SEARCH, {"q": "rozgrzewka"})
    listed = [card.name for card in client.get(LIST, {"q": "pasieka"}).context["page"]]
    with django_assert_num_queries(7):  # the registry's first rows, and one query for each of six other kinds
        response = client.get(SEARCH, {"q": "pasieka"})
    group = next(group for group in response.context["groups"] if group["source"].key == "podmioty")
    assert [item["title"] for item in group["items"]][:4] == listed
    assert group["count"] == Entity.objects.published().search("pasieka").count() == 5


def test_an_identifier_is_looked_up_in_postgresql(client):
    entity = EntityFactory(name="Numerowana", nip="6770002877")
    response = client.get(LIST, {"q": "677-000-28-77"})
    assert names(response) == ["Numerowana"]
    assert response.context["identifier_match"] == entity


def test_while_another_worker_builds_the_index_postgresql_answers(client, registry):
    cache.add(f"{word_index.SHARED_KEY}:building", 1, 60)
    assert selected_keys(filterset({"q": "pasieka"})) is None
    assert names(client.get(LIST, {"q": "pasieka"}))[0] == "Spółdzielnia Socjalna Pasieka"
    cache.delete(f"{word_index.SHARED_KEY}:building")
    assert selected_keys(filterset({"q": "pasieka"})) is not None


def test_many_changes_at_once_build_the_index_anew(client, registry, monkeypatch):
    client.get(LIST, {"q": "pasieka"})
    built = []
    monkeypatch.setattr(word_index, "MAX_CHANGES", 2)
    monkeypatch.setattr(word_index, "build", lambda build=word_index.build: built.append(1) or build())
    Entity.objects.update(search_text=" wszyscy | razem | tu")
    registry_changed()
    assert len(names(client.get(LIST, {"q": "wszyscy"}))) == 4
    assert built == [1]


def test_without_the_setting_postgresql_ranks(settings, registry):
    settings.SEARCH_WORD_INDEX = False
    assert selected_keys(filterset({"q": "pasieka"})) is None
