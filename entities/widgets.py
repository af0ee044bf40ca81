"""A map under the longitude field: clicking it fills latitude and longitude.

The two plain number fields stay the way to set a location without JavaScript (or without a mouse); the map
only writes into them. It opens on the point already given, or else on the chosen gmina's centre.
"""

import json

from django import forms
from django.conf import settings
from django.core.cache import cache

from entities.geo import gmina_centroids
from entities.models import Gmina

GMINA_POINTS_KEY = "entities:gmina-points"


def gmina_points() -> str:
    """JSON {gmina pk: [lat, lon]}: the form's gmina select sends pks, the centre table is keyed on TERYT."""

    def compute():
        centres = gmina_centroids()
        pairs = Gmina.objects.values_list("pk", "teryt")
        return json.dumps({pk: centres[teryt] for pk, teryt in pairs if teryt in centres})

    return cache.get_or_set(GMINA_POINTS_KEY, compute, 24 * 3600)


class LocationPickerInput(forms.NumberInput):
    template_name = "entities/widgets/location_picker.html"

    def __init__(self, latitude_field="latitude", gmina_field="gmina", attrs=None):
        super().__init__(attrs)
        self.latitude_field = latitude_field
        self.gmina_field = gmina_field

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        prefix = name[: -len("longitude")] if name.endswith("longitude") else ""
        context["picker"] = {
            "latitude_id": f"id_{prefix}{self.latitude_field}",
            "gmina_id": f"id_{prefix}{self.gmina_field}",
            "tiles": settings.MAP_TILE_URL,
            "attribution": settings.MAP_TILE_ATTRIBUTION,
            "gmina_points": gmina_points(),
        }
        return context
