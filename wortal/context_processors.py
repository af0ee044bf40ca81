from functools import lru_cache

from django.conf import settings
from django.urls import NoReverseMatch, get_urlconf, reverse
from django.utils.translation import gettext_lazy as _

# The main navigation; a section appears once its app provides the URL.
NAVIGATION = [
    ("entities:list", _("Podmioty")),
    ("initiatives:list", _("Inicjatywy")),
    ("news:list", _("Aktualności")),
    ("news:film_list", _("Filmy")),
    ("news:event_list", _("Wydarzenia")),
    ("monitoring:index", _("Monitoring")),
    ("knowledge:list", _("Wiedza")),
    ("pakt:page", _("Pakt")),
    ("about", _("O portalu")),
]


@lru_cache(maxsize=8)
def _navigation(urlconf=None):
    """Reversed once per URLconf (nine reverses on every page otherwise)."""
    items = []
    for url_name, label in NAVIGATION:
        try:
            items.append({"url": reverse(url_name, urlconf=urlconf), "label": label})
        except NoReverseMatch:
            continue
    return items


def site(request):
    path = request.path
    navigation = [{**item, "current": path.startswith(item["url"])} for item in _navigation(get_urlconf())]
    # The one thing of the address the header shows (the menu's current section): what its rendering is kept
    # by (wortal/fragments.py), so every profile of a section shares one header.
    current_section = next((item["url"] for item in navigation if item["current"]), "")
    return {"SITE_URL": settings.SITE_URL, "navigation": navigation, "current_section": current_section}
