"""What members type into the initiative form, as the browser posts it."""

from initiatives.member.forms import MAX_LINKS
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
    data.update(links_post([]))
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def links_post(links, initial=0):
    """The links' rows: the given (label, url) pairs, then empty rows up to MAX_LINKS.

    ``initial`` is how many rows the page showed filled in (the report's current links), as the browser
    sends it back in the management form.
    """
    data = {
        "odnosniki-TOTAL_FORMS": str(MAX_LINKS),
        "odnosniki-INITIAL_FORMS": str(initial),
        "odnosniki-MIN_NUM_FORMS": "0",
        "odnosniki-MAX_NUM_FORMS": str(MAX_LINKS),
    }
    rows = list(links) + [("", "")] * (MAX_LINKS - len(links))
    for index, (label, url) in enumerate(rows):
        data[f"odnosniki-{index}-label"] = label
        data[f"odnosniki-{index}-url"] = url
    return data


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
    current = [(link.label, link.url) for link in initiative.links.all()]
    data.update(links_post(current, initial=len(current)))
    data["organisers"] = [str(pk) for pk in initiative.organisers.values_list("pk", flat=True)]
    data["powiaty"] = [str(pk) for pk in initiative.powiaty.values_list("pk", flat=True)]
    data.update(overrides)
    return data
