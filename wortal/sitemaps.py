"""The sitemap: every public page, listed from the same published() QuerySets the pages use."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from entities.models import Entity
from initiatives.models import Initiative
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
        ]

    def location(self, item):
        return reverse(item)


class EntitySitemap(Sitemap):
    changefreq = "monthly"
    limit = 5000

    def items(self):
        return Entity.objects.published().only("slug", "updated_at").order_by("pk")

    def lastmod(self, item):
        return item.updated_at


class InitiativeSitemap(Sitemap):
    changefreq = "monthly"

    def items(self):
        return Initiative.objects.published().only("slug", "updated_at").order_by("pk")

    def lastmod(self, item):
        return item.updated_at


class PublishableSitemap(Sitemap):
    model = None

    def items(self):
        return self.model.objects.published().only("slug", "updated_at").order_by("pk")

    def lastmod(self, item):
        return item.updated_at


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
}
