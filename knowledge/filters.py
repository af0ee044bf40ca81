import django_filters
from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from knowledge.models import Kind, Publication, Theme

MAX_QUERY_LENGTH = 200
FIRST_YEAR = 1990


class PublicationFilter(django_filters.FilterSet):
    """Filters of the library's list: kind, theme, year and a search that also reads the files' text."""

    q = django_filters.CharFilter(
        label=_("Szukaj"),
        method="filter_search",
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
        help_text=_("Tytuł, autorzy, streszczenie i treść plików. Polskie znaki nie są wymagane."),
    )
    rodzaj = django_filters.ChoiceFilter(
        label=_("Rodzaj"), field_name="kind", choices=Kind.choices, empty_label=_("wszystkie")
    )
    temat = django_filters.ChoiceFilter(label=_("Temat"), method="filter_theme", empty_label=_("wszystkie"))
    rok = django_filters.ChoiceFilter(label=_("Rok wydania"), field_name="year", empty_label=_("wszystkie"))

    class Meta:
        model = Publication
        fields = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["temat"].extra["choices"] = [(t.slug, t.name) for t in Theme.objects.all()]
        this_year = timezone.localdate().year
        self.filters["rok"].extra["choices"] = [
            (str(year), str(year)) for year in range(this_year, FIRST_YEAR - 1, -1)
        ]

    def filter_search(self, queryset, name, value):
        return queryset.search(value[:MAX_QUERY_LENGTH])

    def filter_theme(self, queryset, name, value):
        return queryset.filter(themes__slug=value)
