"""Two app servers (gunicorn, production settings) share one PostgreSQL and one Redis: a session, a rate limit
and a lockout made on one hold on the other, as behind a load balancer."""

import re

import pytest
from django.contrib.auth.hashers import PBKDF2PasswordHasher

from tests.processes import request

# django_db: the migrated test database must exist, to be copied into the own server.
pytestmark = [pytest.mark.postgres, pytest.mark.processes, pytest.mark.django_db]

EMAIL = "dwa-serwery@example.org"
PASSWORD = "Zielona-Lampa-42"


@pytest.fixture
def person(own_postgres):
    # A cheap hash (few iterations) so the test does not spend seconds on PBKDF2; sign-in accepts it.
    hashed = PBKDF2PasswordHasher().encode(PASSWORD, "solsolsol", iterations=1000)
    user_id = own_postgres.psql(
        "INSERT INTO auth_user (password, is_superuser, username, first_name, last_name, email, is_staff, "
        f"is_active, date_joined) VALUES ('{hashed}', false, 'dwa', '', '', '{EMAIL}', false, true, now()) "
        "RETURNING id",
        database="wortal",
    ).splitlines()[0]
    own_postgres.psql(
        'INSERT INTO account_emailaddress (user_id, email, verified, "primary") '
        f"VALUES ({user_id}, '{EMAIL}', true, true)",
        database="wortal",
    )
    yield
    for table in ("account_emailaddress", "axes_accessattempt", "axes_accesslog", "django_session"):
        own_postgres.psql(f"DELETE FROM {table}", database="wortal")
    own_postgres.psql(f"DELETE FROM auth_user WHERE id = {user_id}", database="wortal")


def sign_in(server, client_ip, login=EMAIL, password=PASSWORD):
    form = request(server, "/konto/login/")
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.text).group(1)
    return request(
        server,
        "/konto/login/",
        data={"csrfmiddlewaretoken": token, "login": login, "password": password},
        cookies=form.cookies(),
        headers={"X-Forwarded-For": client_ip},
    )


def test_session_rate_limit_and_lockout_hold_across_two_app_servers(app_servers, person, redis_db):
    a, b = app_servers(2)

    # A session made on A is valid on B (sessions in PostgreSQL).
    signed_in = sign_in(a, "198.51.100.1")
    assert signed_in.status == 302
    session = {"sessionid": signed_in.cookies()["sessionid"]}
    assert request(b, "/konto/", cookies=session).status == 200
    assert request(b, "/konto/").status == 302  # without it: to the sign-in page

    # A lockout counted on both is a lockout on both (axes' attempts in PostgreSQL).
    for server in (a, b, a, b):
        assert sign_in(server, "203.0.113.9", password="zle-haslo-123").status == 200
    assert sign_in(a, "203.0.113.9", password="zle-haslo-123").status == 429  # the fifth locks
    assert sign_in(b, "203.0.113.9").status == 429
    assert sign_in(a, "203.0.113.9").status == 429

    # allauth's rate limit of sign-in attempts per address (30 a minute) is counted in Redis by both.
    form = request(a, "/konto/login/")
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.text).group(1)

    def attempt(server):
        data = {"csrfmiddlewaretoken": token, "login": "", "password": ""}
        return request(
            server,
            "/konto/login/",
            data=data,
            cookies=form.cookies(),
            headers={"X-Forwarded-For": "192.0.2.77"},
        )

    assert [attempt(a if n % 2 else b).status for n in range(30)] == [200] * 30
    assert attempt(a).status == 429
    assert attempt(b).status == 429
