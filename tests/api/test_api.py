"""The public read-only API: what it shows, the pages' filters, ordering, pages, details and the rate limit."""

import datetime

import pytest
from django.utils import timezone
from rest_framework.throttling import AnonRateThrottle

from entities.models import Entity, LegalForm
from tests.api.content import published_content
from tests.factories import EntityFactory, gmina

pytestmark = pytest.mark.django_db


@pytest.fixture
def content():
    return published_content()


def results(client, path, **params):
    response = client.get(path, params)
    assert response.status_code == 200, response.content
    return response.json()["results"]


def test_entities_carry_codes_identifiers_location_status_and_sectors(client, content):
    [entity] = results(client, "/api/v1/podmioty/")
    assert entity["slug"] == "smaki" and entity["url"].endswith("/podmioty/smaki/")
    assert entity["gmina"] == {"teryt": "126101", "name": "Kraków"}
    assert entity["powiat"] == {"teryt": "1261", "name": "Kraków"}
    assert (entity["nip"], entity["regon"], entity["krs"]) == (content.nip, content.regon, content.krs)
    assert (entity["latitude"], entity["longitude"]) == (50.061, 19.937)
    assert entity["ps_status"] is True
    assert entity["sectors"] == ["gastronomia-i-catering"]


def test_no_contact_persons_data_ever(client, content):
    # The person consented to being shown on the profile page; the API still never carries them.
    for path in [
        "/api/v1/podmioty/",
        "/api/v1/podmioty/smaki/",
        "/api/v1/wydarzenia/",
        "/api/v1/inicjatywy/",
    ]:
        body = client.get(path).content.decode()
        assert "Anna Kontaktowa" not in body and "anna@example.org" not in body and "600 100 200" not in body
        assert "contact" not in body


def test_only_published_items_are_listed_or_shown(client, content):
    assert [e["slug"] for e in results(client, "/api/v1/podmioty/")] == ["smaki"]
    assert client.get("/api/v1/podmioty/szkic/").status_code == 404
    assert [p["slug"] for p in results(client, "/api/v1/aktualnosci/")] == ["nowosc"]
    assert client.get("/api/v1/aktualnosci/ukryty/").status_code == 404
    assert client.get("/api/v1/inicjatywy/wspolna-kuchnia/").json()["organisers"] == ["smaki"]
    content.archive()
    assert client.get("/api/v1/inicjatywy/wspolna-kuchnia/").json()["organisers"] == []
    assert client.get("/api/v1/wydarzenia/spotkanie/").json()["organiser_entity"] is None


def test_the_lists_filters_work_as_on_the_pages(client, content):
    EntityFactory(name="Fundacja Bocheńska", slug="bochenska", gmina=gmina("120101"))
    EntityFactory(name="Stowarzyszenie", slug="stow", legal_form=LegalForm.ASSOCIATION)
    assert [e["slug"] for e in results(client, "/api/v1/podmioty/", powiat="1201")] == ["bochenska"]
    assert [e["slug"] for e in results(client, "/api/v1/podmioty/", forma="stowarzyszenie")] == ["stow"]
    assert [e["slug"] for e in results(client, "/api/v1/podmioty/", q="SMAKI")] == ["smaki"]
    assert [e["slug"] for e in results(client, "/api/v1/podmioty/", ps="true")] == ["smaki"]
    assert [e["slug"] for e in results(client, "/api/v1/podmioty/", branza="gastronomia-i-catering")] == [
        "smaki"
    ]
    assert client.get("/api/v1/podmioty/", {"forma": "nie-ma"}).status_code == 400


