"""Member-side steps every kind of submission shares: withdrawing, refilling a form, the rate-limit answer,
and the private files sent with a submission."""

import mimetypes

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from moderation import registry, services
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


@login_required
@require_safe
def submission_image(request, label, pk):
    """A file sent with a submission, for its submitter and the editors only (anyone else gets a 404).

    The files live in private storage, outside what the web server serves; approving copies them to the
    public record, so an approved profile's photos are served as ordinary media.
    """
    try:
        moderation = registry.for_image_label(label)
    except LookupError:
        raise Http404 from None
    image = get_object_or_404(moderation.image_model.objects.select_related("submission"), pk=pk)
    meta = moderation.model._meta
    is_editor = request.user.has_perm(f"{meta.app_label}.view_{meta.model_name}")
    if image.submission.submitted_by_id != request.user.pk and not is_editor:
        raise Http404
    try:
        file = image.image.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    content_type = mimetypes.guess_type(image.image.name)[0] or "application/octet-stream"
    response = FileResponse(file, content_type=content_type)
    response["Cache-Control"] = "private, no-cache"
    return response
