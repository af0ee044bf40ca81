"""The registry map: the page, its GeoJSON with server-side clusters, and the limits on a location."""

from decimal import Decimal

import pytest
from django.urls import reverse

from entities.map import GRID_MAX
from entities.models import Entity, LegalForm
from tests.entities.posts import entity_post_for
from tests.factories import EntityFactory, gmina

pytestmark = pytest.mark.django_db

KRAKOW_BOX = "19.79,49.97,20.22,50.13"


def located(**kwargs):
    kwargs.setdefault("latitude", Decimal("50.061000"))
    kwargs.setdefault("longitude", Decimal("19.937000"))
    return EntityFactory(**kwargs)


def geojson(client, **params):
    response = client.get("/podmioty/mapa.geojson", params)
    assert response.status_code == 200
    return response.json()


def test_points_at_high_zoom_carry_name_form_and_profile_link(client):
    entity = located(name="Spółdzielnia Na Mapie", legal_form=LegalForm.SOCIAL_COOPERATIVE)
    data = geojson(client, bbox=KRAKOW_BOX, zoom=15)
    assert data["kind"] == "points"
    [feature] = data["features"]
    assert feature["geometry"]["coordinates"] == [19.937, 50.061]
    assert feature["properties"] == {
        "name": "Spółdzielnia Na Mapie",
        "form": "spółdzielnia socjalna",
        "town": "Kraków",
        "url": entity.get_absolute_url(),
    }


def test_only_published_entities_with_a_location_are_on_the_map(client):
    located(name="Widoczna")
    located(name="Szkic", state=Entity.State.DRAFT)
    located(name="Archiwum", state=Entity.State.ARCHIVED)
    EntityFactory(name="Bez położenia")
    names = [f["properties"]["name"] for f in geojson(client, bbox=KRAKOW_BOX, zoom=15)["features"]]
    assert names == ["Widoczna"]


def test_the_map_honours_the_lists_filters_and_the_box(client):
    located(name="Fundacja w Krakowie")
    located(name="Spółdzielnia w Krakowie", legal_form=LegalForm.SOCIAL_COOPERATIVE)
    located(
        name="Fundacja w Tarnowie",
        gmina=gmina("126301"),
        latitude=Decimal("50.0121"),
        longitude=Decimal("20.9858"),
    )
    data = geojson(client, bbox=KRAKOW_BOX, zoom=15, forma="fundacja")
    assert [f["properties"]["name"] for f in data["features"]] == ["Fundacja w Krakowie"]
    data = geojson(client, zoom=15, bbox="19,49,22,51", powiat="1263")
    assert [f["properties"]["name"] for f in data["features"]] == ["Fundacja w Tarnowie"]


def test_low_zoom_answers_clusters_whose_counts_add_up(client):
    for index in range(6):
        located(latitude=Decimal("50.03") + Decimal(index) / 1000)
    located(
        name="Samotna w Tarnowie",
        gmina=gmina("126301"),
        latitude=Decimal("50.0121"),
        longitude=Decimal("20.9858"),
    )
    data = geojson(client, zoom=7)
    assert data["kind"] == "clusters"
    clusters = [f for f in data["features"] if "count" in f["properties"]]
    singles = [f for f in data["features"] if "count" not in f["properties"]]
    assert [c["properties"]["count"] for c in clusters] == [6]
    # Alone in its cell, an entity is shown as itself.
    assert [s["properties"]["name"] for s in singles] == ["Samotna w Tarnowie"]
    west, south, east, north = clusters[0]["properties"]["bbox"]
    assert south == 50.03 and north == 50.035 and west == east == 19.937


