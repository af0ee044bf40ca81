from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from entities.models import LegalForm, Powiat, Sector
from monitoring.questionnaire import RECIPIENTS, REVENUE_BANDS, Kind


class ReportQuerySet(models.QuerySet):
    def accepted(self):
        return self.filter(state=Report.State.ACCEPTED)

    def unanswered(self):
        """Asked, but nothing sent yet: who gets reminders."""
        return self.filter(state__in=[Report.State.INVITED, Report.State.DRAFT])

    def of_member(self, user):
        """Reports of the organisations the person belongs to; nothing for anyone else."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(entity__memberships__user=user)


class Report(models.Model):
    """One entity's answers in one round, from the invitation to the editors' acceptance."""

    class State(models.TextChoices):
        INVITED = "invited", _("zaproszono, brak odpowiedzi")
        DRAFT = "draft", _("wersja robocza")
        SUBMITTED = "submitted", _("przesłano, czeka na sprawdzenie")
        CORRECTION = "correction", _("do poprawy")
        ACCEPTED = "accepted", _("przyjęto")

    round = models.ForeignKey(
        "monitoring.Round", on_delete=models.CASCADE, related_name="reports", verbose_name=_("runda")
    )
    entity = models.ForeignKey(
        "entities.Entity",
        on_delete=models.CASCADE,
        related_name="monitoring_reports",
        verbose_name=_("podmiot"),
    )
    answers = models.JSONField(_("odpowiedzi"), default=dict, blank=True)
    state = models.CharField(_("stan"), max_length=12, choices=State.choices, default=State.INVITED)
    submitted_at = models.DateTimeField(_("przesłano"), null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("przesłał(a)"),
    )
    correction_message = models.TextField(
        _("prośba o poprawkę"), blank=True, help_text=_("Co poprawić; organizacja dostaje to w e-mailu.")
    )
    reviewed_at = models.DateTimeField(_("sprawdzono"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("sprawdził(a)"),
    )
    late_allowed = models.BooleanField(
        _("zgoda na odpowiedź po terminie"),
        default=False,
        help_text=_("Organizacja może wysłać lub zmienić odpowiedź po terminie i po zamknięciu rundy."),
    )
    # Where the entity stood when its answers were accepted: a closed year's tables must not move when a
    # profile changes its gmina, form or sectors later.
    powiat = models.ForeignKey(
        Powiat, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("powiat")
    )
    legal_form = models.CharField(_("forma prawna"), max_length=40, choices=LegalForm.choices, blank=True)
    sector = models.ForeignKey(
        Sector,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("branża główna"),
    )
    updated_at = models.DateTimeField(_("zmieniono"), auto_now=True)

    objects = ReportQuerySet.as_manager()

    class Meta:
        verbose_name = _("odpowiedź na monitoring")
        verbose_name_plural = _("odpowiedzi na monitoring")
        ordering = ["round", "entity__name"]
        constraints = [models.UniqueConstraint(fields=["round", "entity"], name="report_unique_round_entity")]

    def __str__(self):
        return f"{self.entity} – {self.round.year}"

    @property
    def questionnaire(self):
        return self.round.questionnaire

    @property
    def is_answered(self):
        return self.state in (self.State.SUBMITTED, self.State.ACCEPTED)

    def member_can_edit(self, today=None):
        """A member writes while the round takes answers, when the editors asked for a correction, or after the
        deadline with their consent. Sent and accepted answers wait for the editors."""
        if self.state == self.State.CORRECTION:
            return True
        if self.state not in (self.State.INVITED, self.State.DRAFT):
            return False
        if self.round.state == self.round.State.DRAFT:
            return False
        return self.round.accepts_answers(today) or self.late_allowed

    def answer_rows(self):
        """(question, shown value) in the questionnaire's order, for review pages and the account page."""
        rows = []
        for question in self.questionnaire.questions:
            rows.append((question, display_value(question, self.answers.get(question.key))))
        return rows


def display_value(question, value):
    if value in (None, "", []):
        return "—"
    if question.kind == Kind.BAND:
        return dict(REVENUE_BANDS).get(value, value)
    if question.kind == Kind.CHOICES:
        labels = dict(RECIPIENTS)
        return ", ".join(str(labels.get(item, item)) for item in value)
    if question.kind in (Kind.FTE, Kind.PERCENT):
        text = str(value).replace(".", ",")
        return f"{text} %" if question.kind == Kind.PERCENT else text
    return str(value)
