"""Statistics, open data and the embeddable list pass axe-core; the API documentation (Swagger UI, vendored)
renders under the site's CSP with no console error."""

import pytest

from entities.models import LegalForm
from tests import factories
from tests.e2e.axe import axe_violations, describe
from tests.e2e.browser import expect, screenshot

PAGES = {
    "statistics": ("/statystyki/?powiat=1261", "Podmioty według gmin"),
    "open-data": ("/otwarte-dane/", "Licencja"),
    "embed": ("/osadz/podmioty/", "Fundacja Otwarta"),
}


@pytest.mark.parametrize("viewport", ["desktop"])
def test_statistics_open_data_and_embed_pages_pass_axe(page, viewport):
    factories.EntityFactory(name="Fundacja Otwarta")
    factories.EntityFactory(name="Spółdzielnia Socjalna Druga", legal_form=LegalForm.SOCIAL_COOPERATIVE)
    problems = []
    for name, (address, text) in PAGES.items():
        page.goto(address)
        expect(page.get_by_text(text).first).to_be_visible()
        screenshot(page, name, viewport)
        violations = axe_violations(page)
        if violations:
            problems.append(f"{address}:\n{describe(violations)}")
    assert not problems, "\n".join(problems)
    assert page.console_errors == []


@pytest.mark.parametrize("viewport", ["desktop"])
def test_the_api_documentation_works_within_the_csp(page, viewport):
    page.goto("/api/v1/docs/")
    expect(page.get_by_text("/api/v1/podmioty/").first).to_be_visible()
    assert page.console_errors == []
    assert page.failed_requests == []
