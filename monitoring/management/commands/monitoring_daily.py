"""The monitoring's daily step, for cron (e.g. ``15 7 * * * manage.py monitoring_daily``).

Sends invitations of open rounds whose opening day has come (also to members who joined since), the reminder
due before each deadline to entities that have not sent their answers, and closes rounds whose deadline has
passed. Safe to run any number of times a day: every message is recorded under a unique key before it is
sent, so nobody gets the same invitation or reminder twice, even when two runs overlap.
"""

from django.core.management.base import BaseCommand
from django.utils import timezone

from monitoring import services
from monitoring.models import Round


class Command(BaseCommand):
    help = "Zaproszenia, przypomnienia i zamykanie rund monitoringu (do uruchamiania codziennie z crona)."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Tylko pokaż, co jest do zrobienia.")

    def handle(self, dry_run=False, verbosity=1, **options):
        today = timezone.localdate()
        for round_ in services.rounds_due_to_close(today):
            if not dry_run:
                services.round_close(round_)
            self.stdout.write(f"{round_}: zamknięto (termin {round_.closes_on:%d.%m.%Y}).")
        for round_ in Round.objects.open():
            if dry_run:
                days = services.due_reminder(round_, today)
                due = f"przypomnienie ({days} dni przed terminem)" if days else "bez przypomnienia"
                self.stdout.write(f"{round_}: dziś {due}.")
                continue
            invited = services.invitations_send(round_, today)
            reminded = services.reminders_send(round_, today)
            if verbosity:
                self.stdout.write(f"{round_}: zaproszenia {invited}, przypomnienia {reminded}.")
