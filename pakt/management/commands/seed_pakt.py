"""Demo members of the Małopolski Pakt (three linked to registry entities), its meeting and documents.

Run after seed_demo, seed_content and seed_library (it marks their Pakt meeting and documents). Idempotent.
Refuses to run with DEBUG off unless --force.
"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from pakt.demo import seed_pakt


class Command(BaseCommand):
    help = "Tworzy przykładowych członków Małopolskiego Paktu i oznacza jego spotkanie i dokumenty."

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true", help="Pozwól uruchomić przy DEBUG=false.")

    def handle(self, force=False, **options):
        if not settings.DEBUG and not force:
            raise CommandError("seed_pakt tworzy dane demonstracyjne; przy DEBUG=false dodaj --force.")
        self.stdout.write(f"Pakt: nowi członkowie {seed_pakt()}.")
