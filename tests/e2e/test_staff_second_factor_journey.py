"""Journey: with STAFF_MFA_REQUIRED on (production), a new editor opening the panel signs in, sets up the
authenticator app and sees the recovery codes before the admin; next time the panel asks for a code, and a
recovery code stands in for the phone. The second-factor pages pass axe-core and keep within the CSP."""

import re

import pytest

from tests import factories
from tests.e2e.axe import assert_no_axe_violations
from tests.e2e.browser import expect, screenshot

PASSWORD = "haslo-testowe-123"


@pytest.fixture
def editor(settings):
    settings.STAFF_MFA_REQUIRED = True
    return factories.verified_email(factories.EditorFactory())


def sign_in(page, editor):
    page.goto("/admin/")
    expect(page).to_have_url(re.compile(r"/konto/login/\?next="))
    page.get_by_label("Adres e-mail").fill(editor.email)
    page.get_by_label("Hasło").fill(PASSWORD)
    page.get_by_role("main").get_by_role("button", name="Zaloguj", exact=True).click()


def test_an_editor_sets_up_the_second_factor_and_then_needs_it_for_the_panel(page, viewport, editor):
    sign_in(page, editor)
    # No authenticator yet: the panel sends the editor to set one up, after confirming the password.
    expect(page.locator(".messages")).to_contain_text("Panel redakcji wymaga logowania dwuetapowego")
    page.get_by_label("Hasło").fill(PASSWORD)
    page.get_by_role("main").get_by_role("button").first.click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Włącz aplikację uwierzytelniającą")
    expect(page.get_by_role("img", name="Kod QR do zeskanowania aplikacją uwierzytelniającą")).to_be_visible()
    assert_no_axe_violations(page)
    screenshot(page, "mfa-activate", viewport)
    secret = page.get_by_label("Klucz do wpisania ręcznie").input_value()
    page.get_by_label("Kod uwierzytelniający").fill(factories.totp_code(secret))
    page.get_by_role("button", name="Włącz").click()

    codes = page.locator("#recovery_codes")
    expect(codes).to_be_visible()
    recovery_code = codes.input_value().split()[0]
    page.goto("/admin/")
    expect(page.get_by_role("heading", name="Rejestr i treści")).to_be_visible()

    # Next time: password, then the second step; a wrong code is refused in Polish, a recovery code works.
    page.context.clear_cookies()
    sign_in(page, editor)
    expect(page.get_by_role("heading", level=1)).to_have_text("Logowanie dwuetapowe")
    assert_no_axe_violations(page)
    screenshot(page, "mfa-authenticate", viewport)
    page.get_by_label("Kod").fill("000000")
    page.get_by_role("button", name="Zaloguj się").click()
    expect(page.locator(".field__errors")).to_contain_text("Błędny kod")
    page.get_by_label("Kod").fill(recovery_code)
    page.get_by_role("button", name="Zaloguj się").click()
    expect(page.get_by_role("heading", name="Rejestr i treści")).to_be_visible()
    assert page.console_errors == []
