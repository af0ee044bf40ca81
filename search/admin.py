from django.contrib import admin

from search.models import SynonymGroup


@admin.register(SynonymGroup)
class SynonymGroupAdmin(admin.ModelAdmin):
    list_display = ["phrases", "is_active", "updated_at"]
    list_filter = ["is_active"]
    search_fields = ["phrases"]
