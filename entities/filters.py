import django_filters
from django import forms
from django.core.cache import cache
from django.utils.translation import gettext_lazy as _

from entities.models import Entity, Gmina, LegalForm, Powiat, Sector
from entities.versions import registry_version
from search.vocabulary import spelling_suggestion
from wortal.fieldcache import SharedChoices

MAX_QUERY_LENGTH = 200


FILTER_CHOICES_KEY = "entities:filter-choices:v2"


# This worker's copy: (registry version, choices).
_choices_memo: tuple = (None, None)


def filter_choices(version: str | None = None):
    """Territory and sector choices, cached: they change a few times a year, the list is read constantly.

    Saving or deleting a powiat, gmina or sector drops the cache (see entities/signals.py) and replaces the
    registry's version (entities/versions.py), under which each worker keeps its own copy.
    """
    global _choices_memo
    version = version or registry_version()
    if _choices_memo[0] == version:
        return _choices_memo[1]

    def compute():
        return {
            "powiat": SharedChoices([(p.teryt, str(p)) for p in Powiat.objects.current()]),
            "gmina": SharedChoices(gmina_choices_by_powiat(Gmina.objects.current())),
            "branza": SharedChoices([(s.slug, s.name) for s in Sector.objects.all()]),
        }

    choices = cache.get_or_set(FILTER_CHOICES_KEY, compute, 3600)
    _choices_memo = (version, choices)
    return choices


def gmina_choices_by_powiat(gminy, value=lambda gmina: gmina.teryt) -> list:
    """Gminy grouped by powiat (<optgroup>s, both in Polish order): usable without JavaScript, and
    static/js/gmina-by-powiat.js narrows the list to the chosen powiat's group. ``value`` gives each option's
    value (the TERYT code in the URL of the registry's filters, the primary key in model forms)."""
    groups: dict = {}
    for gmina in gminy.select_related("powiat").order_by("powiat__name", "name", "teryt"):
        groups.setdefault(str(gmina.powiat), []).append((value(gmina), str(gmina)))
    return list(groups.items())


_form_classes: dict = {}

SORT_RELEVANCE, SORT_NAME, SORT_UPDATED = "trafnosc", "nazwa", "zmienione"
BY_NAME, BY_UPDATE = ("name", "pk"), ("-updated_at", "pk")


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
        label=_("Powiat"),
        field_name="gmina__powiat__teryt",
        empty_label=_("wszystkie"),
        widget=forms.Select(attrs={"data-narrows": "gmina"}),
    )
    gmina = django_filters.ChoiceFilter(
        label=_("Gmina"), field_name="gmina__teryt", empty_label=_("wszystkie")
    )
    forma = django_filters.ChoiceFilter(
        label=_("Forma prawna"),
        field_name="legal_form",
        choices=SharedChoices(LegalForm.choices),
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
        choices=SharedChoices(
            [
                (SORT_RELEVANCE, _("trafność (gdy podano hasło)")),
                (SORT_NAME, _("nazwa A–Z")),
                (SORT_UPDATED, _("ostatnio zaktualizowane")),
            ]
        ),
        empty_label=None,
    )

    class Meta:
        model = Entity
        fields = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Read once per request, for the choices and the facet index (entities/facets.py).
        self.registry_version = registry_version()
        self.choices = filter_choices(self.registry_version)
        for name, choices in self.choices.items():
            self.filters[name].extra["choices"] = choices
        # The one entity whose NIP, REGON or KRS was typed, for the prominent link above the results.
        self.identifier_match = None

    def get_form_class(self):
        """django-filter builds a form class, and every field, for each request; they depend only on the
        filters and their choices, so each worker builds the class once per set of choices."""
        key = (type(self), tuple(self.filters), tuple(choices.digest for choices in self.choices.values()))
        form_class = _form_classes.get(key)
        if form_class is None:
            if len(_form_classes) > 64:
                _form_classes.clear()
            form_class = _form_classes[key] = super().get_form_class()
        return form_class

    @property
    def searches(self) -> bool:
        return bool(self.is_bound and self.form.is_valid() and self.form.cleaned_data.get("q"))

    @property
    def narrows(self) -> bool:
        """Whether a search or any filter is applied (not only an order): the paginator then keeps the
        ordered keys (wortal/pagination.py), since such a list cannot be paged from one index."""
        if not (self.is_bound and self.form.is_valid()):
            return False
        return any(
            value not in (None, "", False) for name, value in self.form.cleaned_data.items() if name != "sort"
        )

    def filter_search(self, queryset, name, value):
        """An identifier finds its entity; otherwise words, best matches first (Entity.objects.search)."""
        query = value[:MAX_QUERY_LENGTH]
        by_identifier = queryset.matching_identifier(query)
        if by_identifier is not None:
            found = list(by_identifier.order_by("pk")[:2])
            if found:
                self.identifier_match = found[0] if len(found) == 1 else None
                return by_identifier
        return queryset.search(query)

    def spelling_suggestion(self):
        """'Czy chodziło Ci o: …' for a query that found (almost) nothing."""
        query = (self.form.cleaned_data.get("q") or "")[:MAX_QUERY_LENGTH]
        return spelling_suggestion(query) if query else None

    def filter_ps_status(self, queryset, name, value):
        return queryset.having_ps_status() if value else queryset

    def filter_sort(self, queryset, name, value):
        # Relevance is the search's own order (filter_search), and alphabetical without a query.
        if value == SORT_UPDATED:
            return queryset.order_by(*BY_UPDATE)
        if value == SORT_NAME:
            return queryset.order_by(*BY_NAME)
        return queryset
