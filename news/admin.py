from django.contrib import admin
from django.contrib.auth import get_user_model
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from news.models import Category, Event, Film, Page, Post
from news.video import CaptionsFileField, VideoFileField
from wortal.admin_tools import PublishActionsMixin, SiteLinkMixin, thumbnail
from wortal.admin_versions import VersionedAdminForm, VersionedAdminMixin
from wortal.richtext import RichTextField
from wortal.uploads import CleanImageField
from wortal.widgets import RichTextWidget

# Checked image uploads, and the rich-text editor for the bodies (only what wortal/richtext.py keeps).
IMAGE_FIELDS = {models.ImageField: {"form_class": CleanImageField}, RichTextField: {"widget": RichTextWidget}}


class PublishableAdmin(PublishActionsMixin, VersionedAdminMixin, SiteLinkMixin, SimpleHistoryAdmin):
    """Posts, films and events: history with restore, bulk publish and withdraw, a link to the page."""

    list_display = ["title", "is_published", "published_at", "is_public", "on_site"]
    list_filter = ["is_published", "published_at"]
    search_fields = ["title"]
    prepopulated_fields = {"slug": ["title"]}
    date_hierarchy = "published_at"
    readonly_fields = ["created_at", "updated_at"]
    formfield_overrides = IMAGE_FIELDS
    list_per_page = 50

    @admin.display(boolean=True, description=_("widoczny publicznie"))
    def is_public(self, obj):
        return obj.is_public


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    search_fields = ["name"]


@admin.register(Post)
class PostAdmin(PublishableAdmin):
    list_display = [
        "title",
        "image_thumbnail",
        "is_published",
        "published_at",
        "is_public",
        "author",
        "on_site",
    ]
    list_filter = [*PublishableAdmin.list_filter, "categories", ("author", admin.RelatedOnlyFieldListFilter)]
    list_select_related = ["author"]
    search_fields = ["title", "lead"]
    autocomplete_fields = ["related_entities", "related_initiatives"]
    filter_horizontal = ["categories"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "is_published", "published_at", "author"]}),
        (_("Treść"), {"fields": ["lead", "body", "lead_image", "lead_image_alt", "categories"]}),
        (_("Powiązania"), {"fields": ["related_entities", "related_initiatives"]}),
        (_("Historia"), {"fields": ["created_at", "updated_at"]}),
    ]

    @admin.display(description=_("zdjęcie"))
    def image_thumbnail(self, obj):
        return thumbnail(obj.lead_image, alt=obj.lead_image_alt)

    def get_changeform_initial_data(self, request):
        return {**super().get_changeform_initial_data(request), "author": request.user.pk}

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        # A post is signed by the office's staff, never by a member's account.
        if db_field.name == "author":
            kwargs["queryset"] = get_user_model().objects.filter(is_staff=True).order_by("username")
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class FilmAdminForm(VersionedAdminForm):
    video_file = VideoFileField(
        label=_("plik wideo"), required=False, help_text=Film._meta.get_field("video_file").help_text
    )
    captions = CaptionsFileField(
        label=_("napisy (WebVTT)"), required=False, help_text=Film._meta.get_field("captions").help_text
    )

    class Meta:
        model = Film
        fields = [
            "title",
            "slug",
            "is_published",
            "published_at",
            "description",
            "video_file",
            "external_url",
            "poster",
            "poster_alt",
            "duration",
            "captions",
            "captions_language",
            "transcript",
        ]


@admin.register(Film)
class FilmAdmin(PublishableAdmin):
    form = FilmAdminForm
    list_display = [
        "title",
        "poster_thumbnail",
        "is_published",
        "published_at",
        "is_public",
        "provider",
        "on_site",
    ]
    list_filter = [*PublishableAdmin.list_filter, "provider"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "is_published", "published_at", "description"]}),
        (_("Film"), {"fields": ["video_file", "external_url", "poster", "poster_alt", "duration"]}),
        (_("Dostępność"), {"fields": ["captions", "captions_language", "transcript"]}),
        (_("Historia"), {"fields": ["created_at", "updated_at"]}),
    ]

    @admin.display(description=_("kadr"))
    def poster_thumbnail(self, obj):
        return thumbnail(obj.poster, alt=obj.poster_alt)


@admin.register(Event)
class EventAdmin(PublishableAdmin):
    list_display = ["title", "start", "end", "is_online", "gmina", "is_published", "is_public", "on_site"]
    list_filter = ["is_published", "is_online", "start", ("gmina__powiat", admin.RelatedOnlyFieldListFilter)]
    list_select_related = ["gmina__powiat"]
    search_fields = ["title", "organiser_name", "address"]
    autocomplete_fields = ["gmina", "organiser_entity"]
    date_hierarchy = "start"
    fieldsets = [
        (None, {"fields": ["title", "slug", "is_published", "published_at", "description"]}),
        (_("Termin i miejsce"), {"fields": ["start", "end", "is_online", "address", "gmina"]}),
        (_("Organizator i zapisy"), {"fields": ["organiser_name", "organiser_entity", "registration_url"]}),
        (_("Historia"), {"fields": ["created_at", "updated_at"]}),
    ]


@admin.register(Page)
class PageAdmin(SiteLinkMixin, admin.ModelAdmin):
    list_display = ["title", "key", "updated_at", "on_site"]
    fields = ["key", "title", "description", "body", "updated_at"]
    readonly_fields = ["key", "updated_at"]
    formfield_overrides = IMAGE_FIELDS

    # The pages have fixed addresses: editors change their text, never add or remove them.
    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
