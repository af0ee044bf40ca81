"""A demo member's initiative report waiting in the moderation queue, to try the moderation by hand.

Run after seed_demo_members (the report is the first demo member's, for their organisation). Idempotent:
the report is created only once. Refuses to run with DEBUG off unless --force.
"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from entities.models import Membership
from initiatives import services
from initiatives.models import InitiativeSubmission

MEMBER_EMAIL = "czlonek@example.org"


class Command(BaseCommand):
    help = "Tworzy przykładowe zgłoszenie inicjatywy demonstracyjnego członka organizacji."

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true", help="Pozwól uruchomić przy DEBUG=false.")

    @transaction.atomic
    def handle(self, force=False, **options):
        if not settings.DEBUG and not force:
            raise CommandError(
                "seed_demo_reports tworzy dane demonstracyjne; przy DEBUG=false dodaj --force."
            )
        membership = (
            Membership.objects.filter(user__email=MEMBER_EMAIL).select_related("user", "entity").first()
        )
        if membership is None:
            raise CommandError("Najpierw uruchom seed_demo_members.")
        user, entity = membership.user, membership.entity
        if InitiativeSubmission.objects.filter(submitted_by=user, entity=entity).exists():
            return
        data = {
            "title": "Wspólne obiady dla seniorów z osiedla",
            "summary": "Raz w tygodniu gotujemy obiad dla samotnych seniorów i zapraszamy do wspólnego stołu.",
            "description": "<p>Seniorzy sami wybierają menu, a uczestnicy reintegracji zawodowej gotują.</p>",
            "theme": "uslugi-spoleczne",
            "organisers": [entity.pk],
            "partners": "Klub Seniora przy parafii",
            "powiaty": [entity.gmina.powiat_id] if entity.gmina_id else [],
            "start_date": "2025-09-01",
            "end_date": None,
            "results": "<p>Co tydzień 30 obiadów.</p>",
        }
        services.submission_create(user, entity=entity, data=data)
        self.stdout.write(f"Zgłoszenie inicjatywy: {data['title']} ({MEMBER_EMAIL})")
