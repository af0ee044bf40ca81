"""What members type into the initiative form, as the browser posts it."""

from initiatives.models import INITIATIVE_MAX_PHOTOS


def initiative_post(**overrides):
    data = {
        "title": "Ogród sąsiedzki na Prądniku",
        "theme": "ekologia",
        "summary": "Mieszkańcy i spółdzielnia wspólnie założyli ogród.",
        "description": "Zaczęliśmy wiosną.\n\nDo jesieni powstało dwadzieścia grządek.",
        "results": "20 grządek, 45 osób.",
        "partners": "Rada Dzielnicy III",
        "start_date": "2025-04-01",
        "end_date": "2025-10-31",
        "fax": "",
        "zdjecia-TOTAL_FORMS": str(INITIATIVE_MAX_PHOTOS),
        "zdjecia-INITIAL_FORMS": "0",
        "zdjecia-MIN_NUM_FORMS": "0",
        "zdjecia-MAX_NUM_FORMS": str(INITIATIVE_MAX_PHOTOS),
    }
    for index in range(INITIATIVE_MAX_PHOTOS):
        data[f"zdjecia-{index}-alt_text"] = ""
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def initiative_post_for(initiative, **overrides):
    """The edit form as it comes back unchanged for a published initiative."""
    free = INITIATIVE_MAX_PHOTOS - initiative.photos.count()
    data = initiative_post(
        title=initiative.title,
        theme=initiative.theme,
        summary=initiative.summary,
        description=initiative.description,
        results=initiative.results,
        partners=initiative.partners,
        start_date=initiative.start_date.isoformat(),
        end_date=initiative.end_date.isoformat() if initiative.end_date else "",
    )
    for index in range(INITIATIVE_MAX_PHOTOS):
        data.pop(f"zdjecia-{index}-alt_text", None)
    data.update({"zdjecia-TOTAL_FORMS": str(free), "zdjecia-MAX_NUM_FORMS": str(free)})
    for index in range(free):
        data[f"zdjecia-{index}-alt_text"] = ""
    data["organisers"] = [str(pk) for pk in initiative.organisers.values_list("pk", flat=True)]
    data["powiaty"] = [str(pk) for pk in initiative.powiaty.values_list("pk", flat=True)]
    data.update(overrides)
    return data
