import datetime
import re

import pytest
from django.urls import reverse

from entities.models import Entity, LegalForm
from tests.factories import EntityFactory, PSStatusFactory, gmina, sector

pytestmark = pytest.mark.django_db
URL = reverse("entities:list")


def names(response):
    return [entity.name for entity in response.context["page"].object_list]


def test_it_lists_only_published_entities(client):
    EntityFactory(name="Fundacja Widoczna")
    EntityFactory(name="Fundacja Szkic", state=Entity.State.DRAFT)
    EntityFactory(name="Fundacja Czeka", state=Entity.State.PENDING)
    EntityFactory(name="Fundacja Archiwum", state=Entity.State.ARCHIVED)
    response = client.get(URL)
    assert response.status_code == 200
    assert names(response) == ["Fundacja Widoczna"]
    assert (
        "Znaleziono 1 podmiot\n" in response.content.decode()
        or "Znaleziono 1 podmiot " in response.content.decode()
    )


def test_it_shows_an_empty_state(client):
    response = client.get(URL, {"q": "nieistniejacehaslo"})
    assert response.status_code == 200
    assert "Nie znaleźliśmy podmiotów" in response.content.decode()


def test_it_filters_by_powiat(client):
    EntityFactory(name="W Krakowie", gmina=gmina("126101"))
    EntityFactory(name="W Bochni", gmina=gmina("120101"))
    EntityFactory(name="W gminie Bochnia", gmina=gmina("120102"))
    assert sorted(names(client.get(URL, {"powiat": "1201"}))) == ["W Bochni", "W gminie Bochnia"]


def test_it_filters_by_gmina_and_keeps_same_named_gminy_apart(client):
    EntityFactory(name="W Bochni", gmina=gmina("120101"))
    EntityFactory(name="W gminie Bochnia", gmina=gmina("120102"))
    assert names(client.get(URL, {"gmina": "120102"})) == ["W gminie Bochnia"]


def test_it_filters_by_legal_form(client):
    EntityFactory(name="Spółdzielnia", legal_form=LegalForm.SOCIAL_COOPERATIVE)
    EntityFactory(name="Fundacja", legal_form=LegalForm.FOUNDATION)
    assert names(client.get(URL, {"forma": "spoldzielnia-socjalna"})) == ["Spółdzielnia"]


def test_it_filters_by_sector(client):
    EntityFactory(name="Catering", sectors=[sector("gastronomia-i-catering"), sector("kultura")])
    EntityFactory(name="Remonty", sectors=[sector("budownictwo-i-remonty")])
    assert names(client.get(URL, {"branza": "gastronomia-i-catering"})) == ["Catering"]


def test_it_filters_by_ps_status_in_force_today(client):
    PSStatusFactory(entity=EntityFactory(name="Z PS"))
    PSStatusFactory(entity=EntityFactory(name="PS odebrany"), withdrawn_on=datetime.date(2025, 1, 1))
    PSStatusFactory(entity=EntityFactory(name="PS od przyszłego roku"), valid_from=datetime.date(2099, 1, 1))
    EntityFactory(name="Bez PS")
    response = client.get(URL, {"ps": "1"})
    assert names(response) == ["Z PS"]
    assert '<p class="badge">Przedsiębiorstwo społeczne</p>' in response.content.decode()
    assert len(names(client.get(URL))) == 4


def test_filters_combine(client):
    cooperative = LegalForm.SOCIAL_COOPERATIVE
    catering = sector("gastronomia-i-catering")
    match = EntityFactory(
        name="Spółdzielnia Smaki", legal_form=cooperative, gmina=gmina("120101"), sectors=[catering]
    )
    PSStatusFactory(entity=match)
    EntityFactory(
        name="Spółdzielnia bez PS", legal_form=cooperative, gmina=gmina("120101"), sectors=[catering]
    )
    EntityFactory(
        name="Spółdzielnia Smaki Kraków", legal_form=cooperative, gmina=gmina("126101"), sectors=[catering]
    )
    EntityFactory(
        name="Fundacja Smaki", legal_form=LegalForm.FOUNDATION, gmina=gmina("120101"), sectors=[catering]
    )
    params = {"q": "smaki", "powiat": "1201", "forma": cooperative, "branza": catering.slug, "ps": "1"}
    assert names(client.get(URL, params)) == ["Spółdzielnia Smaki"]


def test_it_sorts_by_name_or_by_recent_update(client):
    older = EntityFactory(name="Alfa")
    EntityFactory(name="Beta")
    Entity.objects.filter(pk=older.pk).update(updated_at=datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC))
    assert names(client.get(URL)) == ["Alfa", "Beta"]
    assert names(client.get(URL, {"sort": "zmienione"})) == ["Beta", "Alfa"]


def test_it_paginates_twenty_a_page_and_keeps_the_filters_in_page_links(client):
    EntityFactory.create_batch(45, legal_form=LegalForm.FOUNDATION)
    EntityFactory.create_batch(3, legal_form=LegalForm.KGW)
    response = client.get(URL, {"forma": "fundacja", "page": 2})
    assert len(names(response)) == 20
    assert response.context["page"].paginator.count == 45
    html = response.content.decode()
    assert "?forma=fundacja&amp;page=3" in html
    assert "?forma=fundacja&amp;page=1" in html


