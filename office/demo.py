"""Example operator details for the demo, marked as examples on the pages (``example_values``)."""

import datetime
import io

from django.core.files.base import ContentFile
from PIL import Image, ImageDraw

from office.models import SiteSettings

EXAMPLE = {
    "operator_name": "Regionalny Ośrodek Polityki Społecznej w Krakowie",
    "operator_short_name": "ROPS",
    "operator_url": "https://example.org/rops",
    "address": "ul. Przykładowa 1\n30-000 Kraków",
    "phone": "+48 12 000 00 00",
    "email": "wortal@example.org",
    "opening_hours": "poniedziałek–piątek 7:30–15:30",
    "bip_url": "https://bip.example.org/",
    "contact_form_recipient": "redakcja@example.org",
    "dpo_name": "Inspektor Ochrony Danych (przykład)",
    "dpo_email": "iod@example.org",
    "accessibility_coordinator_name": "Anna Przykładowa (przykład)",
    "accessibility_coordinator_email": "dostepnosc@example.org",
    "accessibility_coordinator_phone": "+48 12 000 00 01",
    "accessibility_published_on": datetime.date(2026, 11, 1),
    "accessibility_updated_on": datetime.date(2026, 11, 27),
    "accessibility_statement_prepared_on": datetime.date(2026, 11, 27),
    "accessibility_statement_reviewed_on": datetime.date(2026, 11, 27),
    "funding_bar_alt": "Przykładowy pasek logotypów: Fundusze Europejskie, Rzeczpospolita Polska, Unia Europejska",
    "funding_note": "Przykład: projekt współfinansowany ze środków Unii Europejskiej.",
}


def _png(size, colour, label_boxes):
    image = Image.new("RGB", size, "white")
    draw = ImageDraw.Draw(image)
    for box in label_boxes:
        draw.rectangle(box, fill=colour)
    output = io.BytesIO()
    image.save(output, format="PNG")
    return output.getvalue()


def seed_site_settings() -> bool:
    """Fill the settings with example values unless an editor has already entered real ones."""
    site = SiteSettings.get_solo()
    if not site.example_values and site.email:
        return False
    for name, value in EXAMPLE.items():
        setattr(site, name, value)
    site.example_values = True
    if not site.operator_logo:
        logo = _png((160, 64), "#0a4b80", [(8, 8, 56, 56), (64, 20, 150, 44)])
        site.operator_logo.save("logo.png", ContentFile(logo), save=False)
    if not site.funding_bar:
        bar = _png((900, 90), "#1d4f91", [(20, 15, 200, 75), (260, 15, 440, 75), (500, 15, 680, 75)])
        site.funding_bar.save("pasek.png", ContentFile(bar), save=False)
    site.save()
    return True
