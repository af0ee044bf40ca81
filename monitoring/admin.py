"""The editors' side of monitoring: rounds (open, close, export) and the review of answers."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.http import HttpResponse
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from entities.models import LegalForm
from monitoring import export, services
from monitoring.models import ExportLog, Notice, Report, Round
from monitoring.plausibility import flags
from wortal.admin_dashboard import Item, Panel, attention_provider

ACCEPT, CORRECTION = "_przyjmij", "_popraw"


class RoundForm(forms.ModelForm):
    legal_forms = forms.MultipleChoiceField(
        label=_("formy prawne"),
        choices=LegalForm.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=Round._meta.get_field("legal_forms").help_text,
    )

    class Meta:
        model = Round
        fields = [
            "year",
            "questionnaire_version",
            "opens_on",
            "closes_on",
            "legal_forms",
            "ps_status_only",
            "entities",
            "invitation_text",
        ]


@admin.register(Round)
class RoundAdmin(admin.ModelAdmin):
    form = RoundForm
    list_display = [
        "year",
        "state",
        "questionnaire_version",
        "opens_on",
        "closes_on",
        "asked",
        "sent",
        "accepted",
    ]
    list_filter = ["state"]
    readonly_fields = ["state", "opened_at", "closed_at", "created_at"]
    autocomplete_fields = ["entities"]
    actions = ["open_and_invite", "close_rounds", "export_xlsx", "export_csv"]
    fieldsets = [
        (None, {"fields": ["year", "questionnaire_version", "opens_on", "closes_on", "state"]}),
        (_("Kogo pytamy"), {"fields": ["legal_forms", "ps_status_only", "entities"]}),
        (_("Zaproszenie"), {"fields": ["invitation_text"]}),
        (_("Historia"), {"fields": ["created_at", "opened_at", "closed_at"]}),
    ]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                asked_count=Count("reports"),
                sent_count=Count("reports", filter=Q(reports__state=Report.State.SUBMITTED)),
                accepted_count=Count("reports", filter=Q(reports__state=Report.State.ACCEPTED)),
            )
        )

    @admin.display(description=_("pytane podmioty"), ordering="asked_count")
    def asked(self, obj):
        return obj.asked_count

    @admin.display(description=_("do sprawdzenia"))
    def sent(self, obj):
        url = (
            reverse("admin:monitoring_report_changelist")
            + f"?round__id__exact={obj.pk}&state__exact=submitted"
        )
        return format_html('<a href="{}">{}</a>', url, obj.sent_count)

    @admin.display(description=_("przyjęte"))
    def accepted(self, obj):
        return obj.accepted_count

    @admin.action(description=_("Otwórz rundę i wyślij zaproszenia"), permissions=["change"])
    def open_and_invite(self, request, queryset):
        for round_ in queryset:
            try:
                created = services.round_open(round_)
            except ValidationError as error:
                self.message_user(request, f"{round_}: {' '.join(error.messages)}", messages.ERROR)
                continue
            sent = services.invitations_send(round_)
            self.message_user(
                request,
                _("%(round)s: pytamy %(new)s nowych podmiotów, wysłano %(sent)s zaproszeń.")
                % {"round": round_, "new": created, "sent": sent},
            )

    @admin.action(description=_("Zamknij rundę (koniec przyjmowania odpowiedzi)"), permissions=["change"])
    def close_rounds(self, request, queryset):
        for round_ in queryset.filter(state=Round.State.OPEN):
            services.round_close(round_)
            self.message_user(request, _("%(round)s: zamknięto.") % {"round": round_})

    def _export(self, request, queryset, file_format):
        if queryset.count() != 1:
            self.message_user(request, _("Zaznacz jedną rundę do eksportu."), messages.WARNING)
            return None
        round_ = queryset.get()
        response = HttpResponse(
            export.export(round_, request.user, file_format), content_type=export.FORMATS[file_format]
        )
        response["Content-Disposition"] = (
            f'attachment; filename="monitoring-{round_.year}-odpowiedzi.{file_format}"'
        )
        return response

    @admin.action(description=_("Eksportuj surowe odpowiedzi (XLSX)"), permissions=["export"])
    def export_xlsx(self, request, queryset):
        return self._export(request, queryset, "xlsx")

    @admin.action(description=_("Eksportuj surowe odpowiedzi (CSV)"), permissions=["export"])
    def export_csv(self, request, queryset):
        return self._export(request, queryset, "csv")

    def has_export_permission(self, request):
        return request.user.has_perm("monitoring.export_raw_answers")


class StageFilter(admin.SimpleListFilter):
    title = _("etap")
    parameter_name = "etap"

    def lookups(self, request, model_admin):
        return [("sprawdzenie", _("czekają na sprawdzenie")), ("po-terminie", _("ze zgodą po terminie"))]

    def queryset(self, request, queryset):
        if self.value() == "sprawdzenie":
            return queryset.filter(state=Report.State.SUBMITTED)
        if self.value() == "po-terminie":
            return queryset.filter(late_allowed=True)
        return queryset


def _previous_answers(report):
    previous = (
        Report.objects.accepted()
        .filter(entity_id=report.entity_id, round__year__lt=report.round.year)
        .order_by("-round__year")
        .values_list("answers", flat=True)
        .first()
    )
    return previous or {}


@admin.register(Report)
class ReportAdmin(admin.ModelAdmin):
    list_display = ["entity", "year", "state", "submitted_at", "notes", "late_allowed", "reviewed_by"]
    list_filter = ["round", "state", StageFilter]
    list_select_related = ["entity", "round", "reviewed_by"]
    search_fields = ["entity__name", "entity__nip"]
    readonly_fields = [
        "round",
        "entity",
        "state",
        "answers_for_review",
        "submitted_at",
        "submitted_by",
        "reviewed_at",
        "reviewed_by",
    ]
    fields = [*readonly_fields, "correction_message", "late_allowed"]
    actions = ["accept_selected", "allow_late_selected"]
    change_form_template = "admin/monitoring/report_change_form.html"

    def has_add_permission(self, request):
        return False  # reports are created by opening a round

    @admin.display(description=_("rok"), ordering="round__year")
    def year(self, obj):
        return obj.round.year

    @admin.display(description=_("do sprawdzenia"))
    def notes(self, obj):
        # Within this year's answers only: the change against last year is shown on the answer's page.
        found = flags(obj.answers)
        return ", ".join(found.values()) if found else "—"

    @admin.display(description=_("odpowiedzi"))
    def answers_for_review(self, obj):
        found = flags(obj.answers, _previous_answers(obj))
        rows = [
            (capfirst(question.label), value, found.get(question.key, ""))
            for question, value in obj.answer_rows()
        ]
        return format_html(
            '<table class="monitoring-review"><thead><tr><th scope="col">{}</th><th scope="col">{}</th>'
            '<th scope="col">{}</th></tr></thead><tbody>{}</tbody></table>',
            _("pytanie"),
            _("odpowiedź"),
            _("do sprawdzenia"),
            format_html_join("", '<tr><th scope="row">{}</th><td>{}</td><td>{}</td></tr>', rows),
        )

    def response_change(self, request, obj):
        try:
            if ACCEPT in request.POST:
                services.report_accept(obj, request.user)
                self.message_user(request, _("Przyjęto odpowiedź: %(report)s.") % {"report": obj})
            elif CORRECTION in request.POST:
                services.report_request_correction(obj, request.user, obj.correction_message)
                self.message_user(request, _("Wysłano prośbę o poprawkę: %(report)s.") % {"report": obj})
        except ValidationError as error:
            self.message_user(request, " ".join(error.messages), messages.ERROR)
        return super().response_change(request, obj)

    def render_change_form(self, request, context, *args, obj=None, **kwargs):
        context["can_review"] = obj is not None and obj.state == Report.State.SUBMITTED
        context["flagged"] = bool(obj and flags(obj.answers, _previous_answers(obj)))
        return super().render_change_form(request, context, *args, obj=obj, **kwargs)

    @admin.action(description=_("Przyjmij zaznaczone przesłane odpowiedzi"), permissions=["change"])
    def accept_selected(self, request, queryset):
        accepted = 0
        for report in queryset.filter(state=Report.State.SUBMITTED).select_related(
            "entity__gmina__powiat", "round"
        ):
            try:
                services.report_accept(report, request.user)
                accepted += 1
            except ValidationError as error:
                self.message_user(request, f"{report}: {' '.join(error.messages)}", messages.ERROR)
        self.message_user(request, _("Przyjęto %(count)s odpowiedzi.") % {"count": accepted})

    @admin.action(description=_("Zgoda na odpowiedź po terminie"), permissions=["change"])
    def allow_late_selected(self, request, queryset):
        for report in queryset:
            services.report_allow_late(report)
        self.message_user(
            request, _("Zgoda udzielona dla %(count)s podmiotów.") % {"count": queryset.count()}
        )


class ReadOnlyLogAdmin(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Notice)
class NoticeAdmin(ReadOnlyLogAdmin):
    list_display = ["sent_at", "kind", "email", "report"]
    list_filter = ["kind", "report__round"]
    list_select_related = ["report__entity", "report__round"]
    search_fields = ["email", "report__entity__name"]


@admin.register(ExportLog)
class ExportLogAdmin(ReadOnlyLogAdmin):
    list_display = ["created_at", "round", "who", "file_format", "rows"]
    list_select_related = ["round", "user"]


@attention_provider
def reports_to_review(request):
    if not request.user.has_perm("monitoring.change_report"):
        return None
    waiting = Report.objects.filter(state=Report.State.SUBMITTED)
    items = [
        Item(
            str(report.entity),
            reverse("admin:monitoring_report_change", args=[report.pk]),
            str(report.round.year),
        )
        for report in waiting.select_related("entity", "round").order_by("submitted_at")[:10]
    ]
    return Panel(
        _("Monitoring: odpowiedzi do sprawdzenia"),
        waiting.count(),
        items,
        reverse("admin:monitoring_report_changelist") + "?etap=sprawdzenie",
        _("Wszystkie do sprawdzenia"),
        _("Nie ma odpowiedzi do sprawdzenia."),
    )
