"""Server-rendered, accessible bar charts with their numbers in a table beside them and as CSV.

A chart is drawn as inline SVG by the server: no charting script, nothing the CSP has to allow, and it prints.
Each chart is an image with a title and a description (``role="img"``, ``<title>``/``<desc>``); the label and
the number are written next to every bar, so it reads without colour; and the same numbers stand in a table
beside it (``templates/includes/chart.html``) and in a CSV file (``csv_response``). Any app can use it:

    chart = BarChart(slug="powiaty", title="...", description="...", label_heading="Powiat",
                     value_heading="Liczba podmiotów", bars=[Bar("Kraków", 120), ...])
    {% include "includes/chart.html" with chart=chart csv_url="?csv=powiaty" %}
    return csv_response("podmioty-powiaty.csv", chart.csv_rows())
"""

import csv
import io
from dataclasses import dataclass, field

from django.http import HttpResponse
from django.template.loader import get_template
from django.utils.safestring import SafeString, mark_safe

# Geometry of the SVG, in its own units (it scales to the width of its box).
WIDTH = 560
ROW = 52  # each bar has a label line above it
BAR = 20
LABEL_GAP = 6
VALUE_ROOM = 80  # room after the longest bar for its number


@dataclass(frozen=True)
class Bar:
    label: str
    value: int
    url: str = ""


@dataclass
class BarChart:
    """A horizontal bar chart; ``slug`` names its element ids and its CSV file."""

    slug: str
    title: str
    description: str
    label_heading: str
    value_heading: str
    bars: list[Bar] = field(default_factory=list)
    # False where one item can count in several bars (an entity in three sectors): a sum would mislead.
    show_total: bool = True

    @property
    def total(self) -> int:
        return sum(bar.value for bar in self.bars)

    @property
    def height(self) -> int:
        return max(len(self.bars), 1) * ROW + 8

    @property
    def rows(self) -> list[dict]:
        """Every bar with its drawing coordinates (label line, then the bar with its number after it)."""
        largest = max((bar.value for bar in self.bars), default=0) or 1
        room = WIDTH - VALUE_ROOM
        rows = []
        for index, bar in enumerate(self.bars):
            top = index * ROW
            length = round(room * bar.value / largest)
            rows.append(
                {
                    "bar": bar,
                    "label_y": top + 18,
                    "bar_y": top + 18 + LABEL_GAP,
                    "bar_height": BAR,
                    # A zero still gets a hairline, so the eye sees the row is there and empty.
                    "bar_width": max(length, 1),
                    "value_x": max(length, 1) + 8,
                    "value_y": top + 18 + LABEL_GAP + BAR - 4,
                }
            )
        return rows

    def svg(self) -> SafeString:
        # Jinja2 (wortal/jinja2.py): a page of statistics draws a few hundred bars, 3 template lookups each.
        svg = get_template("includes/chart.svg", using="jinja2").render({"chart": self, "width": WIDTH})
        return mark_safe(svg)  # autoescaped by Jinja2

    def csv_rows(self) -> list[list]:
        return [[self.label_heading, self.value_heading]] + [[bar.label, bar.value] for bar in self.bars]


def csv_response(filename: str, rows) -> HttpResponse:
    """A small CSV download (UTF-8 with a BOM, so spreadsheet programs read Polish letters)."""
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer)
    writer.writerows(rows)
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
