from django.contrib import admin

from entities.models import Gmina, Powiat, PSStatus, Sector


@admin.register(Sector)
class SectorAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "position"]
    list_editable = ["position"]
    prepopulated_fields = {"slug": ["name"]}
    search_fields = ["name"]


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
    list_filter = ["aim", "legal_basis", "valid_from", "withdrawn_on"]
    list_select_related = ["entity"]
    search_fields = ["entity__name", "decision_number"]
    autocomplete_fields = ["entity"]
    date_hierarchy = "decision_date"
