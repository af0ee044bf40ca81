"""Members' initiative reports: submit a report or a change, and the steps the moderation calls.

Decisions (approve, reject, withdraw) go through moderation.services, which locks the submission and calls
the steps registered in initiatives/moderation.py inside its transaction.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
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
from moderation.diffs import apply_values
from moderation.services import notify_editors_on_commit
from wortal.uploads import copy_of

Kind = InitiativeSubmission.Kind


@transaction.atomic
def submission_create(
    user, *, entity, data, initiative=None, photos=(), photos_removed=(), links=None, shown=None
):
    """Store a member's report (a new, pending Initiative) or their proposed change to a live one.

    ``shown`` is the report as the member's form showed it (for a change).
    """
    if initiative is None:
        # Never public before approval: the report waits as a pending initiative editors can preview.
        report = apply_values(Initiative(state=Initiative.State.PENDING), data, INITIATIVE_MEMBER_FIELDS)
        _replace_links(report, links)
        kind = Kind.CREATE
    else:
        report, kind = initiative, Kind.CHANGE
    submission = InitiativeSubmission(
        kind=kind,
        initiative=report,
        entity=entity,
        submitted_by=user,
        data=data,
        photos_removed=sorted(photos_removed),
        links=links,
    )
    submission.record_base(shown)
    submission.save()
    for image, alt in photos:
        InitiativeSubmissionImage.objects.create(submission=submission, image=image, alt=alt)
    notify_editors_on_commit(submission)
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
        # The verified, re-encoded file is private until now: the report gets a public copy.
        InitiativePhoto.objects.create(
            initiative=initiative, image=copy_of(image.image), alt=image.alt, position=position + offset
        )


def submission_apply(submission):
    """Publish a new report or apply a change (inside the decision's transaction, the row locked)."""
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


def drop_unpublished_report(submission):
    """A refused or withdrawn new report was never public: it goes; the submission keeps its values."""
    if submission.kind == Kind.CREATE and submission.initiative_id:
        deleted, _rows = Initiative.objects.filter(
            pk=submission.initiative_id, state=Initiative.State.PENDING
        ).delete()
        if deleted:
            submission.initiative = None  # the database set it to NULL (SET_NULL); keep the object in step
