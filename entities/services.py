"""Organisations' submissions: submit a proposal, change or archiving request, claim a profile, apply one.

Decisions (approve, reject, withdraw) go through moderation.services, which locks the submission and calls
the steps registered in entities/moderation.py; the applying steps live here, next to the models they write.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.dispatch import receiver
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
from members.signals import forget_person
from moderation.diffs import apply_values
from moderation.services import notify_editors, notify_editors_on_commit
from wortal.uploads import copy_of


def _store_images(submission, logo=None, photos=()):
    if logo:
        SubmissionImage.objects.create(submission=submission, role=SubmissionImage.Role.LOGO, image=logo)
    for image, alt_text in photos:
        SubmissionImage.objects.create(
            submission=submission, role=SubmissionImage.Role.PHOTO, image=image, alt_text=alt_text
        )


@transaction.atomic
def submission_create(
    user, *, kind, data=None, entity=None, logo=None, photos=(), photos_removed=(), message="", shown=None
):
    """Store a member's submission; ``shown`` is the profile as their form showed it (for a change)."""
    submission = EntitySubmission(
        kind=kind,
        entity=entity,
        submitted_by=user,
        data=data or {},
        photos_removed=sorted(photos_removed),
        message=message,
    )
    submission.record_base(shown)
    submission.save()
    _store_images(submission, logo, photos)
    notify_editors_on_commit(submission)
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
        # The verified, re-encoded file is private until now: the profile gets a public copy.
        EntityPhoto.objects.create(
            entity=entity, image=copy_of(image.image), alt_text=image.alt_text, position=position + offset
        )
    for image in images:
        if image.role == SubmissionImage.Role.LOGO:
            entity.logo = copy_of(image.image)
            entity.save(update_fields=["logo"])


def submission_apply(submission):
    """Apply an approved submission to the registry (inside the decision's transaction, the row locked)."""
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


def claim_create(user, entity, justification):
    already_waiting = _("Twoje zgłoszenie dotyczące tej organizacji już czeka na decyzję redakcji.")
    if Membership.objects.filter(user=user, entity=entity).exists():
        raise ValidationError(_("Już należysz do tej organizacji."))
    if Claim.objects.pending().filter(submitted_by=user, entity=entity).exists():
        raise ValidationError(already_waiting)
    try:
        # Two submits at the same moment (a double click, two tabs) both pass the check above; the database's
        # one-pending-claim constraint lets one in, and the other gets the same answer as a later duplicate.
        with transaction.atomic():
            claim = Claim.objects.create(submitted_by=user, entity=entity, justification=justification)
    except IntegrityError:
        raise ValidationError(already_waiting) from None
    notify_editors(claim)
    return claim


def claim_apply(claim):
    if claim.submitted_by_id:
        Membership.objects.get_or_create(user_id=claim.submitted_by_id, entity=claim.entity)


@receiver(forget_person)
def forget_contact_data(sender, user, **kwargs):
    """On account deletion: contact-person data the person typed or that name their e-mail go.

    Decided submissions stay as the registry's history, without the contact-person data they carried;
    profiles whose contact person is this person's e-mail lose the contact data (the profile stays).
    """
    for submission in EntitySubmission.objects.submitted_by(user).exclude(
        state=EntitySubmission.State.PENDING
    ):
        if any(field in submission.data for field in CONTACT_FIELDS):
            for field in [*CONTACT_FIELDS, "contact_consent"]:
                submission.data.pop(field, None)
            submission.save(update_fields=["data"])
    if user.email:
        for entity in Entity.objects.filter(contact_email__iexact=user.email):
            entity.contact_name = entity.contact_email = entity.contact_phone = ""
            entity.contact_consent = False
            entity.save(update_fields=["contact_name", "contact_email", "contact_phone", "contact_consent"])
