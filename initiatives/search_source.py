"""Initiatives in the site-wide search (/szukaj/): published reports, newest first, as their list finds them."""

from urllib.parse import urlencode

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from initiatives.models import Initiative
from search.registry import SearchSource, register

register(
    SearchSource(
        key="inicjatywy",
        label=_("Inicjatywy"),
        model=Initiative,
        search=lambda query: Initiative.objects.published().search(query).order_by("-start_date", "-pk"),
        list_url=lambda query: f"{reverse('initiatives:list')}?{urlencode({'q': query})}",
        summary=lambda initiative: initiative.summary,
        position=20,
    )
)
