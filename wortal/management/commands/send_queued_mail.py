"""The mail worker: delivers the queued e-mail (django-mailer) and retries what an SMTP outage deferred.

Runs beside the app servers (`make serve` starts one). Pages only queue mail (EMAIL_BACKEND is django-mailer's
database backend), so SMTP being slow or down never holds a page; a message that fails is marked deferred and
retried every MAIL_RETRY_SECONDS until it goes through, so nothing is lost. Several workers may run at once:
each message is locked in the database while it is sent. `--once` delivers what is queued and stops (cron).
"""

import logging
import signal
import time

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import DatabaseError, connections
from mailer.engine import send_all
from mailer.models import RESULT_CODES, Message, MessageLog

logger = logging.getLogger(__name__)

POLL_SECONDS = 2
LOG_KEPT_DAYS = 30


class Command(BaseCommand):
    help = "Wysyła e-maile z kolejki i ponawia te, których serwer SMTP nie przyjął."

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="retry deferred mail, send the queue, stop")

    def handle(self, *args, once=False, **options):
        self.verbosity = options["verbosity"]
        if once:
            self.cycle(retry=True)
            return
        self.running = True
        signal.signal(signal.SIGTERM, self.stop)
        last_retry = 0.0
        while self.running:
            retry = time.monotonic() - last_retry >= settings.MAIL_RETRY_SECONDS
            try:
                self.cycle(retry=retry)
            except DatabaseError:
                # The queue is in the database: during an outage wait for it instead of dying.
                logger.warning("mail worker: database unavailable, waiting")
                connections.close_all()
            else:
                if retry:
                    last_retry = time.monotonic()
            time.sleep(POLL_SECONDS)

    def stop(self, *args):
        self.running = False

    def cycle(self, retry):
        if retry:
            retried = Message.objects.retry_deferred()
            if retried and self.verbosity > 1:
                self.stdout.write(f"{retried} deferred message(s) back in the queue")
            MessageLog.objects.purge_old_entries(
                LOG_KEPT_DAYS, result_codes=[code for code, _ in RESULT_CODES]
            )
        if Message.objects.non_deferred().exists():
            send_all()
