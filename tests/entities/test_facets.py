"""The registry's filters answered from memory (entities/facets.py): the same entities in the same order as
the SQL filters, for every filter and order, and a fresh index after every change that moves an entity in or
out of a filter."""

import datetime
import random
from itertools import product
from urllib.parse import urlencode

import pytest
from django.http import QueryDict
from django.urls import reverse

from entities.bitmaps import set_bits
from entities.facets import facet_index
from entities.filters import EntityFilter
from entities.models import Entity, LegalForm, PSStatus
from entities.statistics import StatisticsFilter, count_breakdowns
from entities.versions import registry_version
from tests.factories import EntityFactory, PostFactory, PSStatusFactory, gmina, sector
from tests.pages import walk_list

pytestmark = pytest.mark.django_db

LIST = reverse("entities:list")


@pytest.fixture
def registry(settings):
    settings.PAGE_CACHE = True
    settings.ENTITIES_PER_PAGE = 3
    places = [gmina("126101"), gmina("120101"), gmina("121601")]  # Kraków, Bochnia, Nowy Targ
    forms = [LegalForm.FOUNDATION, LegalForm.ASSOCIATION, LegalForm.SOCIAL_COOPERATIVE]
    sectors = [sector("kultura"), sector("transport"), sector("gastronomia-i-catering")]
    for n in range(30):
        entity = EntityFactory(
            name=["Łąka", "Ćma", "Zorza", "Śnieg", "Ala", "Żuraw"][n % 6] + f" {n % 4}",
            gmina=places[n % 3],
            legal_form=forms[n % 4 % 3],
            sectors=sectors[: n % 4],
            state=Entity.State.PUBLISHED if n % 7 else Entity.State.DRAFT,
            year_founded=[None, 1999, 2010, 2010][n % 4],
        )
        if n % 5 == 0:
            PSStatusFactory(entity=entity)
        if n % 10 == 5:
            PSStatusFactory(
                entity=entity, valid_from=datetime.date(2023, 1, 1), withdrawn_on=datetime.date(2024, 1, 1)
            )


def sql_keys(params: dict) -> list[int]:
    """The list as the SQL filters give it (the path used for searches and without the page cache)."""
    filterset = EntityFilter(QueryDict(urlencode(params)), queryset=Entity.objects.published())
    return list(filterset.qs.values_list("pk", flat=True))


COMBINATIONS = [
    dict(
        item
        for item in zip(("powiat", "gmina", "forma", "branza", "ps", "sort"), values, strict=True)
        if item[1]
    )
    for values in product(
        ["", "1261", "1216"],
        ["", "120101"],
        ["", "fundacja", "spoldzielnia-socjalna"],
        ["", "kultura", "transport"],
        ["", "1"],
        ["", "zmienione"],
    )
]


@pytest.mark.parametrize("params", [*random.Random(9).sample(COMBINATIONS, 40), {}, {"sort": "zmienione"}])
def test_every_filter_and_order_gives_what_the_sql_filters_give(client, registry, params):
    keys, count = walk_list(client, params)
    assert keys == sql_keys(params)
    assert count == len(keys)


@pytest.mark.parametrize(
    "params",
    [
        {"powiat": "9999"},
        {"gmina": "nie-gmina"},
        {"forma": "spolka-z-o-o-x"},
        {"branza": "brak"},
        {"sort": "x"},
    ],
)
def test_an_invalid_value_is_ignored_as_by_the_sql_filters(client, registry, params):
    keys, _ = walk_list(client, {**params, "forma": "fundacja"})
    assert keys == sql_keys({**params, "forma": "fundacja"}) == sql_keys({"forma": "fundacja"})


def test_a_search_is_still_ranked_by_postgresql(client, registry):
    response = client.get(LIST, {"q": "Łąka", "forma": "fundacja"})
    assert [card.pk for card in response.context["page"].object_list] == sql_keys(
        {"q": "Łąka", "forma": "fundacja"}
    )[:3]


