"""Give an existing account the editor's role (or the administrator's with --admin).

Accounts are created elsewhere (createsuperuser, the admin, sign-up later); this only grants the role, so the
rights an editor gets are always exactly the group's, never hand-picked permissions.
"""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from wortal.roles import ADMINISTRATOR, EDITOR, make_editor


class Command(BaseCommand):
    help = "Nadaje istniejącemu kontu rolę Redaktor (albo Administrator z --admin)."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--admin", action="store_true", help="Rola Administrator zamiast Redaktor.")

    def handle(self, username, admin=False, **options):
        User = get_user_model()
        try:
            user = User.objects.get(**{User.USERNAME_FIELD: username})
        except User.DoesNotExist:
            raise CommandError(f"Nie ma konta {username!r}.") from None
        make_editor(user, administrator=admin)
        role = ADMINISTRATOR if admin else EDITOR
        self.stdout.write(self.style.SUCCESS(f"{username}: rola {role}."))
        if not user.email:
            # Staff sign in through allauth with their e-mail address (and then the second factor).
            self.stderr.write(
                self.style.WARNING(f"{username}: konto nie ma adresu e-mail, a redakcja loguje się e-mailem.")
            )
