"""Monitoring's section of "Moje konto": the questionnaires of the person's organisations."""

from members.dashboard import dashboard_section
from monitoring.models import Report

REPORTS_ON_DASHBOARD = 10


@dashboard_section("monitoring/includes/account_panel.html", order=35)
def monitoring_reports(request):
    reports = (
        Report.objects.of_member(request.user)
        .exclude(round__state="draft")
        .select_related("round", "entity")
        .order_by("-round__year", "entity__name")
    )
    return {"monitoring_reports": reports[:REPORTS_ON_DASHBOARD]}
