"""The admin home's reminder while the accessibility statement lacks its coordinator's contact."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from office.models import SiteSettings
from wortal.admin_dashboard import Item, Panel, attention_provider


@attention_provider
def accessibility_coordinator_missing(request):
    if not request.user.has_perm("office.change_sitesettings"):
        return None
    settings = SiteSettings.get_solo()
    if not settings.coordinator_contact_missing:
        return None
    url = reverse("admin:office_sitesettings_change")
    return Panel(
        _("Uwaga: deklaracja dostępności nie ma danych koordynatora"),
        1,
        [
            Item(
                str(_("Uzupełnij imię i nazwisko oraz e-mail lub telefon koordynatora do spraw dostępności")),
                url,
                str(_("wymaga tego ustawa o dostępności cyfrowej")),
            )
        ],
        url,
        _("Ustawienia serwisu"),
    )
