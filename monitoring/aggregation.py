"""A closed round's published results: tables by powiat, legal form and main sector, protected by the
small-cell rule (``disclosure``), with the response rate and the change against the previous round.

Only accepted answers count. Each respondent is placed where its entity stood when the answers were accepted
(``Report.powiat``/``legal_form``/``sector``), so a closed year's tables do not move later.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.core.cache import cache
from django.db.models import Max, Prefetch
from django.utils.translation import gettext_lazy as _

from entities.models import LegalForm, Sector
from monitoring import disclosure, stats
from monitoring.models import Report
from monitoring.questionnaire import AT_RISK, REVENUE_BANDS, at_risk_total

NO_SECTOR = _("bez podanej branży")
NO_ANSWERS = _("brak odpowiedzi")


@dataclass(frozen=True)
class Metric:
    key: str
    label: str
    unit: str
    summed: bool  # shares are not summed: only their median means something

    def value(self, answers):
        if self.key == "ryzyko":
            return Decimal(at_risk_total(answers))
        return stats.to_number(answers.get(self.key))


METRICS = [
    Metric("zatrudnieni", _("Osoby zatrudnione"), _("osób"), summed=True),
    Metric("etaty", _("Etaty"), _("etatów"), summed=True),
    Metric("ryzyko", _("Zatrudnione osoby zagrożone wykluczeniem"), _("osób"), summed=True),
    Metric("wolontariusze", _("Wolontariusze"), _("osób"), summed=True),
    Metric("udzial_rynkowy", _("Udział przychodów rynkowych"), "%", summed=False),
    Metric("nadwyzka_reinwestowana", _("Nadwyżka na cele społeczne"), "%", summed=False),
]
# The headline figure compared with the previous year in every row.
TREND_METRIC = "zatrudnieni"

DIMENSIONS = [
    ("powiat", _("Według powiatu")),
    ("forma", _("Według formy prawnej")),
    ("branza", _("Według branży głównej")),
]


@dataclass
class Cell:
    total: Decimal | None = None
    median: Decimal | None = None


@dataclass
class Row:
    key: str
    label: str
    asked: int
    answers: int
    hidden_reason: str = ""
    cells: dict = field(default_factory=dict)
    change: Decimal | None = None

    @property
    def is_hidden(self):
        return bool(self.hidden_reason)

    @property
    def response_rate(self):
        return None if self.is_hidden else stats.share_percent(self.answers, self.asked)


@dataclass
class Table:
    key: str
    title: str
    rows: list
    total: Row

    @property
    def hidden_count(self):
        return sum(1 for row in self.rows if row.is_hidden and row.answers)


@dataclass
class Results:
    round: object
    total: Row
    tables: list
    previous_year: int | None
    previous_total: "Row | None"
    at_risk: list  # (label, sum) for the whole region
    revenue_bands: Table


def main_sector(entity):
    """The first of the entity's sectors in the list's order: one per entity, so the sector table is a partition."""
    sectors = list(entity.sectors.all())
    return sectors[0] if sectors else None


def classify(report):
    """(powiat key and label, legal form key and label, sector key and label) for a report."""
    entity = report.entity
    if report.state == Report.State.ACCEPTED and report.powiat_id:
        powiat, form, sector = report.powiat, report.legal_form, report.sector
    else:
        powiat, form, sector = entity.gmina.powiat, entity.legal_form, main_sector(entity)
    return {
        "powiat": (powiat.teryt, str(powiat)),
        "forma": (form, str(LegalForm(form).label) if form in LegalForm.values else form),
        "branza": (sector.slug, sector.name) if sector else ("-", str(NO_SECTOR)),
    }


def _reports(round_):
    return list(
        round_.reports.select_related("entity__gmina__powiat", "powiat", "sector").prefetch_related(
            Prefetch("entity__sectors", queryset=Sector.objects.order_by("position", "name"))
        )
    )


def _cells(answers_list):
    cells = {}
    for metric in METRICS:
        values = [metric.value(answers) for answers in answers_list]
        cells[metric.key] = Cell(stats.total(values) if metric.summed else None, stats.median(values))
    return cells


def _row(key, label, asked, accepted, reason):
    row = Row(key, label, asked=asked, answers=len(accepted), hidden_reason=str(reason or ""))
    if not accepted:
        row.hidden_reason = str(NO_ANSWERS)
    elif not row.is_hidden:
        row.cells = _cells([report.answers for report in accepted])
    return row


def compute(round_) -> Results:
    reports = _reports(round_)
    places = {report.pk: classify(report) for report in reports}
    accepted = [report for report in reports if report.state == Report.State.ACCEPTED]
    partitions = {}
    labels = {}
    for dimension, _title in DIMENSIONS:
        rows = {}
        for report in reports:
            key, label = places[report.pk][dimension]
            labels[dimension, key] = label
            rows.setdefault(key, set())
            if report.state == Report.State.ACCEPTED:
                rows[key].add(report.pk)
        partitions[dimension] = {key: frozenset(members) for key, members in rows.items()}
    protection = disclosure.protect(partitions)
    by_pk = {report.pk: report for report in reports}
    total = _row(
        "razem",
        str(_("Razem")),
        len(reports),
        accepted,
        disclosure.TOO_FEW_OVERALL if protection.total_hidden else "",
    )
    tables = []
    for dimension, title in DIMENSIONS:
        asked = {}
        for report in reports:
            key = places[report.pk][dimension][0]
            asked[key] = asked.get(key, 0) + 1
        rows = [
            _row(
                key,
                labels[dimension, key],
                asked[key],
                [by_pk[pk] for pk in members],
                protection.reason(dimension, key),
            )
            for key, members in partitions[dimension].items()
        ]
        rows.sort(key=lambda row: row.label.lower())
        tables.append(Table(dimension, str(title), rows, total))
    return Results(
        round=round_,
        total=total,
        tables=tables,
        previous_year=None,
        previous_total=None,
        at_risk=_at_risk(accepted, protection.total_hidden),
        revenue_bands=_revenue_bands(accepted, len(reports)),
    )


def _at_risk(accepted, hidden):
    if hidden:
        return []
    return [
        (label, stats.total(stats.to_number(report.answers.get(key)) for report in accepted))
        for key, label in AT_RISK
    ]


def _revenue_bands(accepted, asked):
    """How many respondents fall in each revenue band: the bands split the respondents, so the same rule."""
    groups = {
        key: frozenset(r.pk for r in accepted if r.answers.get("przychody") == key)
        for key, _l in REVENUE_BANDS
    }
    protection = disclosure.protect({"przychody": groups})
    rows = []
    for key, label in REVENUE_BANDS:
        reason = protection.reason("przychody", key)
        row = Row(key, str(label), asked=asked, answers=len(groups[key]), hidden_reason=str(reason or ""))
        rows.append(row)
    total = Row("razem", str(_("Razem")), asked=asked, answers=len(accepted))
    return Table("przychody", str(_("Przedziały przychodów")), rows, total)


def with_changes(results: Results, previous: Results | None) -> Results:
    """Year-on-year change of the headline sum, only where both years' figures are published."""
    if previous is None:
        return results
    results.previous_year = previous.round.year
    results.previous_total = previous.total
    before = {(table.key, row.key): row for table in previous.tables for row in table.rows}
    for table in results.tables:
        for row in table.rows:
            old = before.get((table.key, row.key))
            if old and not old.is_hidden and not row.is_hidden:
                row.change = stats.change_percent(
                    row.cells[TREND_METRIC].total, old.cells[TREND_METRIC].total
                )
    if not results.total.is_hidden and not previous.total.is_hidden:
        results.total.change = stats.change_percent(
            results.total.cells[TREND_METRIC].total, previous.total.cells[TREND_METRIC].total
        )
    return results


def results_for(round_) -> Results:
    """The round's results with the change against the previous closed round; cached until an answer changes."""
    previous_round = round_.previous()
    stamp = Report.objects.filter(round__in=[r for r in (round_, previous_round) if r]).aggregate(
        last=Max("updated_at")
    )["last"]
    version = stamp.timestamp() if stamp else 0
    key = f"monitoring:results:{round_.pk}:{previous_round.pk if previous_round else 0}:{version}"
    results = cache.get(key)
    if results is None:
        previous = compute(previous_round) if previous_round else None
        results = with_changes(compute(round_), previous)
        cache.set(key, results, 60 * 60)
    return results
