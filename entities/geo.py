"""Where things are in Małopolska: the region's bounds, each gmina's centre and the checks on a location.

Gmina centres (``data/gminy_centroids.csv``) are approximate points inside each gmina, near its seat or, for
a rural gmina around a town of the same name, among its villages; see docs/opendata.md for how they were made.
They are good enough to check that a point is plausibly in the gmina it claims and to place demo entities;
they are not survey data.
"""

import csv
import functools
import math
from decimal import Decimal
from pathlib import Path

from django.utils.translation import gettext as _

CENTROIDS_FILE = Path(__file__).parent / "data" / "gminy_centroids.csv"
# The voivodeship's bounding box (south, west, north, east), a little generous at the edges.
MALOPOLSKA_SOUTH, MALOPOLSKA_WEST, MALOPOLSKA_NORTH, MALOPOLSKA_EAST = 49.16, 19.06, 50.54, 21.44
MALOPOLSKA_CENTRE = (49.85, 20.25)
# No gmina of Małopolska reaches further than this from its centre in the table (Kraków's edge is ~15 km).
MAX_KM_FROM_GMINA = 20


@functools.cache
def gmina_centroids() -> dict[str, tuple[float, float]]:
    with CENTROIDS_FILE.open(encoding="utf-8") as file:
        return {
            row["teryt"]: (float(row["latitude"]), float(row["longitude"]))
            for row in csv.DictReader(file, delimiter=";")
        }


def in_malopolska(latitude: float, longitude: float) -> bool:
    return (
        MALOPOLSKA_SOUTH <= latitude <= MALOPOLSKA_NORTH and MALOPOLSKA_WEST <= longitude <= MALOPOLSKA_EAST
    )


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance (haversine); plenty for tens of kilometres."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371 * math.asin(math.sqrt(h))


def location_errors(latitude: Decimal | None, longitude: Decimal | None, gmina=None) -> dict[str, str]:
    """Field errors for a location: both coordinates or neither, inside Małopolska, near the chosen gmina."""
    if latitude is None and longitude is None:
        return {}
    if latitude is None or longitude is None:
        missing = "latitude" if latitude is None else "longitude"
        return {missing: _("Podaj obie współrzędne albo żadnej (kliknij miejsce na mapie).")}
    point = (float(latitude), float(longitude))
    if not in_malopolska(*point):
        message = _(
            "Ten punkt leży poza Małopolską (%(lat).4f, %(lon).4f). Rejestr obejmuje tylko województwo "
            "małopolskie: sprawdź, czy szerokość i długość nie są zamienione miejscami."
        ) % {"lat": point[0], "lon": point[1]}
        return {"latitude": message}
    centre = gmina_centroids().get(gmina.teryt) if gmina is not None else None
    if centre and distance_km(point, centre) > MAX_KM_FROM_GMINA:
        message = _(
            "Ten punkt leży %(km)d km od gminy %(gmina)s. Sprawdź współrzędne albo wybraną gminę."
        ) % {
            "km": distance_km(point, centre),
            "gmina": gmina.name,
        }
        return {"latitude": message}
    return {}
