"""Sending an issue in batches, resumable after a failure, never twice to the same person.

1. A delivery row is created for every confirmed subscriber of the issue's topics (a unique constraint makes
   this safe to repeat: a resumed send adds only people who subscribed since).
2. Pending deliveries are sent in batches over one mail connection. Each message is sent inside a transaction
   that locks its delivery row (``SELECT … FOR UPDATE SKIP LOCKED``) and marks it sent before committing, so
   two senders never take the same row, and a message counts as sent exactly when its row says so.
   With the queued mail backend the "send" is an insert into the queue in that same transaction: sending and
   recording are one atomic step. With direct SMTP a crash between the server's acceptance and the commit
   could still repeat one message; the queue closes that gap.
3. A failure (the mail server refuses, the process stops) leaves the remaining rows pending and the issue
   "sending" with the error; running the send again continues with them.
"""

from django.conf import settings
from django.core.mail import get_connection
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from newsletter.content import build_message
from newsletter.models import Delivery, Issue, Subscriber


def create_deliveries(issue) -> int:
    recipients = Subscriber.objects.confirmed().interested_in(issue.topics())
    rows = [Delivery(issue=issue, subscriber_id=pk) for pk in recipients.values_list("pk", flat=True)]
    Delivery.objects.bulk_create(rows, ignore_conflicts=True, batch_size=1000)
    return issue.deliveries.count()


def _send_one(issue, delivery_pk, connection) -> bool:
    with transaction.atomic():
        delivery = (
            Delivery.objects.select_for_update(skip_locked=True, of=("self",))
            .select_related("subscriber__powiat")
            .filter(pk=delivery_pk, state=Delivery.State.PENDING)
            .first()
        )
        if delivery is None:  # sent meanwhile by another sender, or the person unsubscribed
            return False
        build_message(issue, delivery.subscriber, connection=connection).send()
        delivery.state, delivery.sent_at = Delivery.State.SENT, timezone.now()
        delivery.attempts += 1
        delivery.save(update_fields=["state", "sent_at", "attempts"])
    return True


def send_issue(issue, batch_size=None) -> int:
    """Send the issue to everyone who has not had it yet; returns how many were sent in this run."""
    batch_size = batch_size or settings.NEWSLETTER_BATCH_SIZE
    Issue.objects.filter(pk=issue.pk, started_at__isnull=True).update(started_at=timezone.now())
    Issue.objects.filter(pk=issue.pk).update(state=Issue.State.SENDING, last_error="")
    create_deliveries(issue)
    sent = 0
    while True:
        batch = list(
            issue.deliveries.filter(state=Delivery.State.PENDING)
            .order_by("pk")
            .values_list("pk", flat=True)[:batch_size]
        )
        if not batch:
            break
        progress = sent
        try:
            with get_connection() as connection:
                for delivery_pk in batch:
                    sent += _send_one(issue, delivery_pk, connection)
        except Exception as error:
            Delivery.objects.filter(pk__in=batch, state=Delivery.State.PENDING).update(
                attempts=F("attempts") + 1, last_error=str(error)[:500]
            )
            Issue.objects.filter(pk=issue.pk).update(last_error=f"{type(error).__name__}: {error}"[:1000])
            raise
        if sent == progress:  # every row of the batch was taken by another sender: let it finish them
            break
    if not issue.deliveries.filter(state=Delivery.State.PENDING).exists():
        Issue.objects.filter(pk=issue.pk).update(state=Issue.State.SENT, finished_at=timezone.now())
    issue.refresh_from_db()
    return sent
