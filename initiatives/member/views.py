"""Members' initiative reports: propose one for an organisation, propose changes, follow and withdraw them.

Every view looks its slug or id up within what the person may see (their memberships, their own submissions)
and answers 404 otherwise, also to editors: they work in the admin. Nothing here changes a public page;
editors decide in the moderation queue (initiatives.services).
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from entities.member.forms import new_photos
from entities.member.ratelimits import limit_submissions
from entities.models import Entity
from initiatives import services
from initiatives.member.forms import (
    InitiativeForm,
    RemovePhotosForm,
    links_formset,
    live_links,
    member_entities,
    photo_formset,
    proposed_links,
)
from initiatives.models import INITIATIVE_MEMBER_FIELDS, Initiative, InitiativeSubmission
from wortal.moderation import changed_values

Kind = InitiativeSubmission.Kind
FORM_TEMPLATE = "initiatives/member/initiative_form.html"


def _member_entity(request, slug):
    return get_object_or_404(
        Entity.objects.exclude(state=Entity.State.ARCHIVED), slug=slug, memberships__user=request.user
    )


def _resubmitted_values(request, **lookup):
    """Initial values from the person's own rejected or withdrawn submission (?z=id): nothing typed is lost."""
    if request.method != "GET":
        return None
    try:
        pk = int(request.GET.get("z", ""))
    except ValueError:
        return None
    submission = (
        InitiativeSubmission.objects.submitted_by(request.user)
        .filter(pk=pk, state__in=[InitiativeSubmission.State.REJECTED, InitiativeSubmission.State.WITHDRAWN])
        .filter(**lookup)
        .first()
    )
    return submission.data if submission else None


def _limited_response(request, context):
    messages.error(request, _("Wysłano zbyt wiele zgłoszeń w krótkim czasie. Spróbuj ponownie za godzinę."))
    return render(request, FORM_TEMPLATE, context, status=429)


@login_required
@require_http_methods(["GET", "POST"])
@limit_submissions
def propose(request, slug):
    entity = _member_entity(request, slug)
    form = InitiativeForm(
        request.POST or None,
        initial=_resubmitted_values(request, kind=Kind.CREATE, entity=entity),
        choices=member_entities(request.user).exclude(pk=entity.pk),
        fixed=[entity],
    )
    photos = photo_formset(0, request.POST or None, request.FILES or None)
    links = links_formset(data=request.POST or None)
    context = {"entity": entity, "form": form, "photos": photos, "links": links}
    if request.method == "POST":
        if getattr(request, "limited", False):
            return _limited_response(request, context)
        if form.is_valid() and photos.is_valid() and links.is_valid():
            submission = services.submission_create(
                request.user,
                entity=entity,
                data=form.proposed_values(),
                photos=new_photos(photos),
                links=proposed_links(links),
            )
            messages.success(
                request,
                _("Dziękujemy! Inicjatywa „%(title)s” czeka na sprawdzenie przez redakcję.")
                % {"title": submission.title},
            )
            return redirect("member:dashboard")
    return render(request, FORM_TEMPLATE, context)


@login_required
@require_http_methods(["GET", "POST"])
@limit_submissions
def initiative_edit(request, slug):
    """Proposed changes to a published report one of the person's organisations organises."""
    initiative = get_object_or_404(Initiative.objects.organised_by_member(request.user), slug=slug)
    own = member_entities(request.user)
    own_pks = set(own.values_list("pk", flat=True))
    organisers = list(initiative.organisers.all())
    # The form works on its own copy: the live report must not change before an editor approves.
    draft = Initiative.objects.get(pk=initiative.pk)
    form = InitiativeForm(
        request.POST or None,
        instance=draft,
        initial=_resubmitted_values(request, kind=Kind.CHANGE, initiative=initiative),
        choices=own,
        fixed=[entity for entity in organisers if entity.pk not in own_pks],
        require_choice=True,
    )
    existing_photos = list(initiative.photos.all())
    photos = photo_formset(len(existing_photos), request.POST or None, request.FILES or None)
    remove = RemovePhotosForm(request.POST or None, initiative=initiative)
    links = links_formset(initiative, request.POST or None)
    context = {
        "initiative": initiative,
        "form": form,
        "photos": photos,
        "links": links,
        "remove": remove,
        "existing_photos": existing_photos,
        "pending": initiative.submissions.pending().filter(kind=Kind.CHANGE),
    }
    if request.method == "POST":
        if getattr(request, "limited", False):
            return _limited_response(request, context)
        if form.is_valid() and photos.is_valid() and remove.is_valid() and links.is_valid():
            data = changed_values(initiative, form.proposed_values(), INITIATIVE_MEMBER_FIELDS)
            added = new_photos(photos)
            removed = [photo.pk for photo in remove.cleaned_data["remove"]]
            new_links = proposed_links(links)
            if new_links == live_links(initiative):
                new_links = None
            if data or added or removed or new_links is not None:
                services.submission_create(
                    request.user,
                    # On whose behalf: the first of the person's organisations among the organisers.
                    entity=next(entity for entity in organisers if entity.pk in own_pks),
                    initiative=initiative,
                    data=data,
                    photos=added,
                    photos_removed=removed,
                    links=new_links,
                )
                messages.success(
                    request,
                    _(
                        "Zmiany zostały zapisane jako propozycja. Inicjatywa zmieni się po akceptacji redakcji."
                    ),
                )
                return redirect("member:dashboard")
            form.add_error(None, _("Nie wprowadzono żadnych zmian."))
    return render(request, FORM_TEMPLATE, context)


@login_required
@require_safe
def submission_detail(request, pk):
    submission = get_object_or_404(
        InitiativeSubmission.objects.for_list().prefetch_related("images"), pk=pk, submitted_by=request.user
    )
    is_change = submission.kind == Kind.CHANGE and submission.initiative_id
    live = submission.initiative if is_change else Initiative()
    return render(
        request,
        "initiatives/member/submission_detail.html",
        {
            "submission": submission,
            "changes": submission.changes(),
            "removed_photos": live.photos.filter(pk__in=submission.photos_removed) if live.pk else [],
            "live_heading": _("Obecnie na portalu"),
        },
    )


@login_required
@require_POST
def submission_withdraw(request, pk):
    submission = get_object_or_404(InitiativeSubmission, pk=pk, submitted_by=request.user)
    try:
        services.submission_withdraw(submission)
    except ValidationError:
        messages.error(request, _("Tego zgłoszenia nie można już wycofać: redakcja je rozpatrzyła."))
    else:
        messages.success(request, _("Zgłoszenie zostało wycofane."))
    return redirect("member:dashboard")
