import django_filters
from django import forms
from django.db.models import Exists, OuterRef
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from entities.models import Entity, Powiat
from initiatives.models import Initiative, Theme

MAX_QUERY_LENGTH = 200
FIRST_YEAR = 2000


class InitiativeFilter(django_filters.FilterSet):
    """Filters of the public list of initiatives; choices are loaded once per request."""

    q = django_filters.CharFilter(
        label=_("Szukaj"),
        method="filter_search",
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
        help_text=_("Tytuł, opis lub partnerzy. Polskie znaki nie są wymagane."),
    )
    temat = django_filters.ChoiceFilter(
        label=_("Temat"), field_name="theme", choices=Theme.choices, empty_label=_("wszystkie")
    )
    powiat = django_filters.ChoiceFilter(
        label=_("Powiat"), method="filter_powiat", empty_label=_("wszystkie")
    )
    rok = django_filters.ChoiceFilter(label=_("Rok"), method="filter_year", empty_label=_("wszystkie"))
    organizator = django_filters.ChoiceFilter(
        label=_("Organizator"), method="filter_organiser", empty_label=_("wszyscy")
    )

    class Meta:
        model = Initiative
        fields = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["powiat"].extra["choices"] = [(p.teryt, str(p)) for p in Powiat.objects.current()]
        this_year = timezone.localdate().year
        self.filters["rok"].extra["choices"] = [
            (str(year), str(year)) for year in range(this_year + 1, FIRST_YEAR - 1, -1)
        ]
        # Only entities that organise a published initiative: the list stays short and useful.
        organisers = Entity.objects.published().filter(
            Exists(Initiative.objects.published().filter(organisers=OuterRef("pk")))
        )
        self.filters["organizator"].extra["choices"] = [
            (e.slug, e.name) for e in organisers.only("slug", "name")
        ]

    # Membership tests use EXISTS so a match on two rows never duplicates an initiative in the list.
    def filter_powiat(self, queryset, name, value):
        through = Initiative.powiaty.through.objects.filter(initiative=OuterRef("pk"), powiat__teryt=value)
        return queryset.filter(Exists(through))

    def filter_organiser(self, queryset, name, value):
        through = Initiative.organisers.through.objects.filter(initiative=OuterRef("pk"), entity__slug=value)
        return queryset.filter(Exists(through))

    def filter_year(self, queryset, name, value):
        return queryset.in_year(int(value))

    def filter_search(self, queryset, name, value):
        return queryset.search(value[:MAX_QUERY_LENGTH])
