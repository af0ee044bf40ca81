"""Editing a profile: a proposed change that goes live only after an editor approves it."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from entities.models import Entity, EntityPhoto, EntitySubmission
from moderation import services
from tests.entities.posts import entity_post_for
from tests.factories import EntityFactory, member_of

pytestmark = pytest.mark.django_db


def url(entity):
    return reverse("member:entity_edit", args=[entity.slug])


def jpeg():
    buffer = io.BytesIO()
    Image.new("RGB", (30, 20), "#aa3300").save(buffer, format="JPEG")
    return SimpleUploadedFile("foto.jpg", buffer.getvalue())


def test_a_member_sees_the_form_filled_with_the_live_profile(client_a, org_a):
    response = client_a.get(url(org_a))
    assert response.status_code == 200
    assert org_a.name in response.content.decode()


def test_a_member_of_another_organisation_gets_404(client_b, org_a):
    assert client_b.get(url(org_a)).status_code == 404
    assert client_b.post(url(org_a), entity_post_for(org_a, name="Przejęte")).status_code == 404
    assert not EntitySubmission.objects.exists()


def test_an_editor_without_membership_gets_404(editor_client, org_a):
    assert editor_client.get(url(org_a)).status_code == 404


def test_an_anonymous_visitor_is_sent_to_log_in(client, org_a):
    assert reverse("account_login") in client.get(url(org_a))["Location"]


def test_an_edit_is_stored_as_a_pending_change_and_the_profile_stays(client_a, org_a, member_a):
    response = client_a.post(
        url(org_a), entity_post_for(org_a, description="Nowy opis.", phone="12 000 00 00")
    )
    assert response.status_code == 302
    change = EntitySubmission.objects.get()
    assert (change.kind, change.entity, change.submitted_by) == ("change", org_a, member_a)
    assert change.data == {"description": "Nowy opis.", "phone": "12 000 00 00"}
    org_a.refresh_from_db()
    assert org_a.description != "Nowy opis."
    assert "Nowy opis." not in client_a.get(org_a.get_absolute_url()).content.decode()


def test_an_approved_change_is_applied_and_records_who_and_when(client_a, org_a, editor):
    client_a.post(url(org_a), entity_post_for(org_a, description="Nowy opis."))
    change = services.approve(EntitySubmission.objects.get(), editor)
    org_a.refresh_from_db()
    assert org_a.description == "Nowy opis."
    assert (change.state, change.decided_by) == ("approved", editor)
    assert change.decided_at is not None
    assert "Nowy opis." in client_a.get(org_a.get_absolute_url()).content.decode()


def test_changes_of_two_members_to_different_fields_do_not_undo_each_other(client, org_a, member_a, editor):
    other = member_of(org_a, "druga@alfa.example.org")
    client.force_login(member_a)
    client.post(url(org_a), entity_post_for(org_a, description="Opis Anny."))
    client.force_login(other)
    client.post(url(org_a), entity_post_for(org_a, phone="12 111 11 11"))
    for change in EntitySubmission.objects.oldest_first():
        services.approve(change, editor)
    org_a.refresh_from_db()
    assert (org_a.description, org_a.phone) == ("Opis Anny.", "12 111 11 11")


def test_forged_editor_fields_change_nothing(client_a, org_a, editor):
    org_a.state = Entity.State.PUBLISHED
    post = entity_post_for(org_a, description="Inny opis.", state="draft", last_verified_on="2030-01-01")
    client_a.post(url(org_a), post)
    change = EntitySubmission.objects.get()
    assert set(change.data) == {"description"}
    services.approve(change, editor)
    org_a.refresh_from_db()
    assert org_a.state == "published"
    assert org_a.last_verified_on is None


def test_an_unchanged_form_is_not_a_submission(client_a, org_a):
    response = client_a.post(url(org_a), entity_post_for(org_a))
    assert "Nie wprowadzono żadnych zmian." in response.content.decode()
    assert not EntitySubmission.objects.exists()


def test_a_duplicate_identifier_names_the_profile_that_has_it(client_a, org_a, org_b):
    response = client_a.post(url(org_a), entity_post_for(org_a, nip=org_b.nip))
    html = response.content.decode()
    assert "Podmiot z tym numerem NIP jest już w bazie" in html
    assert org_b.get_absolute_url() in html
    assert not EntitySubmission.objects.exists()


def test_the_member_sees_the_pending_change_and_can_withdraw_it(client_a, org_a):
    client_a.post(url(org_a), entity_post_for(org_a, description="Nowy opis."))
    change = EntitySubmission.objects.get()
    assert reverse("member:submission_detail", args=[change.pk]) in client_a.get(url(org_a)).content.decode()
    detail = client_a.get(reverse("member:submission_detail", args=[change.pk])).content.decode()
    assert "Nowy opis." in detail
    assert org_a.description in detail
    response = client_a.post(reverse("member:submission_withdraw", args=[change.pk]))
    assert response.status_code == 302
    change.refresh_from_db()
    assert change.state == "withdrawn"


def test_withdrawing_needs_post_and_ownership(client, client_a, org_a, member_b):
    client_a.post(url(org_a), entity_post_for(org_a, description="Nowy opis."))
    change = EntitySubmission.objects.get()
    withdraw = reverse("member:submission_withdraw", args=[change.pk])
    assert client_a.get(withdraw).status_code == 405
    client.force_login(member_b)
    assert client.post(withdraw).status_code == 404
    assert client.get(reverse("member:submission_detail", args=[change.pk])).status_code == 404
    change.refresh_from_db()
    assert change.state == "pending"


def test_photos_can_be_added_and_removed_after_approval(client_a, org_a, editor):
    old = EntityPhoto.objects.create(
        entity=org_a, image="entities/photos/stare.jpg", alt_text="Stare zdjęcie"
    )
    post = entity_post_for(org_a, remove=[old.pk])
    post.update({"zdjecia-0-image": jpeg(), "zdjecia-0-alt_text": "Nowa pracownia"})
    assert client_a.post(url(org_a), post).status_code == 302
    assert list(org_a.photos.all()) == [old]
    services.approve(EntitySubmission.objects.get(), editor)
    assert [photo.alt_text for photo in org_a.photos.all()] == ["Nowa pracownia"]
    assert "Nowa pracownia" in client_a.get(org_a.get_absolute_url()).content.decode()


def test_a_new_logo_replaces_the_old_one_after_approval(client_a, org_a, editor):
    assert client_a.post(url(org_a), entity_post_for(org_a, logo=jpeg())).status_code == 302
    org_a.refresh_from_db()
    assert not org_a.logo
    services.approve(EntitySubmission.objects.get(), editor)
    org_a.refresh_from_db()
    # A public copy of the private file sent with the change.
    assert org_a.logo.name.startswith("entities/logos/") and org_a.logo.storage.exists(org_a.logo.name)


def test_archived_profiles_cannot_be_edited(client_a, org_a):
    org_a.archive()
    assert client_a.get(url(org_a)).status_code == 404


def test_contact_person_is_published_only_with_consent(client, client_a, org_a, editor):
    client_a.post(
        url(org_a),
        entity_post_for(
            org_a, contact_name="Jan Kowalski", contact_email="jan@alfa.example.org", contact_consent="on"
        ),
    )
    services.approve(EntitySubmission.objects.get(), editor)
    assert "Jan Kowalski" in client.get(org_a.get_absolute_url()).content.decode()
    Entity.objects.filter(pk=org_a.pk).update(contact_consent=False)
    html = client.get(org_a.get_absolute_url()).content.decode()
    assert "Jan Kowalski" not in html
    assert "jan@alfa.example.org" not in html


def test_the_contact_person_is_never_in_the_json_ld(client, editor):
    entity = EntityFactory(
        contact_name="Jan Kowalski", contact_email="jan@x.example.org", contact_consent=True
    )
    html = client.get(entity.get_absolute_url()).content.decode()
    json_ld = html.split('application/ld+json">')[1].split("</script>")[0]
    assert "Kowalski" not in json_ld


def test_a_wrong_method_is_refused(client_a, org_a):
    assert client_a.patch(url(org_a)).status_code == 405


def test_a_rejected_change_comes_back_filled_in(client_a, org_a, editor):
    client_a.post(url(org_a), entity_post_for(org_a, offer="Oferta do poprawy."))
    change = EntitySubmission.objects.get()
    services.reject(change, editor, "Za mało szczegółów.")
    html = client_a.get(url(org_a), {"z": change.pk}).content.decode()
    assert "Oferta do poprawy." in html


def test_a_profile_in_a_retired_gmina_can_still_be_edited(client_a, org_a):
    org_a.gmina.retired = True
    org_a.gmina.save()
    response = client_a.post(url(org_a), entity_post_for(org_a, offer="Nowa oferta."))
    assert response.status_code == 302
