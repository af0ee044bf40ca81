"""Monitoring in the browser: a member completes the questionnaire with the keyboard alone, and the
questionnaire, the member's pages and the public results pass axe-core's WCAG 2.1 A/AA rules."""

import datetime

import pytest
from django.utils import timezone

from monitoring.models import Report
from tests import factories
from tests.e2e.accounts import member_signs_in
from tests.e2e.axe import assert_no_axe_violations
from tests.e2e.browser import assert_focus_visible, expect, screenshot, tab_to

MEMBER = "prezeska@alfa.example.org"


def _monitoring_data():
    """An open round for the member's organisation and a closed one whose results have a hidden cell."""
    today = timezone.localdate()
    entity = factories.EntityFactory(name="Spółdzielnia Socjalna Alfa", legal_form="spoldzielnia-socjalna")
    factories.member_of(entity, MEMBER)
    open_round = factories.RoundFactory(
        year=2025, opens_on=today - datetime.timedelta(days=3), closes_on=today + datetime.timedelta(days=30)
    )
    report = factories.ReportFactory(round=open_round, entity=entity)
    closed = factories.RoundFactory(year=2024, state="closed")
    factories.accepted_report(closed, entity, zatrudnieni=12, etaty="10")
    for employees in (3, 5, 7, 9):
        peer = factories.EntityFactory(legal_form="spoldzielnia-socjalna")
        factories.accepted_report(closed, peer, zatrudnieni=employees, etaty=str(employees))
    lone = factories.EntityFactory(gmina=factories.gmina("126301"))
    factories.accepted_report(closed, lone, zatrudnieni=40, etaty="40")
    return entity, report


def _tab_and_type(page, text):
    page.keyboard.press("Tab")
    assert_focus_visible(page)
    page.keyboard.type(text)


@pytest.mark.parametrize("viewport", ["desktop"])
def test_a_member_completes_the_questionnaire_with_the_keyboard(page):
    _entity, report = _monitoring_data()
    member_signs_in(page, MEMBER)

    # From "Moje konto" to the questionnaire.
    link = page.get_by_role("link", name="Monitoring za 2025 r.: Spółdzielnia Socjalna Alfa")
    tab_to(page, link, limit=150)
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Monitoring za 2025 r.")

    # Sent empty: the error summary takes focus, and its first link leads to the first question.
    send = page.get_by_role("button", name="Prześlij odpowiedź do redakcji")
    tab_to(page, send, limit=150)
    page.keyboard.press("Enter")
    summary = page.locator("#form-errors")
    expect(summary).to_be_focused()
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Liczba osób zatrudnionych")).to_be_focused()
    page.keyboard.press("Enter")
    employees = page.get_by_label("Liczba osób zatrudnionych")
    expect(employees).to_be_focused()

    page.keyboard.type("6")
    _tab_and_type(page, "4,5")  # full-time equivalents, with a Polish decimal comma
    for count in ("2", "1", "0", "0", "1", "0", "0", "0"):  # the groups at risk, in order
        _tab_and_type(page, count)
    _tab_and_type(page, "3")  # volunteers
    page.keyboard.press("Tab")  # into the revenue bands: arrows choose within the group
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    expect(page.get_by_label("od 100 tys. do 500 tys. zł")).to_be_checked()
    _tab_and_type(page, "70")
    _tab_and_type(page, "100")
    _tab_and_type(page, "Catering dla szkół")
    page.keyboard.press("Tab")
    expect(page.get_by_label("osoby z niepełnosprawnościami", exact=True).last).to_be_focused()
    page.keyboard.press("Space")
    # Draft first: the page comes back with what was typed.
    draft = page.get_by_role("button", name="Zapisz wersję roboczą")
    tab_to(page, draft, limit=40)
    page.keyboard.press("Enter")
    expect(page.get_by_role("status").or_(page.locator(".messages"))).to_contain_text(
        "Zapisano wersję roboczą"
    )
    expect(page.get_by_label("Liczba osób zatrudnionych")).to_have_value("6")

    tab_to(page, page.get_by_role("button", name="Prześlij odpowiedź do redakcji"), limit=150)
    page.keyboard.press("Enter")
    expect(page.locator("main")).to_contain_text("Odpowiedź została przesłana do redakcji")
    report.refresh_from_db()
    assert report.state == Report.State.SUBMITTED
    assert report.answers["etaty"] == "4.5"
    assert report.answers["przychody"] == "100k-500k"
    assert report.answers["odbiorcy"] == ["niepelnosprawni"]
    assert report.answers["ryzyko_niepelnosprawni"] == 2
    assert page.console_errors == []


def test_monitoring_pages_have_no_accessibility_violations(page, viewport):
    entity, report = _monitoring_data()
    page.goto("/monitoring/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("wyniki za 2024 r.")
    expect(page.locator("main")).to_contain_text("mniej niż 3 odpowiedzi")
    assert_no_axe_violations(page)
    screenshot(page, "monitoring-results", viewport)

    member_signs_in(page, MEMBER)
    for url, name in (
        ("/konto/monitoring/", "monitoring-member"),
        (f"/konto/monitoring/{report.pk}/", "monitoring-questionnaire"),
        (f"/konto/monitoring/podmiot/{entity.slug}/", "monitoring-comparison"),
    ):
        page.goto(url)
        assert_no_axe_violations(page)
        screenshot(page, name, viewport)
    page.goto(f"/konto/monitoring/{report.pk}/")
    page.get_by_role("button", name="Prześlij odpowiedź do redakcji").click()
    expect(page.locator("#form-errors")).to_be_visible()
    assert_no_axe_violations(page)
    # WCAG 1.4.10: at 320 CSS px nothing but the tables' own boxes scrolls sideways.
    page.set_viewport_size({"width": 320, "height": 800})
    page.goto("/monitoring/")
    assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
    assert page.console_errors == [] and page.failed_requests == []
