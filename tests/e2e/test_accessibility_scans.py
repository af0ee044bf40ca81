"""Every public page type passes axe-core's WCAG 2.0/2.1 A and AA rules, at desktop and phone size.

The account and submission forms are scanned the same way, as they open and again after an empty submit, with
their error messages showing.

Each scanned page is also saved as a screenshot in test-artifacts/screenshots/. All pages are scanned in one
test per viewport (a browser test empties the database afterwards, which is slow on PostgreSQL), and a failure
lists every page with a problem, not only the first.
"""

from types import SimpleNamespace

import pytest
from django.urls import reverse

from tests import factories
from tests.e2e.accounts import member_signs_in
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
    "site-search": (lambda c: "/szukaj/?q=spółdzielni", "Podmioty ekonomii społecznej"),
    "entity-list-typo": (lambda c: "/podmioty/?q=spółdzelnia", "Nie znaleźliśmy podmiotów"),
}


def horizontal_overflow_at_320px(page):
    """Elements wider than a 320 px window: WCAG 1.4.10 asks for content without sideways scrolling there."""
    size = page.viewport_size
    page.set_viewport_size({"width": 320, "height": size["height"]})
    try:
        return page.evaluate(
            """() => {
                // The layout viewport's width: a phone browser zooms out to fit wider content, so there
                // window.innerWidth grows with the overflow and would hide it.
                const width = document.documentElement.clientWidth;
                return document.documentElement.scrollWidth <= width ? [] :
                [...document.querySelectorAll("body *")]
                    .filter(el => el.getBoundingClientRect().right > width + 1)
                    .slice(0, 5).map(el => el.tagName.toLowerCase() + (el.className ? "." + el.className : ""));
            }"""
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
    return problems + problems_here(page, name, viewport, response.url)


def problems_here(page, name, viewport, own_url):
    """What is wrong with the page the browser shows now (saved as screenshot `name`)."""
    problems = []
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
    missing_files = [url for url in page.failed_requests if url != own_url]
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


# Account and submission forms (issue 6). Screenshot name: (address, what a person sees, the submit button
# pressed with the form left empty, or None where an empty form is valid or there is no form).
ACCOUNT_FORMS = {
    "login": (lambda f: reverse("account_login"), "Adres e-mail", "Zaloguj"),
    "signup": (lambda f: reverse("account_signup"), "Masz już konto?", "Zarejestruj się"),
    "password-reset": (
        lambda f: reverse("account_reset_password"),
        "Resetowanie hasła",
        "Zresetuj moje hasło",
    ),
}
MEMBER_FORMS = {
    "account": (lambda f: reverse("member:dashboard"), "Moje zgłoszenia", None),
    "propose-entity": (lambda f: reverse("member:propose"), "Zgłoś nowy podmiot", "Wyślij zgłoszenie"),
    "edit-entity": (
        lambda f: reverse("member:entity_edit", args=[f.own.slug]),
        "Zaproponuj zmiany",
        "Wyślij propozycję zmian",
    ),
    "claim": (
        lambda f: reverse("member:claim", args=[f.other.slug]),
        "To moja organizacja",
        "Wyślij prośbę",
    ),
    # The reason is optional: an empty archiving request is a valid one, so there is no error state.
    "archive-request": (
        lambda f: reverse("member:entity_archive", args=[f.own.slug]),
        "Archiwizacja profilu",
        None,
    ),
    "propose-initiative": (
        lambda f: reverse("initiative_member:propose", args=[f.own.slug]),
        "Zgłoś inicjatywę",
        "Wyślij zgłoszenie",
    ),
    "account-delete": (lambda f: reverse("member:account_delete"), "Usuń konto", "Usuń konto na zawsze"),
}
# The edit form opens filled in: "empty" there means the required name cleared.
CLEARED_BEFORE_SUBMIT = {"edit-entity": "Nazwa (wymagane)"}


@pytest.fixture
def member_forms():
    own = factories.EntityFactory(name="Spółdzielnia Socjalna Smaki Gorców")
    other = factories.EntityFactory(name="Fundacja Pomocna Dłoń")
    member = factories.member_of(own, "prezeska@smakigorcow.example.org")
    # A pending change, so "Moje konto" shows its table of submissions.
    factories.EntitySubmissionFactory(entity=own, submitted_by=member)
    return SimpleNamespace(own=own, other=other, email=member.email)


def form_problems(page, name, forms, data, viewport):
    """The form as it opens and, when it has a required field, after an empty submit."""
    address, text, button = forms[name]
    response = page.goto(address(data))
    problems = [] if response.status == 200 else [f"answered {response.status}, expected 200"]
    expect(page.locator("main")).to_contain_text(text)
    problems += problems_here(page, name, viewport, response.url)
    if button is None:
        return problems
    if name in CLEARED_BEFORE_SUBMIT:
        page.get_by_role("textbox", name=CLEARED_BEFORE_SUBMIT[name]).fill("")
    submit = page.get_by_role("button", name=button, exact=True)
    # allauth's fields carry `required`: switch off the browser's own check so the server's messages show.
    submit.evaluate("button => { button.form.noValidate = true; }")
    with page.expect_response(lambda r: r.request.method == "POST") as posted:
        submit.click()
    if posted.value.status != 200:
        problems.append(f"an empty submit answered {posted.value.status}, expected the form with errors")
    expect(page.locator("main [aria-invalid='true']").first).to_be_visible()
    return problems + [
        f"(with errors) {line}" for line in problems_here(page, f"{name}-errors", viewport, "")
    ]


def test_account_and_submission_forms_pass_wcag_21_aa_checks_also_with_errors(page, viewport, member_forms):
    report = {}
    for name in ACCOUNT_FORMS:
        if problems := form_problems(page, name, ACCOUNT_FORMS, None, viewport):
            report[name] = problems
    member_signs_in(page, member_forms.email)
    for name in MEMBER_FORMS:
        if problems := form_problems(page, name, MEMBER_FORMS, member_forms, viewport):
            report[name] = problems
    assert not report, "\n\n".join(
        f"{name} ({viewport}):\n" + "\n".join(lines) for name, lines in report.items()
    )
