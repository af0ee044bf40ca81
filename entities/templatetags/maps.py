from django import template
from django.conf import settings

register = template.Library()


@register.simple_tag
def map_tiles():
    """The tile server's address template and its attribution (settings MAP_TILE_URL, MAP_TILE_ATTRIBUTION)."""
    return {"url": settings.MAP_TILE_URL, "attribution": settings.MAP_TILE_ATTRIBUTION}
