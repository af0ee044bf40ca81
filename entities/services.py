"""Multi-model workflows of organisations' submissions: submit, approve, reject, withdraw, claim, forget.

Each decision is one transaction: the profile, the submission's state, who decided and when change together
or not at all. The submitter is e-mailed after the transaction is committed, so a failed write sends nothing.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Max
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _

from entities.models import (
    ENTITY_MEMBER_FIELDS,
    Claim,
    Entity,
    EntityPhoto,
    EntitySubmission,
    Membership,
    SubmissionImage,
)
from entities.models.moderation import CONTACT_FIELDS
from wortal.moderation import ModerationState, apply_values, notify_editors, submission_summary

State = ModerationState


def _store_images(submission, logo=None, photos=()):
    if logo:
        SubmissionImage.objects.create(submission=submission, role=SubmissionImage.Role.LOGO, image=logo)
    for image, alt_text in photos:
        SubmissionImage.objects.create(
            submission=submission, role=SubmissionImage.Role.PHOTO, image=image, alt_text=alt_text
        )


@transaction.atomic
def submission_create(
    user, *, kind, data=None, entity=None, logo=None, photos=(), photos_removed=(), message=""
):
    submission = EntitySubmission.objects.create(
        kind=kind,
        entity=entity,
        submitted_by=user,
        data=data or {},
        photos_removed=sorted(photos_removed),
        message=message,
    )
    _store_images(submission, logo, photos)
    transaction.on_commit(lambda: _notify_editors(submission))
    return submission


def _apply_images(submission, entity):
    images = list(submission.images.all())
    removed = entity.photos.filter(pk__in=submission.photos_removed)
    removed.delete()
    new_photos = [image for image in images if image.role == SubmissionImage.Role.PHOTO]
    if entity.photos.count() + len(new_photos) > settings.ENTITY_MAX_PHOTOS:
        raise ValidationError(
            _("Profil miałby więcej niż %(limit)d zdjęć. Usuń najpierw część zdjęć z profilu.")
            % {"limit": settings.ENTITY_MAX_PHOTOS}
        )
    position = (entity.photos.aggregate(last=Max("position"))["last"] or 0) + 1
    for offset, image in enumerate(new_photos):
        # The verified, re-encoded file is reused as is: approving copies no bytes.
        EntityPhoto.objects.create(
            entity=entity, image=image.image.name, alt_text=image.alt_text, position=position + offset
        )
    for image in images:
        if image.role == SubmissionImage.Role.LOGO:
            entity.logo.name = image.image.name
            entity.save(update_fields=["logo"])


def submission_approve(submission, editor):
    """Apply the submission to the registry; raises ValidationError (nothing changed) if it no longer fits."""
    with transaction.atomic():
        submission = EntitySubmission.objects.select_for_update().get(pk=submission.pk)
        if not submission.is_pending:
            raise ValidationError(_("To zgłoszenie zostało już rozpatrzone."))
        Kind = EntitySubmission.Kind
        if submission.kind == Kind.CREATE:
            entity = Entity(state=Entity.State.PUBLISHED)
            apply_values(entity, submission.data, ENTITY_MEMBER_FIELDS)
            submission.entity = entity
            submission.save(update_fields=["entity"])
            if submission.submitted_by_id:
                Membership.objects.get_or_create(user_id=submission.submitted_by_id, entity=entity)
            _apply_images(submission, entity)
        elif submission.kind == Kind.CHANGE:
            entity = Entity.objects.select_for_update().get(pk=submission.entity_id)
            apply_values(entity, submission.data, ENTITY_MEMBER_FIELDS)
            _apply_images(submission, entity)
        else:
            submission.entity.archive()
        submission.record_decision(State.APPROVED, editor)
    _notify(submission)
    return submission


def submission_reject(submission, editor, reason):
    with transaction.atomic():
        submission = EntitySubmission.objects.select_for_update().get(pk=submission.pk)
        if not submission.is_pending:
            raise ValidationError(_("To zgłoszenie zostało już rozpatrzone."))
        submission.record_decision(State.REJECTED, editor, reason)
    _notify(submission)
    return submission


def submission_withdraw(submission):
    submission.record_decision(State.WITHDRAWN, None)
    return submission


def claim_create(user, entity, justification):
    if Membership.objects.filter(user=user, entity=entity).exists():
        raise ValidationError(_("Już należysz do tej organizacji."))
    if Claim.objects.pending().filter(submitted_by=user, entity=entity).exists():
        raise ValidationError(_("Twoje zgłoszenie dotyczące tej organizacji już czeka na decyzję redakcji."))
    claim = Claim.objects.create(submitted_by=user, entity=entity, justification=justification)
    _notify_editors(claim)
    return claim


def claim_approve(claim, editor):
    with transaction.atomic():
        claim = Claim.objects.select_for_update().select_related("entity").get(pk=claim.pk)
        if not claim.is_pending:
            raise ValidationError(_("To zgłoszenie zostało już rozpatrzone."))
        if claim.submitted_by_id:
            Membership.objects.get_or_create(user_id=claim.submitted_by_id, entity=claim.entity)
        claim.record_decision(State.APPROVED, editor)
    _notify(claim)
    return claim


def claim_reject(claim, editor, reason):
    with transaction.atomic():
        claim = Claim.objects.select_for_update().select_related("entity").get(pk=claim.pk)
        if not claim.is_pending:
            raise ValidationError(_("To zgłoszenie zostało już rozpatrzone."))
        claim.record_decision(State.REJECTED, editor, reason)
    _notify(claim)
    return claim


def _what(item):
    if isinstance(item, Claim):
        return _("Prośba o dostęp do profilu „%(name)s”") % {"name": item.entity.name}
    return submission_summary(item)


def _notify_editors(item):
    notify_editors(_what(item))


def _notify(item):
    """E-mail the submitter the editor's decision (nothing to do once their account is gone)."""
    user = item.submitted_by
    if user is None or not user.email:
        return
    what = _what(item)
    context = {
        "item": item,
        "what": what,
        "approved": item.state == State.APPROVED,
        "account_url": settings.SITE_URL + reverse("member:dashboard"),
        "profile_url": settings.SITE_URL + item.entity.get_absolute_url()
        if item.entity_id and item.entity.is_published
        else "",
    }
    subject = _("Decyzja redakcji: %(what)s") % {"what": what}
    body = render_to_string("member/email/decision.txt", context)
    send_mail(subject, body, None, [user.email])


