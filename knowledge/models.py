"""The knowledge library: publications (reports, guides, presentations, legal acts, templates) and their files."""

from django.db import models
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from knowledge.formats import FORMAT_CHOICES, FORMATS
from knowledge.storage import private_storage
from moderation.models import Moderated
from news.models.publishing import Publishable, PublishableQuerySet
from search.analysis import index_text
from search.indexing import matching
from wortal.richtext import RichTextField, plain_text
from wortal.text import polish_slugify
from wortal.uploads import GeneratedName


class Theme(models.Model):
    name = models.CharField(_("nazwa"), max_length=100, unique=True)
    slug = models.SlugField(_("adres"), max_length=100, unique=True, blank=True)
    position = models.PositiveSmallIntegerField(_("kolejność"), default=0)

    class Meta:
        verbose_name = _("temat publikacji")
        verbose_name_plural = _("tematy publikacji")
        ordering = ["position", "name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = polish_slugify(self.name)[:100]
        super().save(*args, **kwargs)


class Kind(models.TextChoices):
    REPORT = "raport", _("raport lub badanie")
    GUIDE = "poradnik", _("poradnik")
    PRESENTATION = "prezentacja", _("prezentacja")
    LEGAL_ACT = "akt-prawny", _("akt prawny")
    TEMPLATE = "wzor", _("wzór dokumentu")


class PublicationQuerySet(PublishableQuerySet):
    def search(self, query: str):
        """Every word as a prefix of a word in the title, authors, summary or the files' text; no diacritics needed.

        The folded words are kept in ``search_text`` (as for entities and initiatives), so 'diagnoza malopolsk'
        finds "Przedsiębiorstwa społeczne w Małopolsce. Diagnoza" and any phrase from inside its PDF.
        """
        return matching(self, query)

    def for_list(self):
        return self.prefetch_related("themes").defer("search_text").order_by("-year", "-published_at", "-pk")


class Publication(Publishable):
    kind = models.CharField(_("rodzaj"), max_length=20, choices=Kind.choices)
    authors = models.CharField(_("autorzy lub wydawca"), max_length=300)
    year = models.PositiveSmallIntegerField(_("rok wydania"), db_index=True)
    themes = models.ManyToManyField(Theme, blank=True, related_name="publications", verbose_name=_("tematy"))
    summary = RichTextField(
        _("streszczenie"),
        help_text=_(
            "Wymagane: najważniejsze treści publikacji. To dostępna alternatywa dla pliku, "
            "dla osób, które nie otworzą PDF-a ani dokumentu."
        ),
    )
    related_initiatives = models.ManyToManyField(
        "initiatives.Initiative",
        blank=True,
        related_name="publications",
        verbose_name=_("powiązane inicjatywy"),
    )
    related_entities = models.ManyToManyField(
        "entities.Entity", blank=True, related_name="publications", verbose_name=_("powiązane podmioty")
    )
    search_text = models.TextField(editable=False, default="")

    objects = PublicationQuerySet.as_manager()

    class Meta:
        verbose_name = _("publikacja")
        verbose_name_plural = _("publikacje")
        ordering = ["-year", "-published_at", "-pk"]
        indexes = [models.Index(fields=["is_published", "published_at"], name="publication_published_idx")]

    def get_absolute_url(self):
        return reverse("knowledge:detail", kwargs={"slug": self.slug})

    def build_search_text(self):
        """The title, authors, summary and every file's extracted text, analysed as all portal search is
        (search.indexing.Searchable rebuilds it on every save)."""
        files = list(self.files.values_list("extracted_text", flat=True)) if self.pk else []
        return index_text(self.title, self.authors, plain_text(self.summary), *files)

    def refresh_search_text(self):
        """After a file's text was extracted: the stored search text again, without a full save."""
        self.search_text = self.build_search_text()
        type(self).objects.filter(pk=self.pk).update(search_text=self.search_text)


class PublicationFile(models.Model):
    """One file of a publication, stored under a generated name outside MEDIA_ROOT (``knowledge.storage``)."""

    publication = models.ForeignKey(Publication, on_delete=models.CASCADE, related_name="files")
    file = models.FileField(_("plik"), upload_to=GeneratedName("publications"), storage=private_storage)
    label = models.CharField(
        _("opis pliku"),
        max_length=200,
        blank=True,
        help_text=_("Np. „Pełny raport”, „Streszczenie”, „Wzór umowy”."),
    )
    format = models.CharField(_("format"), max_length=10, choices=FORMAT_CHOICES, editable=False)
    size = models.PositiveBigIntegerField(_("rozmiar"), default=0, editable=False)
    original_name = models.CharField(_("nazwa pliku"), max_length=200, editable=False, blank=True)
    extracted_text = models.TextField(_("tekst z pliku"), blank=True, editable=False)
    extraction_error = models.TextField(_("błąd odczytu tekstu"), blank=True, editable=False)
    extracted_at = models.DateTimeField(_("tekst odczytano"), null=True, blank=True, editable=False)
    position = models.PositiveSmallIntegerField(_("kolejność"), default=0)

    class Meta:
        verbose_name = _("plik publikacji")
        verbose_name_plural = _("pliki publikacji")
        ordering = ["position", "pk"]

    def __str__(self):
        return self.label or self.original_name or self.file.name

    def get_absolute_url(self):
        return reverse(
            "knowledge:file",
            kwargs={"slug": self.publication.slug, "pk": self.pk, "name": self.download_name},
        )

    @property
    def format_info(self):
        return FORMATS[self.format]

    @property
    def size_display(self):
        return filesizeformat(self.size)

    @property
    def download_name(self):
        """A safe name for the download: the publication's slug and the real extension."""
        base = polish_slugify(self.label or self.publication.title)[:80] or "plik"
        return f"{base}.{self.format_info.extension}"

    def extract(self):
        """Read the file's text into ``extracted_text``, or record why it could not be read."""
        from knowledge.extraction import ExtractionFailed, extract_text

        try:
            with self.file.open("rb") as stream:
                self.extracted_text, self.extraction_error = extract_text(stream, self.format), ""
        except ExtractionFailed as error:
            self.extracted_text, self.extraction_error = "", str(error)
        except OSError as error:
            self.extracted_text, self.extraction_error = (
                "",
                str(_("Nie udało się otworzyć pliku: %s")) % error,
            )
        self.extracted_at = timezone.now()
        self.save(update_fields=["extracted_text", "extraction_error", "extracted_at"])
        self.publication.refresh_search_text()
        return self.extraction_error


class PublicationProposal(Moderated):
    """An organisation proposes a publication; it waits as an unpublished Publication until an editor approves it.

    Editors preview it at its address and may correct it in the admin first. Approving publishes it; rejecting or
    withdrawing deletes the never-public publication with its files (``knowledge.moderation``).
    """

    publication = models.OneToOneField(
        Publication,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="proposal",
        verbose_name=_("publikacja"),
    )
    entity = models.ForeignKey(
        "entities.Entity",
        on_delete=models.CASCADE,
        related_name="publication_proposals",
        verbose_name=_("organizacja proponująca"),
    )
    proposed_title = models.CharField(_("tytuł"), max_length=200, editable=False)

    class Meta(Moderated.Meta):
        verbose_name = _("propozycja publikacji")
        verbose_name_plural = _("propozycje publikacji")

    def __str__(self):
        return self.title

    @property
    def title(self):
        return self.proposed_title
