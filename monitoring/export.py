"""Editors' raw export of a round: every asked entity's answers, one row each, as CSV or XLSX.

The answers are organisations' own data, so every export is logged (who, when, format, rows); it is offered
only in the admin, to those with the ``export_raw_answers`` permission.
"""

import tablib
from django.utils.translation import gettext as _

from monitoring.models import ExportLog, Report
from monitoring.questionnaire import AT_RISK_KEYS
from wortal.spreadsheets import neutralise_formula

FORMATS = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def _safe(value):
    """Lists joined with ';', nothing as an empty cell, formulae neutralised by the portal's one rule."""
    if isinstance(value, list):
        value = ";".join(value)
    return "" if value is None else neutralise_formula(value)


def dataset(round_) -> tablib.Dataset:
    keys = round_.questionnaire.question_keys()
    data = tablib.Dataset(
        headers=[
            "rok",
            "podmiot",
            "nip",
            "krs",
            "regon",
            "powiat",
            "forma_prawna",
            "stan",
            "przeslano",
            "suma_grup_wykluczenia",
            *keys,
        ]
    )
    reports = round_.reports.select_related("entity__gmina__powiat").order_by("entity__name")
    for report in reports:
        entity = report.entity
        answers = report.answers
        data.append(
            [
                round_.year,
                _safe(entity.name),
                entity.nip or "",
                entity.krs or "",
                entity.regon or "",
                entity.gmina.powiat.name,
                entity.legal_form,
                str(Report.State(report.state).label),
                report.submitted_at.isoformat() if report.submitted_at else "",
                sum(int(answers.get(key) or 0) for key in AT_RISK_KEYS) if answers else "",
                *[_safe(answers.get(key)) for key in keys],
            ]
        )
    data.title = _("Monitoring %(year)s") % {"year": round_.year}
    return data


def export(round_, user, file_format: str) -> bytes:
    data = dataset(round_)
    ExportLog.objects.create(
        round=round_, user=user, who=user.get_username(), file_format=file_format, rows=data.height
    )
    content = data.export(file_format)
    return content.encode("utf-8") if isinstance(content, str) else content
