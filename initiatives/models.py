from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from entities.models import Entity
from moderation.diffs import FieldChange, field_changes
from moderation.models import ModeratedQuerySet, Submission, SubmittedImage
from search.analysis import index_text
from search.indexing import matching
from wortal.richtext import RichTextField
from wortal.text import unique_slug
from wortal.uploads import PRIVATE_STORAGE, GeneratedName


class Theme(models.TextChoices):
    EMPLOYMENT = "zatrudnienie", _("zatrudnienie i reintegracja")
    SOCIAL_SERVICES = "uslugi-spoleczne", _("usługi społeczne")
    EDUCATION = "edukacja", _("edukacja")
    CULTURE = "kultura", _("kultura")
    ECOLOGY = "ekologia", _("ekologia")
    PARTNERSHIP = "wspolpraca", _("współpraca i partnerstwa")
    LOCAL_DEVELOPMENT = "rozwoj-lokalny", _("rozwój lokalny")


class InitiativeQuerySet(models.QuerySet):
    def published(self):
        return self.filter(state=Initiative.State.PUBLISHED)

    def featured(self):
        return self.published().filter(is_featured=True)

    def visible_to(self, user):
        if user.is_authenticated and user.is_staff:
            return self.all()
        return self.published()

    def search(self, query: str):
        """Every word of the query in the title, summary, description or partners: inflected forms, synonyms
        and abbreviations as in the registry, diacritics ignored (search/indexing.py; the table is small, so
        a LIKE per word is enough on both databases).
        """
        return matching(self, query)

    def in_year(self, year: int):
        """Initiatives running at any time during the year (an open end means still running)."""
        return self.filter(start_date__year__lte=year).filter(
            models.Q(end_date__isnull=True) | models.Q(end_date__year__gte=year)
        )

    def organised_by_member(self, user):
        """Published reports organised by an organisation the person belongs to (members may propose changes)."""
        if not user.is_authenticated:
            return self.none()
        through = Initiative.organisers.through.objects.filter(
            initiative=models.OuterRef("pk"), entity__memberships__user=user
        ).exclude(entity__state=Entity.State.ARCHIVED)
        return self.published().filter(models.Exists(through))

    def for_list(self):
        """What a list card needs, in a fixed number of queries."""
        return self.prefetch_related(
            models.Prefetch("organisers", queryset=Entity.objects.published().only("pk", "name", "slug")),
            "powiaty",
            models.Prefetch("photos", queryset=InitiativePhoto.objects.order_by("position", "pk")),
        ).order_by("-start_date", "-pk")


class Initiative(models.Model):
    """A report on an initiative, so organisations can learn from each other.

    Its publication state mirrors Entity.State. Editors write and publish reports in the admin; members of an
    organising entity submit reports and changes through InitiativeSubmission, moderated like profiles.
    """

    class State(models.TextChoices):
        DRAFT = "draft", _("szkic")
        PENDING = "pending", _("oczekuje na moderację")
        PUBLISHED = "published", _("opublikowana")
        ARCHIVED = "archived", _("zarchiwizowana")

    title = models.CharField(_("tytuł"), max_length=200)
    slug = models.SlugField(
        _("adres"),
        max_length=120,
        unique=True,
        blank=True,
        help_text=_("Tworzony z tytułu, bez polskich znaków; zostaw puste, by utworzyć automatycznie."),
    )
    summary = models.TextField(_("streszczenie"), max_length=600, help_text=_("Dwa, trzy zdania na listę."))
    description = RichTextField(_("opis"), blank=True)
    theme = models.CharField(_("temat"), max_length=30, choices=Theme.choices)
    organisers = models.ManyToManyField(
        Entity, blank=True, related_name="initiatives", verbose_name=_("organizatorzy z bazy podmiotów")
    )
    partners = models.TextField(_("pozostali partnerzy"), blank=True)
    powiaty = models.ManyToManyField(
        "entities.Powiat", blank=True, related_name="initiatives", verbose_name=_("powiaty")
    )
    start_date = models.DateField(_("początek"))
    end_date = models.DateField(_("koniec"), null=True, blank=True, help_text=_("Puste: trwa nadal."))
    results = RichTextField(_("osiągnięte rezultaty"), blank=True)
    state = models.CharField(_("stan publikacji"), max_length=20, choices=State.choices, default=State.DRAFT)
    is_featured = models.BooleanField(
        _("wyróżniona"), default=False, help_text=_("Pokazywana na stronie głównej.")
    )
    created_at = models.DateTimeField(_("utworzono"), auto_now_add=True)
    updated_at = models.DateTimeField(_("zmieniono"), auto_now=True)
    search_text = models.TextField(editable=False, default="")

    objects = InitiativeQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["search_text"], verbose_name=_("historia inicjatywy"))

    class Meta:
        verbose_name = _("inicjatywa")
        verbose_name_plural = _("inicjatywy")
        ordering = ["-start_date", "-pk"]
        indexes = [models.Index(fields=["state", "-start_date"], name="initiative_state_start_idx")]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(Initiative, self.title, self.pk, fallback="inicjatywa")
        self.search_text = self.build_search_text()
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "search_text", "updated_at"}
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("initiatives:detail", kwargs={"slug": self.slug})

    def clean(self):
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("Koniec nie może być przed początkiem.")})

    def build_search_text(self) -> str:
        return index_text(self.title, self.summary, strip_tags(self.description), self.partners)

    @property
    def is_published(self):
        return self.state == self.State.PUBLISHED

    def publish(self):
        self.state = self.State.PUBLISHED
        self.save(update_fields=["state"])

    def archive(self):
        self.state = self.State.ARCHIVED
        self.save(update_fields=["state"])


