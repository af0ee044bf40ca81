"""The newsletter: subscribers with double opt-in, issues composed by editors, and one delivery per recipient.

A subscriber exists only while they want the newsletter: unsubscribing deletes the row (and its delivery
records), and an address never confirmed is deleted after ``NEWSLETTER_CONFIRM_DAYS``. The consent's text and
time are kept while the subscription lasts, to show what the person agreed to.
"""

import datetime
import secrets

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wortal.richtext import RichTextField


def new_token():
    return secrets.token_urlsafe(32)


class Topic(models.TextChoices):
    NEWS = "news", _("aktualności")
    ENTITIES = "entities", _("nowe podmioty w bazie")
    EVENTS = "events", _("wydarzenia")
    PUBLICATIONS = "publications", _("publikacje w bazie wiedzy")


class SubscriberQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(confirmed_at__isnull=False)

    def expired_unconfirmed(self, now=None):
        cutoff = (now or timezone.now()) - datetime.timedelta(days=settings.NEWSLETTER_CONFIRM_DAYS)
        return self.filter(confirmed_at__isnull=True, subscribed_at__lt=cutoff)

    def interested_in(self, topics):
        query = models.Q()
        for topic in topics:
            query |= models.Q(**{f"wants_{topic}": True})
        return self.filter(query) if topics else self.none()


class Subscriber(models.Model):
    email = models.EmailField(_("adres e-mail"), unique=True)
    wants_news = models.BooleanField(_("aktualności"), default=False)
    wants_entities = models.BooleanField(_("nowe podmioty"), default=False)
    wants_events = models.BooleanField(_("wydarzenia"), default=False)
    wants_publications = models.BooleanField(_("publikacje"), default=False)
    powiat = models.ForeignKey(
        "entities.Powiat",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        verbose_name=_("powiat"),
        help_text=_("Nowe podmioty i wydarzenia tylko z tego powiatu (wydarzenia online zawsze)."),
    )
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    consent_text = models.TextField(_("treść zgody"), editable=False)
    subscribed_at = models.DateTimeField(_("zapis"), default=timezone.now, editable=False)
    confirmed_at = models.DateTimeField(_("potwierdzenie zgody"), null=True, blank=True, editable=False)

    objects = SubscriberQuerySet.as_manager()

    class Meta:
        verbose_name = _("subskrybent")
        verbose_name_plural = _("subskrybenci")
        ordering = ["-subscribed_at"]

    def __str__(self):
        return self.email

    @property
    def topics(self):
        return [topic for topic in Topic.values if getattr(self, f"wants_{topic}")]

    def get_unsubscribe_url(self):
        return settings.SITE_URL + reverse("newsletter:unsubscribe", args=[self.token])

    def get_confirm_url(self):
        return settings.SITE_URL + reverse("newsletter:confirm", args=[self.token])

    def confirm(self):
        if self.confirmed_at is None:
            self.confirmed_at = timezone.now()
            self.save(update_fields=["confirmed_at"])


class Issue(models.Model):
    class State(models.TextChoices):
        DRAFT = "draft", _("szkic")
        SENDING = "sending", _("w trakcie wysyłki")
        SENT = "sent", _("wysłane")

    subject = models.CharField(_("temat wiadomości"), max_length=200)
    intro = RichTextField(_("wstęp"), blank=True)
    posts = models.ManyToManyField("news.Post", blank=True, verbose_name=_("aktualności"))
    events = models.ManyToManyField("news.Event", blank=True, verbose_name=_("wydarzenia"))
    publications = models.ManyToManyField("knowledge.Publication", blank=True, verbose_name=_("publikacje"))
    entities = models.ManyToManyField("entities.Entity", blank=True, verbose_name=_("nowe podmioty"))
    state = models.CharField(
        _("stan"), max_length=10, choices=State.choices, default=State.DRAFT, editable=False
    )
    created_at = models.DateTimeField(_("utworzono"), auto_now_add=True)
    started_at = models.DateTimeField(_("początek wysyłki"), null=True, blank=True, editable=False)
    finished_at = models.DateTimeField(_("koniec wysyłki"), null=True, blank=True, editable=False)
    last_error = models.TextField(_("ostatni błąd wysyłki"), blank=True, editable=False)

    class Meta:
        verbose_name = _("wydanie newslettera")
        verbose_name_plural = _("wydania newslettera")
        ordering = ["-created_at"]

    def __str__(self):
        return self.subject

    def topics(self):
        """The topics this issue has items for (a subscriber of none of them gets no message)."""
        present = {
            Topic.NEWS: self.posts.exists(),
            Topic.EVENTS: self.events.exists(),
            Topic.PUBLICATIONS: self.publications.exists(),
            Topic.ENTITIES: self.entities.exists(),
        }
        return [topic for topic, has_items in present.items() if has_items]


class Delivery(models.Model):
    """One issue to one subscriber: created before sending, marked sent in the same transaction as the send."""

    class State(models.TextChoices):
        PENDING = "pending", _("do wysłania")
        SENT = "sent", _("wysłane")

    issue = models.ForeignKey(Issue, on_delete=models.CASCADE, related_name="deliveries")
    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="deliveries")
    state = models.CharField(max_length=10, choices=State.choices, default=State.PENDING)
    sent_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.TextField(blank=True)

    class Meta:
        verbose_name = _("doręczenie")
        verbose_name_plural = _("doręczenia")
        constraints = [
            models.UniqueConstraint(fields=["issue", "subscriber"], name="one_delivery_per_subscriber")
        ]
        indexes = [models.Index(fields=["issue", "state"], name="delivery_issue_state_idx")]

    def __str__(self):
        return f"{self.issue} → {self.subscriber}"
