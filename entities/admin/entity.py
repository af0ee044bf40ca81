from django.contrib import admin
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from import_export.admin import ImportExportModelAdmin
from simple_history.admin import SimpleHistoryAdmin

from entities.admin_moderation import EntityPhotoInline  # also registers the moderation admin
from entities.imports import EntityResource, SpreadsheetCSV, SpreadsheetXLSX
from entities.models import Entity, PSStatus
from entities.widgets import LocationPickerInput
from wortal.admin_tools import SiteLinkMixin, bulk_change, thumbnail
from wortal.admin_versions import VersionedAdminMixin
from wortal.uploads import CleanImageField

# The editors' guidance on the entity form (kept here, not on the model: it is about editing in the panel).
HELP_TEXTS = {
    "name": _("Pełna nazwa z rejestru (KRS, CEIDG), z formą prawną, np. „Spółdzielnia Socjalna Smaki”."),
    "short_name": _("Nazwa, pod którą podmiot jest znany, jeśli inna niż pełna."),
    "legal_form": _("Forma z ustawy o ekonomii społecznej; status PS dodaje się niżej, nie tutaj."),
    "state": _(
        "Szkic i „oczekuje na moderację” nie są widoczne publicznie; archiwum ukrywa podmiot bez usuwania."
    ),
    "krs": _("10 cyfr; zera z przodu można pominąć. Puste, jeśli podmiot nie jest w KRS."),
    "nip": _("10 cyfr; kreski, spacje i przedrostek PL są usuwane. Musi być unikalny."),
    "regon": _("9 lub 14 cyfr; sprawdzamy cyfrę kontrolną."),
    "gmina": _("Zacznij pisać nazwę; gminy o tej samej nazwie różnią się rodzajem i powiatem."),
    "town": _("Miejscowość z adresu siedziby (w gminie wiejskiej: wieś)."),
    "sectors": _("Co podmiot oferuje: po tym kupujący szukają dostawców."),
    "powiaty_served": _("Gdzie podmiot świadczy usługi, jeśli szerzej niż w swojej gminie."),
    "email": _("Adres instytucji (biuro@…), nie prywatny adres osoby: dane osobowe tylko za zgodą."),
    "phone": _("Numer instytucji, np. 12 345 67 89."),
}


class PSStatusInline(admin.TabularInline):
    model = PSStatus
    extra = 0
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}


class PSStatusFilter(admin.SimpleListFilter):
    title = _("status PS")
    parameter_name = "status_ps"

    def lookups(self, request, model_admin):
        return [("tak", _("ma status PS")), ("nie", _("nie ma statusu PS"))]

    def queryset(self, request, queryset):
        if self.value() == "tak":
            return queryset.having_ps_status()
        if self.value() == "nie":
            return queryset.exclude(pk__in=Entity.objects.having_ps_status().values("pk"))
        return queryset


class VerificationFilter(admin.SimpleListFilter):
    title = _("weryfikacja danych")
    parameter_name = "weryfikacja"

    def lookups(self, request, model_admin):
        return [
            ("nieaktualna", _("ponad 12 miesięcy temu lub nigdy")),
            ("aktualna", _("w ostatnich 12 miesiącach")),
        ]

    def queryset(self, request, queryset):
        if self.value() == "nieaktualna":
            return queryset.verification_overdue()
        if self.value() == "aktualna":
            return queryset.exclude(pk__in=Entity.objects.verification_overdue().values("pk"))
        return queryset


