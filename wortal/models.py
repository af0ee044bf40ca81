"""Abstract models shared by the apps (no tables of their own)."""

from django.db import models

from wortal.text import unique_slug


class SluggedSearchable(models.Model):
    """A record with a unique slug made from its title and a derived ``search_text``, both kept on every save.

    The concrete model has ``slug``, ``search_text`` and ``updated_at`` fields, names the field its slug comes
    from (``slug_source``) and builds its search text (``build_search_text``).
    """

    slug_source = "title"
    slug_fallback = "wpis"

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if not self.slug:
            source = getattr(self, self.slug_source)
            self.slug = unique_slug(type(self), source, self.pk, fallback=self.slug_fallback)
        self.search_text = self.build_search_text()
        if kwargs.get("update_fields") is not None:
            # A partial save still refreshes what is derived from the fields it writes.
            kwargs["update_fields"] = {*kwargs["update_fields"], "search_text", "updated_at"}
        super().save(*args, **kwargs)

    def build_search_text(self) -> str:
        raise NotImplementedError
