from django.contrib import admin
from django.db import models
from django.utils.translation import gettext_lazy as _

from initiatives.models import Initiative, InitiativeLink, InitiativePhoto, InitiativeSubmission
from wortal.uploads import CleanImageField

from .admin_moderation import InitiativeSubmissionAdmin  # noqa: F401  (registers members' submissions)


class InitiativePhotoInline(admin.TabularInline):
    model = InitiativePhoto
    extra = 1
    formfield_overrides = {models.ImageField: {"form_class": CleanImageField}}


class InitiativeSubmissionInline(admin.TabularInline):
    """Members' submissions about this report, so editors see pending changes while they edit it."""

    model = InitiativeSubmission
    fields = ["kind", "state", "entity", "submitted_by", "created_at"]
    readonly_fields = fields
    show_change_link = True
    extra = 0
    can_delete = False
    verbose_name_plural = _("zgłoszenia członków organizacji")

    def has_add_permission(self, request, obj=None):
        return False

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("entity", "submitted_by")


class InitiativeLinkInline(admin.TabularInline):
    model = InitiativeLink
    extra = 1


@admin.register(Initiative)
class InitiativeAdmin(admin.ModelAdmin):
    list_display = ["title", "theme", "start_date", "end_date", "state", "is_featured", "updated_at"]
    list_filter = ["state", "is_featured", "theme", "powiaty"]
    list_editable = ["is_featured"]
    search_fields = ["title", "summary", "partners"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["organisers"]
    filter_horizontal = ["powiaty"]
    readonly_fields = ["created_at", "updated_at"]
    inlines = [InitiativePhotoInline, InitiativeLinkInline, InitiativeSubmissionInline]
    actions = ["publish_selected"]
    date_hierarchy = "start_date"
    fieldsets = [
        (None, {"fields": ["title", "slug", "theme", "state", "is_featured"]}),
        (_("Treść"), {"fields": ["summary", "description", "results"]}),
        (_("Kto, gdzie, kiedy"), {"fields": ["organisers", "partners", "powiaty", "start_date", "end_date"]}),
        (_("Historia"), {"fields": ["created_at", "updated_at"]}),
    ]

    @admin.action(description=_("Opublikuj zaznaczone inicjatywy"))
    def publish_selected(self, request, queryset):
        count = 0
        for initiative in queryset:
            initiative.publish()
            count += 1
        self.message_user(request, _("Opublikowano: %(count)d.") % {"count": count})
