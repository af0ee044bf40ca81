import pytest
from django.urls import reverse

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

LOGIN = reverse("admin:login")


def attempt(client, username, password="zle-haslo-123", ip="10.0.0.1"):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=ip)


@pytest.fixture
def staff(db):
    return UserFactory(username="biuro", is_staff=True)


def test_five_failed_sign_ins_lock_that_username_from_that_address(client, staff, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        attempt(client, "biuro")
    response = attempt(client, "biuro", password="haslo-testowe-123")
    assert response.status_code == 429
    assert "Logowanie czasowo zablokowane" in response.content.decode()


def test_a_stranger_does_not_lock_out_a_colleague_behind_the_same_address(client, staff, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        attempt(client, "ktos-obcy")
    response = attempt(client, "biuro", password="haslo-testowe-123")
    assert response.status_code == 302


def test_the_same_username_from_another_address_is_not_locked(client, staff, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        attempt(client, "biuro", ip="10.0.0.1")
    response = attempt(client, "biuro", password="haslo-testowe-123", ip="10.0.0.2")
    assert response.status_code == 302


def test_the_lock_ends_after_the_cool_off(client, staff, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        attempt(client, "biuro")
    from axes.models import AccessAttempt

    AccessAttempt.objects.update(
        attempt_time=AccessAttempt.objects.first().attempt_time - settings.AXES_COOLOFF_TIME
    )
    response = attempt(client, "biuro", password="haslo-testowe-123")
    assert response.status_code == 302
