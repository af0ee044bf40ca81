import re

import pytest
from django.core import mail
from django.urls import reverse

from entities.models import Powiat
from newsletter.models import Subscriber

pytestmark = pytest.mark.django_db
URL = reverse("newsletter:subscribe")


def signup(client, email="ala@example.org", topics=("news", "events"), powiat="", **extra):
    return client.post(
        URL, {"email": email, "topics": list(topics), "powiat": powiat, "consent": "on", "fax": "", **extra}
    )


def link_in(message):
    return re.search(r"http://\S+", message.body).group(0).replace("http://127.0.0.1:8000", "")


def test_nothing_is_sent_but_the_confirmation_until_the_link_is_used(client):
    response = signup(client, topics=("news", "events"), powiat=Powiat.objects.get(teryt="1211").pk)
    assert response.status_code == 200 and "Sprawdź skrzynkę" in response.content.decode()
    subscriber = Subscriber.objects.get()
    assert subscriber.confirmed_at is None
    assert subscriber.topics == ["news", "events"] and subscriber.powiat.teryt == "1211"
    assert "Zgadzam się na otrzymywanie newslettera" in subscriber.consent_text
    assert subscriber.subscribed_at is not None
    assert len(mail.outbox) == 1 and "Potwierdź zapis" in mail.outbox[0].subject
    assert not Subscriber.objects.confirmed().exists()

    confirm_url = link_in(mail.outbox[0])
    assert "Potwierdzam zapis" in client.get(confirm_url).content.decode()
    assert Subscriber.objects.get().confirmed_at is None  # a mail scanner's GET confirms nothing
    assert client.post(confirm_url).status_code == 200
    assert Subscriber.objects.confirmed().get().confirmed_at is not None


def test_consent_and_a_topic_are_required(client):
    response = client.post(URL, {"email": "ala@example.org", "topics": [], "fax": ""})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Zgoda jest potrzebna" in html and "Wybierz co najmniej jeden temat" in html
    assert not Subscriber.objects.exists() and mail.outbox == []


def test_a_second_signup_does_not_reveal_or_change_a_confirmed_subscription(client):
    signup(client)
    Subscriber.objects.get().confirm()
    response = signup(client, email="ALA@example.org", topics=("publications",))
    assert "Sprawdź skrzynkę" in response.content.decode()
    assert Subscriber.objects.get().topics == ["news", "events"]
    assert "już zapisany" in mail.outbox[-1].subject


def test_signups_are_rate_limited_per_address(client, settings):
    settings.NEWSLETTER_SUBSCRIBE_RATE_PER_IP = "2/h"
    signup(client, email="a@example.org")
    signup(client, email="b@example.org")
    assert signup(client, email="c@example.org").status_code == 429
    assert len(mail.outbox) == 2


def test_the_honeypot_stops_bots(client):
    assert signup(client, fax="123").status_code == 400
    assert mail.outbox == []


def test_unconfirmed_addresses_are_forgotten_after_seven_days(client):
    from datetime import timedelta

    from django.utils import timezone

    signup(client, email="stary@example.org")
    Subscriber.objects.update(subscribed_at=timezone.now() - timedelta(days=8))
    signup(client, email="nowy@example.org")
    assert list(Subscriber.objects.values_list("email", flat=True)) == ["nowy@example.org"]


def test_one_click_unsubscribe_deletes_the_address(client):
    signup(client)
    subscriber = Subscriber.objects.get()
    subscriber.confirm()
    url = reverse("newsletter:unsubscribe", args=[subscriber.token])
    assert "Wypisz mnie" in client.get(url).content.decode()
    # A mail program's one-click POST (RFC 8058): no CSRF token, no cookies.
    csrf_client = client.__class__(enforce_csrf_checks=True)
    response = csrf_client.post(
        url, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 200
    assert not Subscriber.objects.exists()
    assert "nie ma już na liście" in client.get(url).content.decode()


def test_a_wrong_token_confirms_nothing(client):
    assert client.get(reverse("newsletter:confirm", args=["zly-token"])).status_code == 404
