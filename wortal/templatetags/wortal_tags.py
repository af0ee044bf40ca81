import json
import re

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.template.loader import get_template
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from wortal.fieldcache import render_field
from wortal.fragments import fragment_key, remembered
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


@register.filter
def html_datetime(value):
    """A ``<time datetime>`` value in local time, whole seconds: ``2026-11-25T05:32:58+01:00``.

    Django's ``date:'c'`` keeps six digits of microseconds, which HTML's date-time syntax does not allow
    (at most three), so the Nu HTML Checker reports it.
    """
    if not value:
        return ""
    if timezone.is_aware(value):
        value = timezone.localtime(value)
    return value.replace(microsecond=0).isoformat()


_STYLE_ATTRIBUTE = re.compile(r'\s+style="[^"]*"')


@register.filter
def import_diff(value):
    """An import preview cell without the inline styles of import-export's diff (the CSP refuses them; the
    colours of <ins> and <del> come from static/css/admin-import-export.css). The cell is the library's
    escaped HTML; only attributes are removed."""
    return mark_safe(_STYLE_ATTRIBUTE.sub("", str(value)))


@register.simple_tag
def form_field(field):
    """includes/form_field.html for one field; a select comes from memory (wortal/fieldcache.py)."""
    return render_field(field)


class AnonymousFragmentNode(template.Node):
    def __init__(self, nodelist, name, vary_on):
        self.nodelist, self.name, self.vary_on = nodelist, name, vary_on

    def render(self, context):
        request = context.get("request")
        key = None
        if request is not None:
            key = fragment_key(request, self.name, tuple(value.resolve(context) for value in self.vary_on))
        if key is None:
            return self.nodelist.render(context)
        return remembered(key, lambda: self.nodelist.render(context))


@register.tag
def anonymous_fragment(parser, token):
    """``{% anonymous_fragment "name" value… %}…{% endanonymous_fragment %}``: rendered once per content
    generation, language and the given values for every visitor who is not signed in (wortal/fragments.py).
    Give as values everything else the fragment shows (the address, a query)."""
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("anonymous_fragment needs a name")
    nodelist = parser.parse(("endanonymous_fragment",))
    parser.delete_first_token()
    return AnonymousFragmentNode(nodelist, bits[1], [parser.compile_filter(bit) for bit in bits[2:]])


@register.simple_tag(takes_context=True)
def pagination(context, page):
    """The pager of a list (templates/jinja2/includes/pagination.html): every link keeps the list's other
    parameters, and the pages around the current one are shown."""
    html = get_template("includes/pagination.html", using="jinja2").render({"page": page}, context.request)
    return mark_safe(html)  # autoescaped by Jinja2
