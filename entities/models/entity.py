import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from entities.geo import location_errors
from entities.identifiers import KrsField, NipField, PostalCodeField, RegonField, format_nip
from entities.search import entity_search, identifier_matches
from search.analysis import index_text
from wortal.collation import POLISH_COLLATION
from wortal.models import SluggedSearchable
from wortal.uploads import GeneratedName

from .sector import Sector
from .status import PSStatus
from .territory import Gmina, Powiat


class LegalForm(models.TextChoices):
    """Forms of social-economy entities (ustawa o ekonomii społecznej, art. 2 pkt 5)."""

    SOCIAL_COOPERATIVE = "spoldzielnia-socjalna", _("spółdzielnia socjalna")
    WORKERS_COOPERATIVE = "spoldzielnia-pracy", _("spółdzielnia pracy")
    DISABLED_COOPERATIVE = "spoldzielnia-inwalidow", _("spółdzielnia inwalidów lub niewidomych")
    FARMING_COOPERATIVE = "spoldzielnia-produkcji-rolnej", _("spółdzielnia produkcji rolnej")
    FOUNDATION = "fundacja", _("fundacja")
    ASSOCIATION = "stowarzyszenie", _("stowarzyszenie")
    KGW = "kgw", _("koło gospodyń wiejskich")
    OTHER_NGO = "inna-ngo", _("inna organizacja pozarządowa")
    CHURCH_ENTITY = "koscielna-osoba-prawna", _("kościelna osoba prawna")
    JST_ASSOCIATION = "stowarzyszenie-jst", _("stowarzyszenie jednostek samorządu terytorialnego")
    NONPROFIT_COMPANY = "spolka-non-profit", _("spółka non-profit")
    CIS = "cis", _("centrum integracji społecznej (CIS)")
    KIS = "kis", _("klub integracji społecznej (KIS)")
    WTZ = "wtz", _("warsztat terapii zajęciowej (WTZ)")
    ZAZ = "zaz", _("zakład aktywności zawodowej (ZAZ)")

    @classmethod
    def units(cls):
        """Reintegration units, usually run by another legal entity."""
        return [cls.CIS, cls.KIS, cls.WTZ, cls.ZAZ]


# Separates the weighted parts of search_text; never produced by folding (only [a-z0-9] and spaces are).
SEARCH_PART_SEPARATOR = " |"

# Generated names: what a person called the file is never used on disk (the migrations know it by this name).
logo_upload_to = GeneratedName("entities/logos")


class EntityQuerySet(models.QuerySet):
    def published(self):
        return self.filter(state=Entity.State.PUBLISHED)

    def of_member(self, user):
        """The organisations a person belongs to and may act for (propose changes, report initiatives)."""
        return self.exclude(state=Entity.State.ARCHIVED).filter(memberships__user=user)

    def verification_overdue(self, today=None):
        """Never verified, or last verified more than VERIFICATION_MAX_AGE_DAYS (a year) ago."""
        cutoff = (today or timezone.localdate()) - datetime.timedelta(days=settings.VERIFICATION_MAX_AGE_DAYS)
        return self.filter(models.Q(last_verified_on__isnull=True) | models.Q(last_verified_on__lt=cutoff))

    def for_powiat(self, powiat):
        return self.filter(gmina__powiat=powiat)

    @staticmethod
    def _ps_status_in_force(on=None):
        return models.Exists(PSStatus.objects.in_force(on).filter(entity=models.OuterRef("pk")))

    def with_ps_status(self, on=None):
        return self.annotate(has_ps_status=self._ps_status_in_force(on))

    def having_ps_status(self, on=None):
        return self.filter(self._ps_status_in_force(on))

    def search(self, query: str):
        """Entities matching every word of the query, best matches first (see ``entities/search.py``)."""
        return entity_search(self, query)

    def matching_identifier(self, query: str):
        """Entities whose NIP, REGON or KRS is the query in any common format, or None if it is no identifier."""
        return identifier_matches(self, query)

    def for_list(self):
        """What a list card needs, in a fixed number of queries.

        The PS status is prefetched for the page's rows only: as an annotation it would be evaluated for
        every row skipped by a deep OFFSET.
        """
        return self.select_related("gmina__powiat").prefetch_related(
            models.Prefetch("sectors", queryset=Sector.objects.order_by("position", "name")),
            models.Prefetch(
                "ps_statuses", queryset=PSStatus.objects.in_force(), to_attr="ps_statuses_in_force"
            ),
        )


