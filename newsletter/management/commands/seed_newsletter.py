"""Demo newsletter subscribers (example.org addresses, confirmed) and a draft issue prefilled with the latest items.

Idempotent. Refuses to run with DEBUG off unless --force.
"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from newsletter.demo import seed_newsletter


class Command(BaseCommand):
    help = "Tworzy przykładowych subskrybentów i szkic wydania newslettera."

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true", help="Pozwól uruchomić przy DEBUG=false.")

    def handle(self, force=False, **options):
        if not settings.DEBUG and not force:
            raise CommandError("seed_newsletter tworzy dane demonstracyjne; przy DEBUG=false dodaj --force.")
        self.stdout.write(f"Newsletter: nowi subskrybenci {seed_newsletter()}.")
