from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from knowledge.models import Publication
from moderation.ratelimits import limit_submissions
from moderation.services import notify_editors_on_commit
from moderation.views import limited_response
from news.models import Event
from pakt.forms import DeclarationForm
from pakt.models import PaktMember, PaktPage
from wortal.cache import public_page


@public_page
@require_safe
def pakt_page(request):
    now = timezone.now()
    meetings = Event.objects.published(now).filter(pakt_meeting__isnull=False).select_related("gmina")
    context = {
        "page": PaktPage.get_solo(),
        "members": PaktMember.objects.current().select_related("entity"),
        "upcoming_meetings": meetings.upcoming(now)[:5],
        "past_meetings": meetings.past(now)[:5],
        "documents": Publication.objects.published(now)
        .filter(pakt_document__isnull=False)
        .order_by("-year", "-pk"),
    }
    return render(request, "pakt/pakt_page.html", context)


@login_required
@require_http_methods(["GET", "POST"])
@limit_submissions
def declaration(request):
    form = DeclarationForm(request.POST or None, user=request.user)
    context = {"form": form}
    if request.method == "POST":
        if getattr(request, "limited", False):
            return limited_response(request, "pakt/declaration.html", context)
        if form.is_valid():
            try:
                with transaction.atomic():
                    item = form.save(commit=False)
                    item.submitted_by = request.user
                    item.full_clean()
                    item.save()
                    notify_editors_on_commit(item)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(
                    request, _("Deklaracja czeka na decyzję redakcji. Powiadomimy Cię e-mailem.")
                )
                return redirect("member:dashboard")
    return render(request, "pakt/declaration.html", context, status=400 if form.errors else 200)
