"""Form errors are tied to their fields: a screen reader reads the error with the field, and the result count
is a live region, so a changed list is announced."""

from tests.e2e.browser import expect


def test_an_unknown_filter_value_is_explained_next_to_its_field(page):
    page.goto("/podmioty/?powiat=9999")
    powiat = page.get_by_label("Powiat")
    expect(powiat).to_have_attribute("aria-invalid", "true")
    error_id = powiat.get_attribute("aria-describedby")
    assert error_id == "id_powiat_error"
    expect(page.locator(f"#{error_id}")).to_contain_text("Wybierz poprawną wartość")
    expect(powiat).to_have_accessible_description(
        "Wybierz poprawną wartość. 9999 nie jest żadną z dostępnych opcji."
    )


def test_help_text_is_read_with_its_field(page):
    page.goto("/podmioty/")
    expect(page.get_by_label("Szukaj", exact=True)).to_have_accessible_description(
        "Nazwa, miejscowość, opis lub oferta. Polskie znaki nie są wymagane."
    )


def test_the_result_count_is_announced_as_a_status(page):
    page.goto("/podmioty/?q=nic")
    expect(page.get_by_role("status")).to_have_text("Liczba podmiotów: 0")
