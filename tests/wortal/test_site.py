import datetime
import re

import pytest
from django.db import DatabaseError, connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from entities.models import Entity
from tests.factories import EntityFactory, PostFactory, PSStatusFactory, gmina

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("page_cache", [False, True], ids=["counted in SQL", "from the facet index"])
def test_the_home_page_has_a_registry_search_and_counts(client, settings, page_cache):
    settings.PAGE_CACHE = page_cache
    PSStatusFactory(entity=EntityFactory(gmina=gmina("126101")))
    lapsed = EntityFactory(gmina=gmina("120101"))
    PSStatusFactory(
        entity=lapsed, valid_from=datetime.date(2020, 1, 1), withdrawn_on=datetime.date(2021, 1, 1)
    )
    EntityFactory(state=Entity.State.DRAFT, gmina=gmina("121601"))
    response = client.get(reverse("home"))
    html = response.content.decode()
    assert response.status_code == 200
    assert 'action="/podmioty/"' in html and 'name="q"' in html
    assert response.context["entity_count"] == 2
    assert response.context["ps_count"] == 1
    assert response.context["powiat_count"] == 2


def test_the_home_pages_counts_come_from_the_facet_index_and_follow_the_registry(client, settings):
    settings.PAGE_CACHE = True
    entity = EntityFactory(gmina=gmina("126101"))
    EntityFactory(gmina=gmina("120101"))
    client.get(reverse("entities:list"))  # the facet index is built, as by any list request
    PostFactory()  # other content: the page is rendered again, the registry's figures are not counted again
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("home"))
    assert response.context["entity_count"] == 2
    assert not [q for q in queries.captured_queries if "COUNT(" in q["sql"]]
    entity.state = Entity.State.ARCHIVED
    entity.save()
    response = client.get(reverse("home"))
    assert (response.context["entity_count"], response.context["powiat_count"]) == (1, 1)


def test_the_home_page_hides_the_counts_of_an_empty_registry(client):
    assert "Baza w liczbach" not in client.get(reverse("home")).content.decode()


def test_the_layout_is_accessible_polish_html(client):
    html = client.get(reverse("entities:list")).content.decode()
    assert '<html lang="pl">' in html
    assert '<a class="skip-link" href="#main">Przejdź do treści</a>' in html
    assert '<main id="main"' in html
    assert '<nav class="main-nav" aria-label="Menu główne">' in html
    assert '<a href="/podmioty/" aria-current="page">Podmioty</a>' in html
    assert "<footer" in html


def test_pages_carry_no_inline_scripts_handlers_or_style_attributes(client):
    entity = EntityFactory()
    for url in [reverse("home"), reverse("entities:list"), entity.get_absolute_url(), "/nie-ma/"]:
        html = client.get(url).content.decode()
        assert " style=" not in html
        assert " onclick=" not in html and " onload=" not in html
        # Scripts come from static files; the only inline one is JSON-LD data.
        inline = [tag for tag in re.findall(r"<script[^>]*>", html) if " src=" not in tag]
        assert all(tag == '<script type="application/ld+json">' for tag in inline), url


def test_responses_carry_a_strict_content_security_policy(client):
    policy = client.get(reverse("home")).headers["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy


def test_healthz_reports_the_database(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}


def test_healthz_answers_503_when_the_database_fails(client, monkeypatch):
    def broken_cursor(*args, **kwargs):
        raise DatabaseError("down")

    monkeypatch.setattr("wortal.views.connection.cursor", broken_cursor)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["status"] == "error"


def test_an_unknown_page_gets_the_polish_404(client):
    response = client.get("/nie-ma-takiej-strony/")
    assert response.status_code == 404
    assert "Nie znaleziono strony" in response.content.decode()


def test_a_crash_gets_the_polish_500_without_a_traceback(settings, monkeypatch):
    settings.DEBUG = False

    def explode(*args, **kwargs):
        raise RuntimeError("sekretny szczegół")

    monkeypatch.setattr("entities.views.EntityFilter", explode)
    client = Client(raise_request_exception=False)
    response = client.get(reverse("entities:list"))
    assert response.status_code == 500
    html = response.content.decode()
    assert "Przepraszamy, wystąpił błąd" in html
    assert "sekretny" not in html


@pytest.mark.parametrize("url", ["/", "/podmioty/", "/healthz"])
def test_public_pages_refuse_post(client, url):
    assert client.post(url).status_code == 405


def test_a_profile_refuses_post(client):
    assert client.post(EntityFactory().get_absolute_url()).status_code == 405
