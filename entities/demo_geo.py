"""Plausible demo locations: a point near the centre of the entity's own gmina (entities/geo.py's table).

The offset is drawn from the entity's number with a generator of its own, so the same demo entity always
lands on the same spot and the rest of the demo data does not change when this module does. The spread is
small enough to stay inside the gmina: about 1 km in a town, 2.5 km in a rural gmina, 5 km in Kraków.
"""

import math
import random
from decimal import Decimal

from entities.geo import gmina_centroids

SPREAD_KM = {"1": 1.2, "2": 2.5, "3": 2.5}
CITY_SPREAD_KM = {"126101": 5.0, "126201": 2.0, "126301": 2.0}
KM_PER_DEGREE_LATITUDE = 111.2


def demo_point(number: int, gmina) -> tuple[Decimal, Decimal] | tuple[None, None]:
    """Latitude and longitude for demo entity ``number`` in ``gmina`` (None, None for an unknown gmina)."""
    centre = gmina_centroids().get(gmina.teryt)
    if centre is None:
        return None, None
    rng = random.Random(f"wortal-demo-geo-{number}")
    radius = CITY_SPREAD_KM.get(gmina.teryt, SPREAD_KM.get(gmina.kind, 2.0)) * math.sqrt(rng.random())
    angle = rng.uniform(0, 2 * math.pi)
    latitude = centre[0] + radius * math.sin(angle) / KM_PER_DEGREE_LATITUDE
    longitude = centre[1] + radius * math.cos(angle) / (
        KM_PER_DEGREE_LATITUDE * math.cos(math.radians(centre[0]))
    )
    return Decimal(f"{latitude:.6f}"), Decimal(f"{longitude:.6f}")


def place_demo_entities(queryset) -> int:
    """Give demo entities (slugs ending in their number) without a location their demo point; returns how many."""
    placed = []
    for entity in queryset.filter(latitude__isnull=True, slug__regex=r"-[0-9]+$").select_related("gmina"):
        entity.latitude, entity.longitude = demo_point(int(entity.slug.rsplit("-", 1)[1]), entity.gmina)
        if entity.latitude is not None:
            placed.append(entity)
    queryset.model.objects.bulk_update(placed, ["latitude", "longitude"], batch_size=1000)
    return len(placed)
