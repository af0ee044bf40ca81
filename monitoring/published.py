"""The published tables as CSV rows: the same figures as the page, hidden cells as "—" with the reason."""

from decimal import Decimal

from django.utils.translation import gettext as _

from monitoring.aggregation import METRICS, TREND_METRIC
from wortal.charts import Bar, BarChart

HIDDEN = "—"


def _number(value):
    if value is None:
        return ""
    if value == value.to_integral_value():
        return str(int(value))
    return format(value.quantize(Decimal("0.01")).normalize(), "f")


def _figures(row):
    width = 2 + sum(2 if metric.summed else 1 for metric in METRICS)
    if row.is_hidden:
        return [HIDDEN] * width
    figures = [str(row.answers), _number(row.response_rate)]
    for metric in METRICS:
        cell = row.cells[metric.key]
        figures += [_number(cell.total), _number(cell.median)] if metric.summed else [_number(cell.median)]
    return figures


def header(label):
    columns = [label, _("zaproszone"), _("odpowiedzi"), _("odsetek odpowiedzi (%)")]
    for metric in METRICS:
        if metric.summed:
            columns.append(f"{metric.label}: {_('suma')}")
        columns.append(f"{metric.label} ({metric.unit}): {_('mediana')}")
    return [*columns, _("zmiana sumy zatrudnionych r/r (%)"), _("powód ukrycia")]


def _line(row):
    return [row.label, str(row.asked), *_figures(row), _number(row.change), row.hidden_reason]


def csv_rows(results, table_key):
    """Rows of one table ("razem" for the region, "przychody" for revenue bands), or None if unknown."""
    if table_key == "razem":
        return [header(_("obszar")), _line(results.total)]
    if table_key == "przychody":
        table = results.revenue_bands
        lines = [[_("przedział przychodów"), _("liczba organizacji"), _("powód ukrycia")]]
        for row in table.rows:
            lines.append([row.label, HIDDEN if row.is_hidden else str(row.answers), row.hidden_reason])
        return lines
    table = next((table for table in results.tables if table.key == table_key), None)
    if table is None:
        return None
    return [header(table.title), *[_line(row) for row in table.rows], _line(results.total)]


def charts(results) -> dict:
    """Bar charts of the published sums (wortal.charts): hidden rows get no bar; the table beside says why."""
    if results.total.is_hidden:
        return {}
    year = results.round.year
    found = {
        "ryzyko": BarChart(
            slug="monitoring-ryzyko",
            title=_("Zatrudnione osoby zagrożone wykluczeniem według grupy, %(year)s r.") % {"year": year},
            description=_("Liczba osób w każdej grupie we wszystkich organizacjach, które odpowiedziały."),
            label_heading=_("Grupa"),
            value_heading=_("Liczba osób"),
            bars=[Bar(str(label).capitalize(), int(value)) for label, value in results.at_risk],
        )
    }
    for table in results.tables:
        bars = [Bar(row.label, int(row.cells[TREND_METRIC].total)) for row in table.rows if not row.is_hidden]
        found[table.key] = BarChart(
            slug=f"monitoring-{table.key}",
            title=_("Osoby zatrudnione – %(table)s, %(year)s r.")
            % {"table": table.title.lower(), "year": year},
            description=_(
                "Suma osób zatrudnionych w organizacjach, które odpowiedziały. Wiersze ukryte regułą małych liczb "
                "nie mają słupka; w tabeli poniżej są oznaczone „—” z powodem."
            ),
            label_heading=str(table.title),
            value_heading=_("Osoby zatrudnione"),
            bars=bars,
        )
    return found
