"""Two editors saving one object at the same moment: real threads and transactions on PostgreSQL.

Before, E1 changing one field and E2 another both got "saved" and one change silently disappeared (10 of 15
rounds for an entity). The version check now locks the row while it compares, so in every round exactly one
save goes through and the other is refused with a message naming who saved first.
"""

import pytest
from django.test import Client
from django.urls import reverse

from tests.editors.test_history_and_actions import form_data
from tests.factories import EntityFactory, EventFactory, FilmFactory, InitiativeFactory, PostFactory, redaktor
from tests.moderation.races import race

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

# (factory, admin URL prefix, E1's field, E2's field, rounds)
CASES = [
    (EntityFactory, "entities_entity", "short_name", "phone", 5),
    (InitiativeFactory, "initiatives_initiative", "title", "partners", 2),
    (PostFactory, "news_post", "title", "lead", 2),
    (FilmFactory, "news_film", "title", "transcript", 2),
    (EventFactory, "news_event", "title", "address", 2),
]


def change_form(client, url):
    """The form as the editor sees it, without the inlines' empty extra rows (a browser sends them blank)."""
    data = form_data(client.get(url))
    for name in [name for name in data if name.endswith("-TOTAL_FORMS")]:
        data[name] = data[name.replace("TOTAL", "INITIAL")]
    return data


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


def test_of_two_simultaneous_saves_exactly_one_goes_through_and_the_other_is_told():
    first, second = signed_in(redaktor("anna")), signed_in(redaktor("bartek"))
    for factory, prefix, first_field, second_field, rounds in CASES:
        obj = factory()
        url = reverse(f"admin:{prefix}_change", args=[obj.pk])
        data = change_form(first, url)
        for round_number in range(rounds):
            obj.refresh_from_db()
            data["version"] = obj.updated_at.isoformat()  # both open the form after the last round's save
            first_value, second_value = f"Zmiana Anny {round_number}", f"Zmiana Bartka {round_number}"
            first_data = {**data, first_field: first_value}
            second_data = {**data, second_field: second_value}
            responses = race(
                lambda url=url, data=first_data: first.post(url, data),
                lambda url=url, data=second_data: second.post(url, data),
            )
            statuses = sorted(response.status_code for response in responses)
            assert statuses == [200, 302], f"{prefix}, round {round_number}: {statuses}"
            refused = next(response for response in responses if response.status_code == 200)
            assert "zmienił(a) w międzyczasie" in refused.content.decode()
            obj.refresh_from_db()
            saved = [getattr(obj, first_field) == first_value, getattr(obj, second_field) == second_value]
            assert sorted(saved) == [False, True], f"{prefix}, round {round_number}: {saved}"
