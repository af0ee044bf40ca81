"""Every e-mail the accounts send reads as written by the office: in Polish, with the portal's name from the
settings (never the request's host), and without a username the person never chose."""

from pathlib import Path

import allauth
import pytest
from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from tests import factories

pytestmark = pytest.mark.django_db

ALLAUTH_TEMPLATES = Path(allauth.__file__).parent / "templates"
# Every message allauth can send (its own English templates); ours replace each of them.
MESSAGES = sorted(
    str(path.relative_to(ALLAUTH_TEMPLATES)).removesuffix("_message.txt")
    for folder in ("account/email", "mfa/email")
    for path in (ALLAUTH_TEMPLATES / folder).glob("*_message.txt")
    if path.name != "base_message.txt"
)
ENGLISH = ("Hello", "Thank you", "You ", "your ", "Please", "account on", "Confirm")


def test_every_allauth_message_has_a_polish_text_signed_with_the_portal_name():
    context = {
        "site_name": settings.SITE_NAME,
        "site_url": settings.SITE_URL,
        "email": "ktos@example.org",
        "activate_url": "http://example.org/potwierdz/",
        "password_reset_url": "http://example.org/haslo/",
        "signup_url": "http://example.org/konto/",
        "code": "123456",
        "from_email": "stary@example.org",
        "to_email": "nowy@example.org",
        "deleted_email": "stary@example.org",
        "ip": "192.0.2.1",
        "user_agent": "Firefox",
        "timestamp": timezone.now(),
    }
    assert len(MESSAGES) >= 18
    for name in MESSAGES:
        subject = render_to_string(f"{name}_subject.txt", context).strip()
        body = render_to_string(f"{name}_message.txt", context)
        assert subject and "\n" not in subject, name
        assert body.startswith("Dzień dobry,"), name
        assert settings.SITE_NAME in body and settings.SITE_URL in body, name
        assert not [word for word in ENGLISH if word in subject + body], (name, subject, body)


def test_the_sign_up_confirmation_names_the_portal_not_the_host_nor_a_username(client, mailoutbox):
    response = client.post(
        reverse("account_signup"),
        {
            "email": "nowa.osoba@example.org",
            "password1": "Trudne-haslo-2026",
            "password2": "Trudne-haslo-2026",
        },
    )
    assert response.status_code == 302
    (message,) = mailoutbox
    assert message.subject == f"{settings.SITE_NAME}: Potwierdź adres e-mail, aby dokończyć zakładanie konta"
    assert message.from_email.startswith(settings.SITE_NAME)
    assert settings.SITE_NAME in message.body
    assert "testserver" not in message.body.replace("http://testserver/", "")
    assert "nowa.osoba" not in message.body.replace("nowa.osoba@example.org", "")  # no generated username
    assert "/konto/confirm-email/" in message.body


def test_a_password_reset_is_in_polish_for_known_and_unknown_addresses(client, mailoutbox):
    factories.verified_user("znana@example.org")
    for email in ("znana@example.org", "nieznana@example.org"):
        client.post(reverse("account_reset_password"), {"email": email})
    known, unknown = mailoutbox
    assert known.subject.endswith("Ustaw nowe hasło") and "/konto/password/reset/key/" in known.body
    assert unknown.subject.endswith("Prośba o nowe hasło") and "nie ma konta z tym adresem" in unknown.body
