"""Organisations' proposals of publications go through the portal's moderation (docs/moderation.md)."""

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from knowledge.models import Publication, PublicationProposal
from moderation import registry
from moderation.diffs import FieldChange
from wortal.richtext import plain_text


class PublicationProposalModeration(registry.Moderation):
    panel_label = gettext_lazy("Propozycje publikacji: %(count)d")
    queue_label = gettext_lazy("propozycje publikacji do bazy wiedzy")
    link_label = gettext_lazy("Publikacja:")
    queue_related = ("entity",)

    def apply(self, item, editor):
        publication = Publication.objects.select_for_update().get(pk=item.publication_id)
        publication.is_published, publication.published_at = True, timezone.now()
        publication.save()

    def discard(self, item):
        """The never-public publication goes, with its files."""
        if item.publication_id is None:
            return
        publication = Publication.objects.select_for_update().get(pk=item.publication_id)
        # Its files leave the disk once the decision commits (knowledge.signals); the proposal's link becomes
        # NULL in the database: forget it here too.
        publication.delete()
        item.publication = None

    def summary(self, item):
        return _("Propozycja publikacji: „%(title)s”") % {"title": item.title}

    def public_url(self, item):
        publication = item.publication
        return publication.get_absolute_url() if publication and publication.is_public else ""

    def changes(self, item):
        publication = item.publication
        if publication is None:
            return []
        files = ", ".join(
            f"{d.original_name} ({d.format_info.label}, {d.size_display})" for d in publication.files.all()
        )
        rows = [
            ("title", _("Tytuł"), publication.title),
            ("kind", _("Rodzaj"), publication.get_kind_display()),
            ("authors", _("Autorzy lub wydawca"), publication.authors),
            ("year", _("Rok wydania"), str(publication.year)),
            ("summary", _("Streszczenie"), plain_text(publication.summary)),
            ("files", _("Pliki"), files or "—"),
        ]
        return [FieldChange(name, label, "—", value) for name, label, value in rows]

    def decision_context(self, item):
        return {"preview_url": item.publication.get_absolute_url() if item.publication_id else ""}


registry.register(PublicationProposal, PublicationProposalModeration)
