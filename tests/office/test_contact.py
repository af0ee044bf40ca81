import pytest
from django.core import mail
from django.urls import reverse

from office.models import SiteSettings

pytestmark = pytest.mark.django_db
URL = reverse("office:contact")


@pytest.fixture
def site():
    site = SiteSettings.get_solo()
    site.operator_name = "Ośrodek Testowy"
    site.address = "ul. Testowa 1\n30-001 Kraków"
    site.phone = "+48 12 111 11 11"
    site.email = "osrodek@example.org"
    site.opening_hours = "pon.–pt. 8–16"
    site.bip_url = "https://bip.example.org/"
    site.contact_form_recipient = "redakcja@example.org"
    site.save()
    return site


def message(**overrides):
    return {
        "name": "Jan Kowalski",
        "email": "jan@example.org",
        "subject": "Pytanie o bazę",
        "message": "Jak dodać naszą spółdzielnię?",
        "fax": "",
        **overrides,
    }


def test_the_contact_page_shows_the_operator_and_its_bip(client, site):
    html = client.get(URL).content.decode()
    for text in ["Ośrodek Testowy", "ul. Testowa 1<br>30-001 Kraków", "+48 12 111 11 11", "pon.–pt. 8–16"]:
        assert text in html
    assert 'href="https://bip.example.org/"' in html
    assert 'name="message"' in html


def test_the_form_sends_the_message_to_the_editable_address_and_stores_nothing(
    client, site, django_assert_max_num_queries
):
    response = client.post(URL, message())
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    sent = mail.outbox[0]
    assert sent.to == ["redakcja@example.org"]
    assert sent.reply_to == ["jan@example.org"]
    assert "Jak dodać naszą spółdzielnię?" in sent.body and "Pytanie o bazę" in sent.subject
    assert "wiadomość została wysłana" in client.get(URL).content.decode()


def test_a_bot_filling_the_honeypot_sends_nothing(client, site):
    response = client.post(URL, message(fax="+48 600 000 000"))
    assert response.status_code == 400
    assert mail.outbox == []


def test_bad_input_is_shown_with_errors(client, site):
    response = client.post(URL, message(email="nie-adres", message=""))
    assert response.status_code == 400
    html = response.content.decode()
    assert 'aria-invalid="true"' in html and "form-errors" in html
    assert mail.outbox == []


def test_the_form_is_rate_limited_per_address(client, site, settings):
    settings.CONTACT_RATE_PER_IP = "2/h"
    assert client.post(URL, message()).status_code == 302
    assert client.post(URL, message()).status_code == 302
    response = client.post(URL, message())
    assert response.status_code == 429
    assert len(mail.outbox) == 2


def test_without_a_recipient_there_is_no_form(client):
    site = SiteSettings.get_solo()
    site.contact_form_recipient = ""
    site.save()
    assert 'name="message"' not in client.get(URL).content.decode()
    assert client.post(URL, message()).status_code == 404
    assert mail.outbox == []


def test_other_methods_are_refused(client, site):
    assert client.put(URL).status_code == 405
