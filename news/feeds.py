from django.conf import settings
from django.contrib.syndication.views import Feed
from django.urls import reverse_lazy
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from news.models import Post

FEED_SIZE = 20


class LatestPostsFeed(Feed):
    title = _("Aktualności – Małopolski Wortal Ekonomii Społecznej")
    link = reverse_lazy("news:list")
    description = _("Najnowsze wiadomości o ekonomii społecznej w Małopolsce.")
    language = "pl"

    def items(self):
        return Post.objects.published().prefetch_related("categories").select_related("author")[:FEED_SIZE]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.lead

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_author_name(self, item):
        return item.author_name or None

    def item_categories(self, item):
        return [category.name for category in item.categories.all()]

    def item_guid(self, item):
        return f"{settings.SITE_URL}{item.get_absolute_url()}"


class LatestPostsAtomFeed(LatestPostsFeed):
    feed_type = Atom1Feed
    subtitle = LatestPostsFeed.description
