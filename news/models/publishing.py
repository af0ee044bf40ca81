from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from search.indexing import Searchable
from wortal.text import unique_slug


class PublishableQuerySet(models.QuerySet):
    def published(self, now=None):
        """Switched on by an editor and dated in the past: a future date keeps an item hidden until then."""
        return self.filter(is_published=True, published_at__lte=now or timezone.now())

    def visible_to(self, user):
        """Editors see drafts and scheduled items (as a preview); everyone else only what is published."""
        if user.is_authenticated and user.is_staff:
            return self.all()
        return self.published()


class Publishable(Searchable):
    """Shared by posts, films and events: a slug, an on/off switch and a publication date-time."""

    title = models.CharField(_("tytuł"), max_length=200)
    slug = models.SlugField(
        _("adres"),
        max_length=120,
        unique=True,
        blank=True,
        help_text=_("Tworzony z tytułu, bez polskich znaków; zostaw puste, by utworzyć automatycznie."),
    )
    is_published = models.BooleanField(
        _("opublikowany"),
        default=False,
        help_text=_("Widoczny publicznie, gdy zaznaczony i gdy data publikacji już minęła."),
    )
    published_at = models.DateTimeField(
        _("data publikacji"),
        default=timezone.now,
        db_index=True,
        help_text=_("Przyszła data: wpis pojawi się dopiero wtedy."),
    )
    created_at = models.DateTimeField(_("utworzono"), auto_now_add=True)
    updated_at = models.DateTimeField(_("zmieniono"), auto_now=True)

    class Meta:
        abstract = True

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(
                type(self), self.title, self.pk, reserved=getattr(self, "RESERVED_SLUGS", ())
            )
        super().save(*args, **kwargs)

    def publish(self):
        self.is_published = True
        self.save(update_fields=["is_published", "updated_at"])

    def archive(self):
        """Withdraw from the site (kept, with its history, for the editors)."""
        self.is_published = False
        self.save(update_fields=["is_published", "updated_at"])

    @property
    def is_public(self):
        return self.is_published and self.published_at <= timezone.now()
