"""Members' monitoring pages under "Moje konto": their organisations' questionnaires and past answers.

Reports are looked up among those of the person's own organisations (``Report.objects.of_member``); any other
id answers 404, so another organisation's answers are never shown or changed.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from entities.models import Entity
from monitoring import services
from monitoring.comparison import history_of
from monitoring.forms import QuestionnaireForm
from monitoring.models import Report

SEND = "wyslij"


def _own_report(request, pk):
    return get_object_or_404(
        Report.objects.of_member(request.user).select_related("round", "entity", "submitted_by"), pk=pk
    )


@login_required
@require_safe
def index(request):
    reports = (
        Report.objects.of_member(request.user)
        .exclude(round__state="draft")
        .select_related("round", "entity")
        .order_by("-round__year", "entity__name")
    )
    entities = Entity.objects.filter(memberships__user=request.user).order_by("name")
    return render(request, "monitoring/member/index.html", {"reports": reports, "entities": entities})


@login_required
@require_http_methods(["GET", "POST"])
def report(request, pk):
    report = _own_report(request, pk)
    if not report.member_can_edit():
        if request.method == "POST":
            messages.error(request, _("Tej odpowiedzi nie można już zmienić."))
            return redirect("monitoring_member:report", pk=report.pk)
        return render(request, "monitoring/member/report_detail.html", {"report": report})
    sending = request.method == "GET" or request.POST.get("action") == SEND
    form = QuestionnaireForm(
        report.questionnaire,
        request.POST if request.method == "POST" else None,
        initial=report.answers,
        final=sending,
    )
    if request.method == "POST" and form.is_valid():
        try:
            if sending:
                services.report_submit(report, form.answers(), request.user)
            else:
                services.report_save_draft(report, form.answers())
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect("monitoring_member:report", pk=report.pk)
        if sending:
            messages.success(request, _("Dziękujemy! Odpowiedź została przesłana do redakcji."))
            return redirect("monitoring_member:index")
        messages.success(request, _("Zapisano wersję roboczą. Możesz wrócić do niej później."))
        return redirect("monitoring_member:report", pk=report.pk)
    return render(request, "monitoring/member/report_form.html", {"report": report, "form": form})


@login_required
@require_safe
def history(request, slug):
    """The organisation's accepted answers over the years beside the medians of its legal form and powiat."""
    entity = get_object_or_404(
        Entity.objects.select_related("gmina__powiat"), slug=slug, memberships__user=request.user
    )
    return render(request, "monitoring/member/history.html", {"entity": entity, "years": history_of(entity)})
