from django.contrib import admin
from django.db import models
from django.utils.translation import gettext_lazy as _

from entities.models import Entity, Gmina, Powiat, PSStatus, Sector
from wortal.uploads import CleanImageField

from .admin_moderation import EntityPhotoInline  # also registers the moderation admin


class PSStatusInline(admin.TabularInline):
    model = PSStatus
    extra = 0
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}


@admin.register(Entity)
class EntityAdmin(admin.ModelAdmin):
    list_display = ["name", "legal_form", "town", "gmina", "state", "has_ps_status", "updated_at"]
    list_filter = ["state", "legal_form", "gmina__powiat", "sectors"]
    list_select_related = ["gmina__powiat"]
    search_fields = ["name", "short_name", "town", "nip", "krs", "regon"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["gmina", "running_entity"]
    filter_horizontal = ["sectors", "powiaty_served"]
    readonly_fields = ["created_at", "updated_at"]
    inlines = [PSStatusInline, EntityPhotoInline]
    formfield_overrides = {
        models.ImageField: {"form_class": CleanImageField},
        models.URLField: {"assume_scheme": "https"},
    }
    actions = ["publish_selected"]
    fieldsets = [
        (None, {"fields": ["name", "short_name", "slug", "legal_form", "running_entity", "state"]}),
        (_("Identyfikatory"), {"fields": ["krs", "nip", "regon"]}),
        (_("Adres"), {"fields": ["street", "postal_code", "town", "gmina", "latitude", "longitude"]}),
        (_("Kontakt"), {"fields": ["email", "phone", "website"]}),
        (
            _("Opis"),
            {"fields": ["description", "offer", "sectors", "powiaty_served", "year_founded", "logo"]},
        ),
        (
            _("Osoba kontaktowa"),
            {"fields": ["contact_name", "contact_email", "contact_phone", "contact_consent"]},
        ),
        (_("Weryfikacja"), {"fields": ["last_verified_on", "created_at", "updated_at"]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).with_ps_status()

    @admin.display(boolean=True, description=_("status PS"))
    def has_ps_status(self, obj):
        return obj.has_ps_status

    @admin.action(description=_("Opublikuj zaznaczone podmioty"))
    def publish_selected(self, request, queryset):
        for entity in queryset:
            entity.publish()
        self.message_user(request, _("Opublikowano: %(count)d.") % {"count": queryset.count()})


@admin.register(Sector)
class SectorAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "position"]
    list_editable = ["position"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Powiat)
class PowiatAdmin(admin.ModelAdmin):
    list_display = ["name", "teryt", "city", "valid_on", "retired"]
    list_filter = ["city", "retired"]
    search_fields = ["name", "teryt"]


@admin.register(Gmina)
class GminaAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "powiat", "teryt", "valid_on", "retired"]
    list_filter = ["kind", "retired", "powiat"]
    list_select_related = ["powiat"]
    search_fields = ["name", "teryt"]


@admin.register(PSStatus)
class PSStatusAdmin(admin.ModelAdmin):
    list_display = ["entity", "decision_number", "decision_date", "aim", "valid_from", "withdrawn_on"]
    list_filter = ["aim", "legal_basis"]
    list_select_related = ["entity"]
    search_fields = ["entity__name", "decision_number"]
    autocomplete_fields = ["entity"]
