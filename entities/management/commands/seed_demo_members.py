"""Demo accounts of organisations' members and a few pending submissions (a profile change, a claim), to
try the moderation by hand; seed_demo_reports adds an initiative report of the first member.

Run after seed_demo (it uses the first published demo entities). Idempotent: the accounts are found by
e-mail and the submissions are created only once. Refuses to run with DEBUG off unless --force, so a
production database never gets accounts with known passwords.
"""

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from entities.models import Claim, Entity, EntitySubmission, Membership

PASSWORD = "czlonek-demo-123"
MEMBERS = ["czlonek@example.org", "czlonkini@example.org"]


class Command(BaseCommand):
    help = "Tworzy konta demonstracyjne członków organizacji i przykładowe zgłoszenia do moderacji."

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true", help="Pozwól uruchomić przy DEBUG=false.")

    @transaction.atomic
    def handle(self, force=False, **options):
        if not settings.DEBUG and not force:
            raise CommandError(
                "seed_demo_members tworzy konta z jawnym hasłem; przy DEBUG=false dodaj --force."
            )
        entities = list(Entity.objects.published().order_by("pk")[:3])
        if len(entities) < 3:
            raise CommandError(
                "Najpierw uruchom seed_demo (potrzebne są co najmniej 3 opublikowane podmioty)."
            )
        first, second = (self.ensure_member(email) for email in MEMBERS)
        Membership.objects.get_or_create(user=first, entity=entities[0])
        Membership.objects.get_or_create(user=second, entity=entities[1])
        EntitySubmission.objects.get_or_create(
            kind=EntitySubmission.Kind.CHANGE,
            entity=entities[0],
            submitted_by=first,
            defaults={
                "data": {
                    "offer": "Catering na spotkania i szkolenia, obiady dla szkół.",
                    "town": entities[0].town,
                }
            },
        )
        Claim.objects.get_or_create(
            entity=entities[2],
            submitted_by=second,
            defaults={"justification": "Jestem wiceprezeską zarządu; telefon do biura w profilu."},
        )
        for email in MEMBERS:
            self.stdout.write(f"Konto członka organizacji: {email} / {PASSWORD}")

    def ensure_member(self, email):
        User = get_user_model()
        user, created = User.objects.get_or_create(username=email.split("@")[0], defaults={"email": email})
        if created:
            user.set_password(PASSWORD)
            user.save()
        EmailAddress.objects.update_or_create(
            user=user, email=email, defaults={"verified": True, "primary": True}
        )
        return user
