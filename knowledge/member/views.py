"""Organisations propose publications; they wait unpublished until an editor approves them (moderation)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from knowledge.forms import ProposalForm
from knowledge.models import PublicationFile, PublicationProposal
from moderation.ratelimits import limit_submissions
from moderation.services import notify_editors_on_commit
from moderation.views import limited_response


@login_required
@require_http_methods(["GET", "POST"])
@limit_submissions
def propose(request):
    form = ProposalForm(request.POST or None, request.FILES or None, user=request.user)
    context = {"form": form}
    if request.method == "POST":
        if getattr(request, "limited", False):
            return limited_response(request, "knowledge/member/propose.html", context)
        if form.is_valid():
            _store_proposal(request.user, form)
            messages.success(
                request, _("Propozycja publikacji czeka na decyzję redakcji. Powiadomimy Cię e-mailem.")
            )
            return redirect("member:dashboard")
    return render(request, "knowledge/member/propose.html", context, status=400 if form.errors else 200)


def _store_proposal(user, form):
    upload = form.cleaned_data["file"]
    with transaction.atomic():
        publication = form.save(commit=False)
        publication.is_published = False
        publication.save()
        form.save_m2m()
        document = PublicationFile(
            publication=publication,
            file=upload,
            format=upload.detected_format.key,
            size=upload.size,
            original_name=upload.original_name[:200],
        )
        document.save()
        document.extract()  # a file that cannot be read is stored with the reason, which editors see
        proposal = PublicationProposal.objects.create(
            publication=publication,
            entity=form.cleaned_data["entity"],
            submitted_by=user,
            proposed_title=publication.title,
        )
        notify_editors_on_commit(proposal)
    return proposal
