"""Fill the database with demo news, films, events and initiatives, for development and screenshots.

Among the films is the animated film "Partnerska interwencja" as an external YouTube film with a transcript;
its video id is made up (demo data). Initiatives are linked to the first demo entities from ``seed_demo``,
so run that first. Idempotent: every item is keyed on its slug, so running twice creates nothing new.
Refuses to run with DEBUG off unless --force, so a production database never gets demo content by accident.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from news.demo import seed_content


class Command(BaseCommand):
    help = "Tworzy przykładowe aktualności, filmy, wydarzenia i inicjatywy."

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true", help="Pozwól uruchomić przy DEBUG=false.")

    def handle(self, force=False, **options):
        if not settings.DEBUG and not force:
            raise CommandError("seed_content tworzy dane demonstracyjne; przy DEBUG=false dodaj --force.")
        author = get_user_model().objects.filter(username="redaktor").first()
        created = seed_content(author=author)
        self.stdout.write(
            "Utworzono: aktualności {posts}, filmy {films}, wydarzenia {events}, inicjatywy {initiatives}.".format(
                **created
            )
        )
