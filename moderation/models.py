"""The abstract models every moderated submission builds on; the concrete tables stay in their apps."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext_lazy as _


class ModerationState(models.TextChoices):
    PENDING = "pending", _("oczekuje na decyzję redakcji")
    APPROVED = "approved", _("zatwierdzone")
    REJECTED = "rejected", _("odrzucone")
    WITHDRAWN = "withdrawn", _("wycofane")


class ModeratedQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(state=ModerationState.PENDING)

    def submitted_by(self, user):
        return self.filter(submitted_by=user)

    def oldest_first(self):
        return self.order_by("created_at", "pk")


class Moderated(models.Model):
    """Who submitted what and when, and the editor's decision with its reason.

    The state changes only through moderation.services, which locks the row and re-checks that it is still
    pending, so a withdrawal and an approval racing each other cannot both win.
    """

    State = ModerationState

    state = models.CharField(
        _("stan"), max_length=20, choices=ModerationState.choices, default=ModerationState.PENDING
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="%(app_label)s_%(class)s_submitted",
        verbose_name=_("zgłaszający"),
    )
    created_at = models.DateTimeField(_("zgłoszono"), default=timezone.now, db_index=True)
    decided_at = models.DateTimeField(_("decyzja z dnia"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="%(app_label)s_%(class)s_decided",
        verbose_name=_("zdecydował(a)"),
    )
    reason = models.TextField(_("uzasadnienie decyzji"), blank=True)

    objects = ModeratedQuerySet.as_manager()

    class Meta:
        abstract = True
        ordering = ["-created_at", "-pk"]

    @property
    def is_pending(self):
        return self.state == ModerationState.PENDING

    def record_decision(self, state, editor, reason=""):
        self.state = state
        self.decided_by = editor
        self.decided_at = timezone.now()
        self.reason = reason
        self.save(update_fields=["state", "decided_by", "decided_at", "reason"])


class Submission(Moderated):
    """Proposed values of a model's member-editable fields (only the changed ones) and photos to remove.

    A change also keeps what the form showed when the person opened it (``base_values``, from the record
    of ``based_on``): only fields the person changed relative to that are proposed, so a form left open
    never carries back old values of fields changed meanwhile, and editors see what changed since.
    """

    data = models.JSONField(_("proponowane wartości"), default=dict, blank=True)
    photos_removed = models.JSONField(_("zdjęcia do usunięcia"), default=list, blank=True)
    based_on = models.DateTimeField(
        _("wersja rekordu w formularzu"),
        null=True,
        blank=True,
        help_text=_("Kiedy zmieniono rekord, który zgłaszający widział, otwierając formularz."),
    )
    base_values = models.JSONField(_("wartości w formularzu"), null=True, blank=True)

    class Meta(Moderated.Meta):
        abstract = True

    def record_base(self, shown):
        """Keep the record as the form showed it ({"version": ISO time, "values": {...}}, or None)."""
        if shown:
            self.based_on = parse_datetime(shown["version"]) if shown.get("version") else None
            self.base_values = shown.get("values")


class SubmittedImage(models.Model):
    """A file sent with a submission: kept in private storage, seen only by its submitter and editors.

    Concrete models have a ``submission`` foreign key and an ``image`` field with
    ``storage=wortal.uploads.PRIVATE_STORAGE``; approving copies the bytes to the public record.
    """

    class Meta:
        abstract = True

    @property
    def private_url(self):
        return reverse("moderation:submission_image", args=[self._meta.label_lower, self.pk])
