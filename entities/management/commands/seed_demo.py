"""Fill the database with realistic demo entities and a demo editor account, for development and the benchmark.

Idempotent: entity number N is always the same entity, so running the command twice creates nothing new.
Refuses to run with DEBUG off unless --force, so a production database never gets a known demo password.
"""

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from tqdm import tqdm

from entities.demo import seed_entities
from wortal.roles import make_editor

DEMO_EDITOR = {"username": "redaktor", "email": "redaktor@example.org", "password": "redaktor-demo"}


class Command(BaseCommand):
    help = "Tworzy przykładowe podmioty ekonomii społecznej i konto redaktora demonstracyjnego."

    def add_arguments(self, parser):
        parser.add_argument("--entities", type=int, default=300, help="Liczba przykładowych podmiotów.")
        parser.add_argument("--force", action="store_true", help="Pozwól uruchomić przy DEBUG=false.")
        parser.add_argument("--no-editor", action="store_true", help="Nie twórz konta redaktora.")

    def handle(self, entities, force=False, no_editor=False, verbosity=1, **options):
        if not settings.DEBUG and not force:
            raise CommandError(
                "seed_demo tworzy dane i konto demonstracyjne; przy DEBUG=false dodaj --force."
            )
        if entities < 0 or entities > 999_999:
            raise CommandError("--entities musi być liczbą od 0 do 999999.")
        with tqdm(total=entities, desc="Podmioty", unit="", disable=verbosity < 1, file=self.stderr) as bar:
            created = seed_entities(entities, progress=bar.update)
        if created and connection.vendor == "postgresql":
            # Fresh statistics (or the planner misjudges the new rows: seconds instead of milliseconds) and
            # a fresh visibility map, so counting the list can be an index-only scan.
            with connection.cursor() as cursor:
                # VACUUM cannot run inside a transaction (as in the tests); ANALYZE alone still helps there.
                command = "ANALYZE" if connection.in_atomic_block else "VACUUM ANALYZE"
                cursor.execute(f"{command} entities_entity, entities_entity_sectors, entities_psstatus")
        self.stdout.write(f"Utworzono podmiotów: {created} (pominięto istniejące: {entities - created}).")
        if not no_editor:
            self.ensure_demo_editor()
            self.verify_demo_editor_email()

    def ensure_demo_editor(self):
        User = get_user_model()
        user, created = User.objects.get_or_create(
            username=DEMO_EDITOR["username"], defaults={"email": DEMO_EDITOR["email"]}
        )
        if created:
            user.set_password(DEMO_EDITOR["password"])
            user.save()
        # The everyday editor's role, not a superuser: the demo shows what editors really see.
        make_editor(user)
        self.stdout.write(
            f"Konto redaktora demonstracyjnego: {DEMO_EDITOR['username']} / {DEMO_EDITOR['password']}"
        )

    def verify_demo_editor_email(self):
        # Staff sign in through allauth with their e-mail address, which must be verified
        # (ACCOUNT_EMAIL_VERIFICATION), and then the second factor when STAFF_MFA_REQUIRED is on.
        user = get_user_model().objects.get(username=DEMO_EDITOR["username"])
        EmailAddress.objects.update_or_create(
            user=user, email=DEMO_EDITOR["email"], defaults={"verified": True, "primary": True}
        )
        self.stdout.write(f"Redakcja loguje się adresem e-mail: {DEMO_EDITOR['email']}")
