import datetime

import pytest
from django.urls import reverse

from entities.models import Powiat
from tests.factories import EntityFactory, InitiativeFactory, InitiativePhotoFactory

pytestmark = pytest.mark.django_db
URL = reverse("initiatives:list")


def titles(response):
    return [initiative.title for initiative in response.context["page"].object_list]


def powiat(teryt):
    return Powiat.objects.get(teryt=teryt)


def test_it_lists_published_initiatives_only(client):
    InitiativeFactory(title="Kawiarnia społeczna")
    for state in ["draft", "pending", "archived"]:
        InitiativeFactory(title=f"Stan {state}", state=state)
    response = client.get(URL)
    assert response.status_code == 200
    assert titles(response) == ["Kawiarnia społeczna"]
    assert "Liczba inicjatyw: 1" in response.content.decode()


def test_it_filters_by_theme(client):
    InitiativeFactory(title="Ogrody", theme="ekologia")
    InitiativeFactory(title="Praca", theme="zatrudnienie")
    assert titles(client.get(URL, {"temat": "ekologia"})) == ["Ogrody"]


def test_it_filters_by_powiat_without_duplicates(client):
    krakow, tarnow = powiat("1261"), powiat("1263")
    InitiativeFactory(title="W Krakowie i Tarnowie", powiaty=[krakow, tarnow])
    InitiativeFactory(title="Tylko w Tarnowie", powiaty=[tarnow])
    assert titles(client.get(URL, {"powiat": "1261"})) == ["W Krakowie i Tarnowie"]
    assert sorted(titles(client.get(URL, {"powiat": "1263"}))) == [
        "Tylko w Tarnowie",
        "W Krakowie i Tarnowie",
    ]


def test_it_filters_by_the_years_an_initiative_runs(client):
    InitiativeFactory(
        title="2022–2023", start_date=datetime.date(2022, 5, 1), end_date=datetime.date(2023, 6, 30)
    )
    InitiativeFactory(title="Od 2024, trwa", start_date=datetime.date(2024, 1, 1), end_date=None)
    assert titles(client.get(URL, {"rok": "2023"})) == ["2022–2023"]
    assert titles(client.get(URL, {"rok": "2025"})) == ["Od 2024, trwa"]


def test_it_filters_by_organising_entity(client):
    cooperative = EntityFactory(name="Spółdzielnia Socjalna Smaki")
    InitiativeFactory(title="Catering", organisers=[cooperative, EntityFactory()])
    InitiativeFactory(title="Inna")
    html = client.get(URL).content.decode()
    assert f'<option value="{cooperative.slug}">Spółdzielnia Socjalna Smaki</option>' in html
    assert titles(client.get(URL, {"organizator": cooperative.slug})) == ["Catering"]


def test_search_ignores_case_and_diacritics(client):
    InitiativeFactory(
        title="Spółdzielcza kawiarnia w Łącku", summary="Zatrudnienie osób z niepełnosprawnością."
    )
    InitiativeFactory(title="Ogrody", summary="Kompost i warzywa.")
    assert titles(client.get(URL, {"q": "SPOLDZIEL lack"})) == ["Spółdzielcza kawiarnia w Łącku"]
    assert titles(client.get(URL, {"q": "niepełnospr"})) == ["Spółdzielcza kawiarnia w Łącku"]


@pytest.mark.parametrize(
    "params",
    [
        {"rok": "dwa tysiące"},
        {"temat": "nie-ma"},
        {"powiat": "9999"},
        {"organizator": "x" * 300},
        {"q": "ą" * 5000},
        {"page": "ostatnia"},
    ],
)
def test_bad_input_never_breaks_the_list(client, params):
    InitiativeFactory(title="Jedyna")
    response = client.get(URL, params)
    assert response.status_code == 200


def test_it_shows_an_empty_state(client):
    assert "Nie znaleźliśmy inicjatyw spełniających te warunki." in client.get(URL).content.decode()


def test_the_query_count_does_not_grow_with_the_page_size(client, django_assert_num_queries):
    def add():
        initiative = InitiativeFactory(organisers=[EntityFactory()], powiaty=[powiat("1261")])
        InitiativePhotoFactory(initiative=initiative)

    add()
    client.get(URL, {"q": "inicjatywa"})  # renditions are made on the first view; synonyms are cached
    # powiaty and organisers (filter choices), count, page, organisers, powiaty, photos of the page
    with django_assert_num_queries(7):
        client.get(URL, {"powiat": "1261", "q": "inicjatywa"})
    for _ in range(11):
        add()
    client.get(URL)
    with django_assert_num_queries(7):
        response = client.get(URL, {"powiat": "1261", "q": "inicjatywa"})
    assert len(titles(response)) == 12
    assert " 960w" in response.content.decode()


def test_it_refuses_post(client):
    assert client.post(URL).status_code == 405
