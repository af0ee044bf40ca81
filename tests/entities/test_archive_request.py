"""A member asks to archive their entity; it stays in the database, hidden from the public list."""

import pytest
from django.urls import reverse

from entities.models import EntitySubmission

pytestmark = pytest.mark.django_db


def url(entity):
    return reverse("member:entity_archive", args=[entity.slug])


def test_a_member_asks_to_archive_and_the_profile_stays_until_an_editor_decides(client_a, org_a, member_a):
    assert client_a.get(url(org_a)).status_code == 200
    response = client_a.post(url(org_a), {"message": "Zakończyliśmy działalność."})
    assert response.status_code == 302
    request = EntitySubmission.objects.get()
    assert (request.kind, request.entity, request.message) == ("archive", org_a, "Zakończyliśmy działalność.")
    org_a.refresh_from_db()
    assert org_a.is_published


def test_another_organisations_member_and_visitors_cannot_ask(client, client_b, org_a):
    assert client_b.post(url(org_a), {"message": "Złośliwie."}).status_code == 404
    client.logout()
    assert client.post(url(org_a)).status_code == 302
    assert not EntitySubmission.objects.exists()


def test_a_wrong_method_is_refused(client_a, org_a):
    assert client_a.put(url(org_a)).status_code == 405
