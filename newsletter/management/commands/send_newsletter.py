"""Send (or resume sending) a newsletter issue from the shell, e.g. a large list or after an interrupted run.

Same code as the admin's "Wyślij": deliveries already recorded as sent are skipped, so it never sends anyone
the issue twice.
"""

from django.core.management.base import BaseCommand, CommandError

from newsletter.models import Issue
from newsletter.sending import send_issue


class Command(BaseCommand):
    help = "Wysyła (lub wznawia wysyłkę) wydania newslettera."

    def add_arguments(self, parser):
        parser.add_argument("issue_id", type=int)
        parser.add_argument("--batch-size", type=int, default=None)

    def handle(self, issue_id, batch_size=None, **options):
        issue = Issue.objects.filter(pk=issue_id).first()
        if issue is None:
            raise CommandError(f"Nie ma wydania {issue_id}.")
        if issue.state == Issue.State.SENT:
            raise CommandError("To wydanie zostało już wysłane.")
        sent = send_issue(issue, batch_size=batch_size)
        self.stdout.write(f"Wysłano: {sent}. Stan: {issue.get_state_display()}.")
