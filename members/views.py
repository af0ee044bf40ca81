"""'Moje konto': the dashboard (sections from the apps that own them) and deleting the account."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from members import services
from members.dashboard import sections_context
from members.forms import AccountDeleteForm


@login_required
@require_safe
def dashboard(request):
    return render(request, "member/dashboard.html", sections_context(request))


@login_required
@require_http_methods(["GET", "POST"])
def account_delete(request):
    form = AccountDeleteForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        user = request.user
        logout(request)
        services.account_delete(user)
        messages.success(request, _("Konto i Twoje dane osobowe zostały usunięte."))
        return redirect("home")
    return render(request, "member/account_delete.html", {"form": form, "SITE_URL": settings.SITE_URL})
