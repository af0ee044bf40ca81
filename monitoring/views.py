"""Public results of closed rounds: aggregated tables only, never an organisation's answers."""

import csv

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from monitoring.aggregation import METRICS, results_for
from monitoring.models import Round
from monitoring.published import charts, csv_rows
from wortal.cache import public_page


def _render(request, round_):
    rounds = Round.objects.closed().only("year")
    context = {"rounds": rounds, "round": round_, "metrics": METRICS}
    if round_ is not None:
        context["results"] = results = results_for(round_)
        context["charts"] = charts(results)
    return render(request, "monitoring/results.html", context)


@public_page
@require_safe
def index(request):
    return _render(request, Round.objects.closed().first())


@public_page
@require_safe
def year(request, year):
    return _render(request, get_object_or_404(Round.objects.closed(), year=year))


@public_page
@require_safe
def table_csv(request, year, table):
    round_ = get_object_or_404(Round.objects.closed(), year=year)
    rows = csv_rows(results_for(round_), table)
    if rows is None:
        raise Http404
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="monitoring-{year}-{table}.csv"'
    csv.writer(response).writerows(rows)
    return response
