"""The registry's pages for members of organisations: proposals, claims, edits, archiving, own submissions.

Every view that takes a slug or an id looks it up within what the person may see (their memberships,
their own submissions) and answers 404 otherwise, so another organisation's ids reveal nothing.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from entities import services
from entities.member.forms import (
    ArchiveForm,
    ClaimForm,
    EntityForm,
    ProposalForm,
    RemovePhotosForm,
    photo_formset,
)
from entities.models import ENTITY_MEMBER_FIELDS, Entity, EntitySubmission
from moderation import registry
from moderation.diffs import changed_values
from moderation.forms import new_photos
from moderation.ratelimits import limit_submissions
from moderation.views import limited_response, resubmitted_values

Kind = EntitySubmission.Kind


def _member_entity(request, slug):
    """An entity the person belongs to, or 404 (also for editors: they work in the admin)."""
    return get_object_or_404(
        Entity.objects.of_member(request.user).select_related("gmina__powiat"), slug=slug
    )


@login_required
@require_http_methods(["GET", "POST"])
@limit_submissions
def propose(request):
    initial = resubmitted_values(request, EntitySubmission, kind=Kind.CREATE, entity=None)
    form = ProposalForm(request.POST or None, request.FILES or None, initial=initial)
    photos = photo_formset(0, request.POST or None, request.FILES or None)
    context = {"form": form, "photos": photos}
    if request.method == "POST":
        if getattr(request, "limited", False):
            return limited_response(request, "member/propose.html", context)
        if form.is_valid() and photos.is_valid():
            submission = services.submission_create(
                request.user,
                kind=Kind.CREATE,
                data=form.proposed_values(),
                logo=form.cleaned_data.get("logo"),
                photos=new_photos(photos),
            )
            messages.success(
                request,
                _("Dziękujemy! Zgłoszenie „%(name)s” czeka na sprawdzenie przez redakcję.")
                % {"name": submission.title},
            )
            return redirect("member:dashboard")
    return render(request, "member/propose.html", context)


@login_required
@require_http_methods(["GET", "POST"])
@limit_submissions
def entity_edit(request, slug):
    entity = _member_entity(request, slug)
    # The form works on its own copy: the live profile must not change before an editor approves.
    draft = Entity.objects.get(pk=entity.pk)
    initial = resubmitted_values(request, EntitySubmission, kind=Kind.CHANGE, entity=entity)
    form = EntityForm(request.POST or None, request.FILES or None, instance=draft, initial=initial)
    existing_photos = list(entity.photos.all())
    photos = photo_formset(len(existing_photos), request.POST or None, request.FILES or None)
    remove = RemovePhotosForm(request.POST or None, entity=entity)
    pending = entity.submissions.pending().filter(kind=Kind.CHANGE).select_related("submitted_by")
    context = {
        "entity": entity,
        "form": form,
        "photos": photos,
        "remove": remove,
        "existing_photos": existing_photos,
        "pending": pending,
    }
    if request.method == "POST":
        if getattr(request, "limited", False):
            return limited_response(request, "member/entity_edit.html", context)
        if form.is_valid() and photos.is_valid() and remove.is_valid():
            shown = form.shown_record(entity)
            data = changed_values(shown["values"], form.proposed_values(), ENTITY_MEMBER_FIELDS)
            added = new_photos(photos)
            removed = [photo.pk for photo in remove.cleaned_data["remove"]]
            logo = form.cleaned_data.get("logo")
            if data or added or removed or logo:
                services.submission_create(
                    request.user,
                    kind=Kind.CHANGE,
                    entity=entity,
                    data=data,
                    logo=logo,
                    photos=added,
                    photos_removed=removed,
                    shown=shown,
                )
                messages.success(
                    request,
                    _("Zmiany zostały zapisane jako propozycja. Profil zmieni się po akceptacji redakcji."),
                )
                return redirect("member:dashboard")
            form.add_error(None, _("Nie wprowadzono żadnych zmian."))
    return render(request, "member/entity_edit.html", context)


@login_required
@require_http_methods(["GET", "POST"])
@limit_submissions
def entity_archive(request, slug):
    entity = _member_entity(request, slug)
    form = ArchiveForm(request.POST or None)
    if request.method == "POST":
        if getattr(request, "limited", False):
            return limited_response(request, "member/entity_archive.html", {"entity": entity, "form": form})
        if form.is_valid():
            services.submission_create(
                request.user, kind=Kind.ARCHIVE, entity=entity, message=form.cleaned_data["message"]
            )
            messages.success(request, _("Prośba o archiwizację czeka na decyzję redakcji."))
            return redirect("member:dashboard")
    return render(request, "member/entity_archive.html", {"entity": entity, "form": form})


@login_required
@require_http_methods(["GET", "POST"])
@limit_submissions
def claim(request, slug):
    entity = get_object_or_404(Entity.objects.published().select_related("gmina__powiat"), slug=slug)
    form = ClaimForm(request.POST or None)
    context = {"entity": entity, "form": form}
    if request.method == "POST":
        if getattr(request, "limited", False):
            return limited_response(request, "member/claim.html", context)
        if form.is_valid():
            try:
                services.claim_create(request.user, entity, form.cleaned_data["justification"])
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("Prośba o dostęp do profilu czeka na decyzję redakcji."))
                return redirect("member:dashboard")
    return render(request, "member/claim.html", context)


@login_required
@require_safe
def submission_detail(request, pk):
    submission = get_object_or_404(
        EntitySubmission.objects.for_list().prefetch_related(Prefetch("images")),
        pk=pk,
        submitted_by=request.user,
    )
    moderation = registry.for_model(submission)
    return render(
        request,
        "member/submission_detail.html",
        {
            "submission": submission,
            "changes": moderation.changes(submission),
            "removed_photos": moderation.removed_photos(submission),
        },
    )
