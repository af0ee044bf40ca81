import datetime

import feedparser
import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import CategoryFactory, PostFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def posts():
    PostFactory(title="Widoczny wpis", lead="Lead widocznego", categories=[CategoryFactory(name="Szkolenia")])
    PostFactory(title="Szkic", is_published=False)
    PostFactory(title="Przyszły", published_at=timezone.now() + datetime.timedelta(days=1))


@pytest.mark.parametrize(("name", "version"), [("news:rss", "rss20"), ("news:atom", "atom10")])
def test_the_feed_parses_and_lists_only_published_posts(client, posts, name, version):
    response = client.get(reverse(name))
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == version
    assert [entry.title for entry in feed.entries] == ["Widoczny wpis"]
    entry = feed.entries[0]
    assert entry.link.endswith("/aktualnosci/widoczny-wpis/")
    assert "Lead widocznego" in entry.summary
    assert [tag.term for tag in entry.tags] == ["Szkolenia"]


def test_the_news_list_advertises_its_feeds(client):
    html = client.get(reverse("news:list")).content.decode()
    assert 'type="application/rss+xml"' in html and 'type="application/atom+xml"' in html