def test_the_index_follows_every_change_that_moves_an_entity_in_or_out_of_a_filter(client, registry):
    culture = {"branza": "kultura"}
    assert walk_list(client, culture)[0] == sql_keys(culture)
    newcomer = EntityFactory(name="Aaa Nowa", sectors=[sector("kultura")])
    assert walk_list(client, culture)[0][0] == newcomer.pk
    newcomer.sectors.remove(sector("kultura"))  # a many-to-many change alone
    assert newcomer.pk not in walk_list(client, culture)[0]
    newcomer.gmina = gmina("121601")
    newcomer.save()
    assert newcomer.pk in walk_list(client, {"powiat": "1216"})[0]
    PSStatusFactory(entity=newcomer)
    assert newcomer.pk in walk_list(client, {"ps": "1"})[0]
    PSStatus.objects.filter(entity=newcomer).update(withdrawn_on=datetime.date(2024, 6, 1))
    newcomer.save()  # a bulk update moves no generation; the admin's save does
    assert newcomer.pk not in walk_list(client, {"ps": "1"})[0]
    Entity.objects.filter(pk=newcomer.pk).update(state=Entity.State.ARCHIVED)
    newcomer.refresh_from_db()
    newcomer.save()
    keys, _ = walk_list(client, {})
    assert newcomer.pk not in keys
    assert keys == sql_keys({})


def test_a_renamed_sector_is_found_under_its_new_address(client, registry):
    before, _ = walk_list(client, {"branza": "transport"})
    transport = sector("transport")
    transport.slug = "transport-i-logistyka"
    transport.save()
    after, _ = walk_list(client, {"branza": "transport-i-logistyka"})
    assert after == before == sql_keys({"branza": "transport-i-logistyka"})
    assert before


def test_other_content_leaves_the_index_alone(client, registry, django_assert_num_queries):
    client.get(LIST)
    PostFactory(title="Aktualność bez związku z bazą")
    with django_assert_num_queries(2):  # the page's cards only: the index stays
        client.get(LIST, {"page": 2})


def test_a_ps_status_comes_into_force_on_its_day(client, registry, monkeypatch):
    today = datetime.date(2026, 6, 1)
    monkeypatch.setattr("django.utils.timezone.localdate", lambda *args: today)
    starting = EntityFactory(name="Aaa Od Jutra")
    PSStatusFactory(entity=starting, valid_from=today + datetime.timedelta(days=1))
    assert starting.pk not in walk_list(client, {"ps": "1"})[0]
    today += datetime.timedelta(days=1)  # no content change, only the date
    # (another address: the page cache keeps a page for a minute, whatever the date)
    assert starting.pk in walk_list(client, {"ps": "1", "sort": "nazwa"})[0]


@pytest.mark.parametrize(
    "params",
    [{}, {"powiat": "1261"}, {"forma": "fundacja", "ps": "1"}, {"branza": "kultura", "powiat": "1216"}],
)
def test_the_statistics_from_the_index_are_the_sql_counts(registry, settings, params):
    def breakdowns():
        query = QueryDict(urlencode(params))
        return count_breakdowns(StatisticsFilter(query, queryset=Entity.objects.published()))

    from_index = breakdowns()
    settings.PAGE_CACHE = False
    assert breakdowns() == from_index
    assert from_index["total"] and from_index["years"] and from_index["sectors"]


def test_the_registry_version_moves_again_when_a_change_commits(django_capture_on_commit_callbacks):
    # A request that read the token between the save and the commit built its index from the old rows.
    with django_capture_on_commit_callbacks(execute=True):
        EntityFactory()
        during = registry_version()
    assert registry_version() != during


def test_without_the_page_cache_there_is_no_index(settings):
    settings.PAGE_CACHE = False
    assert facet_index() is None


@pytest.mark.parametrize("seed", range(5))
def test_set_bits_are_the_bits_in_rank_order(seed):
    rng = random.Random(seed)
    positions = sorted(rng.sample(range(3000), rng.randint(0, 400)))
    bitmap = sum(1 << p for p in positions)
    for start, stop in [(0, 20), (17, 40), (0, 10_000), (len(positions) - 3, len(positions) + 5), (390, 410)]:
        assert set_bits(bitmap, max(start, 0), stop) == positions[max(start, 0) : stop]
