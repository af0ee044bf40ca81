"""Keyboard only: from the home page to a filtered list and a profile with Tab, Shift+Tab, Enter and Space
(and typing into fields). Every focus stop must be visible; the skip link must move focus into the content.
A member completes the new-entity form the same way, and a failed submit puts focus on the error summary."""

import pytest
from django.urls import reverse

from entities.models import EntitySubmission, LegalForm
from tests import factories
from tests.e2e.accounts import member_signs_in
from tests.e2e.browser import assert_focus_visible, expect, expect_result_count, tab_to


@pytest.fixture
def registry():
    cooperative = factories.EntityFactory(
        name="Spółdzielnia Socjalna Smaki Gorców",
        legal_form=LegalForm.SOCIAL_COOPERATIVE,
        gmina=factories.gmina("121101"),
        town="Nowy Targ",
    )
    factories.PSStatusFactory(entity=cooperative)
    factories.EntityFactory(name="Spółdzielnia Socjalna Bez Statusu", legal_form=LegalForm.SOCIAL_COOPERATIVE)
    return cooperative


def test_the_skip_link_is_the_first_stop_and_moves_focus_into_the_content(page):
    page.goto("/")
    page.keyboard.press("Tab")
    state = assert_focus_visible(page)
    assert state["text"] == "Przejdź do treści"
    expect(page.get_by_role("link", name="Przejdź do treści")).to_be_in_viewport()

    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    # The next Tab continues inside the content, not back in the header.
    page.keyboard.press("Tab")
    assert page.evaluate("document.querySelector('main').contains(document.activeElement)")
    assert_focus_visible(page)


def test_a_keyboard_user_searches_filters_and_opens_a_profile(page, viewport, registry):
    page.goto("/")
    search = page.get_by_label("Szukaj w bazie podmiotów")
    tab_to(page, search)
    page.keyboard.type("spoldzielnia")
    page.keyboard.press("Enter")
    expect_result_count(page, 2)

    # The PS checkbox is toggled with Space; Shift+Tab goes back to a field passed by mistake.
    checkbox = page.get_by_label("Tylko przedsiębiorstwa społeczne (status PS)")
    tab_to(page, checkbox)
    page.keyboard.press("Space")
    expect(checkbox).to_be_checked()
    tab_to(page, page.get_by_label("Forma prawna"), backwards=True)
    page.keyboard.type("sp")  # type-ahead picks the first option starting so: "spółdzielnia socjalna"
    expect(page.get_by_label("Forma prawna")).to_have_value("spoldzielnia-socjalna")
    tab_to(page, page.get_by_role("button", name="Pokaż wyniki"))
    page.keyboard.press("Enter")

    expect_result_count(page, 1)
    expect(page.get_by_label("Tylko przedsiębiorstwa społeczne (status PS)")).to_be_checked()

    profile_link = page.get_by_role("link", name="Spółdzielnia Socjalna Smaki Gorców")
    tab_to(page, profile_link)
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Spółdzielnia Socjalna Smaki Gorców")

    back = page.get_by_role("link", name="Wróć do listy podmiotów")
    tab_to(page, back)
    page.keyboard.press("Enter")
    expect_result_count(page, 1)
    assert page.console_errors == []


def test_the_film_consent_button_works_with_the_space_key(page):
    film = factories.FilmFactory(title="Partnerska interwencja")
    page.route(
        "https://www.youtube-nocookie.com/**", lambda route: route.fulfill(body="<title>odtwarzacz</title>")
    )
    page.goto(film.get_absolute_url())
    tab_to(page, page.get_by_role("button", name="Odtwórz film z YouTube"))
    page.keyboard.press("Space")
    # Focus moves to the player that replaced the button, so the visitor is not left at the top of the page.
    expect(page.locator("iframe[title='Film: Partnerska interwencja']")).to_be_focused()


@pytest.mark.parametrize("viewport", ["desktop"])
def test_a_keyboard_user_proposes_an_entity_and_lands_on_the_errors_after_a_failed_submit(page):
    factories.verified_user("prezeska@zakatek.example.org")
    member_signs_in(page, "prezeska@zakatek.example.org")
    page.goto(reverse("member:propose"))

    # Sent empty: the page comes back with the error summary focused, and its link leads to the field.
    submit = page.get_by_role("button", name="Wyślij zgłoszenie")
    tab_to(page, submit, limit=150)
    page.keyboard.press("Enter")
    summary = page.locator("#form-errors")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("Nazwa")
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Nazwa")).to_be_focused()
    page.keyboard.press("Enter")
    name = page.get_by_role("textbox", name="Nazwa (wymagane)")
    expect(name).to_be_focused()

    page.keyboard.type("Spółdzielnia Socjalna Zielony Zakątek")
    legal_form = page.get_by_label("Forma prawna")
    tab_to(page, legal_form)
    page.keyboard.type("sp")  # type-ahead: the first form starting so is "spółdzielnia socjalna"
    expect(legal_form).to_have_value("spoldzielnia-socjalna")
    tab_to(page, page.get_by_label("Miejscowość"))
    page.keyboard.type("Bochnia")
    gmina = page.get_by_label("Gmina")
    tab_to(page, gmina)
    page.keyboard.type("Bochnia")
    expect(gmina.locator("option:checked")).to_have_text("Bochnia (gmina miejska, powiat bocheński)")
    tab_to(page, page.get_by_label("Opis", exact=True))
    page.keyboard.type("Prowadzimy ogrody społeczne.")
    sector = page.get_by_label("sprzątanie i utrzymanie zieleni")
    tab_to(page, sector)
    page.keyboard.press("Space")
    expect(sector).to_be_checked()
    # Back to a field passed by mistake, and on to the button again.
    offer = page.get_by_label("Oferta produktów i usług")
    tab_to(page, offer, backwards=True)
    page.keyboard.type("Pielęgnacja zieleni.")
    tab_to(page, submit, limit=150)
    page.keyboard.press("Enter")

    expect(page.get_by_role("heading", level=1)).to_have_text("Moje konto")
    expect(page.locator("main")).to_contain_text("Spółdzielnia Socjalna Zielony Zakątek")
    proposal = EntitySubmission.objects.get()
    assert proposal.data["legal_form"] == "spoldzielnia-socjalna"
    assert proposal.data["offer"] == "Pielęgnacja zieleni."
    assert proposal.data["sectors"] == [factories.sector("sprzatanie-i-utrzymanie-zieleni").pk]
    assert page.console_errors == []
