"""The registry map in a browser: markers and clusters with and without map tiles, used from the keyboard,
with no axe-core violations. Tiles never come from the internet here: the tile server's address is answered
by the test (a plain PNG) or refused, as it would be offline."""

import io
from decimal import Decimal

import pytest
from PIL import Image

from tests import factories
from tests.e2e.axe import assert_no_axe_violations
from tests.e2e.browser import expect, screenshot, tab_to

TILES = "https://tile.openstreetmap.org/**"


def tile_png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (256, 256), "#e8efe4").save(buffer, format="PNG")
    return buffer.getvalue()


@pytest.fixture
def located_entities():
    krakow = {"gmina": factories.gmina("126101"), "town": "Kraków", "longitude": Decimal("19.93")}
    for index, name in enumerate(["Fundacja Pod Wawelem", "Stowarzyszenie Razem", "Spółdzielnia Most"]):
        factories.EntityFactory(name=name, latitude=Decimal("50.03") + Decimal(index) / 200, **krakow)
    factories.EntityFactory(
        name="Spółdzielnia Socjalna Tarnowska",
        gmina=factories.gmina("126301"),
        town="Tarnów",
        latitude=Decimal("50.0121"),
        longitude=Decimal("20.9858"),
    )


def open_map(page):
    page.goto("/podmioty/mapa/")
    expect(page.get_by_role("status")).to_contain_text("Na widocznym obszarze")
    return page.locator("#registry-map")


def test_the_map_shows_clusters_and_points_over_tiles_and_works_from_the_keyboard(
    page, viewport, located_entities
):
    tiles_requested = []

    def serve_tile(route):
        tiles_requested.append(route.request.url)
        route.fulfill(status=200, content_type="image/png", body=tile_png())

    page.route(TILES, serve_tile)
    open_map(page)
    cluster = page.get_by_role("button", name="Skupisko podmiotów: 3. Przybliż")
    expect(cluster).to_be_visible()
    expect(page.get_by_role("button", name="Spółdzielnia Socjalna Tarnowska")).to_be_visible()
    expect(page.locator(".leaflet-tile-loaded").first).to_be_visible()
    assert tiles_requested, "the map asked for no tiles"
    assert page.console_errors == []  # the CSP lets the tiles in and nothing else breaks
    expect(page.get_by_role("link", name="Pokaż jako listę")).to_have_attribute("href", "/podmioty/")
    screenshot(page, "entity-map", viewport)
    assert_no_axe_violations(page)

    # Keyboard: the zoom control, then the cluster (Enter zooms in to its entities), then a point's popup.
    zoom_in = page.get_by_role("button", name="Przybliż", exact=True)
    tab_to(page, zoom_in)
    zoom_before = int(page.locator("#registry-map").get_attribute("data-zoom"))
    page.keyboard.press("Enter")
    expect(page.locator("#registry-map")).to_have_attribute("data-zoom", str(zoom_before + 1))
    # Markers come before the controls in the page's order: back from the zoom buttons.
    tab_to(page, page.get_by_role("button", name="Skupisko podmiotów: 3. Przybliż"), backwards=True)
    page.keyboard.press("Enter")
    # The cluster is gone; the keyboard focus moves to the first of its entities, now shown one by one.
    for name in ["Fundacja Pod Wawelem", "Stowarzyszenie Razem", "Spółdzielnia Most"]:
        expect(page.get_by_role("button", name=name)).to_be_visible()
    focused_name = page.evaluate("() => document.activeElement.getAttribute('alt')")
    assert focused_name in ["Fundacja Pod Wawelem", "Stowarzyszenie Razem", "Spółdzielnia Most"]
    page.keyboard.press("Enter")
    profile = page.get_by_role("link", name="Zobacz profil")
    expect(profile).to_be_visible()
    assert_no_axe_violations(page)
    profile.click()
    expect(page.get_by_role("heading", name=focused_name, level=1)).to_be_visible()


@pytest.mark.parametrize("viewport", ["desktop"])
def test_without_tiles_the_markers_and_the_list_link_remain(page, viewport, located_entities):
    page.route(TILES, lambda route: route.abort())
    open_map(page)
    expect(page.get_by_role("button", name="Skupisko podmiotów: 3. Przybliż")).to_be_visible()
    expect(page.get_by_role("button", name="Spółdzielnia Socjalna Tarnowska")).to_be_visible()
    expect(page.locator(".leaflet-tile-loaded")).to_have_count(0)
    expect(page.get_by_role("link", name="Pokaż jako listę")).to_be_visible()
    assert_no_axe_violations(page)
