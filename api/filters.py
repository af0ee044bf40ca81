"""The API's filters: the pages' own FilterSets (same parameters, same meaning) plus ``modified_after``."""

import datetime

import django_filters
from django.utils.translation import gettext_lazy as _

from entities.filters import EntityFilter
from initiatives.filters import InitiativeFilter
from news.filters import PostFilter
from news.models import Event, Film


class ModifiedAfter(django_filters.FilterSet):
    modified_after = django_filters.IsoDateTimeFilter(
        label=_("Zmienione po (data i czas ISO 8601, np. 2026-01-31T12:00:00+01:00)"),
        method="filter_modified_after",
    )

    def filter_modified_after(self, queryset, name, value):
        """Compared in UTC: PostgreSQL refuses offsets past ±15:59, which ISO 8601 (and Python) allow."""
        try:
            value = value.astimezone(datetime.UTC)
        except OverflowError:
            # Past the calendar's ends once in UTC: before year 1 every row is newer, after 9999 none is.
            return queryset if value.utcoffset() > datetime.timedelta(0) else queryset.none()
        return queryset.filter(updated_at__gt=value)


class EntityApiFilter(ModifiedAfter, EntityFilter):
    sort = None  # the API orders with ``ordering``


class InitiativeApiFilter(ModifiedAfter, InitiativeFilter):
    # The pages' choices are loaded per request; the type hints tell the OpenAPI document what the values are.
    def filter_powiat(self, queryset, name, value: str):
        return super().filter_powiat(queryset, name, value)

    def filter_organiser(self, queryset, name, value: str):
        return super().filter_organiser(queryset, name, value)

    def filter_year(self, queryset, name, value: int):
        return super().filter_year(queryset, name, value)


class PostApiFilter(ModifiedAfter, PostFilter):
    rok = django_filters.NumberFilter(label=_("Rok"), method="filter_year")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["rok"].extra.pop("choices", None)  # any year; the page offers only years with posts

    def filter_year(self, queryset, name, value):
        if value != int(value) or not 1 <= value <= 9999:  # no such calendar year: nothing, not an error
            return queryset.none()
        return queryset.filter(published_at__year=int(value))


class FilmApiFilter(ModifiedAfter):
    class Meta:
        model = Film
        fields = []


class EventApiFilter(ModifiedAfter):
    upcoming = django_filters.BooleanFilter(
        label=_("Tylko nadchodzące i trwające (true) albo tylko zakończone (false)"), method="filter_upcoming"
    )

    class Meta:
        model = Event
        fields = []

    def filter_upcoming(self, queryset, name, value):
        if value is None:
            return queryset
        return queryset.upcoming() if value else queryset.past()
