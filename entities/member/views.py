"""Pages of a member of an organisation: the account page, proposals, claims, edits, archiving.

Every view that takes a slug or an id looks it up within what the person may see (their memberships,
their own submissions) and answers 404 otherwise, so another organisation's ids reveal nothing.
"""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from entities import services
from entities.member.forms import (
    AccountDeleteForm,
    ArchiveForm,
    ClaimForm,
    EntityForm,
    ProposalForm,
    RemovePhotosForm,
    new_photos,
    photo_formset,
)
from entities.member.ratelimits import limit_submissions
from entities.models import ENTITY_MEMBER_FIELDS, Claim, Entity, EntitySubmission, Membership
from initiatives.models import Initiative, InitiativeSubmission
from wortal.moderation import changed_values, field_changes

SUBMISSIONS_PER_PAGE = 20
Kind = EntitySubmission.Kind


def _member_entity(request, slug):
    """An entity the person belongs to, or 404 (also for editors: they work in the admin)."""
    return get_object_or_404(
        Entity.objects.exclude(state=Entity.State.ARCHIVED).select_related("gmina__powiat"),
        slug=slug,
        memberships__user=request.user,
    )


@login_required
@require_safe
def dashboard(request):
    memberships = Membership.objects.of(request.user).select_related("entity__gmina__powiat")
    submissions = EntitySubmission.objects.submitted_by(request.user).for_list()
    page = Paginator(submissions, SUBMISSIONS_PER_PAGE).get_page(request.GET.get("page"))
    claims = Claim.objects.submitted_by(request.user).select_related("entity")[:SUBMISSIONS_PER_PAGE]
    # Initiative reports go through the same moderation (initiatives.services); shown beside the profiles'.
    initiative_submissions = InitiativeSubmission.objects.submitted_by(request.user).for_list()
    return render(
        request,
        "member/dashboard.html",
        {
            "memberships": memberships,
            "page": page,
            "claims": claims,
            "initiative_submissions": initiative_submissions[:SUBMISSIONS_PER_PAGE],
            "own_initiatives": Initiative.objects.organised_by_member(request.user).order_by("title")[:50],
        },
    )


def _resubmitted_values(request, kind, entity=None):
    """Initial values from the person's own rejected or withdrawn submission (?z=id): nothing typed is lost."""
    try:
        pk = int(request.GET.get("z", ""))
    except ValueError:
        return None
    submission = (
        EntitySubmission.objects.submitted_by(request.user)
        .filter(pk=pk, kind=kind, entity=entity)
        .exclude(state__in=[EntitySubmission.State.PENDING, EntitySubmission.State.APPROVED])
        .first()
    )
    return submission.data if submission else None


def _limited_response(request, template, context):
    messages.error(request, _("Wysłano zbyt wiele zgłoszeń w krótkim czasie. Spróbuj ponownie za godzinę."))
    return render(request, template, context, status=429)


@login_required
@require_http_methods(["GET", "POST"])
@limit_submissions
def propose(request):
    initial = _resubmitted_values(request, Kind.CREATE) if request.method == "GET" else None
    form = ProposalForm(request.POST or None, request.FILES or None, initial=initial)
    photos = photo_formset(0, request.POST or None, request.FILES or None)
    context = {"form": form, "photos": photos}
    if request.method == "POST":
        if getattr(request, "limited", False):
            return _limited_response(request, "member/propose.html", context)
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
    initial = _resubmitted_values(request, Kind.CHANGE, entity) if request.method == "GET" else None
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
            return _limited_response(request, "member/entity_edit.html", context)
        if form.is_valid() and photos.is_valid() and remove.is_valid():
            data = changed_values(entity, form.proposed_values(), ENTITY_MEMBER_FIELDS)
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
            return _limited_response(request, "member/entity_archive.html", {"entity": entity, "form": form})
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
            return _limited_response(request, "member/claim.html", context)
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
    live = submission.entity if submission.entity_id and submission.kind == Kind.CHANGE else Entity()
    return render(
        request,
        "member/submission_detail.html",
        {
            "submission": submission,
            "changes": field_changes(live, submission.data, ENTITY_MEMBER_FIELDS),
            "removed_photos": live.photos.filter(pk__in=submission.photos_removed) if live.pk else [],
        },
    )


@login_required
@require_POST
def submission_withdraw(request, pk):
    submission = get_object_or_404(EntitySubmission, pk=pk, submitted_by=request.user)
    if submission.is_pending:
        services.submission_withdraw(submission)
        messages.success(request, _("Zgłoszenie zostało wycofane."))
    else:
        messages.error(request, _("Tego zgłoszenia nie można już wycofać: redakcja je rozpatrzyła."))
    return redirect("member:dashboard")


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
