"""Example operator details, funding bar and accessibility coordinator for the demo (`make run`).

Marked as examples on the pages. Idempotent, and leaves real values alone: once an editor has entered
the operator's e-mail and unticked "wartości przykładowe", the command changes nothing.
Refuses to run with DEBUG off unless --force.
"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from office.demo import seed_site_settings


class Command(BaseCommand):
    help = "Wpisuje przykładowe dane operatora serwisu, koordynatora dostępności i pasek finansowania."

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true", help="Pozwól uruchomić przy DEBUG=false.")

    def handle(self, force=False, **options):
        if not settings.DEBUG and not force:
            raise CommandError("seed_office tworzy dane demonstracyjne; przy DEBUG=false dodaj --force.")
        if seed_site_settings():
            self.stdout.write("Ustawienia serwisu: wpisano przykładowe dane operatora.")
        else:
            self.stdout.write("Ustawienia serwisu mają prawdziwe dane; nic nie zmieniono.")
