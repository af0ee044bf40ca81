"""The registry on a map: the page and its GeoJSON, with the list's filters plus the visible box and zoom.

The server clusters: it splits the visible box into a grid whose cells are about a fifth of a map tile at the
requested zoom (and never more than GRID_MAX x GRID_MAX cells, whatever box is asked for), counts entities per
cell in one GROUP BY, and answers each crowded cell as one cluster at its entities' mean position. A cell
holding one entity, and everything once the map is zoomed in far enough and the box holds at most
MAX_POINTS entities, is answered as individual points with name, form and profile link. So a response never
carries more than GRID_MAX² features, with 100 entities or 100,000.

Cells are fixed to the globe (floor(coordinate / size)), not to the box, so panning keeps the same clusters,
and responses are cacheable: by the browser and proxies (Cache-Control), and on the server under the token
that any change of an entity replaces (entities/statistics.py).
"""

import hashlib
import math

from django.conf import settings
from django.core.cache import cache
from django.db.models import Avg, Count, F, FloatField, Max, Min
from django.db.models.functions import Cast, Floor
from django.http import JsonResponse, QueryDict
from django.shortcuts import render
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe

from entities import geo
from entities.filters import EntityFilter
from entities.models import Entity
from entities.versions import registry_version
from entities.views import list_query
from wortal.cache import public_page

GRID_MAX = 48  # cells along each side of the box at most: at most 2,304 features
CELLS_PER_TILE = 5  # a cell is ~50 px of a 256 px tile
POINTS_ZOOM = 13  # from this zoom on, individual points when the box is not too crowded
MAX_POINTS = 2000
MAX_ZOOM = 19
CACHE_SECONDS = 300
MAP_PARAMETERS = ("q", "powiat", "gmina", "forma", "branza", "ps")


def parse_box(value: str) -> tuple[float, float, float, float]:
    """``west,south,east,north`` in degrees, clipped to the region (a box outside it has no entities)."""
    try:
        west, south, east, north = (float(part) for part in value.split(","))
    except (AttributeError, ValueError):
        return geo.MALOPOLSKA_WEST, geo.MALOPOLSKA_SOUTH, geo.MALOPOLSKA_EAST, geo.MALOPOLSKA_NORTH
    if not all(math.isfinite(v) for v in (west, south, east, north)):
        return geo.MALOPOLSKA_WEST, geo.MALOPOLSKA_SOUTH, geo.MALOPOLSKA_EAST, geo.MALOPOLSKA_NORTH
    west, east = sorted((west, east))
    south, north = sorted((south, north))
    return (
        max(west, geo.MALOPOLSKA_WEST - 1),
        max(south, geo.MALOPOLSKA_SOUTH - 1),
        min(east, geo.MALOPOLSKA_EAST + 1),
        min(north, geo.MALOPOLSKA_NORTH + 1),
    )


def parse_zoom(value) -> int:
    try:
        return min(max(int(value), 0), MAX_ZOOM)
    except (TypeError, ValueError):
        return 8


def cell_size(box, zoom: int) -> float:
    """Degrees per grid cell: a fraction of a tile at this zoom, but never more than GRID_MAX cells a side."""
    west, south, east, north = box
    size = 360 / (2**zoom) / CELLS_PER_TILE
    return max(size, (east - west) / GRID_MAX, (north - south) / GRID_MAX, 1e-6)


def point_feature(entity: dict) -> dict:
    return {
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [entity["lon"], entity["lat"]]},
        "properties": {
            "name": entity["name"],
            "form": str(dict(Entity._meta.get_field("legal_form").choices)[entity["legal_form"]]),
            "town": entity["town"],
            "url": reverse("entities:detail", kwargs={"slug": entity["slug"]}),
        },
    }


def cluster_feature(cell: dict, size: float) -> dict:
    return {
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [round(cell["lon"], 6), round(cell["lat"], 6)]},
        "properties": {
            "count": cell["count"],
            # The cell's own box, so a click can zoom to exactly what the cluster holds.
            "bbox": [
                round(cell["west"], 6),
                round(cell["south"], 6),
                round(cell["east"], 6),
                round(cell["north"], 6),
            ],
            "cell": size,
        },
    }


