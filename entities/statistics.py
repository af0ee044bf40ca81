"""The registry in numbers: published entities by territory, legal form, sector, PS status and founding year.

The numbers follow the registry's own filters where a breakdown still means something (one powiat's entities
by form, social cooperatives by powiat); free-text search and ordering are left out. Every breakdown is one
aggregate query over the filtered ids (or a few bit counts of the facet index, entities/facets.py), and the
whole set is cached per filter combination under the registry's version token (entities/versions.py), which
any change of an entity, its sectors or its PS status replaces, so a publication or an archiving shows at once.
"""

import hashlib

from django.core.cache import cache
from django.db.models import Count
from django.http import Http404, QueryDict
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from entities.facets import YEAR, selection
from entities.filters import EntityFilter
from entities.models import Entity, Gmina, LegalForm, Powiat, Sector
from entities.versions import registry_version
from wortal.cache import public_page
from wortal.charts import Bar, BarChart, csv_response

CACHE_SECONDS = 6 * 3600
# The list's filters that still make sense for a breakdown.
STATISTICS_PARAMETERS = ("powiat", "forma", "branza", "ps")
CHARTS = ("terytorium", "formy", "branze", "status-ps", "rok-zalozenia")


class StatisticsFilter(EntityFilter):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in set(self.filters) - set(STATISTICS_PARAMETERS):
            del self.filters[name]


# v2: territory and sectors as dictionaries, sectors by slug (a new format must not read an old entry).
def _cache_key(query: QueryDict) -> str:
    version = registry_version()
    params = "&".join(f"{name}={query.get(name, '')}" for name in STATISTICS_PARAMETERS)
    return f"entities:statistics:v2:{version}:{hashlib.sha256(params.encode()).hexdigest()[:24]}"


def _list_url(query: QueryDict, **changes) -> str:
    kept = QueryDict(mutable=True)
    for name in STATISTICS_PARAMETERS:
        if query.get(name):
            kept[name] = query[name]
    for name, value in changes.items():
        kept[name] = value
    return reverse("entities:list") + ("?" + kept.urlencode() if kept else "")


def count_breakdowns(filterset: StatisticsFilter) -> dict:
    """Plain numbers (cacheable): counts per territory, form, sector (by slug), PS status and founding year.

    From the facet index (entities/facets.py) where it runs, a few bit counts; otherwise aggregate queries."""
    powiat = filterset.form.cleaned_data.get("powiat") if filterset.is_valid() else None
    selected = selection(filterset)
    if selected is not None:
        return _breakdowns_from_index(*selected, powiat)
    # Filtering by sector joins the sectors table; counting over the ids keeps each entity once.
    entities = Entity.objects.filter(pk__in=filterset.qs.values("pk"))
    # One powiat's entities are broken down by its gminy; otherwise by powiat.
    territory_field = "gmina__teryt" if powiat else "gmina__powiat__teryt"
    territory = dict(entities.values_list(territory_field).annotate(n=Count("pk")).order_by())
    sectors = dict(
        Entity.sectors.through.objects.filter(entity__in=entities)
        .values_list("sector__slug")
        .annotate(n=Count("entity_id"))
        .order_by()
    )
    with_status = entities.having_ps_status().count()
    return {
        "powiat": powiat,
        "territory": territory,
        "forms": dict(entities.values_list("legal_form").annotate(n=Count("pk")).order_by()),
        "sectors": sectors,
        "with_status": with_status,
        "total": entities.count(),
        "years": sorted(
            entities.filter(year_founded__isnull=False)
            .values_list("year_founded")
            .annotate(n=Count("pk"))
            .order_by()
        ),
    }


def _breakdowns_from_index(index, selected: int, powiat) -> dict:
    territory = index.counts(selected, "powiat")
    if powiat:
        territory = {
            teryt: n for teryt, n in index.counts(selected, "gmina").items() if teryt.startswith(powiat)
        }
    return {
        "powiat": powiat,
        "territory": territory,
        "forms": index.counts(selected, "forma"),
        "sectors": index.counts(selected, "branza"),
        "with_status": (selected & index.ps_status).bit_count(),
        "total": selected.bit_count(),
        "years": sorted((int(year), n) for year, n in index.counts(selected, YEAR).items()),
    }


def cached_breakdowns(query: QueryDict) -> tuple[StatisticsFilter, dict]:
    filterset = StatisticsFilter(query, queryset=Entity.objects.published())
    numbers = cache.get_or_set(_cache_key(query), lambda: count_breakdowns(filterset), CACHE_SECONDS)
    return filterset, numbers


