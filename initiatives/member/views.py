"""Members' initiative reports: propose one for an organisation, propose changes, follow and withdraw them.

Every view looks its slug or id up within what the person may see (their memberships, their own submissions)
and answers 404 otherwise, also to editors: they work in the admin. Nothing here changes a public page;
editors decide in the moderation queue (initiatives.services).
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

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
from moderation import registry
from moderation.diffs import changed_values
from moderation.forms import new_photos
from moderation.ratelimits import limit_submissions
from moderation.views import limited_response, resubmitted_values

Kind = InitiativeSubmission.Kind
FORM_TEMPLATE = "initiatives/member/initiative_form.html"


def _member_entity(request, slug):
    return get_object_or_404(Entity.objects.of_member(request.user), slug=slug)


@login_required
@require_http_methods(["GET", "POST"])
@limit_submissions
def propose(request, slug):
    entity = _member_entity(request, slug)
    form = InitiativeForm(
        request.POST or None,
        initial=resubmitted_values(request, InitiativeSubmission, kind=Kind.CREATE, entity=entity),
        choices=member_entities(request.user).exclude(pk=entity.pk),
        fixed=[entity],
    )
    photos = photo_formset(0, request.POST or None, request.FILES or None)
    links = links_formset(data=request.POST or None)
    context = {"entity": entity, "form": form, "photos": photos, "links": links}
    if request.method == "POST":
        if getattr(request, "limited", False):
            return limited_response(request, FORM_TEMPLATE, context)
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
        initial=resubmitted_values(request, InitiativeSubmission, kind=Kind.CHANGE, initiative=initiative),
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
            return limited_response(request, FORM_TEMPLATE, context)
        if form.is_valid() and photos.is_valid() and remove.is_valid() and links.is_valid():
            shown = form.shown_record(initiative)
            data = changed_values(shown["values"], form.proposed_values(), INITIATIVE_MEMBER_FIELDS)
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
                    shown=shown,
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
    moderation = registry.for_model(submission)
    return render(
        request,
        "initiatives/member/submission_detail.html",
        {
            "submission": submission,
            "changes": moderation.changes(submission),
            "removed_photos": moderation.removed_photos(submission),
            "live_heading": _("Obecnie na portalu"),
        },
    )
