"""An organisation's own answers over the years against the published medians of its legal form and powiat.

The medians come from the public tables (``aggregation.results_for``), so a hidden cell stays hidden here
too: the organisation learns nothing about others that a visitor could not.
"""

from dataclasses import dataclass

from monitoring.aggregation import METRICS, results_for
from monitoring.models import Report, Round


@dataclass
class Comparison:
    metric: object
    own: object
    form_median: object
    form_reason: str
    powiat_median: object
    powiat_reason: str


@dataclass
class Year:
    report: Report
    rows: list


def _median(table, key, metric):
    row = next((row for row in table.rows if row.key == key), None)
    if row is None or row.is_hidden:
        return None, row.hidden_reason if row else ""
    return row.cells[metric.key].median, ""


def history_of(entity) -> list[Year]:
    reports = (
        Report.objects.accepted()
        .filter(entity=entity, round__state=Round.State.CLOSED)
        .select_related("round", "powiat")
        .order_by("-round__year")
    )
    years = []
    for report in reports:
        results = results_for(report.round)
        tables = {table.key: table for table in results.tables}
        rows = []
        for metric in METRICS:
            form_median, form_reason = _median(tables["forma"], report.legal_form, metric)
            powiat_median, powiat_reason = _median(tables["powiat"], report.powiat.teryt, metric)
            rows.append(
                Comparison(
                    metric,
                    metric.value(report.answers),
                    form_median,
                    form_reason,
                    powiat_median,
                    powiat_reason,
                )
            )
        years.append(Year(report, rows))
    return years