POINT_FIELDS = {"lat": Cast("latitude", FloatField()), "lon": Cast("longitude", FloatField())}


def features(queryset, box, zoom: int) -> tuple[str, list[dict]]:
    """('points' or 'clusters', the features) for the filtered entities in the box at this zoom."""
    west, south, east, north = box
    located = queryset.filter(
        latitude__isnull=False,
        longitude__isnull=False,
        latitude__gte=south,
        latitude__lte=north,
        longitude__gte=west,
        longitude__lte=east,
    ).order_by()
    values = ("name", "slug", "legal_form", "town")
    if zoom >= POINTS_ZOOM:
        points = list(located.annotate(**POINT_FIELDS).values(*values, "lat", "lon")[: MAX_POINTS + 1])
        if len(points) <= MAX_POINTS:
            return "points", [point_feature(point) for point in points]
    size = cell_size(box, zoom)
    cells = list(
        located.annotate(
            cx=Floor(Cast("longitude", FloatField()) / size), cy=Floor(Cast("latitude", FloatField()) / size)
        )
        .values("cx", "cy")
        .annotate(
            count=Count("pk"),
            lat=Avg(Cast("latitude", FloatField())),
            lon=Avg(Cast("longitude", FloatField())),
            south=Min(Cast("latitude", FloatField())),
            north=Max(Cast("latitude", FloatField())),
            west=Min(Cast("longitude", FloatField())),
            east=Max(Cast("longitude", FloatField())),
            one=Min(F("pk")),
        )
    )
    singles = [cell["one"] for cell in cells if cell["count"] == 1]
    result = [cluster_feature(cell, size) for cell in cells if cell["count"] > 1]
    if singles:
        # Alone in its cell: the entity itself, with its name, is more use than a "1".
        points = Entity.objects.filter(pk__in=singles).annotate(**POINT_FIELDS).values(*values, "lat", "lon")
        result += [point_feature(point) for point in points]
    return "clusters", result


def map_query(query) -> str:
    """The list's filters from a query string, without paging and ordering (the map has neither)."""
    kept = QueryDict(list_query(query), mutable=True)
    for name in ("page", "sort"):
        kept.pop(name, None)
    return kept.urlencode()


def map_filter(request):
    return EntityFilter(request.GET, queryset=Entity.objects.published())


# Not a @public_page: the page cache would make it revalidate on every pan; it has its own cache and max-age.
@require_safe
def map_geojson(request):
    box, zoom = parse_box(request.GET.get("bbox")), parse_zoom(request.GET.get("zoom"))
    filters = "&".join(f"{name}={request.GET.get(name, '')[:200]}" for name in MAP_PARAMETERS)
    key_source = f"{filters}|{box}|{zoom}"
    key = f"entities:map:{registry_version()}:{hashlib.sha256(key_source.encode()).hexdigest()[:32]}"

    def compute():
        kind, found = features(map_filter(request).qs, box, zoom)
        return {"type": "FeatureCollection", "kind": kind, "zoom": zoom, "features": found}

    response = JsonResponse(
        cache.get_or_set(key, compute, CACHE_SECONDS), content_type="application/geo+json"
    )
    patch_cache_control(response, public=True, max_age=CACHE_SECONDS)
    return response


@public_page
@require_safe
def map_page(request):
    filterset = map_filter(request)
    return render(
        request,
        "entities/entity_map.html",
        {
            "filter": filterset,
            "map_query": map_query(request.GET),
            # south, west, north, east: the first view shows the whole region.
            "bounds": [geo.MALOPOLSKA_SOUTH, geo.MALOPOLSKA_WEST, geo.MALOPOLSKA_NORTH, geo.MALOPOLSKA_EAST],
            "tiles": {"url": settings.MAP_TILE_URL, "attribution": settings.MAP_TILE_ATTRIBUTION},
            "located_count": filterset.qs.filter(latitude__isnull=False).count(),
        },
    )
