"""/monitoring/: aggregated results of closed rounds for everyone, never an organisation's answers."""

import csv
import io

import pytest

from monitoring.models import Report
from tests.factories import EntityFactory, ReportFactory, RoundFactory, accepted_report, gmina, valid_answers

KRAKOW, TARNOW = "126101", "126301"


@pytest.fixture
def closed_round(db):
    round_ = RoundFactory(year=2024, state="closed")
    for employees in (4, 6, 8, 10):
        accepted_report(round_, EntityFactory(), zatrudnieni=employees, etaty=str(employees))
    # One organisation alone in Tarnów: its row must not be published.
    accepted_report(
        round_, EntityFactory(name="Samotna Fundacja", gmina=gmina(TARNOW)), zatrudnieni=31, etaty="31"
    )
    return round_


def test_it_publishes_totals_medians_and_the_response_rate(client, closed_round):
    ReportFactory(round=closed_round)  # asked, never answered
    response = client.get("/monitoring/")
    assert response.status_code == 200
    results = response.context["results"]
    assert results.total.answers == 5 and results.total.asked == 6
    assert results.total.cells["zatrudnieni"].total == 59
    assert results.total.cells["zatrudnieni"].median == 8
    assert "83,3%" in response.content.decode()


def test_only_accepted_answers_count(client, closed_round):
    for state in ("submitted", "correction", "draft"):
        ReportFactory(round=closed_round, state=state, answers=valid_answers(zatrudnieni=500, etaty="500"))
    results = client.get("/monitoring/2024/").context["results"]
    assert results.total.answers == 5
    assert results.total.cells["zatrudnieni"].total == 59


def test_a_cell_with_fewer_than_three_answers_is_a_dash_with_the_reason(client, closed_round):
    response = client.get("/monitoring/2024/")
    powiat = next(table for table in response.context["results"].tables if table.key == "powiat")
    tarnow = next(row for row in powiat.rows if "Tarnów" in row.label)
    assert tarnow.is_hidden and tarnow.hidden_reason == "mniej niż 3 odpowiedzi"
    # Kraków is the only other row: hidden too, or Tarnów = total − Kraków.
    krakow = next(row for row in powiat.rows if "Kraków" in row.label)
    assert krakow.is_hidden
    page = response.content.decode()
    assert "31" not in [cell.strip() for cell in page.split("<td>")]
    lines = list(csv.reader(io.StringIO(client.get("/monitoring/2024/powiat.csv").content.decode())))
    tarnow_line = next(line for line in lines if "Tarnów" in line[0])
    assert tarnow_line[2] == "—" and tarnow_line[-1] == "mniej niż 3 odpowiedzi"


def test_no_organisation_is_named_and_no_open_answer_is_shown(client, closed_round):
    page = client.get("/monitoring/2024/").content.decode()
    assert "Samotna Fundacja" not in page
    assert "Dwie osoby znalazły stałą pracę." not in page
    assert "Catering dla szkół" not in page


def test_fewer_than_three_answers_in_a_round_publish_nothing(client, db):
    round_ = RoundFactory(year=2023, state="closed")
    accepted_report(round_, EntityFactory(), zatrudnieni=5)
    accepted_report(round_, EntityFactory(), zatrudnieni=9)
    response = client.get("/monitoring/2023/")
    assert response.context["results"].total.is_hidden
    assert "w całej rundzie mniej niż 3 odpowiedzi" in response.content.decode().lower()
    line = list(csv.reader(io.StringIO(client.get("/monitoring/2023/razem.csv").content.decode())))[1]
    assert "14" not in line and "5" not in line[3:-2]


def test_it_compares_with_the_previous_year(client, closed_round):
    earlier = RoundFactory(year=2023, state="closed")
    for employees in (4, 6, 8, 10):
        accepted_report(earlier, EntityFactory(), zatrudnieni=employees, etaty="4")
    accepted_report(earlier, EntityFactory(), zatrudnieni=22, etaty="4")
    results = client.get("/monitoring/2024/").context["results"]
    assert results.previous_year == 2023
    assert str(results.total.change) == "18.0"  # 59 against 50


def test_open_and_draft_rounds_have_no_public_results(client, db):
    RoundFactory(year=2025, state="open")
    RoundFactory(year=2026, state="draft")
    assert client.get("/monitoring/2025/").status_code == 404
    assert client.get("/monitoring/2026/").status_code == 404
    assert client.get("/monitoring/2025/razem.csv").status_code == 404
    assert "Nie ma jeszcze zamkniętej rundy" in client.get("/monitoring/").content.decode()


def test_csv_downloads_of_every_table(client, closed_round):
    for table in ("razem", "powiat", "forma", "branza", "przychody"):
        response = client.get(f"/monitoring/2024/{table}.csv")
        assert response.status_code == 200
        assert response["Content-Type"].startswith("text/csv")
    assert client.get("/monitoring/2024/nieznana.csv").status_code == 404


def test_the_page_has_charts_with_text_alternatives(client, closed_round):
    page = client.get("/monitoring/2024/").content.decode()
    assert page.count('role="img"') >= 2
    assert '<title id="chart-monitoring-forma-title">' in page


def test_the_results_page_costs_a_fixed_number_of_queries(client, closed_round, django_assert_num_queries):
    client.get("/")  # the footer's site settings come from the cache from here on
    with django_assert_num_queries(6):
        client.get("/monitoring/2024/")
    for _extra in range(10):
        accepted_report(closed_round, EntityFactory(), zatrudnieni=3, etaty="3")
    with django_assert_num_queries(6):
        client.get("/monitoring/2024/")


def test_wrong_methods_are_refused(client, closed_round):
    assert client.post("/monitoring/").status_code == 405
    assert client.post("/monitoring/2024/razem.csv").status_code == 405


def test_a_report_keeps_the_place_it_had_when_accepted(client, closed_round):
    moved = Report.objects.filter(entity__name="Samotna Fundacja").get().entity
    moved.gmina = gmina(KRAKOW)
    moved.save()
    powiat = next(t for t in client.get("/monitoring/2024/").context["results"].tables if t.key == "powiat")
    assert next(row for row in powiat.rows if "Tarnów" in row.label).answers == 1


def test_closed_rounds_are_in_the_sitemap(client, closed_round):
    RoundFactory(year=2025, state="open")
    sitemap = client.get("/sitemap-monitoring.xml").content.decode()
    assert "/monitoring/2024/" in sitemap and "/monitoring/2025/" not in sitemap


def test_accepting_an_answer_refreshes_the_cached_page(client, closed_round):
    from monitoring import services

    assert client.get("/monitoring/2024/").context["results"].total.answers == 5
    late = ReportFactory(round=closed_round, state="submitted", answers=valid_answers())
    services.report_accept(late, None)
    assert "6 z 6 zaproszonych" in client.get("/monitoring/2024/").content.decode()
