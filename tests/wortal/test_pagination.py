"""Pages of the registry by a deferred join or a kept order (wortal/pagination.py) and from the facet index
(entities/facets.py): the same entities in the same order as plain OFFSET paging, no gaps or repeats across
pages, and counts kept until the content changes."""

import datetime
from urllib.parse import urlencode

import pytest
from django.core.paginator import Paginator
from django.http import QueryDict
from django.urls import reverse
from django.utils import timezone

from entities.filters import EntityFilter
from entities.models import Entity
from tests.factories import EntityFactory, PostFactory, PSStatusFactory, sector
from tests.pages import walk_list

pytestmark = pytest.mark.django_db

LIST = reverse("entities:list")
PER_PAGE = 4


@pytest.fixture
def registry(settings):
    settings.ENTITIES_PER_PAGE = PER_PAGE
    culture = sector("kultura")
    now = timezone.now()
    # Repeated names and equal change times: the order is decided by the key, as in plain OFFSET paging.
    for n in range(23):
        entity = EntityFactory(name=f"Fundacja {'ABC'[n % 3]}", sectors=[culture] if n % 2 else [])
        Entity.objects.filter(pk=entity.pk).update(updated_at=now - datetime.timedelta(days=n % 4))
        if n % 3 == 0:
            PSStatusFactory(entity=entity)
    EntityFactory(name="Fundacja Szkic", state=Entity.State.DRAFT)


@pytest.mark.parametrize(
    "params",
    [{}, {"sort": "zmienione"}, {"q": "fundacja"}, {"branza": "kultura"}, {"ps": "1", "sort": "zmienione"}],
)
def test_pages_cover_the_list_in_order_without_gaps_or_repeats(client, settings, registry, params):
    settings.PAGE_CACHE = True
    pks, count = walk_list(client, params)
    # the same filters and order, read in one go without paging
    wanted = list(
        EntityFilter(QueryDict(urlencode(params)), queryset=Entity.objects.published()).qs.values_list(
            "pk", flat=True
        )
    )
    assert pks == wanted
    assert count == len(wanted) == len(set(pks))
    assert len(wanted) > PER_PAGE


def test_a_page_shows_what_plain_offset_paging_showed(client, registry):
    plain = Paginator(Entity.objects.published().order_by("name", "pk"), PER_PAGE)
    for number in (1, 3, plain.num_pages):
        shown = client.get(LIST, {"page": number}).context["page"]
        assert [e.pk for e in shown.object_list] == [e.pk for e in plain.page(number).object_list]
        assert shown.number == number


def test_lists_without_a_search_are_paged_from_the_facet_index_until_the_content_changes(
    client, settings, registry, django_assert_num_queries
):
    settings.PAGE_CACHE = True
    client.get(LIST)
    # any page, filter or order: only the page's cards (rows with the PS status, sectors)
    for params in ({"page": 3}, {"branza": "kultura", "ps": "1"}, {"sort": "zmienione", "page": 2}):
        with django_assert_num_queries(2):
            client.get(LIST, params)
    EntityFactory(name="Fundacja Nowa")
    # the index read again (published rows in name order, gminy, sectors, their entities, PS statuses, the
    # order by change), then the cards
    with django_assert_num_queries(8):
        response = client.get(LIST, {"page": 3})
    assert response.context["page"].paginator.count == 24
    with django_assert_num_queries(2):
        client.get(LIST, {"page": 4})


def test_a_search_ranks_once_and_pages_from_the_kept_keys_until_the_content_changes(
    client, settings, registry, django_assert_num_queries
):
    settings.PAGE_CACHE = True
    settings.SEARCH_WORD_INDEX = (
        False  # PostgreSQL ranks (the word index has tests/entities/test_word_index.py)
    )
    client.get(LIST, {"q": "fundacja"})  # ranks every match once: count and order from one query
    # further pages of the same search: only the page's cards (rows with the PS status, sectors)
    with django_assert_num_queries(2):
        second = client.get(LIST, {"q": "fundacja", "page": 2})
    assert second.context["page"].paginator.count == 23
    EntityFactory(name="Fundacja Najnowsza")
    shown = set()
    for number in range(1, 8):
        shown |= {card.name for card in client.get(LIST, {"q": "fundacja", "page": number}).context["page"]}
    assert "Fundacja Najnowsza" in shown


def test_a_kept_ranking_outlives_changes_to_other_content(
    client, settings, registry, django_assert_num_queries
):
    settings.PAGE_CACHE = True
    settings.SEARCH_WORD_INDEX = False
    client.get(LIST, {"q": "fundacja"})
    PostFactory(
        title="Aktualność o fundacjach"
    )  # moves the page cache's generation, not the registry's version
    with django_assert_num_queries(2):  # the page's cards only: no ranking
        client.get(LIST, {"q": "fundacja", "page": 2})


@pytest.mark.parametrize("params", [{}, {"sort": "zmienione"}, {"sort": "nazwa"}])
def test_pages_from_the_facet_index_show_what_offset_paging_shows(client, settings, registry, params):
    settings.PAGE_CACHE = True
    order = ("-updated_at", "pk") if params.get("sort") == "zmienione" else ("name", "pk")
    plain = Paginator(Entity.objects.published().order_by(*order), PER_PAGE)
    for number in (plain.num_pages, 2, plain.num_pages - 1, 3):
        shown = client.get(LIST, {**params, "page": number}).context["page"]
        assert [card.pk for card in shown.object_list] == [e.pk for e in plain.page(number).object_list]
