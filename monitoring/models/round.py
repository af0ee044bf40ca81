from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from entities.models import Entity, LegalForm
from monitoring.questionnaire import LATEST_VERSION, VERSION_CHOICES, questionnaire


class RoundQuerySet(models.QuerySet):
    def closed(self):
        return self.filter(state=Round.State.CLOSED)

    def open(self):
        return self.filter(state=Round.State.OPEN)


class Round(models.Model):
    """One year's monitoring: who is asked, which questionnaire, until when."""

    class State(models.TextChoices):
        DRAFT = "draft", _("w przygotowaniu")
        OPEN = "open", _("otwarta")
        CLOSED = "closed", _("zamknięta")

    year = models.PositiveSmallIntegerField(
        _("rok sprawozdawczy"),
        unique=True,
        validators=[MinValueValidator(2000), MaxValueValidator(2100)],
        help_text=_("Rok, którego dotyczą odpowiedzi (np. 2025 dla badania prowadzonego w 2026 r.)."),
    )
    questionnaire_version = models.PositiveSmallIntegerField(
        _("wersja kwestionariusza"), choices=VERSION_CHOICES, default=LATEST_VERSION
    )
    opens_on = models.DateField(_("otwarcie"))
    closes_on = models.DateField(
        _("termin odpowiedzi"), help_text=_("Ostatni dzień na odpowiedzi; później tylko za zgodą redakcji.")
    )
    legal_forms = models.JSONField(
        _("formy prawne"),
        default=list,
        blank=True,
        help_text=_("Pytamy podmioty tych form prawnych; nic nie zaznaczone = wszystkie formy."),
    )
    ps_status_only = models.BooleanField(
        _("tylko przedsiębiorstwa społeczne"),
        default=False,
        help_text=_("Pytamy tylko podmioty ze statusem PS w dniu otwarcia rundy."),
    )
    entities = models.ManyToManyField(
        Entity,
        blank=True,
        related_name="+",
        verbose_name=_("wybrane podmioty"),
        help_text=_("Jeśli wybierzesz podmioty, pytamy tylko je, a formy prawne i status PS są pomijane."),
    )
    invitation_text = models.TextField(
        _("treść zaproszenia"),
        help_text=_("Wstęp listu z zaproszeniem; link do kwestionariusza i termin dodajemy sami."),
    )
    state = models.CharField(_("stan"), max_length=10, choices=State.choices, default=State.DRAFT)
    opened_at = models.DateTimeField(_("otwarto"), null=True, blank=True, editable=False)
    closed_at = models.DateTimeField(_("zamknięto"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("utworzono"), auto_now_add=True)

    objects = RoundQuerySet.as_manager()

    class Meta:
        verbose_name = _("runda monitoringu")
        verbose_name_plural = _("rundy monitoringu")
        ordering = ["-year"]
        permissions = [("export_raw_answers", _("Może eksportować surowe odpowiedzi"))]

    def __str__(self):
        return _("Monitoring za %(year)s r.") % {"year": self.year}

    def clean(self):
        if self.opens_on and self.closes_on and self.closes_on < self.opens_on:
            raise ValidationError({"closes_on": _("Termin odpowiedzi nie może być przed otwarciem.")})
        unknown = set(self.legal_forms or []) - set(LegalForm.values)
        if unknown:
            raise ValidationError(
                {"legal_forms": _("Nieznane formy prawne: %s") % ", ".join(sorted(unknown))}
            )

    @property
    def questionnaire(self):
        return questionnaire(self.questionnaire_version)

    @property
    def is_closed(self):
        return self.state == self.State.CLOSED

    def asked_entities(self):
        """Published entities the round asks: the chosen list, or those matching the forms and PS status."""
        if self.pk and self.entities.exists():
            return self.entities.published()
        queryset = Entity.objects.published()
        if self.legal_forms:
            queryset = queryset.filter(legal_form__in=self.legal_forms)
        if self.ps_status_only:
            queryset = queryset.having_ps_status()
        return queryset

    def deadline_passed(self, today=None):
        return (today or timezone.localdate()) > self.closes_on

    def accepts_answers(self, today=None):
        """Open, started and before the deadline (later answers need the editors' consent per report)."""
        today = today or timezone.localdate()
        return self.state == self.State.OPEN and self.opens_on <= today <= self.closes_on

    def previous(self):
        return Round.objects.closed().filter(year__lt=self.year).order_by("-year").first()
