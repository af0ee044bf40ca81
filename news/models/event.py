from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from wortal.richtext import RichTextField

from .publishing import Publishable, PublishableQuerySet


class EventQuerySet(PublishableQuerySet):
    def upcoming(self, now=None):
        """Events not yet over (a running event is still upcoming), soonest first."""
        return self.filter(end__gte=now or timezone.now()).order_by("start", "pk")

    def past(self, now=None):
        return self.filter(end__lt=now or timezone.now()).order_by("-start", "-pk")

    def for_list(self):
        return self.select_related("gmina__powiat", "organiser_entity")


class Event(Publishable):
    # Addresses under /wydarzenia/ that belong to pages, not to events.
    RESERVED_SLUGS = {"archiwum"}

    description = RichTextField(_("opis"), blank=True)
    start = models.DateTimeField(_("początek"))
    end = models.DateTimeField(_("koniec"))
    is_online = models.BooleanField(_("wydarzenie online"), default=False)
    address = models.CharField(_("miejsce i adres"), max_length=250, blank=True)
    gmina = models.ForeignKey(
        "entities.Gmina",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="events",
        verbose_name=_("gmina"),
    )
    organiser_name = models.CharField(
        _("organizator"),
        max_length=250,
        blank=True,
        help_text=_("Gdy organizatora nie ma w bazie podmiotów."),
    )
    organiser_entity = models.ForeignKey(
        "entities.Entity",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="events",
        verbose_name=_("organizator z bazy podmiotów"),
    )
    registration_url = models.URLField(_("link do zapisów"), blank=True)

    objects = EventQuerySet.as_manager()
    SEARCH_FIELDS = ("title", "description", "address", "organiser_name")

    history = HistoricalRecords(excluded_fields=["search_text"], verbose_name=_("historia wydarzenia"))

    class Meta:
        verbose_name = _("wydarzenie")
        verbose_name_plural = _("wydarzenia")
        ordering = ["start", "pk"]
        indexes = [models.Index(fields=["is_published", "end", "start"], name="event_published_end_idx")]

    def clean(self):
        errors = {}
        if self.slug in self.RESERVED_SLUGS:
            errors["slug"] = _("Ten adres jest zajęty przez stronę serwisu; wybierz inny.")
        if self.start and self.end and self.end < self.start:
            errors["end"] = _("Koniec wydarzenia nie może być przed jego początkiem.")
        if not self.is_online and not (self.address.strip() and self.gmina_id):
            errors["address"] = _("Podaj miejsce i gminę albo zaznacz, że wydarzenie jest online.")
        if errors:
            raise ValidationError(errors)

    def get_absolute_url(self):
        return reverse("news:event_detail", kwargs={"slug": self.slug})

    def get_ics_url(self):
        return reverse("news:event_ics", kwargs={"slug": self.slug})

    @property
    def organiser(self):
        """The organiser's name: the registry entity when linked and published, else the text."""
        if self.organiser_entity and self.organiser_entity.is_published:
            return self.organiser_entity.name
        return self.organiser_name

    @property
    def location(self):
        if self.is_online:
            return str(_("online"))
        parts = [self.address]
        if self.gmina:
            parts.append(f"{_('gmina')} {self.gmina.name}")
        return ", ".join(part for part in parts if part)

    @property
    def is_past(self):
        return self.end < timezone.now()

    def schema_org(self, base_url: str) -> dict:
        """schema.org Event for the page's JSON-LD, so search engines can list the event."""
        if self.is_online:
            mode, location = (
                "OnlineEventAttendanceMode",
                {"@type": "VirtualLocation", "url": base_url + self.get_absolute_url()},
            )
        else:
            mode = "OfflineEventAttendanceMode"
            location = {
                "@type": "Place",
                "name": self.address,
                "address": {
                    "@type": "PostalAddress",
                    "streetAddress": self.address,
                    "addressLocality": self.gmina.name if self.gmina else "",
                    "addressRegion": "małopolskie",
                    "addressCountry": "PL",
                },
            }
        data = {
            "@context": "https://schema.org",
            "@type": "Event",
            "name": self.title,
            "startDate": self.start.isoformat(),
            "endDate": self.end.isoformat(),
            "eventAttendanceMode": f"https://schema.org/{mode}",
            "eventStatus": "https://schema.org/EventScheduled",
            "location": location,
            "url": base_url + self.get_absolute_url(),
        }
        if self.organiser:
            data["organizer"] = {"@type": "Organization", "name": self.organiser}
        return data
