from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from search.indexing import Searchable
from wortal.richtext import RichTextField


class Page(Searchable):
    """A fixed site page that editors keep up to date ("O portalu", the accessibility statement).

    Each page has a fixed address in the URLs; the key ties the row to it, so editors change the text but
    cannot move or delete the page by accident. Both rows are created by a data migration.
    """

    class Key(models.TextChoices):
        ABOUT = "o-portalu", _("O portalu")
        ACCESSIBILITY = "deklaracja-dostepnosci", _("Deklaracja dostępności")

    key = models.CharField(_("strona"), max_length=40, choices=Key.choices, unique=True)
    title = models.CharField(_("tytuł"), max_length=200)
    description = models.CharField(
        _("opis dla wyszukiwarek"), max_length=300, blank=True, help_text=_("Jedno, dwa zdania.")
    )
    body = RichTextField(_("treść"), blank=True)
    updated_at = models.DateTimeField(_("zmieniono"), auto_now=True)

    SEARCH_FIELDS = ("title", "description", "body")

    class Meta:
        verbose_name = _("strona serwisu")
        verbose_name_plural = _("strony serwisu")
        ordering = ["key"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        # The pages' URL names in wortal/urls.py.
        return reverse({self.Key.ABOUT: "about", self.Key.ACCESSIBILITY: "accessibility"}[self.key])
