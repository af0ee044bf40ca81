"""Mail is queued and delivered by the worker: an SMTP outage delays mail, never loses it."""

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from mailer.models import Message

pytestmark = pytest.mark.django_db

SIGN_UP = {"email": "nowa@example.org", "password1": "Zielona-Lampa-42", "password2": "Zielona-Lampa-42"}


@pytest.fixture
def queued_mail(settings):
    settings.EMAIL_BACKEND = "mailer.backend.DbBackend"
    return settings


@pytest.fixture
def smtp_down(queued_mail):
    # A real SMTP connection to a port where nothing listens (in this helper's range): connection refused.
    queued_mail.MAILER_EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    queued_mail.EMAIL_HOST, queued_mail.EMAIL_PORT, queued_mail.EMAIL_TIMEOUT = "127.0.0.1", 8169, 2
    return queued_mail


def test_a_page_that_sends_mail_only_queues_it_while_smtp_is_down(client, smtp_down):
    response = client.post(reverse("account_signup"), SIGN_UP)
    assert response.status_code == 302
    assert Message.objects.count() == 1
    assert mail.outbox == []


def test_an_smtp_outage_defers_the_message_and_the_worker_delivers_it_afterwards(client, smtp_down):
    client.post(reverse("account_signup"), SIGN_UP)

    call_command("send_queued_mail", "--once")
    assert Message.objects.deferred().count() == 1, "the outage keeps the message, marked for a retry"

    smtp_down.MAILER_EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"  # SMTP is back
    call_command("send_queued_mail", "--once")
    assert Message.objects.count() == 0
    assert [message.to for message in mail.outbox] == [["nowa@example.org"]]
    assert "potwierd" in mail.outbox[0].body.lower() or "http" in mail.outbox[0].body
