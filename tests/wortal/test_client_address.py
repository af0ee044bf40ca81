"""One rule for the client's address behind our proxies, and the sign-in limits that depend on it.

Behind the TLS proxy (one trusted proxy), the client is the address nginx appended to X-Forwarded-For; what
the client wrote to the left of it is ignored. Reproduces both attacks from the issue.
"""

import pytest
from axes.models import AccessAttempt
from django.test import RequestFactory
from django.urls import reverse

from tests.factories import UserFactory, verified_email
from wortal.client_ip import client_ip

PROXY = "10.0.0.254"
LOGIN = reverse("account_login")


@pytest.mark.parametrize(
    ("count", "forwarded", "remote", "expected"),
    [
        (0, "198.51.100.9", "203.0.113.5", "203.0.113.5"),  # no proxy: the header is the client's own words
        (1, "198.51.100.9, 203.0.113.5", PROXY, "203.0.113.5"),  # the address nginx appended
        (1, "203.0.113.5", PROXY, "203.0.113.5"),
        (2, "1.2.3.4, 203.0.113.5, 10.0.0.2", PROXY, "203.0.113.5"),
        (1, "", PROXY, PROXY),  # straight to the app server (a health check)
        (2, "203.0.113.5", PROXY, PROXY),  # fewer hops than proxies: not through them
        (1, "2001:db8::1", PROXY, "2001:db8::1"),
    ],
)
def test_the_client_is_the_address_our_outermost_proxy_appended(settings, count, forwarded, remote, expected):
    settings.TRUSTED_PROXY_COUNT = count
    request = RequestFactory().get("/", HTTP_X_FORWARDED_FOR=forwarded, REMOTE_ADDR=remote)
    assert client_ip(request) == expected


def test_allauth_axes_and_ratelimit_all_use_that_rule(settings):
    from allauth.account.adapter import get_adapter
    from axes.helpers import get_client_ip_address
    from django_ratelimit.core import _get_ip

    settings.TRUSTED_PROXY_COUNT = 1
    request = RequestFactory().get("/", HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.5", REMOTE_ADDR=PROXY)
    assert get_adapter(request).get_client_ip(request) == "203.0.113.5"
    assert get_client_ip_address(request) == "203.0.113.5"
    assert _get_ip(request) == "203.0.113.5"


@pytest.fixture
def behind_proxy(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    return settings


@pytest.fixture
def person(db):
    return verified_email(UserFactory(username="biuro"))


def sign_in(client, login, forwarded, password="zle-haslo-123"):
    return client.post(
        LOGIN, {"login": login, "password": password}, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=forwarded
    )


@pytest.mark.django_db
def test_failed_sign_ins_from_one_client_do_not_block_everyone_behind_the_proxy(client, behind_proxy, person):
    for n in range(12):
        sign_in(client, f"nieznany{n}@example.org", "203.0.113.66")
    assert "Zbyt wiele" in sign_in(client, "nieznany@example.org", "203.0.113.66").content.decode()
    response = sign_in(client, "biuro@example.org", "198.51.100.7", password="haslo-testowe-123")
    assert response.status_code == 302


@pytest.mark.django_db
def test_a_made_up_left_most_address_on_each_try_does_not_escape_the_lockout(client, behind_proxy, person):
    for n in range(behind_proxy.AXES_FAILURE_LIMIT):
        sign_in(client, "biuro@example.org", f"192.0.2.{n}, 203.0.113.66")
    assert AccessAttempt.objects.get().ip_address == "203.0.113.66"
    response = sign_in(client, "biuro@example.org", "192.0.2.200, 203.0.113.66", password="haslo-testowe-123")
    assert response.status_code == 429


@pytest.mark.django_db
def test_a_person_mistyping_from_several_places_is_not_locked_out_everywhere(client, behind_proxy, person):
    # 24 wrong passwords over six addresses (four each, under axes' five) once shut the account for everyone.
    for place in range(6):
        for _ in range(4):
            sign_in(client, "biuro@example.org", f"203.0.113.{place + 10}")
    response = sign_in(client, "biuro@example.org", "198.51.100.7", password="haslo-testowe-123")
    assert response.status_code == 302
