"""Declarations to join the Pakt go through the portal's moderation (docs/moderation.md)."""

from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from moderation import registry
from moderation.diffs import FieldChange
from pakt.models import PaktDeclaration, PaktMember


class PaktDeclarationModeration(registry.Moderation):
    panel_label = gettext_lazy("Deklaracje przystąpienia do Paktu: %(count)d")
    queue_label = gettext_lazy("deklaracje przystąpienia do Paktu")
    link_label = gettext_lazy("Strona Paktu:")
    queue_related = ("entity",)

    def apply(self, item, editor):
        """The declarant becomes a member from today; an entity already in the Pakt is refused."""
        if (
            item.entity_id
            and PaktMember.objects.select_for_update().current().filter(entity=item.entity_id).exists()
        ):
            raise ValidationError(_("Ta organizacja już jest członkiem Paktu."))
        item.member = PaktMember.objects.create(
            name=item.title,
            kind=item.kind,
            entity=item.entity,
            website=item.website or (item.entity.website if item.entity_id else ""),
            joined_on=timezone.localdate(),
        )
        item.save(update_fields=["member"])

    def summary(self, item):
        return _("Deklaracja przystąpienia do Paktu: „%(name)s”") % {"name": item.title}

    def public_url(self, item):
        return reverse("pakt:page")

    def changes(self, item):
        rows = [
            ("name", _("Członek"), item.title),
            ("kind", _("Rodzaj"), item.get_kind_display()),
            ("representative", _("Osoba reprezentująca"), item.representative),
            ("website", _("Strona internetowa"), item.website or "—"),
            ("statement", _("Co chce wnieść do Paktu"), item.statement),
        ]
        return [FieldChange(name, label, "—", value) for name, label, value in rows]


registry.register(PaktDeclaration, PaktDeclarationModeration)
