"""Journey 1: a visitor searches the registry without Polish letters, narrows the list, opens a profile and
comes back to the same filtered list."""

from urllib.parse import parse_qsl, urlsplit

import pytest

from entities.models import LegalForm
from tests import factories
from tests.e2e.browser import expect, expect_result_count, screenshot


@pytest.fixture
def registry():
    nowotarski = {"gmina": factories.gmina("121101"), "town": "Nowy Targ"}
    factories.EntityFactory(
        name="Spółdzielnia Socjalna Smaki Gorców", legal_form=LegalForm.SOCIAL_COOPERATIVE, **nowotarski
    )
    # Same search words, but another legal form or another powiat: the filters must leave these out.
    factories.EntityFactory(
        name="Spółdzielnia Pracy Gorczańska", legal_form=LegalForm.WORKERS_COOPERATIVE, **nowotarski
    )
    factories.EntityFactory(
        name="Spółdzielnia Socjalna Kraków Razem", legal_form=LegalForm.SOCIAL_COOPERATIVE
    )
    factories.EntityFactory(name="Fundacja Gorce", **nowotarski)


def list_state(url):
    """The list's non-empty parameters: the back link drops the empty ones a submitted form leaves."""
    return dict(parse_qsl(urlsplit(url).query))


def result_names(page):
    return page.locator(".results .card__title").all_inner_texts()


def test_a_visitor_finds_a_cooperative_by_search_and_filters_and_returns_to_the_same_list(
    page, viewport, registry
):
    page.goto("/")
    page.get_by_label("Szukaj w bazie podmiotów").fill("spoldzielnia SOCJALNA")
    page.get_by_role("button", name="Szukaj", exact=True).click()

    expect(page.get_by_role("heading", name="Baza podmiotów ekonomii społecznej")).to_be_visible()
    expect_result_count(page, 2)
    assert sorted(result_names(page)) == [
        "Spółdzielnia Socjalna Kraków Razem",
        "Spółdzielnia Socjalna Smaki Gorców",
    ]

    page.get_by_label("Powiat").select_option(label="powiat nowotarski")
    page.get_by_label("Forma prawna").select_option(label="spółdzielnia socjalna")
    page.get_by_role("button", name="Pokaż wyniki").click()

    expect_result_count(page, 1)
    assert result_names(page) == ["Spółdzielnia Socjalna Smaki Gorców"]
    filtered_query = list_state(page.url)
    screenshot(page, "journey-registry-filtered", viewport)

    page.get_by_role("link", name="Spółdzielnia Socjalna Smaki Gorców").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Spółdzielnia Socjalna Smaki Gorców")
    expect(page.locator(".profile__facts")).to_contain_text("Nowy Targ")

    page.get_by_role("link", name="Wróć do listy podmiotów").click()
    assert list_state(page.url) == filtered_query
    expect_result_count(page, 1)
    expect(page.get_by_label("Szukaj", exact=True)).to_have_value("spoldzielnia SOCJALNA")
    expect(page.get_by_label("Powiat")).to_have_value("1211")
    expect(page.get_by_label("Forma prawna")).to_have_value("spoldzielnia-socjalna")
    assert result_names(page) == ["Spółdzielnia Socjalna Smaki Gorców"]
    assert page.console_errors == []


@pytest.mark.parametrize("viewport", ["desktop"])
def test_a_search_that_finds_nothing_says_so_and_offers_the_whole_list(page, registry):
    page.goto("/podmioty/?q=piekarnia")
    expect_result_count(page, 0)
    expect(page.get_by_text("Nie znaleźliśmy podmiotów spełniających te warunki.")).to_be_visible()
    page.get_by_role("link", name="Pokaż wszystkie podmioty").click()
    expect_result_count(page, 4)
