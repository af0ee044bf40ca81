"""Site-wide headers, and the Polish pages for a bad Host, a failed CSRF check, an oversized request and a
database outage (the outage with a real PostgreSQL is in test_outage.py)."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import OperationalError
from django.http import HttpResponse
from django.test import Client, RequestFactory
from django.urls import reverse

from tests.factories import UserFactory, verified_email
from wortal.headers import SecurityHeadersMiddleware

pytestmark = pytest.mark.django_db


def test_every_page_denies_unused_browser_features_and_cross_origin_embedding(client):
    response = client.get(reverse("home"))
    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]
    assert response["Cross-Origin-Resource-Policy"] == "same-origin"
    assert "no-store" not in response.get("Cache-Control", "")


def test_account_and_member_pages_are_never_stored(client):
    client.force_login(verified_email(UserFactory()))
    for url in [reverse("member:dashboard"), reverse("account_email"), reverse("account_login")]:
        cache_control = {part.strip() for part in client.get(url)["Cache-Control"].split(",")}
        assert {"private", "no-store"} <= cache_control, url


def test_a_views_own_header_wins():
    def view(request):
        response = HttpResponse()
        response["Cross-Origin-Resource-Policy"] = "cross-origin"
        return response

    response = SecurityHeadersMiddleware(view)(RequestFactory().get("/osadz/x/"))
    assert response["Cross-Origin-Resource-Policy"] == "cross-origin"


def test_a_host_that_is_not_ours_gets_a_polish_400(client):
    response = client.get(reverse("home"), HTTP_HOST="zly.example")
    assert response.status_code == 400
    assert "Nieprawidłowe żądanie" in response.content.decode()


def test_a_failed_csrf_check_gets_a_polish_page(db):
    response = Client(enforce_csrf_checks=True).post(reverse("account_login"), {"login": "a@b.pl"})
    assert response.status_code == 403
    assert "Formularz wygasł" in response.content.decode()


def test_an_absurdly_long_query_string_gets_the_portals_polish_414(client, settings):
    assert client.get(reverse("entities:list"), {"q": "a" * 8000}).status_code == 200  # 8 KB is fine
    response = client.get(reverse("entities:list"), {"q": "a" * (settings.QUERY_STRING_MAX_BYTES + 1)})
    assert response.status_code == 414
    assert "Za długi adres" in response.content.decode()


def test_an_oversized_upload_is_refused_from_its_length_before_it_is_read(client, settings, monkeypatch):
    settings.REQUEST_BODY_MAX_BYTES = 64 * 1024
    read = []
    monkeypatch.setattr(
        "django.core.files.uploadhandler.TemporaryFileUploadHandler.receive_data_chunk",
        lambda self, data, start: read.append(len(data)),
    )
    big = SimpleUploadedFile("zdjecie.jpg", b"\xff" * (3 * 1024 * 1024), content_type="image/jpeg")
    response = client.post(reverse("account_login"), {"login": "a@b.pl", "plik": big})
    assert response.status_code == 413
    assert "Za duży plik" in response.content.decode()
    assert read == [], "no byte of the file reached a temporary file"


@pytest.fixture
def database_down(monkeypatch):
    def fail(*args, **kwargs):
        raise OperationalError("connection to server at 127.0.0.1 failed: Connection refused")

    monkeypatch.setattr("wortal.views.registry_counts", fail)


def test_a_database_outage_is_a_polish_503_with_retry_after(database_down):
    response = Client(raise_request_exception=False).get(reverse("home"))
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "Portal chwilowo nie działa" in response.content.decode()


def test_healthz_answers_before_sessions_and_hosts(client, monkeypatch):
    client.cookies["sessionid"] = "x" * 32
    monkeypatch.setattr(
        "django.contrib.sessions.backends.db.SessionStore.load",
        lambda self: (_ for _ in ()).throw(AssertionError("the session was loaded")),
    )
    response = client.get("/healthz", HTTP_HOST="10.0.0.7")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}
