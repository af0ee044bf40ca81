"""Accounts (django-allauth): sign-up with e-mail verification, log-in, log-out, passwords, all in Polish."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse

from tests.factories import verified_user

pytestmark = pytest.mark.django_db


def confirmation_link(message):
    return re.search(r"https?://[^/\s]+(/konto/confirm-email/\S+/)", message.body).group(1)


def test_the_header_offers_log_in_to_visitors(client):
    html = client.get(reverse("home")).content.decode()
    assert "Zaloguj się" in html
    assert reverse("account_login") in html


def test_the_header_offers_my_account_and_a_log_out_button_to_members(client_a):
    html = client_a.get(reverse("home")).content.decode()
    assert "Moje konto" in html
    assert f'action="{reverse("account_logout")}"' in html


def test_account_pages_are_polish_and_inside_the_portal_layout(client):
    html = client.get(reverse("account_signup")).content.decode()
    assert "Małopolski Wortal" in html
    assert "Zarejestruj" in html
    assert "<script>" not in html


def test_sign_up_sends_a_verification_email_and_log_in_waits_for_it(client):
    response = client.post(
        reverse("account_signup"),
        {"email": "nowa@example.org", "password1": "Zielona-Lampa-42", "password2": "Zielona-Lampa-42"},
    )
    assert response.status_code == 302
    assert get_user_model().objects.filter(email="nowa@example.org").exists()
    assert len(mail.outbox) == 1
    client.post(reverse("account_login"), {"login": "nowa@example.org", "password": "Zielona-Lampa-42"})
    assert client.get(reverse("member:dashboard")).status_code == 302
    link = confirmation_link(mail.outbox[-1])
    client.post(link)
    assert client.get(reverse("member:dashboard")).status_code == 200


def test_weak_passwords_are_refused_by_djangos_validators(client):
    response = client.post(
        reverse("account_signup"), {"email": "x@example.org", "password1": "12345", "password2": "12345"}
    )
    assert response.status_code == 200
    assert "za krótkie" in response.content.decode() or "zbyt krótkie" in response.content.decode()
    assert not get_user_model().objects.filter(email="x@example.org").exists()


def test_log_in_and_log_out(client):
    verified_user("ola@example.org", password="Zielona-Lampa-42")
    response = client.post(
        reverse("account_login"), {"login": "ola@example.org", "password": "Zielona-Lampa-42"}
    )
    assert response["Location"] == reverse("member:dashboard")
    client.post(reverse("account_logout"))
    assert client.get(reverse("member:dashboard")).status_code == 302


def test_password_reset_sends_an_email(client):
    verified_user("ola@example.org")
    client.post(reverse("account_reset_password"), {"email": "ola@example.org"})
    assert mail.outbox[-1].to == ["ola@example.org"]


def test_password_change_page_is_available_to_members(client_a):
    assert client_a.get(reverse("account_change_password")).status_code == 200
