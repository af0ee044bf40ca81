"""News, films, events and site pages in the site-wide search (/szukaj/): only what the public may see."""

from django.utils import formats
from django.utils.translation import gettext_lazy as _

from news.models import Event, Film, Page, Post
from search.indexing import matching
from search.registry import SearchSource, register

register(
    SearchSource(
        key="aktualnosci",
        label=_("Aktualności"),
        model=Post,
        search=lambda query: matching(Post.objects.published(), query).order_by("-published_at", "-pk"),
        summary=lambda post: post.lead,
        position=30,
    )
)
register(
    SearchSource(
        key="filmy",
        label=_("Filmy"),
        model=Film,
        # The transcript is searched too (Film.SEARCH_FIELDS).
        search=lambda query: matching(Film.objects.published(), query).order_by("-published_at", "-pk"),
        position=40,
    )
)
register(
    SearchSource(
        key="wydarzenia",
        label=_("Wydarzenia"),
        model=Event,
        search=lambda query: matching(Event.objects.published(), query).order_by("-start", "-pk"),
        summary=lambda event: formats.date_format(event.start, "j E Y"),
        position=50,
    )
)
register(
    SearchSource(
        key="strony",
        label=_("Strony serwisu"),
        model=Page,
        search=lambda query: matching(Page.objects.all(), query),
        summary=lambda page: page.description,
        position=60,
    )
)
