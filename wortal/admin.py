"""Sign-in locks in the editors' panel: an editor lifts one by deleting the person's failed attempts.

django-axes keeps one row per username and address; deleting the rows of a login lifts its lock from every
address, and also clears allauth's count of failures for that login (the per-login limit that stops guessing
spread over many addresses), so the person can sign in at once. Each unlock is a security event.
"""

from allauth.account.adapter import get_adapter
from axes.admin import AccessAttemptAdmin
from axes.models import AccessAttempt
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from wortal import security_log


def unlock(request, logins):
    adapter = get_adapter(request)
    for login in logins:
        AccessAttempt.objects.filter(username=login).delete()
        adapter._delete_login_attempts_cached_email(request, email=login)
        security_log.event("lockout_lifted", request, target=login)


admin.site.unregister(AccessAttempt)


@admin.register(AccessAttempt)
class LockoutAdmin(AccessAttemptAdmin):
    actions = ["unlock_accounts", *AccessAttemptAdmin.actions]

    @admin.action(
        description=_("Odblokuj logowanie wybranych kont (ze wszystkich adresów)"), permissions=["delete"]
    )
    def unlock_accounts(self, request, queryset):
        logins = set(queryset.values_list("username", flat=True))
        unlock(request, logins)
        self.message_user(request, _("Odblokowano konta: %(n)d.") % {"n": len(logins)})

    def delete_model(self, request, obj):
        unlock(request, [obj.username])

    def delete_queryset(self, request, queryset):
        unlock(request, set(queryset.values_list("username", flat=True)))
