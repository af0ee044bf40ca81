import csv
import io

import pytest
from django.db.models import Count

from entities.models import Entity, LegalForm
from tests.factories import EntityFactory, PSStatusFactory, gmina, sector

pytestmark = pytest.mark.django_db


def table(response, heading_id):
    """The numbers of one table on the page, as {label: number}, read from the rendered HTML."""
    html = response.content.decode()
    section = html[html.index(f'aria-labelledby="chart-{heading_id}-heading"') :]
    body = section[section.index("<tbody>") : section.index("</tbody>")]
    rows = {}
    for row in body.split("<tr>")[1:]:
        label = row.split('<th scope="row">')[1].split("</th>")[0]
        label = label.split(">")[1].split("<")[0] if label.startswith("<a") else label
        rows[label] = int(
            row.split('<td class="num">')[1].split("</td>")[0].replace("\xa0", "").replace(" ", "")
        )
    return rows


def csv_rows(response):
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


@pytest.fixture
def registry():
    bochnia = [gmina("120101"), gmina("120102")]
    catering = sector("gastronomia-i-catering")
    cooperative = EntityFactory(legal_form=LegalForm.SOCIAL_COOPERATIVE, gmina=bochnia[0], sectors=[catering])
    PSStatusFactory(entity=cooperative)
    EntityFactory(legal_form=LegalForm.FOUNDATION, gmina=bochnia[1], year_founded=2010)
    EntityFactory(legal_form=LegalForm.FOUNDATION, year_founded=2010, sectors=[catering, sector("kultura")])
    EntityFactory(legal_form=LegalForm.ASSOCIATION, year_founded=2021)
    EntityFactory(legal_form=LegalForm.ASSOCIATION, state=Entity.State.DRAFT, gmina=bochnia[0])
    EntityFactory(legal_form=LegalForm.FOUNDATION, state=Entity.State.ARCHIVED)


def test_statistics_equal_counts_from_the_database(client, registry):
    response = client.get("/statystyki/")
    assert response.status_code == 200
    published = Entity.objects.published()
    by_form = dict(published.values_list("legal_form").annotate(n=Count("pk")).order_by())
    forms = table(response, "formy")
    assert {str(label): forms[str(label)] for value, label in LegalForm.choices if value in by_form} == {
        str(LegalForm(value).label): count for value, count in by_form.items()
    }
    by_powiat = table(response, "terytorium")
    assert by_powiat["powiat bocheński"] == 2
    assert by_powiat["miasto Kraków"] == 2
    assert sum(by_powiat.values()) == published.count() == 4
    assert table(response, "status-ps") == {"ze statusem PS": 1, "bez statusu PS": 3}
    assert table(response, "rok-zalozenia") == {"2010": 2, "2021": 1}
    assert table(response, "branze")["gastronomia i catering"] == 2


def test_one_powiats_breakdown_follows_the_filters(client, registry):
    response = client.get("/statystyki/", {"powiat": "1201"})
    gminy = table(response, "terytorium")
    assert gminy["Bochnia (gmina miejska)"] == 1 and gminy["Bochnia (gmina wiejska)"] == 1
    assert table(response, "formy")["fundacja"] == 1
    response = client.get("/statystyki/", {"powiat": "1201", "forma": "spoldzielnia-socjalna"})
    assert sum(table(response, "terytorium").values()) == 1


def test_a_sector_filter_counts_each_entity_once(client, registry):
    response = client.get("/statystyki/", {"branza": "gastronomia-i-catering"})
    assert sum(table(response, "formy").values()) == 2


def test_each_chart_is_an_accessible_svg_with_a_table_and_a_csv(client, registry):
    html = client.get("/statystyki/", {"powiat": "1201"}).content.decode()
    assert html.count('role="img"') == 5
    assert 'aria-labelledby="chart-formy-title chart-formy-desc"' in html
    assert '<title id="chart-formy-title">' in html and '<desc id="chart-formy-desc">' in html
    assert 'href="/statystyki/formy.csv?powiat=1201"' in html
    assert "style=" not in html
    rows = csv_rows(client.get("/statystyki/formy.csv", {"powiat": "1201"}))
    assert rows[0] == ["Forma prawna", "Liczba podmiotów"]
    assert ["fundacja", "1"] in rows


def test_bars_link_to_the_registry_with_the_same_filters(client, registry):
    html = client.get("/statystyki/", {"ps": "1"}).content.decode()
    assert 'href="/podmioty/?ps=1&amp;forma=fundacja"' in html
    assert 'href="/podmioty/?ps=1"' in html


def test_numbers_change_as_soon_as_an_entity_is_published_or_archived(client, registry):
    assert table(client.get("/statystyki/"), "status-ps") == {"ze statusem PS": 1, "bez statusu PS": 3}
    Entity.objects.get(state=Entity.State.DRAFT).publish()
    assert sum(table(client.get("/statystyki/"), "formy").values()) == 5
    Entity.objects.published().filter(legal_form=LegalForm.SOCIAL_COOPERATIVE).get().archive()
    assert table(client.get("/statystyki/"), "status-ps") == {"ze statusem PS": 0, "bez statusu PS": 4}


def test_statistics_are_cached_between_requests(client, registry, django_assert_max_num_queries):
    client.get("/statystyki/")
    with django_assert_max_num_queries(4):
        client.get("/statystyki/")


def test_bad_input_and_wrong_method(client, registry):
    assert client.get("/statystyki/", {"powiat": "nie-ma", "forma": "x"}).status_code == 200
    assert client.get("/statystyki/nieznany.csv").status_code == 404
    assert client.post("/statystyki/").status_code == 405
