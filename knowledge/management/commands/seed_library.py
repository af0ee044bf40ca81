"""Demo publications for the knowledge library, among them "Przedsiębiorstwa społeczne w Małopolsce. Diagnoza",
each with a real small PDF generated on the spot (fpdf2), its text extracted for search.

Linked to the first demo entities and initiatives, so run after seed_demo and seed_content. Idempotent (keyed on
slugs). Refuses to run with DEBUG off unless --force.
"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from knowledge.demo import seed_publications


class Command(BaseCommand):
    help = "Tworzy przykładowe publikacje bazy wiedzy z plikami PDF."

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true", help="Pozwól uruchomić przy DEBUG=false.")

    def handle(self, force=False, **options):
        if not settings.DEBUG and not force:
            raise CommandError("seed_library tworzy dane demonstracyjne; przy DEBUG=false dodaj --force.")
        created = seed_publications()
        self.stdout.write(f"Utworzono publikacje: {len(created)}.")