@transaction.atomic
def account_delete(user):
    """Remove a person's account and personal data; the organisations' public profiles stay.

    Pending submissions and claims are withdrawn with the account; decided ones stay as the registry's
    history without the person (submitted_by becomes empty) and without contact-person data they typed.
    Contact-person data on profiles that name this person's e-mail are removed too.
    """
    submissions = EntitySubmission.objects.filter(submitted_by=user)
    unpublished = list(SubmissionImage.objects.filter(submission__in=submissions.pending()))
    submissions.pending().delete()
    # Files of photos that never went public are the person's data too; removed once the rows are gone.
    transaction.on_commit(lambda: [image.image.delete(save=False) for image in unpublished])
    for submission in submissions:
        if any(field in submission.data for field in CONTACT_FIELDS):
            for field in [*CONTACT_FIELDS, "contact_consent"]:
                submission.data.pop(field, None)
            submission.save(update_fields=["data"])
    Claim.objects.filter(submitted_by=user).pending().delete()
    # Initiative reports go through the same moderation; their pending ones go with the account too.
    from initiatives.services import forget_submitter

    forget_submitter(user)
    if user.email:
        for entity in Entity.objects.filter(contact_email__iexact=user.email):
            entity.contact_name = entity.contact_email = entity.contact_phone = ""
            entity.contact_consent = False
            entity.save(update_fields=["contact_name", "contact_email", "contact_phone", "contact_consent"])
    get_user_model().objects.filter(pk=user.pk).delete()
