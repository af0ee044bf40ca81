"""Members' initiative reports: submit, approve, reject, withdraw, forget (the entities' flow, reused).

Each decision is one transaction: the report, the submission's state, who decided and when change together or
not at all. The submitter is e-mailed after the decision; editors are told about new submissions after commit.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Max
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _

from initiatives.models import (
    INITIATIVE_MAX_PHOTOS,
    INITIATIVE_MEMBER_FIELDS,
    Initiative,
    InitiativeLink,
    InitiativePhoto,
    InitiativeSubmission,
    InitiativeSubmissionImage,
)
from wortal.moderation import ModerationState, apply_values, notify_editors, submission_summary

State = ModerationState
Kind = InitiativeSubmission.Kind


@transaction.atomic
def submission_create(user, *, entity, data, initiative=None, photos=(), photos_removed=(), links=None):
    """Store a member's report (a new, pending Initiative) or their proposed change to a live one."""
    if initiative is None:
        # Never public before approval: the report waits as a pending initiative editors can preview.
        report = apply_values(Initiative(state=Initiative.State.PENDING), data, INITIATIVE_MEMBER_FIELDS)
        _replace_links(report, links)
        kind = Kind.CREATE
    else:
        report, kind = initiative, Kind.CHANGE
    submission = InitiativeSubmission.objects.create(
        kind=kind,
        initiative=report,
        entity=entity,
        submitted_by=user,
        data=data,
        photos_removed=sorted(photos_removed),
        links=links,
    )
    for image, alt in photos:
        InitiativeSubmissionImage.objects.create(submission=submission, image=image, alt=alt)
    transaction.on_commit(lambda: _notify_editors(submission))
    return submission


def _replace_links(initiative, links):
    if links is None:
        return
    initiative.links.all().delete()
    InitiativeLink.objects.bulk_create(
        InitiativeLink(initiative=initiative, label=link["label"], url=link["url"]) for link in links
    )


def _apply_photos(submission, initiative):
    initiative.photos.filter(pk__in=submission.photos_removed).delete()
    images = list(submission.images.all())
    if initiative.photos.count() + len(images) > INITIATIVE_MAX_PHOTOS:
        raise ValidationError(
            _("Inicjatywa miałaby więcej niż %(limit)d zdjęć. Usuń najpierw część zdjęć.")
            % {"limit": INITIATIVE_MAX_PHOTOS}
        )
    position = (initiative.photos.aggregate(last=Max("position"))["last"] or 0) + 1
    for offset, image in enumerate(images):
        # The verified, re-encoded file is reused as is: approving copies no bytes.
        InitiativePhoto.objects.create(
            initiative=initiative, image=image.image.name, alt=image.alt, position=position + offset
        )


def _pending_for_update(submission):
    submission = InitiativeSubmission.objects.select_for_update().get(pk=submission.pk)
    if not submission.is_pending:
        raise ValidationError(_("To zgłoszenie zostało już rozpatrzone."))
    return submission


def submission_approve(submission, editor):
    """Publish a new report or apply a change; raises ValidationError (nothing changed) if it no longer fits."""
    with transaction.atomic():
        submission = _pending_for_update(submission)
        if submission.initiative_id is None:
            raise ValidationError(_("Ta inicjatywa została usunięta."))
        initiative = Initiative.objects.select_for_update().get(pk=submission.initiative_id)
        if submission.kind == Kind.CREATE:
            # The pending report already holds the values (and any corrections editors made in the admin).
            initiative.state = Initiative.State.PUBLISHED
            initiative.save(update_fields=["state"])
        else:
            apply_values(initiative, submission.data, INITIATIVE_MEMBER_FIELDS)
            _replace_links(initiative, submission.links)
        _apply_photos(submission, initiative)
        submission.record_decision(State.APPROVED, editor)
    _notify(submission)
    return submission


def _drop_unpublished_report(submission):
    """A refused or withdrawn new report was never public: it goes; the submission keeps its values."""
    if submission.kind == Kind.CREATE and submission.initiative_id:
        deleted, _rows = Initiative.objects.filter(
            pk=submission.initiative_id, state=Initiative.State.PENDING
        ).delete()
        if deleted:
            submission.initiative = None  # the database set it to NULL (SET_NULL); keep the object in step


def submission_reject(submission, editor, reason):
    with transaction.atomic():
        submission = _pending_for_update(submission)
        _drop_unpublished_report(submission)
        submission.record_decision(State.REJECTED, editor, reason)
    _notify(submission)
    return submission


@transaction.atomic
def submission_withdraw(submission):
    submission = _pending_for_update(submission)
    _drop_unpublished_report(submission)
    submission.record_decision(State.WITHDRAWN, None)
    return submission


@transaction.atomic
def forget_submitter(user):
    """On account deletion: pending submissions (and their unpublished reports and files) go with the person."""
    pending = InitiativeSubmission.objects.submitted_by(user).pending()
    images = list(InitiativeSubmissionImage.objects.filter(submission__in=pending))
    Initiative.objects.filter(
        state=Initiative.State.PENDING, submissions__in=pending.filter(kind=Kind.CREATE)
    ).delete()
    pending.delete()
    transaction.on_commit(lambda: [image.image.delete(save=False) for image in images])


def _what(submission):
    return submission_summary(submission)


def _notify_editors(submission):
    notify_editors(_what(submission))


def _notify(submission):
    """E-mail the submitter the editor's decision (nothing to do once their account is gone)."""
    user = submission.submitted_by
    if user is None or not user.email:
        return
    initiative = submission.initiative
    context = {
        "item": submission,
        "what": _what(submission),
        "approved": submission.state == State.APPROVED,
        "link_label": _("Inicjatywa:"),
        "account_url": settings.SITE_URL + reverse("member:dashboard"),
        "profile_url": settings.SITE_URL + initiative.get_absolute_url()
        if initiative is not None and initiative.is_published
        else "",
    }
    subject = _("Decyzja redakcji: %(what)s") % {"what": context["what"]}
    send_mail(subject, render_to_string("member/email/decision.txt", context), None, [user.email])