class InitiativePhoto(models.Model):
    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="photos")
    image = models.ImageField(_("zdjęcie"), upload_to=GeneratedName("initiatives/photos"))
    alt = models.CharField(_("tekst alternatywny"), max_length=250, help_text=_("Co widać na zdjęciu."))
    caption = models.CharField(_("podpis"), max_length=250, blank=True)
    position = models.PositiveSmallIntegerField(_("kolejność"), default=0)

    class Meta:
        verbose_name = _("zdjęcie")
        verbose_name_plural = _("zdjęcia")
        ordering = ["position", "pk"]

    def __str__(self):
        return self.alt


class InitiativeLink(models.Model):
    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="links")
    label = models.CharField(_("opis odnośnika"), max_length=200)
    url = models.URLField(_("adres"))

    class Meta:
        verbose_name = _("odnośnik")
        verbose_name_plural = _("odnośniki")
        ordering = ["pk"]

    def __str__(self):
        return self.label


# --- Members' reports and changes, moderated through the moderation app -----

# What a member of an organising entity may propose. Publication state, featuring, slug and links are the
# editors': they are in no member form, and approving applies nothing outside this list.
INITIATIVE_MEMBER_FIELDS = [
    "title",
    "summary",
    "description",
    "theme",
    "organisers",
    "partners",
    "powiaty",
    "start_date",
    "end_date",
    "results",
]
INITIATIVE_MAX_PHOTOS = 8


class InitiativeSubmissionQuerySet(ModeratedQuerySet):
    def for_list(self):
        return self.select_related("initiative", "entity", "submitted_by", "decided_by")


class InitiativeSubmission(Submission):
    """A member's report on a new initiative, or their proposed changes to one their organisation organises.

    A new report is stored at once as a ``pending`` Initiative (never public before approval) so editors can
    preview it and correct it in the admin; approving publishes it. A change keeps only the changed fields
    in ``data`` and is applied to the live report in one transaction on approval.
    """

    class Kind(models.TextChoices):
        CREATE = "create", _("nowa inicjatywa")
        CHANGE = "change", _("zmiana inicjatywy")

    kind = models.CharField(_("rodzaj"), max_length=20, choices=Kind.choices)
    initiative = models.ForeignKey(
        Initiative,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="submissions",
        verbose_name=_("inicjatywa"),
        help_text=_("Puste, gdy odrzucona propozycja nowej inicjatywy została usunięta."),
    )
    entity = models.ForeignKey(
        Entity,
        on_delete=models.CASCADE,
        related_name="initiative_submissions",
        verbose_name=_("w imieniu organizacji"),
    )
    # Links are rows of their own model, so they are proposed as a whole list ([{"label", "url"}]) that
    # replaces the current one on approval; null means "links unchanged".
    links = models.JSONField(_("proponowane odnośniki"), null=True, blank=True)

    objects = InitiativeSubmissionQuerySet.as_manager()

    class Meta(Submission.Meta):
        verbose_name = _("zgłoszenie inicjatywy")
        verbose_name_plural = _("zgłoszenia inicjatyw")
        indexes = [models.Index(fields=["state", "created_at"], name="initiative_sub_queue_idx")]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.title}"

    def changes(self):
        """Field-by-field comparison of the live report and the proposal, links included."""
        is_change = self.kind == self.Kind.CHANGE and self.initiative_id
        live = self.initiative if is_change else Initiative()
        changes = field_changes(live, self.data, INITIATIVE_MEMBER_FIELDS)
        if self.links is not None:
            current = live.links.all() if live.pk else []
            changes.append(
                FieldChange(
                    name="links",
                    label=str(_("Odnośniki")),
                    live="\n".join(f"{link.label}: {link.url}" for link in current) or "—",
                    proposed="\n".join(f"{link['label']}: {link['url']}" for link in self.links) or "—",
                )
            )
        return changes

    @property
    def title(self):
        if self.kind == self.Kind.CHANGE and self.initiative_id:
            return self.initiative.title
        return self.data.get("title") or (self.initiative.title if self.initiative_id else "")


class InitiativeSubmissionImage(SubmittedImage):
    """A photo sent with a submission: verified and re-encoded on upload, public only once approved."""

    submission = models.ForeignKey(
        InitiativeSubmission, on_delete=models.CASCADE, related_name="images", verbose_name=_("zgłoszenie")
    )
    image = models.ImageField(
        _("plik"), upload_to=GeneratedName("initiatives/submissions"), storage=PRIVATE_STORAGE
    )
    alt = models.CharField(_("tekst alternatywny"), max_length=250)

    class Meta:
        verbose_name = _("zdjęcie w zgłoszeniu")
        verbose_name_plural = _("zdjęcia w zgłoszeniach")
        ordering = ["pk"]

    def __str__(self):
        return self.alt
