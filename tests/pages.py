"""Walking the registry's list page by page, as a visitor following "Następna" would."""

from django.urls import reverse


def walk_list(client, params: dict) -> tuple[list[int], int]:
    """Every key the registry's list shows for these parameters, page after page, and the count it states."""
    keys, number = [], 1
    while True:
        page = client.get(reverse("entities:list"), {**params, "page": number}).context["page"]
        keys += [row.pk for row in page.object_list]
        if not page.has_next():
            return keys, page.paginator.count
        number += 1
