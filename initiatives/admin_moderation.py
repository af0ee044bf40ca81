"""Members' initiative reports in the editors' moderation queue (the entities' queue and decision pages).

Decisions go through the shared DecisionAdminMixin (POST with CSRF, reason required to reject) and
initiatives.services, which applies them in one transaction, records who decided and e-mails the submitter.
"""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from entities.admin_moderation import DecisionAdminMixin, register_queue_section
from initiatives import services
from initiatives.models import (
    Initiative,
    InitiativeSubmission,
    InitiativeSubmissionImage,
)


class InitiativeSubmissionImageInline(admin.TabularInline):
    model = InitiativeSubmissionImage
    extra = 0
    can_delete = False
    readonly_fields = ["image", "alt"]

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(InitiativeSubmission)
class InitiativeSubmissionAdmin(DecisionAdminMixin, admin.ModelAdmin):
    list_display = ["__str__", "kind", "state", "entity", "submitted_by", "created_at", "decided_by"]
    list_filter = ["state", "kind"]
    list_select_related = ["initiative", "entity", "submitted_by", "decided_by"]
    search_fields = ["initiative__title", "entity__name", "submitted_by__email"]
    ordering = ["created_at", "pk"]
    date_hierarchy = "created_at"
    inlines = [InitiativeSubmissionImageInline]
    exclude = ["data", "photos_removed", "links"]
    approve_service = staticmethod(services.submission_approve)
    reject_service = staticmethod(services.submission_reject)

    def get_readonly_fields(self, request, obj=None):
        return [name for name in super().get_readonly_fields(request, obj) if name not in self.exclude]

    def decision_context(self, item):
        is_change = item.kind == InitiativeSubmission.Kind.CHANGE and item.initiative_id
        live = item.initiative if is_change else Initiative()
        return {
            **super().decision_context(item),
            "changes": item.changes(),
            "removed_photos": live.photos.filter(pk__in=item.photos_removed) if live.pk else [],
            # A new report waits as a pending initiative: editors may preview it or correct it first.
            "preview_url": item.initiative.get_absolute_url() if item.initiative_id else "",
            "comparison_caption": _("Porównanie: wartość na portalu i proponowana"),
            "live_heading": _("Obecnie na portalu"),
        }


def queue_sections():
    pending = (
        InitiativeSubmission.objects.pending().oldest_first().select_related("initiative", "submitted_by")
    )
    return [
        {
            "label": label,
            "count": pending.filter(kind=kind).count(),
            "items": pending.filter(kind=kind)[:50],
            "url_name": "admin:initiatives_initiativesubmission_change",
        }
        for kind, label in InitiativeSubmission.Kind.choices
    ]


register_queue_section(queue_sections, count=lambda: InitiativeSubmission.objects.pending().count())
