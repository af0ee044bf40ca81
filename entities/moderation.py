"""What the registry moderates: organisations' submissions (proposals, changes, archiving) and claims."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from entities import services
from entities.models import ENTITY_MEMBER_FIELDS, Claim, Entity, EntitySubmission, SubmissionImage
from moderation import registry


class EntitySubmissionModeration(registry.Moderation):
    panel_label = gettext_lazy("Zgłoszenia organizacji: %(count)d")
    queue_related = ("entity",)
    image_model = SubmissionImage

    fields = ENTITY_MEMBER_FIELDS

    def apply(self, item, editor):
        services.submission_apply(item)

    def live(self, item):
        """The profile a change compares with (an empty one for a new proposal)."""
        return item.entity if item.kind == EntitySubmission.Kind.CHANGE and item.entity_id else Entity()

    def public_url(self, item):
        return item.entity.get_absolute_url() if item.entity_id and item.entity.is_published else ""


class ClaimModeration(registry.Moderation):
    panel_label = gettext_lazy("Prośby o dostęp do profilu: %(count)d")
    queue_label = gettext_lazy("prośby o dostęp do profilu")
    queue_related = ("entity",)

    def apply(self, item, editor):
        services.claim_apply(item)

    def summary(self, item):
        return _("Prośba o dostęp do profilu „%(name)s”") % {"name": item.entity.name}

    def public_url(self, item):
        return item.entity.get_absolute_url() if item.entity.is_published else ""


registry.register(EntitySubmission, EntitySubmissionModeration)
registry.register(Claim, ClaimModeration)
