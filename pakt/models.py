"""The Małopolski Pakt na rzecz Ekonomii Społecznej: what it is, its members, meetings, documents, declarations.

Meetings are events of the news app and documents are publications of the library: the Pakt only marks them
(``PaktMeeting``, ``PaktDocument``), so an event or a report is written once and shown in both places.
A declaration to join is a moderated submission; approving it adds the member (``pakt.moderation``).
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from solo.models import SingletonModel

from moderation.models import Moderated, ModerationState
from wortal.richtext import RichTextField


class MemberKind(models.TextChoices):
    ORGANISATION = "organizacja", _("organizacja pozarządowa lub podmiot ekonomii społecznej")
    INSTITUTION = "instytucja", _("instytucja publiczna lub samorząd")
    COMPANY = "firma", _("przedsiębiorstwo")


class PaktPage(SingletonModel):
    """The text of /pakt/: what the Pakt is and how to join. One row, edited in the admin."""

    title = models.CharField(
        _("tytuł"), max_length=200, default="Małopolski Pakt na rzecz Ekonomii Społecznej"
    )
    intro = models.TextField(_("wstęp"), blank=True, help_text=_("Jedno, dwa zdania pod tytułem."))
    body = RichTextField(_("czym jest Pakt"), blank=True)

    class Meta:
        verbose_name = _("strona Paktu")
        verbose_name_plural = _("strona Paktu")

    def __str__(self):
        return self.title


class PaktMemberQuerySet(models.QuerySet):
    def current(self):
        return self.filter(left_on__isnull=True).order_by("joined_on", "name")


class PaktMember(models.Model):
    name = models.CharField(_("nazwa"), max_length=250)
    kind = models.CharField(_("rodzaj"), max_length=20, choices=MemberKind.choices)
    entity = models.ForeignKey(
        "entities.Entity",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="pakt_memberships",
        verbose_name=_("podmiot z bazy"),
        help_text=_("Gdy członek jest w bazie podmiotów: strona Paktu prowadzi do jego profilu."),
    )
    website = models.URLField(_("strona internetowa"), blank=True)
    joined_on = models.DateField(_("data przystąpienia"), default=timezone.localdate)
    left_on = models.DateField(_("data wystąpienia"), null=True, blank=True)

    objects = PaktMemberQuerySet.as_manager()

    class Meta:
        verbose_name = _("członek Paktu")
        verbose_name_plural = _("członkowie Paktu")
        ordering = ["joined_on", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["entity"],
                condition=models.Q(entity__isnull=False, left_on__isnull=True),
                name="pakt_member_entity_once",
                violation_error_message=_("Ten podmiot już jest członkiem Paktu."),
            )
        ]

    def __str__(self):
        return self.name

    @property
    def profile_url(self):
        """The registry profile, only while it is public."""
        if self.entity_id and self.entity.is_published:
            return self.entity.get_absolute_url()
        return ""


class PaktMeeting(models.Model):
    event = models.OneToOneField(
        "news.Event", on_delete=models.CASCADE, related_name="pakt_meeting", verbose_name=_("wydarzenie")
    )

    class Meta:
        verbose_name = _("spotkanie Paktu")
        verbose_name_plural = _("spotkania Paktu")

    def __str__(self):
        return str(self.event)


class PaktDocument(models.Model):
    publication = models.OneToOneField(
        "knowledge.Publication",
        on_delete=models.CASCADE,
        related_name="pakt_document",
        verbose_name=_("publikacja"),
    )

    class Meta:
        verbose_name = _("dokument Paktu")
        verbose_name_plural = _("dokumenty Paktu")

    def __str__(self):
        return str(self.publication)


class PaktDeclaration(Moderated):
    """A declaration to join, sent by a signed-in person for one of their entities or for an outside institution."""

    entity = models.ForeignKey(
        "entities.Entity",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="pakt_declarations",
        verbose_name=_("podmiot z bazy"),
    )
    institution_name = models.CharField(_("nazwa instytucji spoza bazy"), max_length=250, blank=True)
    kind = models.CharField(_("rodzaj"), max_length=20, choices=MemberKind.choices)
    website = models.URLField(_("strona internetowa"), blank=True)
    representative = models.CharField(_("osoba reprezentująca"), max_length=200)
    statement = models.TextField(_("co chcemy wnieść do Paktu"), max_length=2000)
    member = models.ForeignKey(
        PaktMember,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="declarations",
    )

    class Meta(Moderated.Meta):
        verbose_name = _("deklaracja przystąpienia do Paktu")
        verbose_name_plural = _("deklaracje przystąpienia do Paktu")
        constraints = [
            models.UniqueConstraint(
                fields=["entity"],
                condition=models.Q(state=ModerationState.PENDING, entity__isnull=False),
                name="pakt_one_pending_declaration_per_entity",
                violation_error_message=_("Deklaracja tej organizacji już czeka na decyzję redakcji."),
            )
        ]

    def __str__(self):
        return self.title

    @property
    def title(self):
        return self.entity.name if self.entity_id else self.institution_name

    def clean(self):
        if bool(self.entity_id) == bool(self.institution_name.strip()):
            raise ValidationError(
                _("Wybierz swoją organizację z bazy albo wpisz nazwę instytucji spoza bazy.")
            )
