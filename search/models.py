from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from wortal.text import words


class SynonymGroup(models.Model):
    """Words and phrases that mean the same for a search: "CIS, centrum integracji społecznej".

    A query word that is one of the single words of a group (in any inflected form) also finds the texts that
    contain any other phrase of the group. The expansion happens when a query is read, so a change takes
    effect at once and nothing has to be re-indexed (see docs/search.md).
    """

    phrases = models.TextField(
        _("słowa i wyrażenia"),
        help_text=_(
            "Oddzielone przecinkami, np. „ZAZ, zakład aktywności zawodowej”. Wpisanie jednego słowa z grupy "
            "znajduje teksty z każdym z pozostałych."
        ),
    )
    is_active = models.BooleanField(_("włączona"), default=True)
    updated_at = models.DateTimeField(_("zmieniono"), auto_now=True)

    class Meta:
        verbose_name = _("grupa synonimów")
        verbose_name_plural = _("synonimy i skróty")
        ordering = ["phrases"]

    def __str__(self):
        return self.phrases

    def phrase_list(self) -> list[str]:
        return [phrase.strip() for phrase in self.phrases.replace("\n", ",").split(",") if phrase.strip()]

    def clean(self):
        phrases = self.phrase_list()
        if len(phrases) < 2:
            raise ValidationError(
                {"phrases": _("Podaj co najmniej dwa słowa lub wyrażenia, oddzielone przecinkami.")}
            )
        if any(not words(phrase) for phrase in phrases):
            raise ValidationError({"phrases": _("Każde wyrażenie musi zawierać litery lub cyfry.")})
        self.phrases = ", ".join(phrases)


class Word(models.Model):
    """A word of the names people search for (entities, titles): the vocabulary of "Czy chodziło Ci o: …".

    Filled when an entity or a page is saved and by ``manage.py reindex_search``; trigram-indexed on
    PostgreSQL (migration 0003), so a misspelt word finds its closest neighbours quickly.
    """

    word = models.CharField(_("słowo bez polskich znaków"), max_length=60, unique=True)
    display = models.CharField(_("słowo"), max_length=60)

    class Meta:
        verbose_name = _("słowo wyszukiwarki")
        verbose_name_plural = _("słowa wyszukiwarki")

    def __str__(self):
        return self.display
