from django.contrib import admin
from solo.admin import SingletonModelAdmin

from moderation.admin import DecisionAdmin
from pakt.models import PaktDeclaration, PaktDocument, PaktMeeting, PaktMember, PaktPage


@admin.register(PaktPage)
class PaktPageAdmin(SingletonModelAdmin):
    pass


@admin.register(PaktMember)
class PaktMemberAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "entity", "joined_on", "left_on"]
    list_filter = ["kind", "joined_on", "left_on"]
    list_select_related = ["entity"]
    search_fields = ["name", "entity__name"]
    autocomplete_fields = ["entity"]
    date_hierarchy = "joined_on"


@admin.register(PaktMeeting)
class PaktMeetingAdmin(admin.ModelAdmin):
    list_display = ["event", "event__start"]
    list_select_related = ["event"]
    autocomplete_fields = ["event"]
    search_fields = ["event__title"]


@admin.register(PaktDocument)
class PaktDocumentAdmin(admin.ModelAdmin):
    list_display = ["publication", "publication__year"]
    list_select_related = ["publication"]
    autocomplete_fields = ["publication"]
    search_fields = ["publication__title"]


@admin.register(PaktDeclaration)
class PaktDeclarationAdmin(DecisionAdmin):
    list_display = ["__str__", "kind", "state", "submitted_by", "created_at", "decided_by", "decided_at"]
    list_select_related = ["entity", "submitted_by", "decided_by"]
    search_fields = ["entity__name", "institution_name", "submitted_by__email"]
