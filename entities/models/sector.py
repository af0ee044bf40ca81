from django.db import models
from django.utils.translation import gettext_lazy as _

from wortal.collation import POLISH_COLLATION


class Sector(models.Model):
    """A 'branża': what an organisation offers, the way buyers search (not its legal form)."""

    name = models.CharField(_("nazwa"), max_length=100, unique=True, db_collation=POLISH_COLLATION)
    slug = models.SlugField(_("identyfikator w adresie"), max_length=100, unique=True)
    position = models.PositiveSmallIntegerField(_("kolejność"), default=0)

    class Meta:
        verbose_name = _("branża")
        verbose_name_plural = _("branże")
        ordering = ["position", "name"]

    def __str__(self):
        return self.name