def test_clustering_bounds_the_response_however_many_entities(client, django_assert_max_num_queries):
    # 3,000 entities, each in a cell of its own at the highest zoom: the answer must still be bounded.
    krakow = gmina("126101")
    Entity.objects.bulk_create(
        Entity(
            name=f"Punkt {n}",
            slug=f"punkt-{n}",
            legal_form=LegalForm.FOUNDATION,
            town="Kraków",
            gmina=krakow,
            state=Entity.State.PUBLISHED,
            latitude=Decimal("49.90") + Decimal(n % 60) / 200,
            longitude=Decimal("19.80") + Decimal(n // 60) / 200,
        )
        for n in range(3000)
    )
    for zoom in (0, 8, 19):
        with django_assert_max_num_queries(6):
            data = geojson(client, zoom=zoom, bbox="19,49,22,51")
        assert len(data["features"]) <= (GRID_MAX + 1) ** 2
        counted = sum(f["properties"].get("count", 1) for f in data["features"])
        assert counted == 3000
    assert geojson(client, zoom=19, bbox="19,49,22,51")["kind"] == "clusters"


def test_responses_are_cacheable_and_refreshed_when_an_entity_changes(client):
    entity = located(name="Przed zmianą")
    response = client.get("/podmioty/mapa.geojson", {"bbox": KRAKOW_BOX, "zoom": 15})
    assert "public" in response["Cache-Control"] and "max-age=300" in response["Cache-Control"]
    assert response["Content-Type"] == "application/geo+json"
    entity.archive()
    assert geojson(client, bbox=KRAKOW_BOX, zoom=15)["features"] == []


@pytest.mark.parametrize(
    "params",
    [
        {"bbox": "a,b,c,d", "zoom": "x"},
        {"bbox": "nan,inf,1,2"},
        {"zoom": "-5"},
        {"zoom": "999", "powiat": "zle"},
    ],
)
def test_bad_parameters_do_not_break_it(client, params):
    located()
    assert client.get("/podmioty/mapa.geojson", params).status_code == 200


def test_wrong_method(client):
    assert client.post("/podmioty/mapa.geojson").status_code == 405
    assert client.post("/podmioty/mapa/").status_code == 405


def test_the_map_and_the_list_link_to_each_other_with_the_filters(client):
    located()
    html = client.get(
        "/podmioty/mapa/", {"forma": "fundacja", "powiat": "1261", "page": "2"}
    ).content.decode()
    assert 'href="/podmioty/?powiat=1261&amp;forma=fundacja"' in html
    assert 'data-geojson="/podmioty/mapa.geojson?powiat=1261&amp;forma=fundacja"' in html
    html = client.get("/podmioty/", {"powiat": "1261", "forma": "fundacja", "page": "1"}).content.decode()
    assert 'href="/podmioty/mapa/?powiat=1261&amp;forma=fundacja"' in html


def test_the_csp_allows_images_from_exactly_the_tile_server(client):
    policy = client.get("/podmioty/mapa/")["Content-Security-Policy"]
    img_src = next(part for part in policy.split(";") if part.strip().startswith("img-src"))
    assert img_src.split() == ["img-src", "'self'", "data:", "https://tile.openstreetmap.org"]
    assert "script-src 'self'" in policy and "tile.openstreetmap.org" not in policy.replace(img_src, "")


def test_a_profile_with_a_location_shows_a_small_map(client):
    html = client.get(located(name="Z mapą").get_absolute_url()).content.decode()
    assert 'id="entity-map"' in html and 'data-lat="50.061000"' in html
    assert 'id="entity-map"' not in client.get(EntityFactory(name="Bez").get_absolute_url()).content.decode()


# --- Setting a location -----------------------------------------------------------------------------------


def test_the_member_form_offers_the_map_and_refuses_a_point_outside_malopolska(client_a, org_a):
    url = reverse("member:entity_edit", args=[org_a.slug])
    html = client_a.get(url).content.decode()
    assert 'class="location-picker"' in html and 'name="latitude"' in html and 'name="longitude"' in html
    # Warsaw: a clear message, nothing stored.
    response = client_a.post(url, entity_post_for(org_a, latitude="52.2297", longitude="21.0122"))
    assert response.status_code == 200
    assert "poza Małopolską" in response.content.decode()
    # Latitude and longitude swapped.
    response = client_a.post(url, entity_post_for(org_a, latitude="19.94", longitude="50.06"))
    assert "zamienione" in response.content.decode()


def test_a_point_far_from_the_chosen_gmina_is_refused(client_a, org_a):
    url = reverse("member:entity_edit", args=[org_a.slug])
    # Kraków's profile, a point in Zakopane.
    response = client_a.post(url, entity_post_for(org_a, latitude="49.2992", longitude="19.9496"))
    assert "km od gminy Kraków" in response.content.decode()
    response = client_a.post(url, entity_post_for(org_a, latitude="50.07", longitude=""))
    assert "obie współrzędne" in response.content.decode()


def test_a_point_in_the_gmina_is_accepted(client_a, org_a):
    url = reverse("member:entity_edit", args=[org_a.slug])
    response = client_a.post(url, entity_post_for(org_a, latitude="50.0700", longitude="19.9400"))
    assert response.status_code == 302


def test_the_admin_form_has_the_picker_and_the_same_check(editor_client, org_a):
    url = reverse("admin:entities_entity_change", args=[org_a.pk])
    assert 'class="location-picker"' in editor_client.get(url).content.decode()
