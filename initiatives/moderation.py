"""What the initiatives moderate: members' new reports and their changes to published ones."""

from django.utils.translation import gettext_lazy as _

from initiatives import services
from initiatives.models import (
    INITIATIVE_MEMBER_FIELDS,
    Initiative,
    InitiativeSubmission,
    InitiativeSubmissionImage,
)
from moderation import registry


class InitiativeSubmissionModeration(registry.Moderation):
    panel_label = _("Zgłoszenia inicjatyw: %(count)d")
    link_label = _("Inicjatywa:")
    queue_related = ("initiative",)
    image_model = InitiativeSubmissionImage

    fields = INITIATIVE_MEMBER_FIELDS

    def apply(self, item, editor):
        services.submission_apply(item)

    def discard(self, item):
        services.drop_unpublished_report(item)

    def live(self, item):
        is_change = item.kind == InitiativeSubmission.Kind.CHANGE and item.initiative_id
        return item.initiative if is_change else Initiative()

    def changes(self, item):
        return item.changes()  # the fields and the proposed list of links

    def public_url(self, item):
        initiative = item.initiative
        return initiative.get_absolute_url() if initiative is not None and initiative.is_published else ""

    def decision_context(self, item):
        return {
            # A new report waits as a pending initiative: editors may preview it or correct it first.
            "preview_url": item.initiative.get_absolute_url() if item.initiative_id else "",
            "comparison_caption": _("Porównanie: wartość na portalu i proponowana"),
            "live_heading": _("Obecnie na portalu"),
        }


registry.register(InitiativeSubmission, InitiativeSubmissionModeration)
