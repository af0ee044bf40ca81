"""The Jinja2 environment, for fragments a page repeats many times or that dominate a request's rendering.

Django's template language renders an ``{% include %}`` per card at about 0.3 ms; a compiled Jinja2 template
renders all twenty cards of a list page in a fraction of that (docs/performance.md). The same holds for the
pager's links and for the registry's list (its filters, results and export links), which a cold request
renders every time. Everything else stays in Django templates. Autoescaping is on (Django's Jinja2 backend
enables it by default).
"""

from types import SimpleNamespace

from django.contrib.humanize.templatetags.humanize import intcomma
from django.template.defaultfilters import urlencode
from django.template.defaulttags import querystring as django_querystring
from django.templatetags.static import static
from django.urls import reverse
from django.utils.text import capfirst
from django.utils.translation import gettext, ngettext
from jinja2 import Environment

from wortal.fieldcache import render_field
from wortal.templatetags.wortal_tags import plural_pl


def querystring(request, **changes) -> str:
    """Django's ``{% querystring %}``: the request's parameters with these changed (``None`` removes one)."""
    return django_querystring(SimpleNamespace(request=request), **changes)


def environment(**options):
    env = Environment(**options)
    env.globals.update(
        {
            "_": gettext,
            "ngettext": ngettext,
            "static": static,
            "url": reverse,
            "querystring": querystring,
            "form_field": render_field,
        }
    )
    env.filters.update(
        {"capfirst": capfirst, "intcomma": intcomma, "plural_pl": plural_pl, "urlencode": urlencode}
    )
    return env
