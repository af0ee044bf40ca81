import contextlib

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from news.video import VIMEO, YOUTUBE, embed_url, parse_video_url
from wortal.richtext import RichTextField
from wortal.uploads import GeneratedName

from .publishing import Publishable, PublishableQuerySet


class FilmQuerySet(PublishableQuerySet):
    def for_list(self):
        return self.order_by("-published_at", "-pk")


class Film(Publishable):
    """A film: either an uploaded MP4/WebM file with its poster, or a YouTube/Vimeo address.

    The law on digital accessibility requires captions for recorded video, so an uploaded film needs a WebVTT
    file; a text transcript serves people who cannot watch or listen at all.
    """

    class Provider(models.TextChoices):
        YOUTUBE = YOUTUBE, "YouTube"
        VIMEO = VIMEO, "Vimeo"

    description = RichTextField(_("opis"), blank=True)
    video_file = models.FileField(
        _("plik wideo"),
        upload_to=GeneratedName("films/video"),
        blank=True,
        help_text=_("MP4 albo WebM. Zamiast pliku możesz podać adres filmu w YouTube lub Vimeo."),
    )
    external_url = models.URLField(
        _("adres filmu w YouTube lub Vimeo"),
        blank=True,
        help_text=_("Film z serwisu zewnętrznego ładuje się dopiero po zgodzie osoby odwiedzającej."),
    )
    provider = models.CharField(
        _("serwis"), max_length=10, choices=Provider.choices, blank=True, editable=False
    )
    video_id = models.CharField(_("identyfikator filmu"), max_length=20, blank=True, editable=False)
    poster = models.ImageField(_("kadr (plakat)"), upload_to=GeneratedName("films/posters"), blank=True)
    poster_alt = models.CharField(_("tekst alternatywny kadru"), max_length=250, blank=True)
    captions = models.FileField(
        _("napisy (WebVTT)"),
        upload_to=GeneratedName("films/captions"),
        blank=True,
        help_text=_("Plik .vtt; wymagany dla filmu z pliku."),
    )
    captions_language = models.CharField(_("język napisów"), max_length=10, default="pl")
    transcript = models.TextField(
        _("transkrypcja"), blank=True, help_text=_("Pełny tekst tego, co słychać i widać.")
    )
    duration = models.DurationField(_("czas trwania"), null=True, blank=True)

    objects = FilmQuerySet.as_manager()
    # The transcript makes what is said in a film searchable.
    SEARCH_FIELDS = ("title", "description", "transcript")

    history = HistoricalRecords(excluded_fields=["search_text"], verbose_name=_("historia filmu"))

    class Meta:
        verbose_name = _("film")
        verbose_name_plural = _("filmy")
        ordering = ["-published_at", "-pk"]
        indexes = [models.Index(fields=["is_published", "-published_at"], name="film_published_idx")]

    def clean(self):
        errors = {}
        if bool(self.video_file) == bool(self.external_url):
            errors["external_url"] = _(
                "Dodaj plik wideo albo podaj adres filmu w YouTube lub Vimeo (jedno z dwóch)."
            )
        if self.external_url:
            try:
                parse_video_url(self.external_url)
            except ValidationError as error:
                errors["external_url"] = error.messages
        if self.video_file and not self.captions:
            errors["captions"] = _("Film z pliku musi mieć napisy (plik WebVTT).")
        if self.video_file and not self.poster:
            errors["poster"] = _("Film z pliku potrzebuje kadru (plakatu) wyświetlanego przed odtworzeniem.")
        if self.poster and not self.poster_alt.strip():
            errors["poster_alt"] = _("Opisz kadr: tekst alternatywny jest wymagany, gdy jest obraz.")
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        self.provider, self.video_id = "", ""
        if self.external_url:
            with contextlib.suppress(ValidationError):
                self.provider, self.video_id = parse_video_url(self.external_url)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("news:film_detail", kwargs={"slug": self.slug})

    @property
    def is_external(self):
        return bool(self.provider and self.video_id)

    @property
    def duration_display(self):
        minutes, seconds = divmod(int(self.duration.total_seconds()), 60)
        return f"{minutes}:{seconds:02d}"

    @property
    def video_mime(self):
        return "video/webm" if self.video_file.name.endswith(".webm") else "video/mp4"

    @property
    def embed_url(self):
        return embed_url(self.provider, self.video_id) if self.is_external else ""
