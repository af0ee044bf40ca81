from django.contrib.sitemaps import Sitemap
from django.db.models import Max
from django.urls import reverse

from monitoring.models import Round


class MonitoringSitemap(Sitemap):
    """The results page of every closed round (open rounds have no public page)."""

    changefreq = "yearly"

    def items(self):
        return Round.objects.closed().order_by("year")

    def location(self, item):
        return reverse("monitoring:year", args=[item.year])

    def lastmod(self, item):
        return item.reports.aggregate(last=Max("updated_at"))["last"] or item.closed_at
