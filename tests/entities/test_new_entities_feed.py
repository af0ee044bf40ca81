import feedparser
import pytest

from entities.models import Entity, LegalForm
from tests.factories import EntityFactory, gmina

pytestmark = pytest.mark.django_db


def titles(client, **params):
    response = client.get("/podmioty/nowe/rss/", params)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    return [entry.title for entry in feedparser.parse(response.content).entries]


def test_it_lists_newly_published_entities_newest_first(client):
    EntityFactory(name="Starsza")
    EntityFactory(name="Nowsza")
    EntityFactory(name="Szkic", state=Entity.State.DRAFT)
    assert titles(client) == ["Nowsza", "Starsza"]


def test_it_filters_by_powiat_and_form(client):
    EntityFactory(name="Fundacja z Bochni", gmina=gmina("120101"))
    EntityFactory(
        name="Spółdzielnia z Bochni", gmina=gmina("120101"), legal_form=LegalForm.SOCIAL_COOPERATIVE
    )
    EntityFactory(name="Fundacja z Krakowa")
    assert titles(client, powiat="1201", forma="fundacja") == ["Fundacja z Bochni"]
    feed = feedparser.parse(client.get("/podmioty/nowe/rss/", {"powiat": "1201"}).content)
    assert "powiat bocheński" in feed.feed.title


def test_unknown_filters_are_404_and_the_list_links_to_the_feed(client):
    assert client.get("/podmioty/nowe/rss/", {"powiat": "9999"}).status_code == 404
    assert client.get("/podmioty/nowe/rss/", {"forma": "nie-ma"}).status_code == 404
    EntityFactory()
    html = client.get("/podmioty/", {"powiat": "1261", "forma": "fundacja"}).content.decode()
    assert 'href="/podmioty/nowe/rss/?powiat=1261&amp;forma=fundacja"' in html
