"""The editors' side: opening a round, reviewing answers, the logged raw export. Editors are in "Redaktor"."""

import datetime
import io

import openpyxl
import pytest
from django.core import mail
from django.utils import timezone

from monitoring.models import ExportLog, Report, Round
from tests.factories import EntityFactory, ReportFactory, RoundFactory, UserFactory, member_of, valid_answers


@pytest.fixture
def submitted(report_a, member_a):
    report_a.state = Report.State.SUBMITTED
    report_a.answers = valid_answers()
    report_a.submitted_by = member_a
    report_a.save()
    return report_a


def _change_url(report):
    return f"/admin/monitoring/report/{report.pk}/change/"


def test_an_editor_opens_a_round_and_invitations_go_out(editor_client, db):
    today = timezone.localdate()
    round_ = RoundFactory(
        year=2025, state="draft", opens_on=today, closes_on=today + datetime.timedelta(days=30)
    )
    entity = EntityFactory()
    member_of(entity, "anna@alfa.example.org")
    response = editor_client.post(
        "/admin/monitoring/round/",
        {"action": "open_and_invite", "_selected_action": [round_.pk]},
        follow=True,
    )
    assert response.status_code == 200
    round_.refresh_from_db()
    assert round_.state == Round.State.OPEN
    assert [m.to for m in mail.outbox] == [["anna@alfa.example.org"]]


def test_an_editor_creates_a_round_for_chosen_legal_forms(editor_client, db):
    response = editor_client.post(
        "/admin/monitoring/round/add/",
        {
            "year": "2026",
            "questionnaire_version": "2",
            "opens_on": "2027-02-01",
            "closes_on": "2027-03-31",
            "legal_forms": ["spoldzielnia-socjalna", "zaz"],
            "invitation_text": "Zapraszamy.",
        },
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    round_ = Round.objects.get(year=2026)
    assert round_.legal_forms == ["spoldzielnia-socjalna", "zaz"] and round_.state == Round.State.DRAFT


def test_the_review_page_shows_answers_and_flags_unlikely_values(editor_client, submitted):
    Report.objects.filter(pk=submitted.pk).update(answers=valid_answers(zatrudnieni=400, etaty="20"))
    page = editor_client.get(_change_url(submitted)).content.decode()
    assert "Liczba osób zatrudnionych" in page and "400" in page
    assert "czy to nie liczba odbiorców" in page
    assert "ćwierć etatu" in page
    assert 'name="_przyjmij"' in page


def test_an_editor_asks_for_a_correction_with_a_message(editor_client, submitted):
    response = editor_client.post(
        _change_url(submitted),
        {"correction_message": "Proszę podać etaty z dwoma miejscami.", "_popraw": "1"},
    )
    assert response.status_code == 302
    submitted.refresh_from_db()
    assert submitted.state == Report.State.CORRECTION
    assert mail.outbox[-1].to == ["anna@alfa.example.org"]
    assert "Proszę podać etaty z dwoma miejscami." in mail.outbox[-1].body


def test_an_editor_accepts_answers(editor_client, editor_user, submitted):
    response = editor_client.post(_change_url(submitted), {"correction_message": "", "_przyjmij": "1"})
    assert response.status_code == 302
    submitted.refresh_from_db()
    assert submitted.state == Report.State.ACCEPTED and submitted.reviewed_by == editor_user


def test_an_editor_allows_a_late_answer(editor_client, report_a):
    editor_client.post(
        "/admin/monitoring/report/", {"action": "allow_late_selected", "_selected_action": [report_a.pk]}
    )
    report_a.refresh_from_db()
    assert report_a.late_allowed


def test_the_raw_export_is_logged(editor_client, editor_user, submitted):
    response = editor_client.post(
        "/admin/monitoring/round/", {"action": "export_xlsx", "_selected_action": [submitted.round.pk]}
    )
    assert response.status_code == 200
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.values)
    assert rows[0][:2] == ("rok", "podmiot") and rows[1][1] == "Spółdzielnia Socjalna Alfa"
    response = editor_client.post(
        "/admin/monitoring/round/", {"action": "export_csv", "_selected_action": [submitted.round.pk]}
    )
    assert "Spółdzielnia Socjalna Alfa" in response.content.decode()
    logs = ExportLog.objects.values_list("user", "file_format", "rows")
    assert sorted(logs) == [(editor_user.pk, "csv", 1), (editor_user.pk, "xlsx", 1)]


def test_formula_like_answers_are_escaped_in_the_export(editor_client, submitted):
    Report.objects.filter(pk=submitted.pk).update(answers=valid_answers(uslugi='=HYPERLINK("x")'))
    response = editor_client.post(
        "/admin/monitoring/round/", {"action": "export_csv", "_selected_action": [submitted.round.pk]}
    )
    assert "'=HYPERLINK" in response.content.decode()


def test_staff_without_the_export_permission_cannot_export(client, submitted):
    from django.contrib.auth.models import Permission

    viewer = UserFactory(username="podglad", is_staff=True)
    viewer.user_permissions.add(Permission.objects.get(codename="view_round"))
    client.force_login(viewer)
    response = client.post(
        "/admin/monitoring/round/", {"action": "export_csv", "_selected_action": [submitted.round.pk]}
    )
    assert "Spółdzielnia Socjalna Alfa" not in response.content.decode()
    assert not ExportLog.objects.exists()


def test_members_and_visitors_never_reach_the_admin(client, client_a, submitted):
    for someone in (client, client_a):
        assert someone.get(_change_url(submitted)).status_code == 302
        response = someone.post(
            "/admin/monitoring/round/", {"action": "export_csv", "_selected_action": [submitted.round.pk]}
        )
        assert response.status_code == 302
    assert not ExportLog.objects.exists()


def test_the_admin_home_lists_answers_to_review(editor_client, submitted):
    page = editor_client.get("/admin/").content.decode()
    assert "Monitoring: odpowiedzi do sprawdzenia" in page
    assert "Spółdzielnia Socjalna Alfa" in page


def test_the_report_list_costs_a_fixed_number_of_queries(editor_client, open_round):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert editor_client.get("/admin/monitoring/report/").status_code == 200
        return len(queries)

    for _ in range(3):
        ReportFactory(round=open_round)
    few = count()
    for _ in range(20):
        ReportFactory(round=open_round)
    assert count() == few


def test_an_editor_sees_every_organisations_answers(editor_client, report_a, report_b):
    page = editor_client.get("/admin/monitoring/report/").content.decode()
    assert "Spółdzielnia Socjalna Alfa" in page and "Fundacja Beta" in page
    assert editor_client.get(_change_url(report_b)).status_code == 200
