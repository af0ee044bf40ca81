"""Deleting an account removes the person's data but keeps the organisations' public profiles."""

import os

import pytest
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.urls import reverse

from entities.models import Claim, Entity, EntitySubmission, Membership, SubmissionImage
from tests.factories import ClaimFactory, EntitySubmissionFactory

pytestmark = pytest.mark.django_db
URL = reverse("member:account_delete")


def test_it_asks_for_confirmation_first(client_a, member_a):
    assert client_a.get(URL).status_code == 200
    response = client_a.post(URL, {"password": "haslo-testowe-123"})
    assert response.status_code == 200
    assert get_user_model().objects.filter(pk=member_a.pk).exists()


def test_a_wrong_password_is_refused(client_a, member_a):
    response = client_a.post(URL, {"password": "zle", "confirm": "on"})
    assert "Hasło jest nieprawidłowe." in response.content.decode()
    assert get_user_model().objects.filter(pk=member_a.pk).exists()


def test_it_removes_personal_data_and_keeps_the_public_profile(client_a, member_a, org_a, org_b):
    Entity.objects.filter(pk=org_a.pk).update(
        contact_name="Anna Nowak", contact_email="ANNA@alfa.example.org", contact_consent=True
    )
    decided = EntitySubmissionFactory(
        entity=org_a,
        submitted_by=member_a,
        state="approved",
        data={"contact_name": "Anna Nowak", "phone": "1"},
    )
    EntitySubmissionFactory(entity=org_a, submitted_by=member_a)
    ClaimFactory(entity=org_b, submitted_by=member_a)
    response = client_a.post(URL, {"password": "haslo-testowe-123", "confirm": "on"})
    assert response.status_code == 302
    assert not get_user_model().objects.filter(pk=member_a.pk).exists()
    assert not Membership.objects.exists()
    assert not Claim.objects.exists()
    assert list(EntitySubmission.objects.all()) == [decided]
    decided.refresh_from_db()
    assert decided.submitted_by is None
    assert decided.data == {"phone": "1"}
    org_a.refresh_from_db()
    assert org_a.is_published
    assert (org_a.contact_name, org_a.contact_email, org_a.contact_consent) == ("", "", False)
    assert client_a.get(org_a.get_absolute_url()).status_code == 200
    assert client_a.get(reverse("member:dashboard")).status_code == 302


def test_an_anonymous_visitor_is_sent_to_log_in(client):
    assert client.get(URL).status_code == 302


def test_a_wrong_method_is_refused(client_a):
    assert client_a.put(URL).status_code == 405


def test_it_removes_files_sent_with_pending_submissions(
    client_a, member_a, org_a, django_capture_on_commit_callbacks
):
    pending = EntitySubmissionFactory(entity=org_a, submitted_by=member_a)
    image = SubmissionImage(submission=pending, role="photo", alt_text="Twarz")
    image.image.save("a.jpg", ContentFile(b"x"), save=True)
    path = image.image.path
    with django_capture_on_commit_callbacks(execute=True):
        client_a.post(URL, {"password": "haslo-testowe-123", "confirm": "on"})
    assert not os.path.exists(path)
