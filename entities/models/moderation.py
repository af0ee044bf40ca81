from django.core.validators import MaxLengthValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from moderation.models import Moderated, ModeratedQuerySet, ModerationState, Submission, SubmittedImage
from wortal.uploads import PRIVATE_STORAGE, GeneratedName

# The public fields a member of an organisation may propose. Publication state, slug, PS status records,
# verification dates and the running-entity link are the editors': they are in no member form, and
# approving a submission applies nothing outside this list.
ENTITY_MEMBER_FIELDS = [
    "name",
    "short_name",
    "legal_form",
    "krs",
    "nip",
    "regon",
    "street",
    "postal_code",
    "town",
    "gmina",
    "latitude",
    "longitude",
    "email",
    "phone",
    "website",
    "description",
    "offer",
    "sectors",
    "powiaty_served",
    "year_founded",
    "contact_name",
    "contact_email",
    "contact_phone",
    "contact_consent",
]
CONTACT_FIELDS = ["contact_name", "contact_email", "contact_phone"]


# The name the migrations know this upload_to by.
submission_upload_to = GeneratedName("entities/submissions")


class Claim(Moderated):
    """'To moja organizacja': a person asks to become a member of an existing profile."""

    entity = models.ForeignKey(
        "entities.Entity", on_delete=models.CASCADE, related_name="claims", verbose_name=_("podmiot")
    )
    justification = models.TextField(
        _("uzasadnienie"),
        validators=[MaxLengthValidator(1000)],
        help_text=_("Kim jesteś w organizacji i jak możemy to potwierdzić (np. funkcja, telefon do biura)."),
    )

    class Meta(Moderated.Meta):
        verbose_name = _("przejęcie profilu")
        verbose_name_plural = _("przejęcia profili")
        constraints = [
            models.UniqueConstraint(
                fields=["submitted_by", "entity"],
                condition=models.Q(state=ModerationState.PENDING),
                name="claim_one_pending_per_person_and_entity",
                violation_error_message=_("Twoje zgłoszenie dotyczące tej organizacji już czeka na decyzję."),
            )
        ]

    def __str__(self):
        return f"{self.entity} ({self.get_state_display()})"


class EntitySubmissionQuerySet(ModeratedQuerySet):
    def for_list(self):
        return self.select_related("entity", "submitted_by", "decided_by")


class EntitySubmission(Submission):
    """A member's proposal: a new entity, a change of an existing profile, or a request to archive it."""

    class Kind(models.TextChoices):
        CREATE = "create", _("nowy podmiot")
        CHANGE = "change", _("zmiana danych")
        ARCHIVE = "archive", _("archiwizacja")

    kind = models.CharField(_("rodzaj"), max_length=20, choices=Kind.choices)
    entity = models.ForeignKey(
        "entities.Entity",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="submissions",
        verbose_name=_("podmiot"),
        help_text=_("Dla nowego podmiotu: profil utworzony po zatwierdzeniu."),
    )
    message = models.TextField(_("wiadomość do redakcji"), blank=True)

    objects = EntitySubmissionQuerySet.as_manager()

    class Meta(Submission.Meta):
        verbose_name = _("zgłoszenie organizacji")
        verbose_name_plural = _("zgłoszenia organizacji")
        indexes = [models.Index(fields=["state", "created_at"], name="entity_submission_queue_idx")]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.title}"

    @property
    def title(self):
        if self.entity_id and self.kind != self.Kind.CREATE:
            return self.entity.name
        return self.data.get("name") or (self.entity.name if self.entity_id else "")


class SubmissionImage(SubmittedImage):
    """A logo or photo sent with a submission: verified and re-encoded on upload, public only once approved."""

    class Role(models.TextChoices):
        LOGO = "logo", _("logo")
        PHOTO = "photo", _("zdjęcie")

    submission = models.ForeignKey(
        EntitySubmission, on_delete=models.CASCADE, related_name="images", verbose_name=_("zgłoszenie")
    )
    role = models.CharField(_("rodzaj"), max_length=10, choices=Role.choices)
    image = models.ImageField(_("plik"), upload_to=submission_upload_to, storage=PRIVATE_STORAGE)
    alt_text = models.CharField(_("opis zdjęcia"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("obraz w zgłoszeniu")
        verbose_name_plural = _("obrazy w zgłoszeniach")
        ordering = ["role", "pk"]

    def __str__(self):
        return self.alt_text or self.get_role_display()
