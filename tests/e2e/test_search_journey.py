"""Search in the browser: the header's search field on a phone, and the gmina list following the powiat."""

import pytest

from tests import factories
from tests.e2e.browser import expect, screenshot


@pytest.mark.parametrize("viewport", ["phone"])
def test_a_visitor_on_a_phone_searches_the_whole_portal_from_the_header(page, viewport):
    factories.EntityFactory(name="Spółdzielnia Socjalna „Pszczoła”", offer="Miód z naszej pasieki.")
    factories.PostFactory(title="Jak założyć pasiekę")
    page.goto("/wydarzenia/")
    field = page.get_by_label("Szukaj w portalu")
    expect(field).to_be_visible()
    field.fill("pasieki")
    field.press("Enter")

    expect(page).to_have_url("/szukaj/?q=pasieki")
    expect(page.get_by_role("heading", name="Podmioty ekonomii społecznej (1)")).to_be_visible()
    expect(page.get_by_role("heading", name="Aktualności (1)")).to_be_visible()
    screenshot(page, "site-search", viewport)
    page.get_by_role("link", name="Spółdzielnia Socjalna „Pszczoła”").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Spółdzielnia Socjalna „Pszczoła”")
    assert page.console_errors == []


@pytest.mark.parametrize("viewport", ["desktop"])
def test_choosing_a_powiat_narrows_the_gminas_to_that_powiat(page):
    page.goto("/podmioty/")
    gmina = page.get_by_label("Gmina")
    all_groups = gmina.locator("optgroup").count()
    assert all_groups > 20

    page.get_by_label("Powiat").select_option(label="powiat nowotarski")
    expect(gmina.locator("optgroup")).to_have_count(1)
    expect(gmina.locator("optgroup")).to_have_attribute("label", "powiat nowotarski")
    assert "Nowy Targ (gmina miejska, powiat nowotarski)" in gmina.locator("option").all_inner_texts()
    assert not any("krakowski" in text for text in gmina.locator("option").all_inner_texts())
    gmina.select_option(label="Nowy Targ (gmina miejska, powiat nowotarski)")

    page.get_by_label("Powiat").select_option(label="wszystkie")
    expect(gmina.locator("optgroup")).to_have_count(all_groups)
    expect(gmina).to_have_value("121101")
    assert page.console_errors == []
