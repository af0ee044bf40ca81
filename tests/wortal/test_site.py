import re

import pytest
from django.db import DatabaseError
from django.test import Client
from django.urls import reverse

from entities.models import Entity
from tests.factories import EntityFactory, PSStatusFactory, gmina

pytestmark = pytest.mark.django_db


def test_the_home_page_has_a_registry_search_and_counts(client):
    PSStatusFactory(entity=EntityFactory(gmina=gmina("126101")))
    EntityFactory(gmina=gmina("120101"))
    EntityFactory(state=Entity.State.DRAFT)
    response = client.get(reverse("home"))
    html = response.content.decode()
    assert response.status_code == 200
    assert 'action="/podmioty/"' in html and 'name="q"' in html
    assert response.context["entity_count"] == 2
    assert response.context["ps_count"] == 1
    assert response.context["powiat_count"] == 2


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
