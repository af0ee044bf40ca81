"""Place demo entities that have no location yet at a plausible point in their own gmina (entities/demo_geo.py).

New demo entities get their point from seed_demo; this fills in entities seeded before locations existed, so
the map is never empty in an older development database. Idempotent: entities with a location are left alone,
and so is every entity that is not a demo one (its slug does not end in its demo number).
"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from entities.demo_geo import place_demo_entities
from entities.models import Entity
from entities.versions import registry_changed


class Command(BaseCommand):
    help = "Umieszcza przykładowe podmioty bez współrzędnych w ich gminach (dane demonstracyjne)."

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true", help="Pozwól uruchomić przy DEBUG=false.")

    def handle(self, force=False, **options):
        if not settings.DEBUG and not force:
            raise CommandError(
                "seed_demo_locations zmienia dane demonstracyjne; przy DEBUG=false dodaj --force."
            )
        placed = place_demo_entities(Entity.objects.all())
        # bulk_update sends no signals: drop the cached numbers and pages by hand.
        registry_changed()
        self.stdout.write(f"Umieszczono na mapie podmiotów: {placed}.")
