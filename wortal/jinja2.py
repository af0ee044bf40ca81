"""The Jinja2 environment, for the few fragments a page repeats many times (the registry's cards).

Django's template language renders an ``{% include %}`` per card at about 0.3 ms; a compiled Jinja2 template
renders all twenty cards of a list page in a fraction of that (docs/performance.md). Everything else stays in
Django templates. Autoescaping is on (Django's Jinja2 backend enables it by default).
"""

from django.templatetags.static import static
from django.urls import reverse
from django.utils.text import capfirst
from django.utils.translation import gettext, ngettext
from jinja2 import Environment


def environment(**options):
    env = Environment(**options)
    env.globals.update({"_": gettext, "ngettext": ngettext, "static": static, "url": reverse})
    env.filters["capfirst"] = capfirst
    return env
