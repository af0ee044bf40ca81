"""The registry's items in the editors' moderation queue: organisations' submissions and claims.

The queue, the decision pages and the decisions themselves are the moderation app's (moderation.admin);
this module only says how the registry's models are listed. The queue's address stays under the entities'
submissions (/admin/entities/entitysubmission/kolejka/), where editors know it.
"""

from django.contrib import admin
from django.db import models

from entities.models import Claim, EntityPhoto, EntitySubmission, Membership, SubmissionImage
from moderation.admin import DecisionAdmin, SubmissionImageInline
from wortal.uploads import CleanImageField


class EntityPhotoInline(admin.TabularInline):
    model = EntityPhoto
    extra = 0
    max_num = 6
    formfield_overrides = {models.ImageField: {"form_class": CleanImageField}}


class EntitySubmissionImageInline(SubmissionImageInline):
    model = SubmissionImage


@admin.register(EntitySubmission)
class EntitySubmissionAdmin(DecisionAdmin):
    hosts_queue = True
    list_display = ["__str__", "kind", "state", "submitted_by", "created_at", "decided_by", "decided_at"]
    list_filter = ["state", "kind"]
    list_select_related = ["entity", "submitted_by", "decided_by"]
    search_fields = ["entity__name", "submitted_by__email"]
    date_hierarchy = "created_at"
    inlines = [EntitySubmissionImageInline]
    exclude = ["data", "photos_removed"]


@admin.register(Claim)
class ClaimAdmin(DecisionAdmin):
    list_display = ["entity", "state", "submitted_by", "created_at", "decided_by", "decided_at"]
    list_select_related = ["entity", "submitted_by", "decided_by"]
    search_fields = ["entity__name", "submitted_by__email"]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["entity", "user", "created_at"]
    list_select_related = ["entity", "user"]
    search_fields = ["entity__name", "user__email"]
    autocomplete_fields = ["entity"]
    raw_id_fields = ["user"]
