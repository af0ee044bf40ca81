"""Members' initiative reports in the editors' moderation queue (moderation.admin's pages and decisions)."""

from django.contrib import admin

from initiatives.models import InitiativeSubmission, InitiativeSubmissionImage
from moderation.admin import DecisionAdmin, SubmissionImageInline


class InitiativeSubmissionImageInline(SubmissionImageInline):
    model = InitiativeSubmissionImage


@admin.register(InitiativeSubmission)
class InitiativeSubmissionAdmin(DecisionAdmin):
    list_display = ["__str__", "kind", "state", "entity", "submitted_by", "created_at", "decided_by"]
    list_filter = ["state", "kind"]
    list_select_related = ["initiative", "entity", "submitted_by", "decided_by"]
    search_fields = ["initiative__title", "entity__name", "submitted_by__email"]
    date_hierarchy = "created_at"
    inlines = [InitiativeSubmissionImageInline]
    exclude = ["data", "photos_removed", "links"]
