import csv
import io
import json

import pytest

from entities.models import Entity
from tests.factories import EntityFactory, PSStatusFactory, gmina, sector

pytestmark = pytest.mark.django_db


def content(response):
    return b"".join(response.streaming_content).decode("utf-8-sig")


def test_csv_export_follows_the_current_filter(client):
    catering = EntityFactory(
        name="Spółdzielnia Smaki",
        nip="8567346215",
        sectors=[sector("gastronomia-i-catering")],
        gmina=gmina("120102"),
    )
    PSStatusFactory(entity=catering)
    EntityFactory(name="Fundacja Inna")
    EntityFactory(name="Szkic", state=Entity.State.DRAFT, sectors=[sector("gastronomia-i-catering")])
    response = client.get("/podmioty/eksport.csv", {"branza": "gastronomia-i-catering", "page": "3"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(content(response))))
    assert [row["nazwa"] for row in rows] == ["Spółdzielnia Smaki"]
    row = rows[0]
    assert row["nip"] == "8567346215"
    assert row["gmina_teryt"] == "120102" and row["powiat"] == "bocheński"
    assert row["branze"] == "gastronomia-i-catering"
    assert row["status_ps"] == "tak"
    assert row["adres_profilu"].endswith(catering.get_absolute_url())


def test_json_export_is_valid_json_of_published_entities(client):
    EntityFactory.create_batch(3)
    EntityFactory(state=Entity.State.ARCHIVED)
    data = json.loads(content(client.get("/podmioty/eksport.json")))["podmioty"]
    assert len(data) == 3
    assert {"nazwa", "nip", "gmina", "powiat", "status_ps"} <= set(data[0])


def test_an_empty_export_is_still_valid(client):
    assert json.loads(content(client.get("/podmioty/eksport.json", {"q": "nic-takiego"})))["podmioty"] == []
    assert content(client.get("/podmioty/eksport.csv", {"q": "nic-takiego"})).startswith("nazwa,")


def test_unknown_formats_and_bad_filters_do_not_break_it(client):
    assert client.get("/podmioty/eksport.xml").status_code == 404
    assert client.get("/podmioty/eksport.csv", {"powiat": "zle", "page": "abc"}).status_code == 200


def test_the_list_links_to_the_export_with_its_filters(client):
    EntityFactory()
    html = client.get("/podmioty/", {"forma": "fundacja", "page": "1"}).content.decode()
    assert 'href="/podmioty/eksport.csv?forma=fundacja"' in html


def test_both_formats_name_the_licence_and_the_datas_date(client):
    EntityFactory()
    data = json.loads(content(client.get("/podmioty/eksport.json")))
    assert data["licencja"] == {
        "nazwa": "CC BY 4.0",
        "adres": "https://creativecommons.org/licenses/by/4.0/deed.pl",
    }
    assert data["stan_na"][:4].isdigit() and "T" in data["stan_na"]
    [row] = list(csv.DictReader(io.StringIO(content(client.get("/podmioty/eksport.csv")))))
    assert row["licencja"] == "CC BY 4.0 https://creativecommons.org/licenses/by/4.0/deed.pl"
    assert row["stan_na"] == data["stan_na"][:10] + row["stan_na"][10:]


def test_the_licence_follows_the_settings(client, settings):
    settings.OPEN_DATA_LICENCE_NAME, settings.OPEN_DATA_LICENCE_URL = "CC0 1.0", "https://example.org/cc0"
    assert json.loads(content(client.get("/podmioty/eksport.json")))["licencja"]["nazwa"] == "CC0 1.0"


@pytest.mark.parametrize(
    "typed", ['=HYPERLINK("http://zly.example","Kliknij")', "+1+1", "-2+3", "@SUM(A1)", "\t=1"]
)
def test_a_cell_that_a_spreadsheet_would_run_as_a_formula_is_neutralised_in_the_csv(client, typed):
    EntityFactory(name="Fundacja Formuła", short_name=typed)
    rows = list(csv.DictReader(io.StringIO(content(client.get("/podmioty/eksport.csv")))))
    assert rows[0]["nazwa_skrocona"] == "'" + typed
    assert rows[0]["nazwa"] == "Fundacja Formuła"
