from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Notice(models.Model):
    """An e-mail sent about a report. The unique key makes sending idempotent: a cron run that repeats, or two
    that overlap, cannot send the same invitation or reminder to the same address twice."""

    report = models.ForeignKey(
        "monitoring.Report", on_delete=models.CASCADE, related_name="notices", verbose_name=_("odpowiedź")
    )
    kind = models.CharField(_("rodzaj"), max_length=40)
    email = models.EmailField(_("adres"))
    sent_at = models.DateTimeField(_("wysłano"), auto_now_add=True)

    class Meta:
        verbose_name = _("wysłana wiadomość")
        verbose_name_plural = _("wysłane wiadomości")
        ordering = ["-sent_at"]
        constraints = [
            models.UniqueConstraint(fields=["report", "kind", "email"], name="notice_once_per_address")
        ]

    def __str__(self):
        return f"{self.kind} → {self.email}"


class ExportLog(models.Model):
    """Who exported a round's raw answers, when and in which format (the answers are organisations' data)."""

    round = models.ForeignKey(
        "monitoring.Round", on_delete=models.CASCADE, related_name="exports", verbose_name=_("runda")
    )
    # The login is kept as text too: the log outlives the account of the person who exported.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("konto"),
    )
    who = models.CharField(_("kto"), max_length=254)
    file_format = models.CharField(_("format"), max_length=10)
    rows = models.PositiveIntegerField(_("wierszy"))
    created_at = models.DateTimeField(_("kiedy"), auto_now_add=True)

    class Meta:
        verbose_name = _("eksport surowych odpowiedzi")
        verbose_name_plural = _("eksporty surowych odpowiedzi")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.round} – {self.file_format} – {self.created_at:%d.%m.%Y %H:%M}"
