"""Journey 2: a person signs up, confirms their e-mail from the link in the message, proposes a new
organisation with a logo and sees it waiting on "Moje konto"; an editor approves it in the moderation queue;
a visitor finds it in the public registry."""

import re
from urllib.parse import urlsplit

import pytest
from django.conf import settings

from entities.models import Entity
from tests.e2e.accounts import editor_approves, open_site_menu, png_file, verified_editor
from tests.e2e.browser import expect, expect_result_count, screenshot

EMAIL = "prezeska@zakatek.example.org"
PASSWORD = "Zielona-Lampa-42"
NAME = "Spółdzielnia Socjalna Zielony Zakątek"


@pytest.fixture
def editor():
    return verified_editor()


def confirmation_path(outbox) -> str:
    """The confirmation link from the last message, as a path on the live server (its host is SITE_URL's)."""
    link = re.search(r"https?://\S+/konto/confirm-email/\S+/", outbox[-1].body).group(0)
    return urlsplit(link).path


def test_a_new_organisation_goes_from_sign_up_to_the_public_registry(
    page, viewport, editor, mailoutbox, tmp_path
):
    # The live server runs in this process, so its messages land in the test's outbox.
    assert settings.EMAIL_BACKEND == "django.core.mail.backends.locmem.EmailBackend"

    page.goto("/")
    open_site_menu(page)
    page.get_by_role("link", name="Załóż konto").click()
    page.get_by_label("Adres e-mail").fill(EMAIL)
    page.get_by_label("Hasło:", exact=True).fill(PASSWORD)
    page.get_by_label("Hasło (ponownie)").fill(PASSWORD)
    page.get_by_role("button", name="Zarejestruj się").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile("Zweryfikuj"))
    assert [message.to for message in mailoutbox] == [[EMAIL]]

    page.goto(confirmation_path(mailoutbox))
    page.get_by_role("button", name="Potwierdź").click()
    # Confirming in the browser that signed up also signs the person in.
    expect(page.get_by_role("heading", level=1)).to_have_text("Moje konto")

    page.get_by_role("link", name="Zgłoś nowy podmiot").click()
    page.get_by_role("textbox", name="Nazwa (wymagane)").fill(NAME)
    page.get_by_label("Forma prawna").select_option(label="spółdzielnia socjalna")
    page.get_by_label("NIP").fill("PL 856-734-62-15")
    page.get_by_label("Miejscowość").fill("Bochnia")
    page.get_by_label("Gmina").select_option(label="Bochnia (gmina miejska, powiat bocheński)")
    page.get_by_label("Opis", exact=True).fill("Prowadzimy ogrody społeczne i uczymy uprawy warzyw.")
    page.get_by_label("Logo", exact=True).set_input_files(png_file(tmp_path))
    page.get_by_role("button", name="Wyślij zgłoszenie").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Moje konto")
    submissions = page.get_by_role("region", name="Moje zgłoszenia", exact=True)
    expect(submissions.get_by_role("row", name=re.compile(NAME))).to_contain_text("oczekuje na decyzję")
    screenshot(page, "journey-account-pending-proposal", viewport)
    # Nothing is public before an editor decides.
    assert not Entity.objects.published().filter(name=NAME).exists()

    editor_approves(page, editor, NAME)

    page.goto("/podmioty/")
    page.get_by_label("Szukaj", exact=True).fill("zielony zakatek")
    page.get_by_role("button", name="Pokaż wyniki").click()
    expect_result_count(page, 1)
    page.get_by_role("link", name=NAME).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(NAME)
    expect(page.locator("main")).to_contain_text("Prowadzimy ogrody społeczne")
    logo = page.get_by_role("img", name=re.compile("Logo"))
    expect(logo).to_be_visible()
    assert page.request.get(logo.get_attribute("src")).ok
    assert "zatwierdzi" in mailoutbox[-1].body
    assert page.console_errors == []