def test_modified_after_and_ordering(client, content):
    later = EntityFactory(name="Aaa Późniejsza", slug="pozniejsza")
    Entity.objects.filter(pk=content.pk).update(updated_at=timezone.now() - datetime.timedelta(days=10))
    since = (timezone.now() - datetime.timedelta(days=1)).isoformat()
    assert [e["slug"] for e in results(client, "/api/v1/podmioty/", modified_after=since)] == [later.slug]
    assert client.get("/api/v1/podmioty/", {"modified_after": "wczoraj"}).status_code == 400
    assert [e["slug"] for e in results(client, "/api/v1/podmioty/")] == ["pozniejsza", "smaki"]
    assert [e["slug"] for e in results(client, "/api/v1/podmioty/", ordering="-updated_at")] == [
        "pozniejsza",
        "smaki",
    ]
    assert [e["slug"] for e in results(client, "/api/v1/podmioty/", ordering="-name")] == [
        "smaki",
        "pozniejsza",
    ]


def test_modified_after_takes_any_offset_and_the_calendars_ends(client, content):
    # PostgreSQL refuses offsets past ±15:59 and Python dates end at years 1 and 9999: found by schemathesis.
    assert len(results(client, "/api/v1/inicjatywy/", modified_after="0360-11-18T16:36:59.1209+17:00")) == 1
    assert len(results(client, "/api/v1/podmioty/", modified_after="0001-01-01T00:00:00+05:00")) == 1
    assert results(client, "/api/v1/podmioty/", modified_after="9999-12-31T23:59:59-05:00") == []


def test_pages_of_results(client, content, django_assert_max_num_queries):
    for number in range(4):
        EntityFactory(slug=f"p{number}")
    # count, the page's keys, its rows by key (a deferred join, wortal/pagination.py) and their prefetches
    with django_assert_max_num_queries(9):
        first = client.get("/api/v1/podmioty/", {"page_size": 2}).json()
    assert first["count"] == 5 and len(first["results"]) == 2 and "page=2" in first["next"]
    assert client.get("/api/v1/podmioty/", {"page": 99}).status_code == 404


def test_anonymous_use_is_rate_limited_per_address_with_a_clear_429(client, content, monkeypatch):
    monkeypatch.setattr(AnonRateThrottle, "rate", "3/min", raising=False)
    for _ in range(3):
        assert client.get("/api/v1/filmy/").status_code == 200
    # A forged X-Forwarded-For does not buy a fresh allowance when the site is not behind the proxy.
    response = client.get("/api/v1/filmy/", HTTP_X_FORWARDED_FOR="203.0.113.9")
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    assert "Za dużo zapytań z tego adresu" in response.json()["detail"]
    assert "3/min" in response.json()["detail"]
    assert client.get("/api/v1/filmy/", REMOTE_ADDR="198.51.100.7").status_code == 200


def test_openapi_document_and_documentation_within_the_csp(client):
    schema = client.get("/api/v1/openapi.json")
    assert schema.status_code == 200
    assert "/api/v1/podmioty/{slug}/" in schema.json()["paths"]
    docs = client.get("/api/v1/docs/")
    html = docs.content.decode()
    assert docs.status_code == 200 and '<html lang="pl">' in html
    assert "<style" not in html and "<script>" not in html and "cdn" not in html.lower()
    assert "/static/drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js" in html
    assert "script-src 'self'" in docs["Content-Security-Policy"]


def test_the_api_is_read_only(client, content):
    assert client.post("/api/v1/podmioty/", {}, content_type="application/json").status_code == 405
    assert client.delete("/api/v1/podmioty/smaki/").status_code == 405


def test_anonymous_answers_come_from_the_page_cache_until_the_content_changes(
    client, settings, content, django_assert_num_queries
):
    settings.PAGE_CACHE = True
    first = client.get("/api/v1/podmioty/").json()
    with django_assert_num_queries(0):
        again = client.get("/api/v1/podmioty/")
    assert again.json() == first and again["Content-Type"].startswith("application/json")
    EntityFactory(name="Fundacja Świeżo Dodana", slug="swiezo-dodana")
    names = [
        entity["name"] for entity in client.get("/api/v1/podmioty/", {"page_size": 200}).json()["results"]
    ]
    assert "Fundacja Świeżo Dodana" in names
