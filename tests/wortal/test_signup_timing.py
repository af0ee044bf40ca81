"""Sign-up does the same work whether the e-mail already has an account or not, so its timing tells nothing."""

import pytest
from django.contrib.auth.hashers import MD5PasswordHasher
from django.urls import reverse
from mailer.models import Message

from tests.factories import UserFactory, verified_email

pytestmark = pytest.mark.django_db


class CountingHasher(MD5PasswordHasher):
    calls = 0

    def encode(self, password, salt):
        CountingHasher.calls += 1
        return super().encode(password, salt)


@pytest.fixture
def counted(settings):
    settings.PASSWORD_HASHERS = [f"{__name__}.CountingHasher"]
    settings.EMAIL_BACKEND = "mailer.backend.DbBackend"
    CountingHasher.calls = 0
    return CountingHasher


def sign_up(client, email):
    return client.post(
        reverse("account_signup"),
        {"email": email, "password1": "Zielona-Lampa-42", "password2": "Zielona-Lampa-42"},
    )


@pytest.mark.parametrize("registered", [False, True], ids=["new address", "registered address"])
def test_sign_up_hashes_one_password_and_queues_one_message_either_way(client, counted, registered):
    if registered:
        verified_email(UserFactory(username="zajety", email="zajety@example.org"))
        counted.calls = 0
    response = sign_up(client, "zajety@example.org")
    assert response.status_code == 302
    assert response["Location"] == reverse("account_email_verification_sent")
    assert counted.calls == 1
    assert Message.objects.count() == 1
