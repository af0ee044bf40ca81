"""The editors' screens in a browser: no CSP violation on the admin's pages (home, post form with the rich-text
editor, import with its preview and its error list, export with "select all"), and the editor writes only
the HTML the sanitiser keeps."""

import pytest

from tests.e2e.accounts import editor_signs_in, verified_editor
from tests.e2e.browser import expect

# One size: the panel is the same page on a phone, and each browser test empties the database afterwards.
pytestmark = pytest.mark.parametrize("viewport", ["desktop"])

HEADER = "Nazwa;Forma prawna;NIP;Miejscowość;Gmina (TERYT);Branże\n"


def csv_file(folder, name, text):
    path = folder / name
    path.write_text(HEADER + text, encoding="utf-8")
    return path


def test_admin_pages_keep_within_the_csp_and_the_editor_writes_clean_html(page, viewport, tmp_path):
    editor_signs_in(page, verified_editor())
    expect(page.get_by_role("link", name="Małopolski Wortal Ekonomii Społecznej")).to_be_visible()

    page.goto("/admin/news/post/add/")
    body = page.get_by_role("textbox", name="Treść")
    expect(body).to_be_visible()
    body.click()
    page.keyboard.type("Nabór trwa do piątku.")
    page.keyboard.press("Control+a")
    page.keyboard.press("Control+b")
    assert (
        page.locator("textarea[name=body]").input_value() == "<p><strong>Nabór trwa do piątku.</strong></p>"
    )

    page.goto("/admin/entities/entity/import/")
    page.locator("input[type=file]").set_input_files(
        csv_file(tmp_path, "zle.csv", "Zła Fundacja;fundacja;123;Kraków;126101;kultura\n")
    )
    page.get_by_role("button", name="Sprawdź plik").click()
    errors = page.locator(".import-errors-table")
    expect(errors).to_contain_text("NIP musi mieć 10 cyfr")
    assert errors.bounding_box()["width"] <= 1280
    page.locator("input[type=file]").set_input_files(
        csv_file(tmp_path, "dobre.csv", 'Fundacja Zakątek;fundacja;;Kraków;126101;"kultura; transport"\n')
    )
    page.get_by_role("button", name="Sprawdź plik").click()
    expect(page.locator(".import-preview")).to_contain_text("kultura; transport")

    page.goto("/admin/entities/entity/export/")
    select_all = page.get_by_label("Zaznacz wszystkie")
    select_all.uncheck()
    expect(page.locator(".selectable-field-export-row input[type=checkbox]:checked")).to_have_count(0)
    select_all.check()
    expect(page.locator(".selectable-field-export-row input[type=checkbox]:not(:checked)")).to_have_count(0)
    expect(page.get_by_label("NIP", exact=True)).to_be_checked()  # the file's column names, acronyms kept
    page.get_by_label("Format").select_option(index=1)
    with page.expect_download() as download:
        page.get_by_role("button", name="Pobierz plik").click()
    assert download.value.suggested_filename.startswith("podmioty-")

    assert page.console_errors == [], page.console_errors
