"""Every public page type passes axe-core's WCAG 2.0/2.1 A and AA rules, at desktop and phone size.

Each scanned page is also saved as a screenshot in test-artifacts/screenshots/.
"""

import pytest

from tests.e2e.axe import assert_no_axe_violations
from tests.e2e.browser import expect, screenshot

# (screenshot name, address from the content fixture, what a person sees on the page)
PAGES = {
    "home": (lambda c: "/", "Ekonomia społeczna w Małopolsce"),
    "entity-list": (lambda c: "/podmioty/", "Baza podmiotów ekonomii społecznej"),
    "entity-list-filtered": (
        lambda c: "/podmioty/?q=smaki&powiat=1211&forma=spoldzielnia-socjalna&ps=1",
        "Liczba podmiotów: 1",
    ),
    "entity-list-empty": (lambda c: "/podmioty/?q=nieistniejacy", "Nie znaleźliśmy podmiotów"),
    "entity-list-bad-filter": (lambda c: "/podmioty/?powiat=9999", "Baza podmiotów ekonomii społecznej"),
    "entity-profile": (lambda c: c.entity.get_absolute_url(), "Spółdzielnia Socjalna Smaki Gorców"),
    "news-list": (lambda c: "/aktualnosci/", "Aktualności"),
    "news-detail": (lambda c: c.post.get_absolute_url(), "Szkolenie z zamówień społecznych"),
    "film-list": (lambda c: "/filmy/", "Filmy"),
    "film-uploaded": (lambda c: c.uploaded_film.get_absolute_url(), "Jak działa spółdzielnia socjalna"),
    "film-external": (lambda c: c.external_film.get_absolute_url(), "Odtwórz film z YouTube"),
    "event-list": (lambda c: "/wydarzenia/", "Spotkanie Małopolskiego Paktu"),
    "event-archive": (lambda c: "/wydarzenia/archiwum/", "Targi ekonomii społecznej"),
    "event-detail": (lambda c: c.event.get_absolute_url(), "Spotkanie Małopolskiego Paktu"),
    "initiative-list": (lambda c: "/inicjatywy/", "Wspólna kuchnia w Nowym Targu"),
    "initiative-detail": (lambda c: c.initiative.get_absolute_url(), "Wspólna kuchnia w Nowym Targu"),
    "about": (lambda c: "/o-portalu/", "O portalu"),
    "accessibility-statement": (lambda c: "/deklaracja-dostepnosci/", "Deklaracja dostępności"),
    "not-found": (lambda c: "/nie-ma-takiej-strony/", "Nie znaleziono strony"),
}


@pytest.mark.parametrize("name", list(PAGES))
def test_the_page_has_no_wcag_violations(page, viewport, site_content, name):
    address, visible_text = PAGES[name]
    response = page.goto(address(site_content))
    assert response.status == (404 if name == "not-found" else 200)
    expected_failures = [response.url] if name == "not-found" else []
    expect(page.locator("main")).to_contain_text(visible_text)
    page.wait_for_load_state("networkidle")
    screenshot(page, name, viewport)
    assert_no_axe_violations(page)
    assert page.locator("img:not([alt])").count() == 0, "Every image needs alternative text (alt)."
    assert page.console_errors == [], "The browser reported errors (a CSP violation shows here)."
    assert page.failed_requests == expected_failures, "A file on the page is missing."
