"""Demo entities sit at plausible points in their own gmina, from the committed table of gmina centres."""

import io
import statistics

import pytest
from django.core.management import call_command

from entities.demo import seed_entities
from entities.demo_geo import demo_point
from entities.geo import distance_km, gmina_centroids, in_malopolska, location_errors
from entities.models import Entity, Gmina

pytestmark = pytest.mark.django_db


def test_every_current_gmina_has_a_centre_inside_malopolska():
    centres = gmina_centroids()
    assert set(Gmina.objects.current().values_list("teryt", flat=True)) <= set(centres)
    assert all(in_malopolska(*point) for point in centres.values())


def test_each_gmina_centre_is_near_the_other_gminy_of_its_powiat():
    # Catches a mistyped coordinate: no gmina lies more than ~40 km from the middle of its own powiat.
    centres = gmina_centroids()
    for powiat_teryt in {teryt[:4] for teryt in centres}:
        points = [point for teryt, point in centres.items() if teryt.startswith(powiat_teryt)]
        middle = (statistics.mean(p[0] for p in points), statistics.mean(p[1] for p in points))
        assert all(distance_km(point, middle) < 40 for point in points), powiat_teryt


def test_demo_points_stay_near_their_gmina_and_spread_out():
    for gmina in Gmina.objects.current():
        points = {demo_point(number, gmina) for number in range(1, 6)}
        assert len(points) == 5
        for latitude, longitude in points:
            assert location_errors(latitude, longitude, gmina) == {}
            assert distance_km((float(latitude), float(longitude)), gmina_centroids()[gmina.teryt]) <= 5.01


def test_seeding_places_every_demo_entity_and_the_backfill_is_idempotent():
    seed_entities(30)
    assert not Entity.objects.filter(latitude__isnull=True).exists()
    Entity.objects.update(latitude=None, longitude=None)
    call_command("seed_demo_locations", force=True, stdout=io.StringIO())
    assert not Entity.objects.filter(latitude__isnull=True).exists()
    first = list(Entity.objects.order_by("pk").values_list("latitude", "longitude"))
    call_command("seed_demo_locations", force=True, stdout=io.StringIO())
    assert list(Entity.objects.order_by("pk").values_list("latitude", "longitude")) == first
