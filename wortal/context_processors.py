from django.conf import settings
from django.urls import NoReverseMatch, reverse
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


def _navigation():
    items = []
    for url_name, label in NAVIGATION:
        try:
            items.append({"url": reverse(url_name), "label": label})
        except NoReverseMatch:
            continue
    return items


def site(request):
    path = request.path
    navigation = [{**item, "current": path.startswith(item["url"])} for item in _navigation()]
    return {"SITE_URL": settings.SITE_URL, "navigation": navigation}
