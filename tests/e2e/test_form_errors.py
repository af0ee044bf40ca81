"""Form errors are tied to their fields: a screen reader reads the error and the help with the field, and the
result count is a live region, so a changed list is announced."""

import pytest

from tests.e2e.browser import expect, expect_result_count


@pytest.mark.parametrize("viewport", ["desktop"])
def test_errors_and_help_are_read_with_their_fields_and_the_count_is_announced(page):
    page.goto("/podmioty/?powiat=9999")

    powiat = page.get_by_label("Powiat")
    expect(powiat).to_have_attribute("aria-invalid", "true")
    expect(powiat).to_have_attribute("aria-describedby", "id_powiat_error")
    expect(page.locator("#id_powiat_error")).to_have_text(
        "Wybierz poprawną wartość. 9999 nie jest żadną z dostępnych opcji."
    )
    expect(powiat).to_have_accessible_description(
        "Wybierz poprawną wartość. 9999 nie jest żadną z dostępnych opcji."
    )

    expect(page.get_by_label("Szukaj", exact=True)).to_have_accessible_description(
        "Nazwa, miejscowość, opis lub oferta. Polskie znaki nie są wymagane."
    )
    expect_result_count(page, 0)