@admin.register(Entity)
class EntityAdmin(VersionedAdminMixin, SiteLinkMixin, ImportExportModelAdmin, SimpleHistoryAdmin):
    site_link_only_published = True
    resource_classes = [EntityResource]
    # The support centres' spreadsheets: CSV and Excel only.
    formats = [SpreadsheetCSV, SpreadsheetXLSX]
    list_display = [
        "name",
        "logo_thumbnail",
        "legal_form",
        "town",
        "gmina",
        "state",
        "has_ps_status",
        "last_verified_on",
        "updated_at",
        "on_site",
    ]
    list_filter = [
        "state",
        "legal_form",
        ("gmina__powiat", admin.RelatedOnlyFieldListFilter),
        "sectors",
        PSStatusFilter,
        VerificationFilter,
        "last_verified_on",
        "updated_at",
    ]
    list_select_related = ["gmina__powiat"]
    search_fields = ["name", "short_name", "town", "nip", "krs", "regon"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["gmina", "running_entity"]
    filter_horizontal = ["sectors", "powiaty_served"]
    readonly_fields = ["created_at", "updated_at", "last_verified_by"]
    inlines = [PSStatusInline, EntityPhotoInline]
    formfield_overrides = {
        models.ImageField: {"form_class": CleanImageField},
        models.URLField: {"assume_scheme": "https"},
    }
    actions = ["publish_selected", "archive_selected", "mark_verified_today"]
    date_hierarchy = "updated_at"
    list_per_page = 50
    fieldsets = [
        (
            None,
            {"fields": ["name", "short_name", "slug", "legal_form", "running_entity", "state", "version"]},
        ),
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
        (_("Weryfikacja"), {"fields": ["last_verified_on", "last_verified_by", "created_at", "updated_at"]}),
    ]

    def get_form(self, request, obj=None, **kwargs):
        return super().get_form(
            request,
            obj,
            help_texts={**HELP_TEXTS, **kwargs.pop("help_texts", {})},
            # A map under the coordinates: a click fills both (the number fields still work without it).
            widgets={"longitude": LocationPickerInput, **kwargs.pop("widgets", {})},
            **kwargs,
        )

    def get_queryset(self, request):
        return super().get_queryset(request).with_ps_status()

    def add_data_read_fail_error_to_form(self, form, error):
        # The library's message names a Python exception; the editors get a hint they can act on.
        if isinstance(error, UnicodeDecodeError) or "UTF-8" in str(error):
            message = _(
                "Plik CSV nie jest zapisany w UTF-8. W arkuszu wybierz „CSV UTF-8” albo zapisz plik jako XLSX."
            )
        else:
            message = _(
                "Nie udało się odczytać pliku. Sprawdź, czy wybrany format (CSV albo XLSX) zgadza się z plikiem."
            )
        form.add_error("import_file", message)

    def get_export_filename(self, request, queryset, file_format):
        # "podmioty-2026-11-30.csv": the office's word and the day of the export, in Warsaw's time.
        return f"podmioty-{timezone.localdate():%Y-%m-%d}.{file_format.get_extension()}"

    def get_export_queryset(self, request):
        # The filtered list, with what the export's columns need read in a fixed number of queries.
        return super().get_export_queryset(request).select_related("gmina").prefetch_related("sectors")

    @admin.display(boolean=True, description=_("status PS"))
    def has_ps_status(self, obj):
        return obj.has_ps_status

    @admin.display(description=_("logo"))
    def logo_thumbnail(self, obj):
        return thumbnail(obj.logo, alt="")

    @admin.action(description=_("Opublikuj zaznaczone podmioty"), permissions=["change"])
    def publish_selected(self, request, queryset):
        bulk_change(
            self,
            request,
            queryset,
            Entity.publish,
            _("Akcja zbiorcza: publikacja"),
            _("Opublikowano: %(count)d."),
        )

    @admin.action(description=_("Zarchiwizuj zaznaczone podmioty"), permissions=["change"])
    def archive_selected(self, request, queryset):
        bulk_change(
            self,
            request,
            queryset,
            Entity.archive,
            _("Akcja zbiorcza: archiwizacja"),
            _("Zarchiwizowano: %(count)d."),
        )

    @admin.action(description=_("Oznacz jako zweryfikowane dzisiaj"), permissions=["change"])
    def mark_verified_today(self, request, queryset):
        today = timezone.localdate()
        bulk_change(
            self,
            request,
            queryset,
            lambda entity: entity.mark_verified(by=request.user, on=today),
            _("Akcja zbiorcza: weryfikacja danych"),
            _("Oznaczono jako zweryfikowane dzisiaj: %(count)d."),
        )
