from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class PSStatusQuerySet(models.QuerySet):
    def in_force(self, on=None):
        on = on or timezone.localdate()
        return self.filter(valid_from__lte=on).filter(
            models.Q(withdrawn_on__isnull=True) | models.Q(withdrawn_on__gt=on)
        )


class PSStatus(models.Model):
    """The status of a social enterprise (przedsiębiorstwo społeczne): a dated decision, not a legal form."""

    class Aim(models.TextChoices):
        REINTEGRATION = "reintegracja", _("reintegracja społeczna i zawodowa")
        SOCIAL_SERVICES = "uslugi-spoleczne", _("usługi społeczne")

    class LegalBasis(models.TextChoices):
        ACT_2022 = "ustawa-2022", _("ustawa o ekonomii społecznej z 5 sierpnia 2022 r. (decyzja wojewody)")
        LIST_BEFORE_2024 = "lista-owes", _("dawna lista przedsiębiorstw społecznych prowadzona przez OWES")

    entity = models.ForeignKey(
        "entities.Entity", on_delete=models.CASCADE, related_name="ps_statuses", verbose_name=_("podmiot")
    )
    legal_basis = models.CharField(
        _("podstawa"), max_length=20, choices=LegalBasis.choices, default=LegalBasis.ACT_2022
    )
    decision_number = models.CharField(_("numer decyzji"), max_length=100)
    decision_date = models.DateField(_("data decyzji"))
    aim = models.CharField(_("cel"), max_length=20, choices=Aim.choices)
    valid_from = models.DateField(_("obowiązuje od"))
    withdrawn_on = models.DateField(
        _("odebrany dnia"), null=True, blank=True, help_text=_("Puste, jeśli status nie został odebrany.")
    )
    source_url = models.URLField(_("źródło"), blank=True, help_text=_("Np. wpis w rejestrze ministerstwa."))
    verified_on = models.DateField(_("sprawdzono dnia"), null=True, blank=True)

    objects = PSStatusQuerySet.as_manager()

    class Meta:
        verbose_name = _("status przedsiębiorstwa społecznego")
        verbose_name_plural = _("statusy przedsiębiorstwa społecznego")
        ordering = ["-valid_from"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(withdrawn_on__isnull=True)
                | models.Q(withdrawn_on__gte=models.F("valid_from")),
                name="ps_status_withdrawn_after_valid_from",
                violation_error_message=_(
                    "Data odebrania nie może być wcześniejsza niż początek obowiązywania."
                ),
            )
        ]

    def __str__(self):
        return f"{self.decision_number} ({self.valid_from:%d.%m.%Y})"

    def is_in_force(self, on=None):
        on = on or timezone.localdate()
        return self.valid_from <= on and (self.withdrawn_on is None or self.withdrawn_on > on)