def test_profile_links_carry_the_list_filters(client):
    entity = EntityFactory(name="Fundacja Szukana")
    response = client.get(URL, {"q": "szukana", "page": "1"})
    assert f'{entity.get_absolute_url()}?q=szukana&amp;page=1"' in response.content.decode()


@pytest.mark.parametrize(
    "params",
    [
        {"page": "abc"},
        {"page": "99999"},
        {"page": "-1"},
        {"powiat": "9999"},
        {"gmina": "nieznana"},
        {"forma": "spolka-akcyjna"},
        {"branza": "<script>"},
        {"ps": "tak"},
        {"sort": "hasło"},
        {"q": "a" * 5000},
        {"q": "' OR 1=1 --"},
        {"q": "krak:* & !"},
    ],
)
def test_bad_input_answers_a_normal_page(client, params):
    EntityFactory.create_batch(3)
    response = client.get(URL, params)
    assert response.status_code == 200


def test_an_unknown_filter_value_is_ignored_and_explained(client):
    EntityFactory.create_batch(2)
    response = client.get(URL, {"forma": "spolka-akcyjna"})
    assert len(names(response)) == 2
    assert "Wybierz poprawną wartość" in response.content.decode()


def test_a_page_past_the_end_shows_the_last_page(client):
    EntityFactory.create_batch(25)
    response = client.get(URL, {"page": "99999"})
    assert response.context["page"].number == 2


def test_the_list_works_without_javascript_as_a_get_form(client):
    html = client.get(URL).content.decode()
    assert '<form method="get" action="/podmioty/"' in html
    # The scripts only narrow the gmina list (grouped by powiat without it) and copy the embed snippet.
    assert re.findall(r"<script[^>]*>", html) == [
        '<script src="/static/js/gmina-by-powiat.js" defer>',
        '<script src="/static/js/copy-snippet.js" defer>',
    ]
    assert "<optgroup" in html


def _query_count_for(client, django_assert_num_queries, params, expected):
    with django_assert_num_queries(expected):
        response = client.get(URL, params)
    assert response.status_code == 200
    return response


# count, the page's keys and then its cards (a deferred join, wortal/pagination.py): rows with their PS status,
# and sectors (entities/cards.py); filter choices come from the cache
QUERIES = 4


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"q": "fundacja testowa"},
        {
            "powiat": "1261",
            "gmina": "126101",
            "forma": "fundacja",
            "branza": "kultura",
            "ps": "1",
            "sort": "zmienione",
        },
    ],
)
def test_the_query_count_does_not_grow_with_filters_or_page_size(client, django_assert_num_queries, params):
    client.get(URL, {"q": "rozgrzewka"})  # fills the caches of filter choices and synonyms
    culture = sector("kultura")
    for entity in EntityFactory.create_batch(5, sectors=[culture]):
        PSStatusFactory(entity=entity)
    _query_count_for(client, django_assert_num_queries, params, QUERIES)
    for entity in EntityFactory.create_batch(30, sectors=[culture, sector("transport")]):
        PSStatusFactory(entity=entity)
    response = _query_count_for(client, django_assert_num_queries, params, QUERIES)
    assert len(names(response)) == 20


def test_filter_choices_follow_changes_to_sectors(client):
    client.get(URL)
    Sector = sector("kultura").__class__
    Sector.objects.create(name="Nowa branża testowa", slug="nowa-branza-testowa", position=99)
    assert "Nowa branża testowa" in client.get(URL).content.decode()


def test_the_result_count_uses_polish_plural_forms(client):
    EntityFactory.create_batch(3)
    assert "Znaleziono 3 podmioty" in " ".join(client.get(URL).content.decode().split())


def test_a_link_leads_past_the_filters_to_the_results(client):
    EntityFactory.create_batch(2)
    html = client.get(URL).content.decode()
    assert '<a href="#wyniki">Przejdź do wyników (2)</a>' in html
    assert 'id="wyniki"' in html


def test_a_card_shows_the_logo_sectors_in_order_and_the_powiat(client):
    from tests.factories import image_upload

    entity = EntityFactory(
        name="Spółdzielnia Z Logo",
        logo=image_upload("logo.png", size=(300, 200)),
        sectors=[sector("transport"), sector("kultura")],
    )
    page = client.get(URL).content.decode()
    card = page.split("Spółdzielnia Z Logo")[0].rsplit('<article class="card card--entity">', 1)[1]
    assert 'class="entity-logo"' in card and "srcset=" in card and 'alt=""' in card
    body = page.split("Spółdzielnia Z Logo", 1)[1].split("</article>", 1)[0]
    positions = [body.index(f'<span class="tag">{s.name}</span>') for s in entity.sectors.all()]
    assert positions == sorted(positions)
    assert str(entity.gmina.powiat) in body
