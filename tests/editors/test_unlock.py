"""An editor (the "Redaktor" role) sees who is locked out of signing in and lifts the lock in the admin."""

import pytest
from axes.models import AccessAttempt
from django.urls import reverse

from tests.factories import UserFactory, redaktor, verified_email

pytestmark = pytest.mark.django_db

LOGIN = reverse("account_login")
LOCKS = reverse("admin:axes_accessattempt_changelist")


def sign_in(client, ip, password="zle-haslo-123"):
    return client.post(LOGIN, {"login": "biuro@example.org", "password": password}, REMOTE_ADDR=ip)


@pytest.fixture
def person(db):
    return verified_email(UserFactory(username="biuro"))


def unlock_all(client):
    ids = list(AccessAttempt.objects.values_list("pk", flat=True))
    return client.post(LOCKS, {"action": "unlock_accounts", "_selected_action": ids}, follow=True)


def test_an_editor_lifts_a_lockout_and_the_person_signs_in_at_once(client, person, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, "203.0.113.5")
    assert sign_in(client, "203.0.113.5", password="haslo-testowe-123").status_code == 429

    editor_client = client.__class__()
    editor_client.force_login(redaktor())
    page = editor_client.get(LOCKS)
    assert page.status_code == 200 and "biuro@example.org" in page.content.decode()
    response = unlock_all(editor_client)
    assert "Odblokowano konta: 1." in response.content.decode()

    assert sign_in(client, "203.0.113.5", password="haslo-testowe-123").status_code == 302


def test_unlocking_also_lifts_the_per_login_limit_a_spread_out_attack_reached(client, person):
    for place in range(8):  # four tries from each of eight addresses: under axes' limit, over allauth's
        for _ in range(4):
            sign_in(client, f"203.0.113.{place + 10}")
    assert sign_in(client, "198.51.100.7", password="haslo-testowe-123").status_code == 200  # refused

    editor_client = client.__class__()
    editor_client.force_login(redaktor())
    unlock_all(editor_client)
    assert sign_in(client, "198.51.100.7", password="haslo-testowe-123").status_code == 302


def test_a_member_cannot_open_the_locks(client, person):
    client.force_login(person)
    assert client.get(LOCKS).status_code == 302
