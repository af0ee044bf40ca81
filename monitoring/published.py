"""The published tables as CSV rows: the same figures as the page, hidden cells as "—" with the reason."""

from decimal import Decimal

from django.utils.translation import gettext as _

from monitoring.aggregation import METRICS

HIDDEN = "—"


def _number(value):
    if value is None:
        return ""
    if value == value.to_integral_value():
        return str(int(value))
    return format(value.quantize(Decimal("0.01")).normalize(), "f")


def _figures(row):
    if row.is_hidden:
        return [HIDDEN] * (2 + 2 * len(METRICS))
    figures = [str(row.answers), _number(row.response_rate)]
    for metric in METRICS:
        cell = row.cells[metric.key]
        figures += [_number(cell.total) if metric.summed else "", _number(cell.median)]
    return figures


def header(label):
    columns = [label, _("zaproszone"), _("odpowiedzi"), _("odsetek odpowiedzi (%)")]
    for metric in METRICS:
        columns += [f"{metric.label}: {_('suma')}", f"{metric.label}: {_('mediana')}"]
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
