import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import mark_safe

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
