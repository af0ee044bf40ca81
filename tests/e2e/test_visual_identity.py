"""The portal's look at both sizes: a compact phone header whose menu opens without JavaScript, the operator's
name in the header, entity logos in the registry's list items, and the checkbox beside its label."""

import pytest

from tests import factories
from tests.e2e.accounts import png_file
from tests.e2e.browser import expect

pytestmark = pytest.mark.parametrize("javascript", [False])


def test_the_header_is_compact_on_a_phone_and_its_menu_works_without_javascript(page, viewport):
    page.goto("/")
    header = page.locator(".site-header")
    expect(header).to_contain_text("Regionalny Ośrodek Polityki Społecznej w Krakowie")
    nav_link = page.get_by_role("navigation", name="Menu główne").get_by_role("link", name="Podmioty")
    toggle = page.locator(".site-menu__toggle")
    if viewport == "phone":
        # A sixth of the first screen at most (name, search field and "Menu" button), the menu closed.
        assert header.bounding_box()["height"] <= 844 / 6
        expect(page.get_by_label("Szukaj w portalu")).to_be_visible()
        expect(nav_link).to_be_hidden()
        expect(toggle).to_have_text("Menu")
        toggle.click()
        expect(nav_link).to_be_visible()
        expect(page.get_by_role("link", name="Załóż konto")).to_be_visible()
    else:
        expect(toggle).to_be_hidden()
        expect(nav_link).to_be_visible()
        expect(page.get_by_role("link", name="Zaloguj się")).to_be_visible()
    nav_link.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Baza podmiotów ekonomii społecznej")


def test_registry_items_show_logos_and_the_ps_checkbox_sits_beside_its_label(page, viewport, tmp_path):
    from django.core.files.uploadedfile import SimpleUploadedFile

    logo = png_file(tmp_path)
    factories.EntityFactory(
        name="Spółdzielnia Socjalna Zakątek",
        logo=SimpleUploadedFile("logo.png", logo.read_bytes(), content_type="image/png"),
    )
    factories.EntityFactory(name="Fundacja bez Logo")
    page.goto("/podmioty/")
    items = page.locator(".results .card-list > li")
    expect(items).to_have_count(2)
    with_logo = items.filter(has_text="Zakątek").locator("img.entity-logo")
    expect(with_logo).to_be_visible()
    assert page.request.get(with_logo.get_attribute("src")).ok
    assert with_logo.bounding_box()["width"] >= 48
    expect(items.filter(has_text="bez Logo").locator(".entity-logo--none")).to_be_visible()

    checkbox = page.get_by_label("Tylko przedsiębiorstwa społeczne (status PS)")
    label = page.locator("label[for='id_ps']")
    box, text = checkbox.bounding_box(), label.bounding_box()
    # Beside: the label starts right of the box, on the same line (their tops within a line's height).
    assert text["x"] >= box["x"] + box["width"]
    assert abs(text["y"] - box["y"]) < box["height"]
