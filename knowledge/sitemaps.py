from django.contrib.sitemaps import Sitemap
from django.db.models import Max

from knowledge.models import Publication


class PublicationSitemap(Sitemap):
    """Published publications with their last change (listed in wortal.sitemaps.SITEMAPS)."""

    changefreq = "monthly"
    limit = 5000

    def items(self):
        return Publication.objects.published().only("slug", "updated_at").order_by("pk")

    def lastmod(self, item):
        return item.updated_at

    def get_latest_lastmod(self):
        return self.items().aggregate(latest=Max("updated_at"))["latest"]