class Entity(SluggedSearchable):
    class State(models.TextChoices):
        DRAFT = "draft", _("szkic")
        PENDING = "pending", _("oczekuje na moderację")
        PUBLISHED = "published", _("opublikowany")
        ARCHIVED = "archived", _("zarchiwizowany")

    # Polish alphabetical order wherever names are sorted, in the database and its indexes (wortal/collation.py).
    name = models.CharField(_("nazwa"), max_length=300, db_collation=POLISH_COLLATION)
    short_name = models.CharField(_("nazwa skrócona"), max_length=100, blank=True)
    slug = models.SlugField(
        _("adres profilu"),
        max_length=120,
        unique=True,
        blank=True,
        help_text=_("Tworzony z nazwy, bez polskich znaków; zostaw puste, by utworzyć automatycznie."),
    )
    legal_form = models.CharField(_("forma prawna"), max_length=40, choices=LegalForm.choices)
    running_entity = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="units",
        verbose_name=_("jednostka prowadząca"),
        help_text=_("Dla CIS, KIS, WTZ i ZAZ: podmiot, który prowadzi jednostkę."),
    )
    krs = KrsField(_("numer KRS"), unique=True)
    nip = NipField(_("NIP"), unique=True)
    regon = RegonField(_("REGON"), unique=True)

    street = models.CharField(_("ulica i numer"), max_length=200, blank=True)
    postal_code = PostalCodeField(_("kod pocztowy"), blank=True)
    town = models.CharField(_("miejscowość"), max_length=100)
    gmina = models.ForeignKey(
        Gmina, on_delete=models.PROTECT, related_name="entities", verbose_name=_("gmina")
    )
    latitude = models.DecimalField(
        _("szerokość geograficzna"),
        max_digits=8,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    longitude = models.DecimalField(
        _("długość geograficzna"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )

    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("telefon"), max_length=40, blank=True)
    website = models.URLField(_("strona internetowa"), blank=True)

    description = models.TextField(_("opis"), blank=True)
    offer = models.TextField(_("oferta produktów i usług"), blank=True)
    sectors = models.ManyToManyField(Sector, blank=True, related_name="entities", verbose_name=_("branże"))
    powiaty_served = models.ManyToManyField(
        Powiat, blank=True, related_name="entities_serving", verbose_name=_("obsługiwane powiaty")
    )
    year_founded = models.PositiveSmallIntegerField(
        _("rok założenia"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1800), MaxValueValidator(2100)],
    )
    logo = models.ImageField(_("logo"), upload_to=logo_upload_to, blank=True)

    # A person's data (RODO): shown on the profile only while contact_consent is true, never in exports.
    contact_name = models.CharField(_("osoba kontaktowa"), max_length=200, blank=True)
    contact_email = models.EmailField(_("e-mail osoby kontaktowej"), blank=True)
    contact_phone = models.CharField(_("telefon osoby kontaktowej"), max_length=40, blank=True)
    contact_consent = models.BooleanField(
        _("zgoda na publikację danych osoby kontaktowej"),
        default=False,
        help_text=_("Bez zgody dane osoby kontaktowej nie są publikowane."),
    )

    state = models.CharField(_("stan publikacji"), max_length=20, choices=State.choices, default=State.DRAFT)
    created_at = models.DateTimeField(_("utworzono"), auto_now_add=True)
    updated_at = models.DateTimeField(_("zmieniono"), auto_now=True)
    last_verified_on = models.DateField(
        _("ostatnio zweryfikowano"),
        null=True,
        blank=True,
        help_text=_("Dzień, w którym redakcja potwierdziła dane w rejestrze lub u organizacji."),
    )
    last_verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("zweryfikował(a)"),
        help_text=_("Kto z redakcji ostatnio potwierdził dane."),
    )
    # Folded words of the searchable fields, kept up to date on save; indexed for full-text search.
    search_text = models.TextField(editable=False, default="")

    slug_source, slug_fallback = "name", "podmiot"
    objects = EntityQuerySet.as_manager()
    # Every change, by whom and when (admin, bulk actions, imports); search_text is derived, so not kept.
    # The contact person's data stay out of history: deleting an account must erase them everywhere (RODO).
    history = HistoricalRecords(
        excluded_fields=["search_text", "contact_name", "contact_email", "contact_phone", "contact_consent"],
        verbose_name=_("historia podmiotu"),
    )

    class Meta:
        verbose_name = _("podmiot ekonomii społecznej")
        verbose_name_plural = _("podmioty ekonomii społecznej")
        ordering = ["name", "pk"]
        indexes = [
            models.Index(fields=["state", "-updated_at"], name="entity_state_updated_idx"),
            # Counting published rows and joining them to PS statuses as an index-only scan (93 ms -> 18 ms
            # for "ps=1" at 100,000 entities).
            models.Index(fields=["state", "id"], name="entity_state_id_idx"),
            # Deep pages (wortal/pagination.py): the OFFSET walks these as index-only scans, in the lists'
            # exact orders (name, pk) and (-updated_at, pk), and reads full rows only for the page's 20 keys.
            # The gmina, legal form and founding year ride along, so the facet index (entities/facets.py) reads
            # the whole registry in name order without the heap (15 ms instead of 700 at 100,000 entities).
            models.Index(
                fields=["state", "name", "id"],
                include=["gmina", "legal_form", "year_founded"],
                name="entity_state_name_cover_idx",
            ),
            models.Index(fields=["state", "-updated_at", "id"], name="entity_state_updated_id_idx"),
            # Filters of the registry: a legal form in name order, and a territory counted without the heap.
            models.Index(fields=["state", "legal_form", "name", "id"], name="entity_state_form_name_idx"),
            models.Index(fields=["gmina", "state", "legal_form", "id"], name="entity_gmina_state_form_idx"),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("entities:detail", kwargs={"slug": self.slug})

    def clean(self):
        super().clean()
        errors = location_errors(self.latitude, self.longitude, self.gmina if self.gmina_id else None)
        if errors:
            raise ValidationError(errors)

    def build_search_text(self) -> str:
        """Folded words and lemmas in three parts, name | town | the rest, weighted A, B and C for relevance.

        The parts are split again by PostgreSQL's generated ``search_vector`` column (migration 0009).
        """
        seen: set[str] = set()  # a word counts once, in its most important part
        parts = (
            index_text(self.name, self.short_name, seen=seen),
            index_text(self.town, seen=seen),
            index_text(self.get_legal_form_display(), self.description, self.offer, seen=seen),
        )
        return f"{SEARCH_PART_SEPARATOR}".join(parts)

    def vocabulary_texts(self) -> tuple[str, ...]:
        """The words "Czy chodziło Ci o: …" may offer (search/vocabulary.py)."""
        return (self.name, self.short_name, self.town)

    @property
    def is_published(self):
        return self.state == self.State.PUBLISHED

    @property
    def has_public_contact(self):
        return self.contact_consent and bool(self.contact_name or self.contact_email or self.contact_phone)

    @property
    def is_unit(self):
        return self.legal_form in LegalForm.units()

    def get_legal_form_display(self):
        """Django's generated version builds a dict of every translated choice on each call (a list card
        paid ~1 ms for it); the enum answers directly."""
        try:
            return str(LegalForm(self.legal_form).label)
        except ValueError:
            return self.legal_form

    @property
    def nip_display(self):
        return format_nip(self.nip)

    @property
    def powiat(self):
        return self.gmina.powiat

    def current_ps_status(self, on=None):
        return self.ps_statuses.in_force(on).first()

    def publish(self):
        self.state = self.State.PUBLISHED
        self.save(update_fields=["state"])

    def archive(self):
        self.state = self.State.ARCHIVED
        self.save(update_fields=["state"])

    def mark_verified(self, by=None, on=None):
        self.last_verified_on = on or timezone.localdate()
        self.last_verified_by = by
        self.save(update_fields=["last_verified_on", "last_verified_by"])

    def schema_org(self, base_url: str) -> dict:
        """schema.org Organization for the profile's JSON-LD."""
        data = {
            "@context": "https://schema.org",
            "@type": "Organization",
            "name": self.name,
            "url": base_url + self.get_absolute_url(),
            "address": {
                "@type": "PostalAddress",
                "streetAddress": self.street,
                "postalCode": self.postal_code,
                "addressLocality": self.town,
                "addressRegion": "małopolskie",
                "addressCountry": "PL",
            },
        }
        optional = {
            "alternateName": self.short_name,
            "description": self.description,
            "email": self.email,
            "telephone": self.phone,
            "sameAs": self.website,
            "taxID": self.nip,
            "foundingDate": str(self.year_founded) if self.year_founded else "",
            "logo": base_url + self.logo.url if self.logo else "",
        }
        data.update({key: value for key, value in optional.items() if value})
        identifiers = [("KRS", self.krs), ("REGON", self.regon)]
        present = [{"@type": "PropertyValue", "propertyID": k, "value": v} for k, v in identifiers if v]
        if present:
            data["identifier"] = present
        if self.latitude is not None and self.longitude is not None:
            data["geo"] = {
                "@type": "GeoCoordinates",
                "latitude": float(self.latitude),
                "longitude": float(self.longitude),
            }
        return data
