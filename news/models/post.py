from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from wortal.richtext import RichTextField
from wortal.uploads import GeneratedName

from .publishing import Publishable, PublishableQuerySet


class Category(models.Model):
    name = models.CharField(_("nazwa"), max_length=80, unique=True)
    slug = models.SlugField(_("adres"), max_length=80, unique=True)

    class Meta:
        verbose_name = _("kategoria")
        verbose_name_plural = _("kategorie")
        ordering = ["name"]

    def __str__(self):
        return self.name


class PostQuerySet(PublishableQuerySet):
    def for_list(self):
        """What a list card needs, in a fixed number of queries."""
        return self.prefetch_related("categories").order_by("-published_at", "-pk")


class Post(Publishable):
    lead = models.TextField(_("lead"), max_length=600, help_text=_("Dwa, trzy zdania: pokazywane na liście."))
    body = RichTextField(
        _("treść"),
        blank=True,
        help_text=_(
            "HTML: nagłówki h2–h4, akapity, listy, odnośniki, pogrubienie, kursywa, cytaty. "
            "Inne znaczniki są usuwane przy zapisie."
        ),
    )
    lead_image = models.ImageField(_("zdjęcie główne"), upload_to=GeneratedName("news/images"), blank=True)
    lead_image_alt = models.CharField(
        _("tekst alternatywny zdjęcia"),
        max_length=250,
        blank=True,
        help_text=_("Co widać na zdjęciu, dla osób, które go nie widzą. Wymagany, gdy jest zdjęcie."),
    )
    categories = models.ManyToManyField(
        Category, blank=True, related_name="posts", verbose_name=_("kategorie")
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="posts",
        verbose_name=_("autor"),
    )
    related_entities = models.ManyToManyField(
        "entities.Entity", blank=True, related_name="posts", verbose_name=_("powiązane podmioty")
    )
    related_initiatives = models.ManyToManyField(
        "initiatives.Initiative", blank=True, related_name="posts", verbose_name=_("powiązane inicjatywy")
    )

    objects = PostQuerySet.as_manager()
    SEARCH_FIELDS = ("title", "lead", "body")

    history = HistoricalRecords(excluded_fields=["search_text"], verbose_name=_("historia aktualności"))

    class Meta:
        verbose_name = _("aktualność")
        verbose_name_plural = _("aktualności")
        ordering = ["-published_at", "-pk"]
        indexes = [models.Index(fields=["is_published", "-published_at"], name="post_published_idx")]

    def clean(self):
        if self.lead_image and not self.lead_image_alt.strip():
            raise ValidationError(
                {"lead_image_alt": _("Opisz zdjęcie: tekst alternatywny jest wymagany, gdy jest zdjęcie.")}
            )

    def get_absolute_url(self):
        return reverse("news:detail", kwargs={"slug": self.slug})

    @property
    def author_name(self):
        if not self.author:
            return ""
        return self.author.get_full_name() or self.author.get_username()
