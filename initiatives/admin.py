from django.contrib import admin
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from initiatives.models import Initiative, InitiativeLink, InitiativePhoto, InitiativeSubmission
from wortal.admin_tools import SiteLinkMixin, bulk_change, thumbnail
from wortal.admin_versions import VersionedAdminMixin
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
class InitiativeAdmin(VersionedAdminMixin, SiteLinkMixin, SimpleHistoryAdmin):
    list_display = [
        "title",
        "photo_thumbnail",
        "theme",
        "start_date",
        "end_date",
        "state",
        "is_featured",
        "updated_at",
        "on_site",
    ]
    list_filter = ["state", "is_featured", "theme", "powiaty", "start_date", "updated_at"]
    list_per_page = 50
    list_editable = ["is_featured"]
    search_fields = ["title", "summary", "partners"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["organisers"]
    filter_horizontal = ["powiaty"]
    readonly_fields = ["created_at", "updated_at"]
    inlines = [InitiativePhotoInline, InitiativeLinkInline, InitiativeSubmissionInline]
    actions = ["publish_selected", "archive_selected"]
    date_hierarchy = "start_date"
    fieldsets = [
        (None, {"fields": ["title", "slug", "theme", "state", "is_featured"]}),
        (_("Treść"), {"fields": ["summary", "description", "results"]}),
        (_("Kto, gdzie, kiedy"), {"fields": ["organisers", "partners", "powiaty", "start_date", "end_date"]}),
        (_("Historia"), {"fields": ["created_at", "updated_at"]}),
    ]

    def get_queryset(self, request):
        # The list shows the first photo: one query for the page's photos, not one per row.
        photos = models.Prefetch("photos", queryset=InitiativePhoto.objects.order_by("position", "pk"))
        return super().get_queryset(request).prefetch_related(photos)

    @admin.display(description=_("zdjęcie"))
    def photo_thumbnail(self, obj):
        photos = list(obj.photos.all())
        return thumbnail(photos[0].image, alt=photos[0].alt) if photos else "–"

    @admin.action(description=_("Opublikuj zaznaczone inicjatywy"), permissions=["change"])
    def publish_selected(self, request, queryset):
        bulk_change(
            self,
            request,
            queryset,
            Initiative.publish,
            _("Akcja zbiorcza: publikacja"),
            _("Opublikowano: %(count)d."),
        )

    @admin.action(description=_("Zarchiwizuj zaznaczone inicjatywy"), permissions=["change"])
    def archive_selected(self, request, queryset):
        bulk_change(
            self,
            request,
            queryset,
            Initiative.archive,
            _("Akcja zbiorcza: archiwizacja"),
            _("Zarchiwizowano: %(count)d."),
        )
