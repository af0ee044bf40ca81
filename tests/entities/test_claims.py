"""'To moja organizacja': asking for access to an existing profile."""

import pytest
from django.core import mail
from django.urls import reverse

from entities.models import Claim, Entity, Membership
from moderation import services
from tests.factories import ClaimFactory, EntityFactory, verified_user

pytestmark = pytest.mark.django_db


def url(entity):
    return reverse("member:claim", args=[entity.slug])


@pytest.fixture
def newcomer(client):
    user = verified_user("nowa@example.org")
    client.force_login(user)
    return user


def test_the_public_profile_offers_a_claim(client, org_a):
    assert url(org_a) in client.get(org_a.get_absolute_url()).content.decode()


def test_a_member_sees_an_edit_link_instead(client_a, org_a):
    html = client_a.get(org_a.get_absolute_url()).content.decode()
    assert reverse("member:entity_edit", args=[org_a.slug]) in html
    assert url(org_a) not in html


def test_an_anonymous_visitor_is_sent_to_log_in(client, org_a):
    response = client.get(url(org_a))
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


def test_a_claim_is_stored_pending(client, newcomer, org_a):
    response = client.post(url(org_a), {"justification": "Jestem w zarządzie.", "fax": ""})
    assert response.status_code == 302
    claim = Claim.objects.get()
    assert (claim.submitted_by, claim.entity, claim.state) == (newcomer, org_a, "pending")
    assert not Membership.objects.filter(user=newcomer).exists()


def test_one_pending_claim_per_person_and_entity(client, newcomer, org_a):
    client.post(url(org_a), {"justification": "Pierwsza prośba."})
    response = client.post(url(org_a), {"justification": "Druga prośba."})
    assert response.status_code == 200
    assert "już czeka na decyzję redakcji" in response.content.decode()
    assert "Druga prośba." in response.content.decode()
    assert Claim.objects.count() == 1


def test_a_member_cannot_claim_their_own_organisation_again(client_a, org_a):
    response = client_a.post(url(org_a), {"justification": "Jeszcze raz."})
    assert "Już należysz do tej organizacji." in response.content.decode()
    assert not Claim.objects.exists()


def test_a_claim_needs_a_justification(client, newcomer, org_a):
    response = client.post(url(org_a), {"justification": ""})
    assert response.status_code == 200
    assert "justification" in response.context["form"].errors


def test_unpublished_entities_cannot_be_claimed(client, newcomer):
    draft = EntityFactory(state=Entity.State.DRAFT)
    assert client.get(url(draft)).status_code == 404


def test_an_approved_claim_makes_the_person_a_member_and_tells_them(newcomer, org_a, editor):
    claim = ClaimFactory(submitted_by=newcomer, entity=org_a)
    services.approve(claim, editor)
    assert Membership.objects.filter(user=newcomer, entity=org_a).exists()
    claim.refresh_from_db()
    assert (claim.state, claim.decided_by) == ("approved", editor)
    assert mail.outbox[-1].to == ["nowa@example.org"]
    assert "zatwierdziła" in mail.outbox[-1].body


def test_a_rejected_claim_tells_the_reason(newcomer, org_a, editor):
    claim = ClaimFactory(submitted_by=newcomer, entity=org_a)
    services.reject(claim, editor, "Nie udało się potwierdzić funkcji.")
    assert not Membership.objects.filter(user=newcomer).exists()
    assert "Nie udało się potwierdzić funkcji." in mail.outbox[-1].body


def test_a_wrong_method_is_refused(client, newcomer, org_a):
    assert client.delete(url(org_a)).status_code == 405
