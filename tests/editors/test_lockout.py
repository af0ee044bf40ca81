"""django-axes still locks a username and address pair out, now that staff sign in through allauth's form."""

import pytest
from django.urls import reverse

from tests.factories import UserFactory, verified_email

pytestmark = pytest.mark.django_db

LOGIN = reverse("account_login")


def attempt(client, login, password="zle-haslo-123", ip="10.0.0.1"):
    return client.post(LOGIN, {"login": login, "password": password}, REMOTE_ADDR=ip)


@pytest.fixture
def staff(db):
    return verified_email(UserFactory(username="biuro", is_staff=True))


def test_five_failed_sign_ins_lock_that_username_from_that_address(client, staff, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        attempt(client, "biuro@example.org")
    response = attempt(client, "biuro@example.org", password="haslo-testowe-123")
    assert response.status_code == 429
    assert "Logowanie czasowo zablokowane" in response.content.decode()


def test_the_count_ignores_the_case_of_the_address(client, staff, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        attempt(client, "Biuro@Example.org")
    response = attempt(client, "biuro@example.org", password="haslo-testowe-123")
    assert response.status_code == 429


def test_a_stranger_does_not_lock_out_a_colleague_behind_the_same_address(client, staff, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        attempt(client, "ktos-obcy@example.org")
    response = attempt(client, "biuro@example.org", password="haslo-testowe-123")
    assert response.status_code == 302


def test_the_same_username_from_another_address_is_not_locked(client, staff, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        attempt(client, "biuro@example.org", ip="10.0.0.1")
    response = attempt(client, "biuro@example.org", password="haslo-testowe-123", ip="10.0.0.2")
    assert response.status_code == 302


def test_the_lock_ends_after_the_cool_off(client, staff, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        attempt(client, "biuro@example.org")
    from axes.models import AccessAttempt

    AccessAttempt.objects.update(
        attempt_time=AccessAttempt.objects.first().attempt_time - settings.AXES_COOLOFF_TIME
    )
    response = attempt(client, "biuro@example.org", password="haslo-testowe-123")
    assert response.status_code == 302


def test_the_admin_login_form_sends_staff_to_the_accounts_sign_in(client):
    response = client.get(reverse("admin:login"), {"next": "/admin/news/post/"})
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert "next=%2Fadmin%2Fnews%2Fpost%2F" in response["Location"]