def build_charts(query: QueryDict, numbers: dict) -> dict[str, BarChart]:
    count = _("Liczba podmiotów")
    if numbers["powiat"]:
        counts = numbers["territory"]
        gminy = Gmina.objects.current().filter(powiat__teryt=numbers["powiat"]).select_related("powiat")
        gminy = sorted(gminy, key=lambda g: (-counts.get(g.teryt, 0), g.name))
        territory = BarChart(
            slug="terytorium",
            title=_("Podmioty według gmin"),
            description=_("Opublikowane podmioty w gminach wybranego powiatu, od największej liczby."),
            label_heading=_("Gmina"),
            value_heading=count,
            bars=[
                Bar(
                    f"{g.name} ({g.get_kind_display()})",
                    counts.get(g.teryt, 0),
                    _list_url(query, gmina=g.teryt),
                )
                for g in gminy
            ],
        )
    else:
        counts = numbers["territory"]
        powiaty = sorted(Powiat.objects.current(), key=lambda p: (-counts.get(p.teryt, 0), p.name))
        territory = BarChart(
            slug="terytorium",
            title=_("Podmioty według powiatów"),
            description=_("Opublikowane podmioty w powiatach Małopolski, od największej liczby."),
            label_heading=_("Powiat"),
            value_heading=count,
            bars=[Bar(str(p), counts.get(p.teryt, 0), _list_url(query, powiat=p.teryt)) for p in powiaty],
        )
    forms = sorted(
        ((label, numbers["forms"].get(value, 0), value) for value, label in LegalForm.choices),
        key=lambda row: (-row[1], row[0]),
    )
    sectors = sorted(
        Sector.objects.all(), key=lambda s: (-numbers["sectors"].get(s.slug, 0), s.position, s.name)
    )
    without_status = numbers["total"] - numbers["with_status"]
    return {
        "terytorium": territory,
        "formy": BarChart(
            slug="formy",
            title=_("Podmioty według formy prawnej"),
            description=_("Opublikowane podmioty według formy prawnej, od najczęstszej."),
            label_heading=_("Forma prawna"),
            value_heading=count,
            bars=[Bar(str(label), value, _list_url(query, forma=key)) for label, value, key in forms],
        ),
        "branze": BarChart(
            slug="branze",
            title=_("Podmioty według branż"),
            description=_(
                "Podmiot może działać w kilku branżach, więc liczby się nie sumują do liczby podmiotów."
            ),
            label_heading=_("Branża"),
            value_heading=count,
            bars=[
                Bar(s.name, numbers["sectors"].get(s.slug, 0), _list_url(query, branza=s.slug))
                for s in sectors
            ],
            show_total=False,
        ),
        "status-ps": BarChart(
            slug="status-ps",
            title=_("Status przedsiębiorstwa społecznego"),
            description=_(
                "Opublikowane podmioty ze statusem przedsiębiorstwa społecznego obowiązującym dziś i bez niego."
            ),
            label_heading=_("Status PS"),
            value_heading=count,
            bars=[
                Bar(_("ze statusem PS"), numbers["with_status"], _list_url(query, ps="1")),
                Bar(_("bez statusu PS"), without_status),
            ],
        ),
        "rok-zalozenia": BarChart(
            slug="rok-zalozenia",
            title=_("Nowe podmioty według roku założenia"),
            description=_(
                "Opublikowane podmioty według roku, w którym powstały (podmioty bez podanego roku pominięto)."
            ),
            label_heading=_("Rok założenia"),
            value_heading=count,
            bars=[Bar(str(year), value) for year, value in numbers["years"]],
        ),
    }


@public_page
@require_safe
def statistics(request):
    filterset, numbers = cached_breakdowns(request.GET)
    charts = build_charts(request.GET, numbers)
    query = QueryDict(mutable=True)
    for name in STATISTICS_PARAMETERS:
        if request.GET.get(name):
            query[name] = request.GET[name]
    return render(
        request,
        "statistics/statistics.html",
        {
            "filter": filterset,
            "charts": charts.values(),
            "total": numbers["total"],
            "query": query.urlencode(),
            "list_url": _list_url(request.GET),
        },
    )


@public_page
@require_safe
def statistics_csv(request, chart):
    if chart not in CHARTS:
        raise Http404
    _filterset, numbers = cached_breakdowns(request.GET)
    table = build_charts(request.GET, numbers)[chart]
    return csv_response(f"statystyki-{chart}.csv", table.csv_rows())
