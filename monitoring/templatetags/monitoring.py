from django import template
from django.template.defaultfilters import floatformat

register = template.Library()


@register.filter
def figure(value, digits=-1):
    """A published number in Polish style, or a dash where there is none."""
    if value is None or value == "":
        return "—"
    return floatformat(value, f"-{abs(int(digits))}g")


@register.filter
def get_item(mapping, key):
    return mapping.get(key) if mapping else None


@register.filter
def signed(value):
    if value is None:
        return "—"
    text = floatformat(value, "1")
    return f"+{text}" if value > 0 else text
