"""What people type into the entity forms, as the browser posts it."""

from entities.models import ENTITY_MEMBER_FIELDS
from moderation.diffs import snapshot


def entity_post(**overrides):
    """What a person types into the entity form (new entity or edit), as the browser posts it."""
    data = {
        "name": "Spółdzielnia Socjalna Zielony Zakątek",
        "short_name": "Zielony Zakątek",
        "legal_form": "spoldzielnia-socjalna",
        "krs": "",
        "nip": "PL 856-734-62-15",
        "regon": "",
        "street": "ul. Polna 3",
        "postal_code": "32 700",
        "town": "Bochnia",
        "gmina": "",
        "latitude": "",
        "longitude": "",
        "email": "biuro@zakatek.example.org",
        "phone": "+48 14 612 34 56",
        "website": "https://zakatek.example.org",
        "description": "Prowadzimy ogrody społeczne.",
        "offer": "Pielęgnacja zieleni.",
        "year_founded": "2019",
        "contact_name": "",
        "contact_email": "",
        "contact_phone": "",
        "fax": "",
        "zdjecia-TOTAL_FORMS": "6",
        "zdjecia-INITIAL_FORMS": "0",
        "zdjecia-MIN_NUM_FORMS": "0",
        "zdjecia-MAX_NUM_FORMS": "6",
    }
    for index in range(6):
        data[f"zdjecia-{index}-alt_text"] = ""
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def entity_post_for(entity, **overrides):
    """The edit form as it comes back unchanged for an existing entity."""
    live = snapshot(entity, ENTITY_MEMBER_FIELDS)
    data = entity_post(
        **{
            name: ("" if value is None else value)
            for name, value in live.items()
            if not isinstance(value, (list, bool))
        },
    )
    free = 6 - entity.photos.count()
    data.update({"zdjecia-TOTAL_FORMS": str(free), "zdjecia-MAX_NUM_FORMS": str(free)})
    for index in range(6):
        data.pop(f"zdjecia-{index}-alt_text", None)
    for index in range(free):
        data[f"zdjecia-{index}-alt_text"] = ""
    data["sectors"] = live["sectors"]
    data["powiaty_served"] = live["powiaty_served"]
    if live["contact_consent"]:
        data["contact_consent"] = "on"
    data.update(overrides)
    return data
