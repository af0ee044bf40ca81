import django_filters
from django import forms
from django.core.cache import cache
from django.utils.translation import gettext_lazy as _

from entities.models import Entity, Gmina, LegalForm, Powiat, Sector

MAX_QUERY_LENGTH = 200


FILTER_CHOICES_KEY = "entities:filter-choices"


def filter_choices():
    """Territory and sector choices, cached: they change a few times a year, the list is read constantly.

    Saving or deleting a powiat, gmina or sector drops the cache (see entities/signals.py).
    """

    def compute():
        return {
            "powiat": [(p.teryt, str(p)) for p in Powiat.objects.current()],
            "gmina": [(g.teryt, str(g)) for g in Gmina.objects.current().select_related("powiat")],
            "branza": [(s.slug, s.name) for s in Sector.objects.all()],
        }

    return cache.get_or_set(FILTER_CHOICES_KEY, compute, 3600)


class EntityFilter(django_filters.FilterSet):
    """Filters of the public registry; every value lives in the URL so a filtered list can be shared.

    Territory and sector choices are loaded once per request and matched by code in the main query, so
    the number of SQL queries does not depend on which filters are used.
    """

    q = django_filters.CharFilter(
        label=_("Szukaj"),
        method="filter_search",
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
        help_text=_("Nazwa, miejscowość, opis lub oferta. Polskie znaki nie są wymagane."),
    )
    powiat = django_filters.ChoiceFilter(
        label=_("Powiat"), field_name="gmina__powiat__teryt", empty_label=_("wszystkie")
    )
    gmina = django_filters.ChoiceFilter(
        label=_("Gmina"), field_name="gmina__teryt", empty_label=_("wszystkie")
    )
    forma = django_filters.ChoiceFilter(
        label=_("Forma prawna"),
        field_name="legal_form",
        choices=LegalForm.choices,
        empty_label=_("wszystkie"),
    )
    branza = django_filters.ChoiceFilter(
        label=_("Branża"), field_name="sectors__slug", empty_label=_("wszystkie")
    )
    ps = django_filters.BooleanFilter(
        label=_("Tylko przedsiębiorstwa społeczne (status PS)"),
        method="filter_ps_status",
        widget=forms.CheckboxInput(attrs={"value": "1"}),
    )
    sort = django_filters.ChoiceFilter(
        label=_("Kolejność"),
        method="filter_sort",
        choices=[("nazwa", _("nazwa A–Z")), ("zmienione", _("ostatnio zaktualizowane"))],
        empty_label=None,
    )

    class Meta:
        model = Entity
        fields = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, choices in filter_choices().items():
            self.filters[name].extra["choices"] = choices

    def filter_search(self, queryset, name, value):
        return queryset.search(value[:MAX_QUERY_LENGTH])

    def filter_ps_status(self, queryset, name, value):
        return queryset.having_ps_status() if value else queryset

    def filter_sort(self, queryset, name, value):
        if value == "zmienione":
            return queryset.order_by("-updated_at", "pk")
        return queryset.order_by("name", "pk")
