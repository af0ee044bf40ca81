"""/osadz/podmioty/: a list partner sites may frame; every other page still refuses to be framed."""

import pytest

from entities.models import Entity
from tests.factories import EntityFactory, gmina

pytestmark = pytest.mark.django_db


def frame_ancestors(response):
    policy = response["Content-Security-Policy"]
    return next(part.split()[1:] for part in policy.split(";") if part.strip().startswith("frame-ancestors"))


def test_the_embedded_list_may_be_framed_and_follows_the_filters(client):
    EntityFactory(name="Fundacja z Bochni", gmina=gmina("120101"))
    EntityFactory(name="Fundacja z Krakowa")
    EntityFactory(name="Szkic", state=Entity.State.DRAFT, gmina=gmina("120101"))
    response = client.get("/osadz/podmioty/", {"powiat": "1201", "forma": "fundacja"})
    assert response.status_code == 200
    assert frame_ancestors(response) == ["*"]
    assert "X-Frame-Options" not in response
    html = response.content.decode()
    assert "Fundacja z Bochni" in html and "Fundacja z Krakowa" not in html and "Szkic" not in html
    assert 'target="_blank" rel="noopener"' in html and '<html lang="pl">' in html


@pytest.mark.parametrize(
    "url", ["/", "/podmioty/", "/podmioty/mapa/", "/statystyki/", "/otwarte-dane/", "/api/v1/docs/"]
)
def test_every_other_page_refuses_to_be_framed(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert frame_ancestors(response) == ["'none'"]
    assert response["X-Frame-Options"] == "DENY"


def test_the_registry_offers_the_snippet_for_its_current_filters(client):
    EntityFactory()
    html = client.get("/podmioty/", {"powiat": "1261", "page": "1"}).content.decode()
    assert 'id="embed-code"' in html
    assert "&lt;iframe src=&quot;http://127.0.0.1:8000/osadz/podmioty/?powiat=1261&quot;" in html or (
        '&lt;iframe src="http://127.0.0.1:8000/osadz/podmioty/?powiat=1261"' in html
    )


def test_wrong_method_and_bad_filters(client):
    assert client.post("/osadz/podmioty/").status_code == 405
    assert client.get("/osadz/podmioty/", {"powiat": "zle", "page": "x"}).status_code == 200
