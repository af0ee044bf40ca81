"""Shared steps of the organisations' browser journeys: signing in as a member or an editor, deciding in the
moderation queue, and a small real image to upload."""

from pathlib import Path

from PIL import Image

from tests import factories
from tests.e2e.browser import expect

PASSWORD = "haslo-testowe-123"  # what tests.factories gives every account


def member_signs_in(page, email, password=PASSWORD):
    """Through allauth's login form, as a person would; lands on "Moje konto"."""
    page.goto("/konto/login/")
    page.get_by_label("Adres e-mail").fill(email)
    page.get_by_label("Hasło").fill(password)
    page.get_by_role("button", name="Zaloguj").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Moje konto")


def verified_editor():
    """The editors' persona (the "Redaktor" group, not a superuser) with a confirmed e-mail address: allauth
    signs in only with one, and staff sign in through allauth where the panel asks for a second factor (the
    admin then sends them to /konto/login/)."""
    return factories.verified_email(factories.redaktor("redaktorka"))


def editor_signs_in(page, editor):
    """Into the panel through whichever sign-in form the admin shows: its own, or the accounts' e-mail form
    when it sends staff there."""
    page.goto("/admin/")
    if "/konto/login/" in page.url:
        page.get_by_label("Adres e-mail").fill(editor.email)
        page.get_by_label("Hasło").fill(PASSWORD)
        page.get_by_role("main").get_by_role("button", name="Zaloguj", exact=True).click()
    else:
        page.get_by_label("Nazwa użytkownika").fill(editor.username)
        page.get_by_label("Hasło").fill(PASSWORD)
        page.get_by_role("button", name="Zaloguj się").click()
    expect(page.get_by_role("heading", name="Rejestr i treści")).to_be_visible()


def editor_approves(page, editor, item_title):
    """From the admin home page to the moderation queue, the item's comparison page and its approve button.
    Starts and ends signed out, so the journey goes on as a visitor on the same page."""
    page.context.clear_cookies()
    editor_signs_in(page, editor)
    page.get_by_role("link", name="Otwórz kolejkę moderacji").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Kolejka moderacji")
    page.get_by_role("link", name=item_title).click()
    page.get_by_role("button", name="Zatwierdź").click()
    expect(page.locator(".messagelist")).to_contain_text("Zatwierdzono")
    page.context.clear_cookies()


def png_file(folder: Path, name="logo.png", color="#2a6f4e") -> Path:
    """A small real PNG made with Pillow, as a person would pick it from their disk."""
    path = folder / name
    Image.new("RGB", (240, 160), color).save(path, format="PNG")
    return path
