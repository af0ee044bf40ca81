"""Member-side steps every kind of submission shares: withdrawing, refilling a form, the rate-limit answer."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from moderation import services
from moderation.models import ModerationState


@login_required
@require_POST
def submission_withdraw(request, pk, model):
    """The submitter takes back a pending submission of the given model (another person's id is a 404)."""
    submission = get_object_or_404(model, pk=pk, submitted_by=request.user)
    try:
        services.withdraw(submission)
    except ValidationError:
        messages.error(request, _("Tego zgłoszenia nie można już wycofać: redakcja je rozpatrzyła."))
    else:
        messages.success(request, _("Zgłoszenie zostało wycofane."))
    return redirect("member:dashboard")


def resubmitted_values(request, model, **lookup):
    """Initial values from the person's own rejected or withdrawn submission (?z=id): nothing typed is lost."""
    if request.method != "GET":
        return None
    try:
        pk = int(request.GET.get("z", ""))
    except ValueError:
        return None
    submission = (
        model.objects.submitted_by(request.user)
        .filter(pk=pk, state__in=[ModerationState.REJECTED, ModerationState.WITHDRAWN])
        .filter(**lookup)
        .first()
    )
    return submission.data if submission else None


def limited_response(request, template, context):
    """The filled form again with the reason, when the person sent too many submissions (HTTP 429)."""
    messages.error(request, _("Wysłano zbyt wiele zgłoszeń w krótkim czasie. Spróbuj ponownie za godzinę."))
    return render(request, template, context, status=429)
