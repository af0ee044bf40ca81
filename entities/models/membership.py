from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from wortal.uploads import GeneratedName

# The name the migrations know this upload_to by.
photo_upload_to = GeneratedName("entities/photos")


class MembershipQuerySet(models.QuerySet):
    def of(self, user):
        if not user.is_authenticated:
            return self.none()
        return self.filter(user=user)


class Membership(models.Model):
    """A person who may propose changes to an organisation's profile. Several per entity are allowed."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("osoba"),
    )
    entity = models.ForeignKey(
        "entities.Entity", on_delete=models.CASCADE, related_name="memberships", verbose_name=_("podmiot")
    )
    created_at = models.DateTimeField(_("od"), auto_now_add=True)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("członkostwo w organizacji")
        verbose_name_plural = _("członkostwa w organizacjach")
        ordering = ["entity__name", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["user", "entity"], name="membership_unique_user_entity")
        ]

    def __str__(self):
        return f"{self.user} – {self.entity}"


class EntityPhoto(models.Model):
    entity = models.ForeignKey(
        "entities.Entity", on_delete=models.CASCADE, related_name="photos", verbose_name=_("podmiot")
    )
    image = models.ImageField(_("zdjęcie"), upload_to=photo_upload_to)
    alt_text = models.CharField(
        _("opis zdjęcia"),
        max_length=200,
        help_text=_("Co widać na zdjęciu – dla osób, które go nie widzą."),
    )
    position = models.PositiveSmallIntegerField(_("kolejność"), default=0)

    class Meta:
        verbose_name = _("zdjęcie podmiotu")
        verbose_name_plural = _("zdjęcia podmiotu")
        ordering = ["position", "pk"]

    def __str__(self):
        return self.alt_text
