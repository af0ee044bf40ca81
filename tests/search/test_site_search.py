"""/szukaj/: one search box for the whole portal, grouped by kind, only ever what is published."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from news.models import Page
from search.models import SynonymGroup
from tests.factories import (
    EntityFactory,
    EventFactory,
    FilmFactory,
    InitiativeFactory,
    PostFactory,
    redaktor,
)

pytestmark = pytest.mark.django_db
URL = reverse("search:results")


def titles(response):
    return {
        group["source"].key: [item["title"] for item in group["items"]]
        for group in response.context["groups"]
    }


@pytest.fixture
def content(db):
    future = timezone.now() + datetime.timedelta(days=3)
    return {
        "entity": EntityFactory(name="Spółdzielnia Socjalna „Pszczoła”", offer="Miód i pasieka."),
        "draft_entity": EntityFactory(name="Pasieka Ukryta", state="draft", offer="Miód."),
        "initiative": InitiativeFactory(title="Wspólne pasieki w gminie", summary="Pszczelarze razem."),
        "draft_initiative": InitiativeFactory(title="Pasieka w szkicu", state="draft"),
        "post": PostFactory(title="Jak założyć pasiekę", lead="Poradnik dla spółdzielni."),
        "future_post": PostFactory(title="Pasieka jutro", published_at=future),
        "hidden_post": PostFactory(title="Pasieka wycofana", is_published=False),
        "film": FilmFactory(title="Film o ludziach", transcript="Narrator: nasza pasieka daje pracę."),
        "hidden_film": FilmFactory(title="Pasieka nieopublikowana", is_published=False),
        "event": EventFactory(title="Dzień otwarty pasieki", description="<p>Zapraszamy.</p>"),
        "hidden_event": EventFactory(title="Pasieka – spotkanie odwołane", is_published=False),
    }


def test_it_finds_each_kind_of_published_item_through_inflected_forms(client, content):
    found = titles(client.get(URL, {"q": "pasieka"}))
    assert found["podmioty"] == [content["entity"].name]
    assert found["inicjatywy"] == [content["initiative"].title]
    assert found["aktualnosci"] == [content["post"].title]
    assert found["filmy"] == [content["film"].title]  # found by its transcript
    assert found["wydarzenia"] == [content["event"].title]


def test_it_never_finds_unpublished_items(client, content):
    html = client.get(URL, {"q": "pasieka"}).content.decode()
    for key in [
        "draft_entity",
        "draft_initiative",
        "future_post",
        "hidden_post",
        "hidden_film",
        "hidden_event",
    ]:
        assert str(content[key]) not in html


def test_it_finds_site_pages(client):
    page = Page.objects.get(key=Page.Key.ACCESSIBILITY)
    found = titles(client.get(URL, {"q": "deklaracji dostępności"}))
    assert found["strony"] == [page.title]


def test_groups_show_counts_and_link_to_each_sections_filtered_list(client, content):
    response = client.get(URL, {"q": "pasieka"})
    groups = {group["source"].key: group for group in response.context["groups"]}
    assert groups["podmioty"]["count"] == 1
    assert groups["podmioty"]["all_url"] == "/podmioty/?q=pasieka"
    assert groups["inicjatywy"]["all_url"] == "/inicjatywy/?q=pasieka"
    assert groups["aktualnosci"]["all_url"] == "/szukaj/?q=pasieka&w=aktualnosci"
    assert "Wszystkie wyniki" in response.content.decode()


def test_one_kind_is_listed_alone_with_pagination(client, content):
    PostFactory.create_batch(3, title="Pasieka miejska")
    response = client.get(URL, {"q": "pasieka", "w": "aktualnosci"})
    assert response.context["total"] == 4
    assert len(response.context["items"]) == 4
    assert "<h1>Aktualności: wyniki wyszukiwania</h1>" in response.content.decode()


def test_the_heading_of_all_kinds_starts_with_a_capital(client, content):
    assert "<h1>Wyniki wyszukiwania</h1>" in client.get(URL, {"q": "pasieka"}).content.decode()


def test_an_unknown_kind_is_not_found(client):
    assert client.get(URL, {"q": "pasieka", "w": "nie-ma"}).status_code == 404


def test_an_empty_query_shows_the_form_only(client):
    response = client.get(URL)
    assert response.status_code == 200
    assert response.context["groups"] == []


def test_it_refuses_other_methods(client):
    assert client.post(URL, {"q": "pasieka"}).status_code == 405


def test_abbreviations_work_site_wide(client):
    EntityFactory(name="Centrum Integracji Społecznej w Bochni", legal_form="cis", town="Bochnia")
    PostFactory(title="Nabór do centrum integracji społecznej")
    found = titles(client.get(URL, {"q": "CIS"}))
    assert found["podmioty"] == ["Centrum Integracji Społecznej w Bochni"]
    assert found["aktualnosci"] == ["Nabór do centrum integracji społecznej"]


def test_the_query_count_is_fixed(client, settings, content, django_assert_num_queries):
    settings.PAGE_CACHE = True  # the registry's ranked keys are kept (wortal/pagination.py)
    settings.SEARCH_WORD_INDEX = False  # PostgreSQL ranks them
    client.get(URL, {"q": "rozgrzewka"})  # fills the synonyms' cache
    # The registry's ranked keys and first rows, and one query for each of the six other kinds (its first
    # items with the number of matches as a window); no suggestion is needed with these results.
    with django_assert_num_queries(8):
        client.get(URL, {"q": "pasieka"})
    PostFactory.create_batch(5, title="Pasieka numer")
    # new posts: the small kinds are read again; the registry's ranking follows only the registry's changes
    with django_assert_num_queries(7):
        response = client.get(URL, {"q": "pasieka", "x": "1"})
    posts = next(group for group in response.context["groups"] if group["source"].key == "aktualnosci")
    assert posts["count"] == 6 and len(posts["items"]) == 5  # counted beyond the five shown
    EntityFactory(name="Pasieka Nowa")
    with django_assert_num_queries(8):
        client.get(URL, {"q": "pasieka", "x": "3"})
    # another address of the same search does not rank the registry again (its rows only)
    with django_assert_num_queries(7):
        client.get(URL, {"q": "pasieka", "x": "2"})


def test_the_registrys_full_results_reuse_the_site_searchs_ranking(
    client, settings, content, django_assert_num_queries
):
    settings.PAGE_CACHE = True
    settings.SEARCH_WORD_INDEX = False
    client.get(reverse("entities:list"), {"q": "rozgrzewka"})  # fills the synonyms' and filters' caches
    client.get(URL, {"q": "pasieka"})
    # "wszystkie wyniki" of the registry: the ranking is kept, only the page's cards are read
    with django_assert_num_queries(2):
        response = client.get(reverse("entities:list"), {"q": "pasieka"})
    assert [card.name for card in response.context["page"]] == [content["entity"].name]


def test_every_page_has_the_header_search_field(client, content):
    for url in [reverse("home"), reverse("entities:list"), content["post"].get_absolute_url(), URL]:
        html = client.get(url).content.decode()
        assert 'role="search" method="get" action="/szukaj/"' in html
        assert 'id="header-search-q" name="q"' in html


def test_an_editors_new_synonym_works_at_once(client):
    EntityFactory(name="Pracownia Ceramiki „Glina”", offer="Garncarstwo i ceramika użytkowa.")
    assert titles(client.get(URL, {"q": "gliniarstwo"}))["podmioty"] == []
    editor = redaktor()
    client.force_login(editor)
    response = client.post(
        reverse("admin:search_synonymgroup_add"), {"phrases": "gliniarstwo, garncarstwo", "is_active": "on"}
    )
    assert response.status_code == 302
    client.logout()
    assert SynonymGroup.objects.filter(phrases="gliniarstwo, garncarstwo").exists()
    assert titles(client.get(URL, {"q": "gliniarstwo"}))["podmioty"] == ["Pracownia Ceramiki „Glina”"]


@pytest.mark.postgres
def test_the_smaller_kinds_are_searched_through_trigram_indexes():
    from django.db import connection

    tables = [
        "news_post",
        "news_film",
        "news_event",
        "news_page",
        "initiatives_initiative",
        "knowledge_publication",
    ]
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexname FROM pg_indexes WHERE indexname LIKE %s", ["%_search_trgm_idx"])
        found = {row[0] for row in cursor.fetchall()}
    assert found >= {f"{table}_search_trgm_idx" for table in tables}
