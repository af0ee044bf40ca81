"""A member's form left open while another change is approved: only the person's own edits are proposed.

Before, the stored change carried every field that differed from the live profile at submission time, so the
old phone shown in the open form was proposed again, and approving it put the old phone back.
"""

import pytest
from django.urls import reverse

from entities.models import EntitySubmission
from initiatives.models import InitiativeSubmission
from moderation import registry, services
from tests.entities.posts import entity_post_for
from tests.factories import EntitySubmissionFactory, InitiativeFactory, InitiativeSubmissionFactory, redaktor
from tests.initiatives.posts import initiative_post_for

pytestmark = pytest.mark.django_db


def open_edit_form(client, entity):
    """What the browser will send back: the form's values as shown, with the hidden record of them."""
    response = client.get(reverse("member:entity_edit", args=[entity.slug]))
    return entity_post_for(entity, shown=response.context["form"]["shown"].value())


@pytest.fixture
def opened_then_phone_changed(client_a, member_a, org_a):
    """Anna opens the edit form; meanwhile another member's new phone number is approved."""
    org_a.phone = "12 111 11 11"
    org_a.save()
    form = open_edit_form(client_a, org_a)
    other = EntitySubmissionFactory(entity=org_a, data={"phone": "12 999 99 99"})
    services.approve(other, redaktor())
    return form


def test_an_old_form_proposes_only_what_the_person_changed(client_a, org_a, opened_then_phone_changed):
    response = client_a.post(
        reverse("member:entity_edit", args=[org_a.slug]),
        {**opened_then_phone_changed, "offer": "Nowa oferta."},
    )
    assert response.status_code == 302
    change = EntitySubmission.objects.pending().get()
    assert change.data == {"offer": "Nowa oferta."}
    services.approve(change, redaktor())
    org_a.refresh_from_db()
    assert (org_a.phone, org_a.offer) == ("12 999 99 99", "Nowa oferta.")


def test_the_queue_flags_the_change_and_shows_what_changed_since(
    client_a, editor_client, org_a, opened_then_phone_changed
):
    client_a.post(
        reverse("member:entity_edit", args=[org_a.slug]),
        {**opened_then_phone_changed, "offer": "Nowa oferta."},
    )
    change = EntitySubmission.objects.pending().get()
    queue = editor_client.get(reverse("admin:entities_moderation_queue")).content.decode()
    assert "rekord zmienił się od zgłoszenia" in queue
    page = editor_client.get(
        reverse("admin:entities_entitysubmission_change", args=[change.pk])
    ).content.decode()
    assert "Zmiany na portalu od otwarcia formularza" in page
    assert "12 111 11 11" in page and "12 999 99 99" in page


def test_a_fresh_form_is_not_flagged(client_a, editor_client, org_a):
    form = open_edit_form(client_a, org_a)
    client_a.post(reverse("member:entity_edit", args=[org_a.slug]), {**form, "offer": "Nowa oferta."})
    queue = editor_client.get(reverse("admin:entities_moderation_queue")).content.decode()
    assert "rekord zmienił się od zgłoszenia" not in queue


def test_a_forged_record_of_the_form_falls_back_to_the_live_profile(client_a, org_a):
    form = open_edit_form(client_a, org_a)
    response = client_a.post(
        reverse("member:entity_edit", args=[org_a.slug]), {**form, "shown": "podrobione", "offer": "Inna."}
    )
    assert response.status_code == 302
    assert EntitySubmission.objects.get().data == {"offer": "Inna."}


def test_an_old_initiative_form_proposes_only_what_the_person_changed(client_a, org_a):
    report = InitiativeFactory(organisers=[org_a], summary="Stare streszczenie.")
    url = reverse("initiative_member:edit", args=[report.slug])
    shown = client_a.get(url).context["form"]["shown"].value()
    form = initiative_post_for(report, shown=shown)
    other = InitiativeSubmissionFactory(
        initiative=report, entity=org_a, data={"summary": "Nowe streszczenie."}
    )
    services.approve(other, redaktor())
    assert client_a.post(url, {**form, "partners": "Rada Dzielnicy IV"}).status_code == 302
    change = InitiativeSubmission.objects.pending().get()
    assert change.data == {"partners": "Rada Dzielnicy IV"}
    assert [item.name for item in registry.for_model(change).changed_since(change)] == ["summary"]
