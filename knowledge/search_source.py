"""Publications in the site-wide search (/szukaj/): published ones, found as the library's list finds them
(title, authors, summary and the text of their files), newest first."""

from urllib.parse import urlencode

from django.template.defaultfilters import truncatechars
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from knowledge.models import Publication
from search.registry import SearchSource, register
from wortal.richtext import plain_text

register(
    SearchSource(
        key="publikacje",
        label=_("Publikacje"),
        model=Publication,
        search=lambda query: (
            Publication.objects.published()
            .search(query)
            .defer("search_text")
            .order_by("-published_at", "-pk")
        ),
        list_url=lambda query: f"{reverse('knowledge:list')}?{urlencode({'q': query})}",
        summary=lambda publication: truncatechars(plain_text(publication.summary), 240),
        position=55,
    )
)
