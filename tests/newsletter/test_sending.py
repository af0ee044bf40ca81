import threading

import pytest
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django.db import connection
from django.urls import reverse

from newsletter.content import latest_items
from newsletter.models import Delivery, Issue, Subscriber
from newsletter.sending import send_issue
from tests.factories import EntityFactory, EventFactory, PostFactory, PublicationFactory, gmina, redaktor

pytestmark = pytest.mark.django_db


def subscriber(email, topics=("news",), powiat=None, confirmed=True):
    person = Subscriber.objects.create(
        email=email, consent_text="Zgoda", powiat=powiat, **{f"wants_{topic}": True for topic in topics}
    )
    if confirmed:
        person.confirm()
    return person


def issue_with_news(title="Nowość"):
    issue = Issue.objects.create(subject="Newsletter: listopad")
    issue.posts.set([PostFactory(title=title)])
    return issue


class FailingAfter(EmailBackend):
    """The locmem backend that refuses every message after the first `limit` (a mail server going down)."""

    limit = 3

    def send_messages(self, messages):
        if len(mail.outbox) >= FailingAfter.limit:
            raise ConnectionError("serwer poczty nie odpowiada")
        return super().send_messages(messages)


def recipients():
    return sorted(address for message in mail.outbox for address in message.to)


def test_each_message_has_html_text_and_one_click_unsubscribe_headers():
    person = subscriber("ala@example.org")
    send_issue(issue_with_news("Szkolenie z klauzul"))
    [message] = mail.outbox
    assert message.to == ["ala@example.org"]
    assert "Szkolenie z klauzul" in message.body
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html" and "Szkolenie z klauzul" in html
    assert message.extra_headers["List-Unsubscribe"] == f"<{person.get_unsubscribe_url()}>"
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert person.get_unsubscribe_url() in message.body


def test_only_confirmed_subscribers_of_the_issues_topics_receive_it():
    subscriber("news@example.org", topics=("news",))
    subscriber("events@example.org", topics=("events",))
    subscriber("pending@example.org", topics=("news",), confirmed=False)
    send_issue(issue_with_news())
    assert recipients() == ["news@example.org"]


def test_a_powiat_narrows_entities_and_events_but_keeps_online_events():
    nowy_targ = gmina("121101")
    issue = Issue.objects.create(subject="Nowe")
    issue.entities.set(
        [
            EntityFactory(name="Z Nowego Targu", gmina=nowy_targ),
            EntityFactory(name="Z Krakowa", gmina=gmina("126101")),
        ]
    )
    issue.events.set([EventFactory(title="Webinar", is_online=True, gmina=None, address="")])
    subscriber("podhale@example.org", topics=("entities", "events"), powiat=nowy_targ.powiat)
    send_issue(issue)
    body = mail.outbox[0].body
    assert "Z Nowego Targu" in body and "Z Krakowa" not in body and "Webinar" in body


def test_a_resumed_send_reaches_everyone_exactly_once(settings):
    for number in range(7):
        subscriber(f"osoba{number}@example.org")
    issue = issue_with_news()
    settings.EMAIL_BACKEND = "tests.newsletter.test_sending.FailingAfter"
    with pytest.raises(ConnectionError):
        send_issue(issue, batch_size=2)
    issue.refresh_from_db()
    assert len(mail.outbox) == 3
    assert issue.state == Issue.State.SENDING and "serwer poczty" in issue.last_error
    assert issue.deliveries.filter(state=Delivery.State.SENT).count() == 3

    subscriber("nowa@example.org")  # subscribed while the send was interrupted: gets it on resume
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert send_issue(issue, batch_size=2) == 5
    issue.refresh_from_db()
    assert issue.state == Issue.State.SENT and issue.finished_at is not None
    expected = sorted([f"osoba{n}@example.org" for n in range(7)] + ["nowa@example.org"])
    assert recipients() == expected  # everyone, nobody twice
    assert send_issue(issue) == 0 and len(mail.outbox) == 8


def test_someone_who_unsubscribes_during_a_send_gets_nothing(settings):
    subscriber("a@example.org"), subscriber("b@example.org")
    issue = issue_with_news()
    settings.EMAIL_BACKEND = "tests.newsletter.test_sending.FailingAfter"
    FailingAfter.limit = 1
    try:
        with pytest.raises(ConnectionError):
            send_issue(issue, batch_size=1)
    finally:
        FailingAfter.limit = 3
    [already_sent] = recipients()
    Subscriber.objects.exclude(email=already_sent).delete()  # unsubscribed before the send was resumed
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    send_issue(issue)
    assert recipients() == [already_sent]


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_senders_at_once_never_send_anyone_the_issue_twice():
    for number in range(20):
        subscriber(f"osoba{number}@example.org")
    issue = issue_with_news()
    errors = []

    def sender():
        try:
            send_issue(Issue.objects.get(pk=issue.pk), batch_size=3)
        except Exception as error:
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=sender) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert recipients() == sorted(f"osoba{n}@example.org" for n in range(20))
    assert Issue.objects.get(pk=issue.pk).state == Issue.State.SENT


def test_a_new_issue_is_prefilled_with_what_was_published_since_the_last_one(client):
    post, publication = PostFactory(title="Świeża"), PublicationFactory(title="Nowy raport")
    entity = EntityFactory(name="Nowa spółdzielnia")
    items = latest_items()
    assert (
        post.pk in items["posts"]
        and publication.pk in items["publications"]
        and entity.pk in items["entities"]
    )
    client.force_login(redaktor())
    html = client.get(reverse("admin:newsletter_issue_add")).content.decode()
    assert "Świeża" in html and "Nowy raport" in html and "Nowa spółdzielnia" in html


def test_the_editor_previews_sends_a_test_and_then_sends(client):
    editor = redaktor()
    editor.email = "redaktor@example.org"
    editor.save()
    client.force_login(editor)
    subscriber("ala@example.org")
    issue = issue_with_news("Szkolenie")
    html = client.get(reverse("admin:newsletter_issue_preview_html", args=[issue.pk])).content.decode()
    text = client.get(reverse("admin:newsletter_issue_preview_text", args=[issue.pk])).content.decode()
    assert "Szkolenie" in html and "<h2>" in html and "Szkolenie" in text and "<" not in text.split("==")[0]
    client.post(reverse("admin:newsletter_issue_send_test", args=[issue.pk]))
    assert mail.outbox[-1].to == ["redaktor@example.org"] and mail.outbox[-1].subject.startswith("[TEST]")
    assert not Delivery.objects.filter(subscriber__email="redaktor@example.org").exists()
    confirm_page = client.get(reverse("admin:newsletter_issue_send", args=[issue.pk])).content.decode()
    assert "Odbiorcy: 1" in confirm_page
    response = client.post(reverse("admin:newsletter_issue_send", args=[issue.pk]))
    assert response.status_code == 302
    assert mail.outbox[-1].to == ["ala@example.org"]
    issue.refresh_from_db()
    assert issue.state == Issue.State.SENT
    # A sent issue is a record: it can no longer be changed or sent again.
    again = client.post(reverse("admin:newsletter_issue_send", args=[issue.pk]))
    assert "zostało już wysłane" in again.content.decode()
    assert len([m for m in mail.outbox if m.to == ["ala@example.org"]]) == 1
