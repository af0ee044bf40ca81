"""The whole journey: sign up, verify, propose, editor approves, visitor sees it; claim; edit → approve → live."""

import re

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from entities.models import Claim, Entity, EntitySubmission
from tests.entities.posts import entity_post, entity_post_for
from tests.factories import gmina

pytestmark = pytest.mark.django_db
PASSWORD = "Zielona-Lampa-42"


def sign_up_and_verify(client, email):
    client.post(reverse("account_signup"), {"email": email, "password1": PASSWORD, "password2": PASSWORD})
    link = re.search(r"https?://[^/\s]+(/konto/confirm-email/\S+/)", mail.outbox[-1].body).group(1)
    client.post(link)
    client.post(reverse("account_login"), {"login": email, "password": PASSWORD})
    assert client.get(reverse("member:dashboard")).status_code == 200


def editor_decides(editor_client, item, decision="approve", reason=""):
    name = "claim" if isinstance(item, Claim) else "entitysubmission"
    response = editor_client.post(
        reverse(f"admin:entities_{name}_decide", args=[item.pk]), {"decision": decision, "reason": reason}
    )
    assert response.status_code == 302


def test_a_new_organisation_goes_from_sign_up_to_the_public_registry(editor_client):
    founder, visitor = Client(), Client()
    sign_up_and_verify(founder, "prezes@zakatek.example.org")
    response = founder.post(reverse("member:propose"), entity_post(gmina=str(gmina("120102").pk)))
    assert response.status_code == 302
    proposal = EntitySubmission.objects.get()
    assert "oczekuje na decyzję redakcji" in founder.get(reverse("member:dashboard")).content.decode()

    editor_decides(editor_client, proposal)
    entity = Entity.objects.get(nip="8567346215")
    assert visitor.get(entity.get_absolute_url()).status_code == 200
    assert entity.name in visitor.get(reverse("entities:list")).content.decode()
    assert "zatwierdziła" in mail.outbox[-1].body
    assert (
        reverse("member:entity_edit", args=[entity.slug])
        in founder.get(reverse("member:dashboard")).content.decode()
    )

    # Edit → pending → approve → live.
    founder.post(
        reverse("member:entity_edit", args=[entity.slug]), entity_post_for(entity, offer="Nowa oferta.")
    )
    assert "Nowa oferta." not in visitor.get(entity.get_absolute_url()).content.decode()
    editor_decides(editor_client, EntitySubmission.objects.get(kind="change"))
    assert "Nowa oferta." in visitor.get(entity.get_absolute_url()).content.decode()


def test_a_second_person_claims_the_profile_and_then_edits_it(editor_client, org_a):
    colleague = Client()
    sign_up_and_verify(colleague, "kolezanka@alfa.example.org")
    colleague.post(reverse("member:claim", args=[org_a.slug]), {"justification": "Jestem księgową."})
    claim = Claim.objects.get()
    assert colleague.get(reverse("member:entity_edit", args=[org_a.slug])).status_code == 404

    editor_decides(editor_client, claim)
    assert colleague.get(reverse("member:entity_edit", args=[org_a.slug])).status_code == 200
    colleague.post(reverse("member:entity_edit", args=[org_a.slug]), entity_post_for(org_a, town="Wieliczka"))
    change = EntitySubmission.objects.get()
    editor_decides(editor_client, change, "reject", "Adres niezgodny z KRS.")
    org_a.refresh_from_db()
    assert org_a.town == "Kraków"
    assert "Adres niezgodny z KRS." in colleague.get(reverse("member:dashboard")).content.decode()
