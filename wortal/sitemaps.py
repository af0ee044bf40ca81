"""The sitemap: every public page, listed from the same published() QuerySets the pages use."""

from django.contrib.sitemaps import Sitemap
from django.db.models import Max
from django.urls import reverse

from entities.models import Entity
from initiatives.models import Initiative
from knowledge.sitemaps import PublicationSitemap
from monitoring.sitemaps import MonitoringSitemap
from news.models import Event, Film, Post


class StaticSitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        return [
            "home",
            "entities:list",
            "initiatives:list",
            "news:list",
            "news:film_list",
            "news:event_list",
            "about",
            "accessibility",
            "knowledge:list",
            "office:contact",
            "office:privacy",
            "pakt:page",
        ]

    def location(self, item):
        return reverse(item)


class ModelSitemap(Sitemap):
    """Published rows of a model, with their last change."""

    model = None
    changefreq = "monthly"
    limit = 5000

    def items(self):
        return self.model.objects.published().only("slug", "updated_at").order_by("pk")

    def lastmod(self, item):
        return item.updated_at

    def get_latest_lastmod(self):
        # Django's default reads every row for the index; one aggregate does the same in the database.
        return self.items().aggregate(latest=Max("updated_at"))["latest"]


class EntitySitemap(ModelSitemap):
    model = Entity


class InitiativeSitemap(ModelSitemap):
    model = Initiative


class PublishableSitemap(ModelSitemap):
    changefreq = "weekly"


class PostSitemap(PublishableSitemap):
    model = Post


class FilmSitemap(PublishableSitemap):
    model = Film


class EventSitemap(PublishableSitemap):
    model = Event


SITEMAPS = {
    "strony": StaticSitemap,
    "podmioty": EntitySitemap,
    "inicjatywy": InitiativeSitemap,
    "aktualnosci": PostSitemap,
    "filmy": FilmSitemap,
    "wydarzenia": EventSitemap,
    "monitoring": MonitoringSitemap,
    "wiedza": PublicationSitemap,
}
