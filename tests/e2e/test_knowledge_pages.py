"""The library, the Pakt, the newsletter and the office's pages (issue 14) pass axe-core's WCAG 2.1 A/AA rules at
desktop and phone size, as they open and, for forms, after an empty submit with their errors showing.

A visitor also finds a report by a phrase from inside its PDF and gets the file as a download.
One test per viewport (a browser test empties the database afterwards, which is slow on PostgreSQL).
"""

import datetime
from types import SimpleNamespace

from django.utils import timezone

from knowledge.models import Theme
from newsletter.models import Subscriber
from office.demo import seed_site_settings
from pakt.models import PaktDocument, PaktMeeting, PaktMember
from tests import factories
from tests.e2e.accounts import member_signs_in
from tests.e2e.browser import expect
from tests.e2e.test_accessibility_scans import problems_here

PHRASE = "Wskaźnik trwałości miejsc pracy wyniósł 78 procent."


def scenery():
    seed_site_settings()
    entity = factories.EntityFactory(name="Spółdzielnia Socjalna Smaki Gorców")
    report = factories.PublicationFactory(
        title="Przedsiębiorstwa społeczne w Małopolsce. Diagnoza",
        summary="<h2>Najważniejsze wnioski</h2><ul><li>Co trzecie korzysta z klauzul społecznych.</li></ul>",
        themes=list(Theme.objects.filter(slug="badania-i-diagnozy")),
    )
    factories.publication_file(report, factories.pdf_upload(text=PHRASE), label="Pełny raport")
    report.related_entities.set([entity])
    report.related_initiatives.set([factories.InitiativeFactory(title="Wspólna kuchnia w Nowym Targu")])
    PaktDocument.objects.create(publication=report)
    PaktMember.objects.create(
        name=entity.name, kind="organizacja", entity=entity, joined_on=datetime.date(2019, 5, 7)
    )
    PaktMember.objects.create(
        name="Urząd Gminy Przykładowej", kind="instytucja", joined_on=datetime.date(2015, 6, 1)
    )
    start = timezone.now() + datetime.timedelta(days=10)
    meeting = factories.EventFactory(
        title="Posiedzenie Małopolskiego Paktu", start=start, end=start + datetime.timedelta(hours=3)
    )
    PaktMeeting.objects.create(event=meeting)
    subscriber = Subscriber.objects.create(email="ala@example.org", consent_text="Zgoda", wants_news=True)
    member = factories.member_of(entity, "prezeska@smakigorcow.example.org")
    return SimpleNamespace(report=report, subscriber=subscriber, email=member.email)


# name: (address, what a person sees, the submit button pressed with the form empty, or None)
PAGES = {
    "library": (lambda s: "/wiedza/", "Baza wiedzy", None),
    "library-filtered": (
        lambda s: "/wiedza/?rodzaj=raport&temat=badania-i-diagnozy",
        "Liczba publikacji: 1",
        None,
    ),
    "publication": (lambda s: s.report.get_absolute_url(), "Pliki do pobrania", None),
    "pakt": (lambda s: "/pakt/", "Członkowie Paktu", None),
    "contact": (lambda s: "/kontakt/", "Napisz do nas", "Wyślij wiadomość"),
    "privacy": (lambda s: "/polityka-prywatnosci/", "Pliki cookie", None),
    "accessibility-with-coordinator": (
        lambda s: "/deklaracja-dostepnosci/",
        "koordynator do spraw dostępności",
        None,
    ),
    "newsletter": (lambda s: "/newsletter/", "Zapisz się", "Zapisz się"),
    "newsletter-confirm": (
        lambda s: f"/newsletter/potwierdz/{s.subscriber.token}/",
        "Potwierdzam zapis",
        None,
    ),
    "newsletter-unsubscribe": (lambda s: f"/newsletter/wypisz/{s.subscriber.token}/", "Wypisz mnie", None),
}
MEMBER_PAGES = {
    "pakt-declaration": (
        lambda s: "/konto/pakt/deklaracja/",
        "Deklaracja przystąpienia",
        "Wyślij deklarację",
    ),
}


def page_problems(page, name, pages, data, viewport):
    address, text, button = pages[name]
    response = page.goto(address(data))
    problems = [] if response.status == 200 else [f"answered {response.status}, expected 200"]
    expect(page.locator("main")).to_contain_text(text)
    problems += problems_here(page, name, viewport, response.url)
    if button is None:
        return problems
    submit = page.locator("main").get_by_role("button", name=button, exact=True)
    with page.expect_response(lambda r: r.request.method == "POST") as posted:
        submit.click()
    if posted.value.status != 400:
        problems.append(f"an empty submit answered {posted.value.status}, expected 400 with the errors")
    expect(page.locator("main [aria-invalid='true']").first).to_be_visible()
    # The form answers 400 with its errors: that response is the page itself, not a missing file.
    errors_page = problems_here(page, f"{name}-errors", viewport, posted.value.url)
    return problems + [f"(with errors) {line}" for line in errors_page]


def test_knowledge_pakt_newsletter_and_office_pages_pass_wcag_21_aa_checks(page, viewport):
    data = scenery()
    report = {}
    for name in PAGES:
        if problems := page_problems(page, name, PAGES, data, viewport):
            report[name] = problems

    # A visitor searches the library for a phrase from inside the PDF, without Polish letters.
    page.goto("/wiedza/")
    page.locator("main").get_by_label("Szukaj").fill("trwalosci miejsc pracy")
    page.get_by_role("button", name="Pokaż wyniki").click()
    expect(page.locator(".results__count")).to_contain_text("Liczba publikacji: 1")
    page.get_by_role("link", name="Przedsiębiorstwa społeczne w Małopolsce. Diagnoza").click()
    with page.expect_download() as download:
        page.get_by_role("link", name="Pełny raport").click()
    assert download.value.suggested_filename == "pelny-raport.pdf"

    member_signs_in(page, data.email)
    for name in MEMBER_PAGES:
        if problems := page_problems(page, name, MEMBER_PAGES, data, viewport):
            report[name] = problems
    assert not report, "\n\n".join(
        f"{name} ({viewport}):\n" + "\n".join(lines) for name, lines in report.items()
    )
