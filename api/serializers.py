"""What the public API shows of each kind of content: the public pages' data, never a person's.

Entities leave out the contact person (name, e-mail, phone) whatever their consent: consent covers the
profile page, not bulk reuse. Posts leave out their author (a user account).
"""

from django.conf import settings
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from entities.models import Entity
from initiatives.models import Initiative
from news.models import Event, Film, Post


class SiteUrlField(serializers.CharField):
    """The object's public page, as an absolute address on the portal."""

    def __init__(self, **kwargs):
        super().__init__(source="get_absolute_url", read_only=True, **kwargs)

    def to_representation(self, value):
        return settings.SITE_URL + value


@extend_schema_field({"type": "string", "nullable": True})
class PublishedEntitySlugField(serializers.RelatedField):
    """The slug of a linked entity, or null while that entity has no public profile (draft, archived)."""

    def __init__(self, **kwargs):
        super().__init__(read_only=True, **kwargs)

    def to_representation(self, entity):
        return entity.slug if entity.is_published else None


class TerritorySerializer(serializers.Serializer):
    teryt = serializers.CharField()
    name = serializers.CharField()


class EntitySerializer(serializers.ModelSerializer):
    url = SiteUrlField(help_text="Profil podmiotu w portalu.")
    legal_form_label = serializers.CharField(source="get_legal_form_display", read_only=True)
    running_entity = PublishedEntitySlugField()
    gmina = TerritorySerializer(read_only=True)
    powiat = serializers.SerializerMethodField()
    sectors = serializers.SlugRelatedField(slug_field="slug", many=True, read_only=True)
    powiaty_served = serializers.SlugRelatedField(slug_field="teryt", many=True, read_only=True)
    ps_status = serializers.SerializerMethodField(
        help_text="Status przedsiębiorstwa społecznego w mocy dziś."
    )
    latitude = serializers.FloatField(read_only=True, allow_null=True)
    longitude = serializers.FloatField(read_only=True, allow_null=True)

    class Meta:
        model = Entity
        fields = [
            "slug",
            "url",
            "name",
            "short_name",
            "legal_form",
            "legal_form_label",
            "running_entity",
            "krs",
            "nip",
            "regon",
            "street",
            "postal_code",
            "town",
            "gmina",
            "powiat",
            "latitude",
            "longitude",
            "email",
            "phone",
            "website",
            "description",
            "offer",
            "sectors",
            "powiaty_served",
            "ps_status",
            "year_founded",
            "created_at",
            "updated_at",
        ]

    @extend_schema_field(TerritorySerializer)
    def get_powiat(self, entity):
        return {"teryt": entity.gmina.powiat.teryt, "name": entity.gmina.powiat.name}

    @extend_schema_field(OpenApiTypes.BOOL)
    def get_ps_status(self, entity):
        return bool(entity.ps_statuses_in_force)


class InitiativeSerializer(serializers.ModelSerializer):
    url = SiteUrlField()
    theme_label = serializers.CharField(source="get_theme_display", read_only=True)
    organisers = serializers.SerializerMethodField(help_text="Adresy (slug) opublikowanych podmiotów.")
    powiaty = serializers.SlugRelatedField(slug_field="teryt", many=True, read_only=True)

    class Meta:
        model = Initiative
        fields = [
            "slug",
            "url",
            "title",
            "summary",
            "description",
            "theme",
            "theme_label",
            "organisers",
            "partners",
            "powiaty",
            "start_date",
            "end_date",
            "results",
            "created_at",
            "updated_at",
        ]

    @extend_schema_field(serializers.ListField(child=serializers.CharField()))
    def get_organisers(self, initiative):
        # Only published entities: a draft or archived organiser has no public profile.
        return [entity.slug for entity in initiative.public_organisers]


class PostSerializer(serializers.ModelSerializer):
    url = SiteUrlField()
    categories = serializers.SlugRelatedField(slug_field="slug", many=True, read_only=True)

    class Meta:
        model = Post
        fields = ["slug", "url", "title", "lead", "body", "categories", "published_at", "updated_at"]


class FilmSerializer(serializers.ModelSerializer):
    url = SiteUrlField()
    video_url = serializers.SerializerMethodField(
        help_text="Plik filmu w portalu albo adres w serwisie wideo."
    )

    class Meta:
        model = Film
        fields = ["slug", "url", "title", "description", "provider", "video_url", "duration", "transcript"]
        fields += ["published_at", "updated_at"]

    @extend_schema_field(OpenApiTypes.STR)
    def get_video_url(self, film):
        if film.video_file:
            return settings.SITE_URL + film.video_file.url
        return film.external_url


class EventSerializer(serializers.ModelSerializer):
    url = SiteUrlField()
    gmina = serializers.SlugRelatedField(slug_field="teryt", read_only=True, allow_null=True)
    organiser_entity = PublishedEntitySlugField()

    class Meta:
        model = Event
        fields = ["slug", "url", "title", "description", "start", "end", "is_online", "address", "gmina"]
        fields += ["organiser_name", "organiser_entity", "registration_url", "published_at", "updated_at"]
