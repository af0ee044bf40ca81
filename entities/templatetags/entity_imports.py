from django import template

from entities.imports.columns import HEADER_FOR

register = template.Library()


@register.filter
def column_header(attribute):
    """The file's column for an entity field ("nip" -> "NIP"), as editors see it in their spreadsheet."""
    return HEADER_FOR.get(attribute, attribute)
