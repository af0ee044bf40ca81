"""Members fill in their own organisation's questionnaire from "Moje konto"; nobody else's."""

import pytest

from monitoring.models import Report
from tests.factories import RoundFactory, accepted_report, valid_answers


def _post(client, report, action="wyslij", **answers):
    data = {key: value for key, value in valid_answers(**answers).items() if value is not None}
    data["action"] = action
    return client.post(f"/konto/monitoring/{report.pk}/", data)


def test_a_member_sees_the_questionnaire_on_the_account_page(client_a, report_a):
    page = client_a.get("/konto/").content.decode()
    assert f"/konto/monitoring/{report_a.pk}/" in page
    response = client_a.get(f"/konto/monitoring/{report_a.pk}/")
    assert response.status_code == 200
    assert "Liczba osób zatrudnionych" in response.content.decode()


def test_a_member_saves_a_draft_and_comes_back_to_it(client_a, report_a):
    response = client_a.post(f"/konto/monitoring/{report_a.pk}/", {"action": "zapisz", "zatrudnieni": "7"})
    assert response.status_code == 302
    report_a.refresh_from_db()
    assert report_a.state == Report.State.DRAFT and report_a.answers == {"zatrudnieni": 7}
    assert 'value="7"' in client_a.get(f"/konto/monitoring/{report_a.pk}/").content.decode()


def test_a_member_sends_the_answers(client_a, report_a, member_a):
    response = _post(client_a, report_a)
    assert response.status_code == 302
    report_a.refresh_from_db()
    assert report_a.state == Report.State.SUBMITTED
    assert report_a.submitted_by == member_a
    assert report_a.answers["etaty"] == "8.5"


def test_sending_with_errors_shows_them_and_keeps_the_typed_values(client_a, report_a):
    response = _post(client_a, report_a, zatrudnieni=2, etaty="3")
    assert response.status_code == 200
    page = response.content.decode()
    assert 'id="form-errors"' in page and "Etatów nie może być więcej" in page
    report_a.refresh_from_db()
    assert report_a.state == Report.State.INVITED


def test_sent_answers_are_read_only(client_a, report_a):
    _post(client_a, report_a)
    page = client_a.get(f"/konto/monitoring/{report_a.pk}/").content.decode()
    assert "Prześlij odpowiedź do redakcji" not in page
    assert "czeka na sprawdzenie" in page
    response = _post(client_a, report_a, zatrudnieni=99)
    assert response.status_code == 302
    report_a.refresh_from_db()
    assert report_a.answers["zatrudnieni"] == 10


def test_a_member_cannot_open_or_change_another_organisations_answers(client_b, report_a):
    assert client_b.get(f"/konto/monitoring/{report_a.pk}/").status_code == 404
    assert _post(client_b, report_a).status_code == 404
    assert f"/konto/monitoring/{report_a.pk}/" not in client_b.get("/konto/monitoring/").content.decode()


def test_an_editor_reads_answers_in_the_admin_not_in_the_member_area(editor_client, report_a):
    assert editor_client.get(f"/konto/monitoring/{report_a.pk}/").status_code == 404


def test_a_visitor_is_sent_to_sign_in(client, report_a):
    response = client.get(f"/konto/monitoring/{report_a.pk}/")
    assert response.status_code == 302 and "/konto/login/" in response["Location"]
    assert client.get("/konto/monitoring/").status_code == 302


def test_wrong_methods_are_refused(client_a, report_a, org_a):
    assert client_a.delete(f"/konto/monitoring/{report_a.pk}/").status_code == 405
    assert client_a.post("/konto/monitoring/").status_code == 405
    assert client_a.post(f"/konto/monitoring/podmiot/{org_a.slug}/").status_code == 405


def test_a_draft_round_is_not_shown_to_members(client_a, org_a):
    report = Report.objects.create(round=RoundFactory(state="draft"), entity=org_a)
    assert client_a.get(f"/konto/monitoring/{report.pk}/").content.decode().count("Prześlij odpowiedź") == 0
    assert f"/konto/monitoring/{report.pk}/" not in client_a.get("/konto/monitoring/").content.decode()


@pytest.fixture
def closed_with_peers(org_a):
    """Org A and four other co-operatives in the same powiat answered; their medians are published."""
    from tests.factories import EntityFactory

    round_ = RoundFactory(year=2024, state="closed")
    accepted_report(round_, org_a, zatrudnieni=10, etaty="10")
    for employees in (2, 4, 6, 8):
        peer = EntityFactory(legal_form="spoldzielnia-socjalna")
        accepted_report(round_, peer, zatrudnieni=employees, etaty=str(employees))
    return round_


def test_an_organisation_compares_itself_with_the_medians_of_its_form_and_powiat(
    client_a, org_a, closed_with_peers
):
    response = client_a.get(f"/konto/monitoring/podmiot/{org_a.slug}/")
    assert response.status_code == 200
    years = response.context["years"]
    employees = next(row for row in years[0].rows if row.metric.key == "zatrudnieni")
    assert (employees.own, employees.form_median, employees.powiat_median) == (10, 6, 6)


def test_the_comparison_is_only_for_the_organisations_own_members(client_b, client, org_a, closed_with_peers):
    assert client_b.get(f"/konto/monitoring/podmiot/{org_a.slug}/").status_code == 404
    assert client.get(f"/konto/monitoring/podmiot/{org_a.slug}/").status_code == 302


def test_deleting_the_account_forgets_the_addresses_but_keeps_the_organisations_answers(member_a, report_a):
    from members.services import account_delete
    from monitoring.models import Notice

    Notice.objects.create(report=report_a, kind="zaproszenie", email=member_a.email)
    Report.objects.filter(pk=report_a.pk).update(
        state="submitted", submitted_by=member_a, answers=valid_answers()
    )
    account_delete(member_a)
    assert not Notice.objects.exists()
    report_a.refresh_from_db()
    assert report_a.submitted_by is None and report_a.answers["zatrudnieni"] == 10
