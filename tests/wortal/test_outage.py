"""A database outage, for real: gunicorn with production settings in front of a PostgreSQL server of the test's
own, which the test stops and starts again. Pages answer a Polish 503 with Retry-After within 3 s, /healthz
answers 503 whatever the cookies, static files keep coming, and the site recovers by itself."""

import json

import pytest

from tests.processes import request

# django_db: the migrated test database must exist, to be copied into the own server.
pytestmark = [pytest.mark.postgres, pytest.mark.processes, pytest.mark.django_db]


def test_a_database_outage_is_a_quick_polish_503_and_the_site_recovers_by_itself(app_servers, own_postgres):
    (app,) = app_servers(1)
    assert request(app, "/podmioty/").status == 200
    session = {"sessionid": "x" * 32, "csrftoken": "y" * 32}

    own_postgres.stop()
    try:
        page = request(app, "/podmioty/", cookies=session)
        assert page.status == 503
        assert page.seconds < 3
        assert int(page.headers["Retry-After"]) > 0
        assert "Portal chwilowo nie działa" in page.text

        for cookies in ({}, session):
            health = request(app, "/healthz", cookies=cookies)
            assert health.status == 503
            assert json.loads(health.body) == {"status": "error", "database": "unavailable"}

        assert request(app, "/static/css/site.css").status == 200
    finally:
        own_postgres.start()

    assert request(app, "/healthz").status == 200
    assert request(app, "/podmioty/", cookies=session).status == 200


def test_gunicorn_passes_long_request_lines_to_the_portals_own_polish_414(app_servers):
    (app,) = app_servers(1)
    assert request(app, "/podmioty/?q=" + "a" * 9000).status == 200  # past gunicorn's old 8 KB limit
    too_long = request(app, "/podmioty/?q=" + "a" * 40000)
    assert too_long.status == 414
    assert "Za długi adres strony" in too_long.text
