from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wortal.collation import POLISH_COLLATION


class TerritoryQuerySet(models.QuerySet):
    def current(self):
        return self.filter(retired=False)


class Powiat(models.Model):
    teryt = models.CharField(_("kod TERYT"), max_length=4, unique=True)
    name = models.CharField(_("nazwa"), max_length=100, db_collation=POLISH_COLLATION)
    city = models.BooleanField(_("miasto na prawach powiatu"), default=False)
    valid_on = models.DateField(_("stan na dzień"), help_text=_("Data wykazu TERC, z którego pochodzi wpis."))
    retired = models.BooleanField(
        _("wycofany"), default=False, help_text=_("Nie występuje w najnowszym wykazie TERC.")
    )

    objects = TerritoryQuerySet.as_manager()

    class Meta:
        verbose_name = _("powiat")
        verbose_name_plural = _("powiaty")
        ordering = ["name"]

    def __str__(self):
        return self.label(self.name, self.city)

    @staticmethod
    def label(name: str, city: bool) -> str:
        """'powiat krakowski' or 'miasto Kraków', also for lists that read the two columns without the row."""
        # gettext, not the lazy _: called at run time, once per card of a list page.
        return f"{gettext('miasto')} {name}" if city else f"{gettext('powiat')} {name}"


class Gmina(models.Model):
    class Kind(models.TextChoices):
        URBAN = "1", _("gmina miejska")
        RURAL = "2", _("gmina wiejska")
        URBAN_RURAL = "3", _("gmina miejsko-wiejska")

    teryt = models.CharField(
        _("kod TERYT"), max_length=6, unique=True, help_text=_("Sześć cyfr: województwo, powiat, gmina.")
    )
    name = models.CharField(_("nazwa"), max_length=100, db_collation=POLISH_COLLATION)
    kind = models.CharField(_("rodzaj"), max_length=1, choices=Kind.choices)
    powiat = models.ForeignKey(
        Powiat, on_delete=models.PROTECT, related_name="gminy", verbose_name=_("powiat")
    )
    valid_on = models.DateField(_("stan na dzień"))
    retired = models.BooleanField(_("wycofana"), default=False)

    objects = TerritoryQuerySet.as_manager()

    class Meta:
        verbose_name = _("gmina")
        verbose_name_plural = _("gminy")
        ordering = ["name", "teryt"]

    def __str__(self):
        # Names repeat (Bochnia urban and rural, two Bolesławs): always name, kind and powiat.
        return f"{self.name} ({self.get_kind_display()}, {self.powiat})"
