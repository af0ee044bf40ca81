"""Second factor for the editors' panel (django-allauth MFA).

Staff sign in through allauth's login, like members, so TOTP is asked for by allauth's own login stage. With
`STAFF_MFA_REQUIRED` on (production), this middleware keeps staff out of the admin until their account has an
authenticator app and the *current session* passed it: a session made some other way (a password-only login
from before TOTP was switched on, a stolen session from the demo) is sent to confirm a code first.
Members are never forced: they have no business in the admin.
"""

from allauth.account.internal.flows.login import get_authentication_records, record_authentication
from allauth.mfa.models import Authenticator
from allauth.mfa.signals import authenticator_added
from allauth.mfa.utils import is_mfa_enabled
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.dispatch import receiver
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

# Both kinds prove the person holds the second factor; a recovery code is single-use.
SECOND_FACTOR_TYPES = {Authenticator.Type.TOTP, Authenticator.Type.RECOVERY_CODES}


def passed_second_factor(request) -> bool:
    """Did this session, for this user, pass TOTP or a recovery code (at sign-in or on re-confirmation)?"""
    return any(
        record.get("method") == "mfa" and record.get("type") in SECOND_FACTOR_TYPES
        for record in get_authentication_records(request, request.user)
    )


@receiver(authenticator_added)
def _activation_counts_as_second_factor(sender, request, user, authenticator, **kwargs):
    # Activating TOTP needs a valid code from the new app, so the session has just proved it holds it; without
    # this the editor would be asked for a second code right after setting the app up.
    if request is not None and authenticator.type == Authenticator.Type.TOTP:
        record_authentication(request, user, "mfa", id=authenticator.pk, type=authenticator.type)


def _with_next(url_name: str, next_url: str) -> str:
    return f"{reverse(url_name)}?{urlencode({REDIRECT_FIELD_NAME: next_url})}"


class StaffMFAMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        refusal = self._refusal(request)
        return refusal or self.get_response(request)

    def _refusal(self, request):
        if not settings.STAFF_MFA_REQUIRED:
            return None
        # The path first: other pages never load the session's user for this (nor fail if the database is down).
        if not request.path.startswith(reverse("admin:index")) or request.path == reverse("admin:logout"):
            return None
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated or not user.is_staff:
            return None
        # The session's records first: once the second factor is passed, admin pages cost no extra query.
        if passed_second_factor(request):
            return None
        if not is_mfa_enabled(user, [Authenticator.Type.TOTP]):
            messages.warning(
                request,
                _(
                    "Panel redakcji wymaga logowania dwuetapowego. Włącz aplikację uwierzytelniającą "
                    "i zapisz kody odzyskiwania, a potem wróć do panelu."
                ),
            )
            return redirect(_with_next("mfa_activate_totp", request.get_full_path()))
        messages.info(request, _("Aby wejść do panelu redakcji, potwierdź logowanie kodem z aplikacji."))
        return redirect(_with_next("mfa_reauthenticate", request.get_full_path()))


def axes_username(request, credentials):
    """What django-axes counts failures against: the login as typed (allauth's form calls it `login` and
    passes it on as `email` or `username`), lower-cased so `Biuro@…` and `biuro@…` are one count."""
    credentials = credentials or {}
    data = getattr(request, "data", None) or getattr(request, "POST", {})
    login = (
        credentials.get("email") or credentials.get("username") or data.get("login") or data.get("username")
    )
    return login.strip().lower() if isinstance(login, str) else None
