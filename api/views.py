"""The public, read-only API (/api/v1/): lists with the pages' filters, ``modified_after`` and ``ordering``,
page-number pagination, details by slug. Anonymous and rate-limited per address (DRF's throttle, counted in
the default cache: Redis in production)."""

from django.db.models import Prefetch
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema, extend_schema_view
from drf_spectacular.views import SpectacularJSONAPIView, SpectacularSwaggerSplitView
from rest_framework import exceptions, viewsets

from api import filters, serializers
from api.entity_pages import entity_representations, indexed_keys
from api.pagination import IndexedList
from entities.models import Entity, PSStatus, Sector
from initiatives.models import Initiative
from news.models import Event, Film, Post


class TooManyRequests(exceptions.Throttled):
    default_detail = _("Za dużo zapytań z tego adresu.")


class PublicViewSet(viewsets.ReadOnlyModelViewSet):
    lookup_field = "slug"
    lookup_value_regex = "[-a-zA-Z0-9_]+"
    # The same JSON for every anonymous client: the page cache may answer it (wortal/cache.py), before the
    # throttle, which only has to protect the requests that reach the database.
    public_page = True

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        response.public_page = True
        return response

    def throttled(self, request, wait):
        seconds = int(wait or 1)
        raise TooManyRequests(
            wait,
            detail=_(
                "Za dużo zapytań z tego adresu. Limit API dla niezalogowanych to %(rate)s; spróbuj ponownie za %(seconds)d s."
            )
            % {"rate": self.get_throttles()[0].rate, "seconds": seconds},
        )


def documented(name: str):
    return extend_schema_view(
        list=extend_schema(summary=f"Lista: {name}"), retrieve=extend_schema(summary=f"Szczegóły: {name}")
    )


@documented("podmioty ekonomii społecznej")
class EntityViewSet(PublicViewSet):
    serializer_class = serializers.EntitySerializer
    filterset_class = filters.EntityApiFilter
    ordering_fields = ["name", "updated_at", "created_at", "year_founded"]
    ordering = ["name", "pk"]

    def get_queryset(self):
        # The PS statuses in force are those of today: evaluated per request, never at import.
        return (
            Entity.objects.published()
            .select_related("gmina__powiat", "running_entity")
            .prefetch_related(
                Prefetch("sectors", queryset=Sector.objects.order_by("position", "name")),
                "powiaty_served",
                Prefetch("ps_statuses", queryset=PSStatus.objects.in_force(), to_attr="ps_statuses_in_force"),
            )
        )

    def list(self, request, *args, **kwargs):
        filterset = self.filterset_class(request.query_params, queryset=Entity.objects.published())
        keys = indexed_keys(filterset, request.query_params.get("ordering"))
        if keys is None:
            return super().list(request, *args, **kwargs)
        return self.get_paginated_response(self.paginate_queryset(IndexedList(keys, entity_representations)))


@documented("inicjatywy")
class InitiativeViewSet(PublicViewSet):
    serializer_class = serializers.InitiativeSerializer
    filterset_class = filters.InitiativeApiFilter
    ordering_fields = ["start_date", "updated_at", "title"]
    ordering = ["-start_date", "-pk"]
    queryset = Initiative.objects.published().prefetch_related(
        Prefetch(
            "organisers", queryset=Entity.objects.published().only("pk", "slug"), to_attr="public_organisers"
        ),
        "powiaty",
    )


@documented("aktualności")
class PostViewSet(PublicViewSet):
    serializer_class = serializers.PostSerializer
    filterset_class = filters.PostApiFilter
    ordering_fields = ["published_at", "updated_at", "title"]
    ordering = ["-published_at", "-pk"]

    def get_queryset(self):
        # published() compares with the clock: evaluated per request, never at import.
        return Post.objects.published().prefetch_related("categories")


@documented("filmy")
class FilmViewSet(PublicViewSet):
    serializer_class = serializers.FilmSerializer
    filterset_class = filters.FilmApiFilter
    ordering_fields = ["published_at", "updated_at", "title"]
    ordering = ["-published_at", "-pk"]

    def get_queryset(self):
        return Film.objects.published()


@documented("wydarzenia")
class EventViewSet(PublicViewSet):
    serializer_class = serializers.EventSerializer
    filterset_class = filters.EventApiFilter
    ordering_fields = ["start", "published_at", "updated_at", "title"]
    ordering = ["start", "pk"]

    def get_queryset(self):
        return Event.objects.published().select_related("gmina", "organiser_entity")


class SchemaView(SpectacularJSONAPIView):
    pass


class DocsView(SpectacularSwaggerSplitView):
    # Our own page around Swagger UI: Polish, and without the inline <style> the package's page has (CSP).
    template_name = "api/docs.html"
