"""Every public page type passes axe-core's WCAG 2.0/2.1 A and AA rules, at desktop and phone size.

Each scanned page is also saved as a screenshot in test-artifacts/screenshots/. All pages are scanned in one
test per viewport (a browser test empties the database afterwards, which is slow on PostgreSQL), and a failure
lists every page with a problem, not only the first.
"""

from tests.e2e.axe import axe_violations, describe
from tests.e2e.browser import expect, screenshot

# screenshot name: (address from the content fixture, what a person sees on the page)
PAGES = {
    "home": (lambda c: "/", "Ekonomia społeczna w Małopolsce"),
    "entity-list": (lambda c: "/podmioty/", "Baza podmiotów ekonomii społecznej"),
    "entity-list-filtered": (
        lambda c: "/podmioty/?q=smaki&powiat=1211&forma=spoldzielnia-socjalna&ps=1",
        "Znaleziono 1 podmiot",
    ),
    "entity-list-empty": (lambda c: "/podmioty/?q=nieistniejacy", "Nie znaleźliśmy podmiotów"),
    "entity-list-bad-filter": (lambda c: "/podmioty/?powiat=9999", "Wybierz poprawną wartość"),
    "entity-profile": (lambda c: c.entity.get_absolute_url(), "Spółdzielnia Socjalna Smaki Gorców"),
    "news-list": (lambda c: "/aktualnosci/", "Szkolenie z zamówień społecznych"),
    "news-detail": (lambda c: c.post.get_absolute_url(), "Klauzule społeczne w praktyce"),
    "film-list": (lambda c: "/filmy/", "Partnerska interwencja"),
    "film-uploaded": (lambda c: c.uploaded_film.get_absolute_url(), "Jak działa spółdzielnia socjalna"),
    "film-external": (lambda c: c.external_film.get_absolute_url(), "Odtwórz film z YouTube"),
    "event-list": (lambda c: "/wydarzenia/", "Spotkanie Małopolskiego Paktu"),
    "event-archive": (lambda c: "/wydarzenia/archiwum/", "Targi ekonomii społecznej"),
    "event-detail": (lambda c: c.event.get_absolute_url(), "Spotkanie Małopolskiego Paktu"),
    "initiative-list": (lambda c: "/inicjatywy/", "Wspólna kuchnia w Nowym Targu"),
    "initiative-detail": (lambda c: c.initiative.get_absolute_url(), "Wspólna kuchnia w Nowym Targu"),
    "about": (lambda c: "/o-portalu/", "Dla kogo jest portal"),
    "accessibility-statement": (lambda c: "/deklaracja-dostepnosci/", "nie wykazało żadnych naruszeń"),
    "not-found": (lambda c: "/nie-ma-takiej-strony/", "Nie znaleziono strony"),
}


def horizontal_overflow_at_320px(page):
    """Elements wider than a 320 px window: WCAG 1.4.10 asks for content without sideways scrolling there."""
    size = page.viewport_size
    page.set_viewport_size({"width": 320, "height": size["height"]})
    try:
        return page.evaluate(
            """() => document.documentElement.scrollWidth <= window.innerWidth ? [] :
                [...document.querySelectorAll("body *")]
                    .filter(el => el.getBoundingClientRect().right > window.innerWidth + 1)
                    .slice(0, 5).map(el => el.tagName.toLowerCase() + (el.className ? "." + el.className : ""))"""
        )
    finally:
        page.set_viewport_size(size)


def problems_on(page, name, content, viewport):
    """What is wrong with one page, as readable lines; empty when the page passes."""
    problems = []
    response = page.goto(PAGES[name][0](content))
    expected_status = 404 if name == "not-found" else 200
    if response.status != expected_status:
        problems.append(f"answered {response.status}, expected {expected_status}")
    expect(page.locator("main")).to_contain_text(PAGES[name][1])
    page.wait_for_load_state("networkidle")
    screenshot(page, name, viewport)
    if violations := axe_violations(page):
        problems.append(describe(violations))
    if missing_alt := page.locator("img:not([alt])").count():
        problems.append(f"{missing_alt} image(s) without alternative text (alt)")
    if page.console_errors:
        problems.append(f"browser errors (a CSP violation shows here): {page.console_errors}")
    if viewport == "phone" and (overflow := horizontal_overflow_at_320px(page)):
        problems.append(f"scrolls sideways at 320 CSS px (WCAG 1.4.10 Reflow): {overflow}")
    missing_files = [url for url in page.failed_requests if url != response.url]
    if missing_files:
        problems.append(f"missing files: {missing_files}")
    page.console_errors.clear()
    page.failed_requests.clear()
    return problems


def test_every_public_page_type_passes_wcag_21_aa_checks(page, viewport, site_content):
    report = {}
    for name in PAGES:
        if problems := problems_on(page, name, site_content, viewport):
            report[name] = problems
    assert not report, "\n\n".join(
        f"{name} ({viewport}):\n" + "\n".join(lines) for name, lines in report.items()
    )
