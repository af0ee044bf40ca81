from django.contrib import admin, messages
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from knowledge.forms import PublicationFileForm
from knowledge.models import Publication, PublicationFile, PublicationProposal, Theme
from moderation.admin import DecisionAdmin
from wortal.admin_tools import PublishActionsMixin, SiteLinkMixin


@admin.register(Theme)
class ThemeAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "position"]
    list_editable = ["position"]
    prepopulated_fields = {"slug": ["name"]}
    search_fields = ["name"]


class PublicationFileInline(admin.TabularInline):
    model = PublicationFile
    form = PublicationFileForm
    extra = 1
    fields = ["file_link", "file", "label", "position", "format", "size_display", "text_status"]
    readonly_fields = ["file_link", "format", "size_display", "text_status"]

    @admin.display(description=_("pobierz"))
    def file_link(self, obj):
        if not obj.pk:
            return "–"
        return format_html(
            '<a href="{}">{}</a>', obj.get_absolute_url(), obj.original_name or obj.download_name
        )

    @admin.display(description=_("rozmiar"))
    def size_display(self, obj):
        return obj.size_display if obj.pk else "–"

    @admin.display(description=_("tekst do wyszukiwarki"))
    def text_status(self, obj):
        if not obj.pk or obj.extracted_at is None:
            return "–"
        if obj.extraction_error:
            return format_html('<strong class="errornote">{}</strong>', obj.extraction_error)
        return _("odczytano %(count)d znaków") % {"count": len(obj.extracted_text)}


@admin.register(Publication)
class PublicationAdmin(PublishActionsMixin, SiteLinkMixin, admin.ModelAdmin):
    list_display = ["title", "kind", "year", "authors", "is_published", "published_at", "on_site"]
    list_filter = ["is_published", "kind", "themes", "year"]
    search_fields = ["title", "authors"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["related_initiatives", "related_entities"]
    filter_horizontal = ["themes"]
    readonly_fields = ["created_at", "updated_at"]
    inlines = [PublicationFileInline]
    list_per_page = 50
    fieldsets = [
        (None, {"fields": ["title", "slug", "kind", "authors", "year", "themes"]}),
        (_("Streszczenie"), {"fields": ["summary"]}),
        (_("Powiązania"), {"fields": ["related_initiatives", "related_entities"]}),
        (_("Publikacja"), {"fields": ["is_published", "published_at", "created_at", "updated_at"]}),
    ]

    def save_formset(self, request, form, formset, change):
        super().save_formset(request, form, formset, change)
        if formset.model is not PublicationFile:
            return
        # Text is read from new or replaced files; a file that cannot be read is reported, never a 500.
        for document in formset.new_objects + [obj for obj, _changed in formset.changed_objects]:
            if document.extracted_at is None and (error := document.extract()):
                messages.warning(
                    request, _("Plik „%(name)s”: %(error)s") % {"name": document, "error": error}
                )
        form.instance.refresh_search_text()


@admin.register(PublicationProposal)
class PublicationProposalAdmin(DecisionAdmin):
    list_display = [
        "proposed_title",
        "entity",
        "state",
        "submitted_by",
        "created_at",
        "decided_by",
        "decided_at",
    ]
    list_select_related = ["entity", "submitted_by", "decided_by"]
    search_fields = ["proposed_title", "entity__name", "submitted_by__email"]
