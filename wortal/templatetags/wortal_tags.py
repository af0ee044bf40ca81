import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from wortal.fieldcache import render_field
from wortal.richtext import plain_text, render_html

register = template.Library()

# The same escapes as Django's json_script: the data can never close the script element.
_JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.simple_tag
def json_ld(data):
    """A schema.org data block. It is data, not code, so a strict script-src does not apply to it."""
    payload = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(_JSON_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(payload))


@register.filter
def richtext(value):
    """Editor HTML, sanitised (see wortal.richtext)."""
    return render_html(value or "")


@register.filter
def plaintext(value):
    return plain_text(value or "")


def polish_plural_index(number: int) -> int:
    """0 for 1, 1 for 2–4 (but not 12–14, also 22–24…), 2 otherwise: Polish has three plural forms."""
    number = abs(int(number))
    if number == 1:
        return 0
    if number % 10 in (2, 3, 4) and number % 100 not in (12, 13, 14):
        return 1
    return 2


@register.filter
def plural_pl(number, forms: str):
    """``{{ n|plural_pl:"podmiot,podmioty,podmiotów" }}``: the Polish form for a count.

    English's one/many rule of ``{% blocktranslate count %}`` would need a compiled catalogue for Polish.
    """
    try:
        index = polish_plural_index(number)
    except (TypeError, ValueError):
        return ""
    return forms.split(",")[index]


@register.simple_tag
def form_field(field):
    """includes/form_field.html for one field; a select comes from memory (wortal/fieldcache.py)."""
    return render_field(field)
