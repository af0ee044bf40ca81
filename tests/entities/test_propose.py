"""Proposing a new entity: nothing reaches the public before an editor approves it."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from entities.models import Entity, EntitySubmission, SubmissionImage
from tests.entities.posts import entity_post
from tests.factories import EntityFactory, gmina
from tests.wortal.test_uploads import png_header

pytestmark = pytest.mark.django_db
URL = reverse("member:propose")


def bochnia_post(**overrides):
    return entity_post(gmina=str(gmina("120102").pk), **overrides)


def jpeg(name="logo.jpg", size=(60, 40)):
    buffer = io.BytesIO()
    Image.new("RGB", size, "#336699").save(buffer, format="JPEG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


def test_an_anonymous_visitor_is_sent_to_log_in(client):
    response = client.get(URL)
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


def test_the_form_shows_the_public_fields_and_the_privacy_notice(client_a):
    html = client_a.get(URL).content.decode()
    assert "Zgłoś nowy podmiot" in html
    assert "Regionalny Ośrodek Polityki Społecznej w Krakowie" in html
    assert "art. 6 ust. 1 lit. a RODO" in html
    for hidden in ('name="state"', 'name="last_verified_on"', 'name="slug"'):
        assert hidden not in html


def test_a_proposal_is_stored_pending_and_not_published(client_a, member_a):
    response = client_a.post(URL, bochnia_post())
    assert response.status_code == 302
    submission = EntitySubmission.objects.get()
    assert submission.kind == "create"
    assert submission.state == "pending"
    assert submission.submitted_by == member_a
    assert submission.data["nip"] == "8567346215"
    assert submission.data["postal_code"] == "32-700"
    assert not Entity.objects.filter(name="Spółdzielnia Socjalna Zielony Zakątek").exists()
    listed = client_a.get(reverse("entities:list")).context["page"].object_list
    assert "Zakątek" not in " ".join(entity.name for entity in listed)


def test_forged_editor_fields_change_nothing(client_a):
    client_a.post(
        URL,
        bochnia_post(state="published", last_verified_on="2026-01-01", slug="podrobka", search_text="x"),
    )
    data = EntitySubmission.objects.get().data
    assert not {"state", "last_verified_on", "slug", "search_text"} & set(data)


def test_a_duplicate_nip_names_the_existing_profile_and_offers_a_claim(client_a):
    existing = EntityFactory(name="Smaki Bochni", nip="8567346215", slug="smaki-bochni")
    response = client_a.post(URL, bochnia_post())
    html = response.content.decode()
    assert response.status_code == 200
    assert "Podmiot z tym numerem NIP jest już w bazie" in html
    assert existing.get_absolute_url() in html
    assert reverse("member:claim", args=[existing.slug]) in html
    assert not EntitySubmission.objects.exists()


@pytest.mark.parametrize("field, value", [("krs", "0000123456"), ("regon", "192598184")])
def test_a_duplicate_krs_or_regon_is_refused(client_a, field, value):
    EntityFactory(name="Inny podmiot", **{field: value})
    response = client_a.post(URL, bochnia_post(nip="", **{field: value}))
    assert f"Podmiot z tym numerem {field.upper()} jest już w bazie" in response.content.decode()
    assert not EntitySubmission.objects.exists()


def test_an_identifier_already_in_a_pending_proposal_is_refused(client_a, member_b):
    EntitySubmission.objects.create(
        kind="create", submitted_by=member_b, data={"name": "X", "nip": "8567346215"}
    )
    response = client_a.post(URL, bochnia_post())
    assert "został już zgłoszony i czeka na decyzję redakcji" in response.content.decode()
    assert EntitySubmission.objects.count() == 1


def test_a_very_similar_name_in_the_same_gmina_needs_a_confirmation(client_a):
    existing = EntityFactory(name="Spółdzielnia Socjalna „Zielony Zakątek”", gmina=gmina("120102"), nip=None)
    response = client_a.post(URL, bochnia_post())
    html = response.content.decode()
    assert "Czy ta organizacja jest już w bazie?" in html
    assert reverse("member:claim", args=[existing.slug]) in html
    assert not EntitySubmission.objects.exists()
    response = client_a.post(URL, bochnia_post(confirm_distinct="on"))
    assert response.status_code == 302
    assert EntitySubmission.objects.count() == 1


def test_the_same_name_in_another_gmina_is_not_a_duplicate(client_a):
    EntityFactory(name="Spółdzielnia Socjalna Zielony Zakątek", gmina=gmina("126101"), nip=None)
    assert client_a.post(URL, bochnia_post()).status_code == 302


def test_a_wrong_identifier_gets_a_polish_error_and_keeps_what_was_typed(client_a):
    response = client_a.post(URL, bochnia_post(nip="856-734-62-16", description="Mój długi opis."))
    html = response.content.decode()
    assert "ma błędną cyfrę kontrolną" in html
    assert "Mój długi opis." in html
    assert "biuro@zakatek.example.org" in html
    assert not EntitySubmission.objects.exists()


def test_a_missing_name_and_gmina_are_reported_next_to_the_fields(client_a):
    response = client_a.post(URL, entity_post(name=""))
    assert response.status_code == 200
    assert response.context["form"].errors.keys() >= {"name", "gmina"}


def test_logo_and_photos_are_stored_with_the_proposal_under_generated_names(client_a):
    response = client_a.post(
        URL,
        bochnia_post(
            **{
                "logo": jpeg("Moje logo.jpg"),
                "zdjecia-0-image": jpeg("ogrod.jpg"),
                "zdjecia-0-alt_text": "Ogród",
            }
        ),
    )
    assert response.status_code == 302
    images = SubmissionImage.objects.order_by("role")
    assert [image.role for image in images] == ["logo", "photo"]
    assert images[1].alt_text == "Ogród"
    assert all("logo" not in image.image.name and "ogrod" not in image.image.name for image in images)


def test_a_photo_without_a_description_is_refused(client_a):
    response = client_a.post(URL, bochnia_post(**{"zdjecia-0-image": jpeg()}))
    assert "Opisz, co widać na zdjęciu." in response.content.decode()
    assert not EntitySubmission.objects.exists()


def test_more_than_six_photos_are_refused(client_a):
    data = bochnia_post(**{"zdjecia-TOTAL_FORMS": "7"})
    for index in range(7):
        data[f"zdjecia-{index}-image"] = jpeg()
        data[f"zdjecia-{index}-alt_text"] = "Zdjęcie"
    response = client_a.post(URL, data)
    assert response.status_code == 200
    assert not EntitySubmission.objects.exists()


@pytest.mark.parametrize(
    "upload, message",
    [
        (SimpleUploadedFile("logo.jpg", b"to nie jest obraz"), "nie jest obrazem"),
        (
            SimpleUploadedFile("logo.svg", b'<svg xmlns="http://www.w3.org/2000/svg"></svg>'),
            "nie jest obrazem",
        ),
        (SimpleUploadedFile("logo.png", png_header(10_000, 10_000)), "za dużo pikseli"),
    ],
    ids=["text-named-jpg", "svg", "100-megapixel-png-header"],
)
def test_a_bad_logo_gets_a_polish_error_and_nothing_is_stored(client_a, upload, message):
    response = client_a.post(URL, bochnia_post(logo=upload))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not EntitySubmission.objects.exists()
    assert not SubmissionImage.objects.exists()


def test_an_oversized_photo_is_refused(client_a, settings):
    settings.IMAGE_UPLOAD_MAX_BYTES = 1000
    big = jpeg(size=(400, 400))
    response = client_a.post(URL, bochnia_post(**{"zdjecia-0-image": big, "zdjecia-0-alt_text": "Duże"}))
    assert "Plik jest za duży" in response.content.decode()
    assert not SubmissionImage.objects.exists()


def test_contact_person_data_need_consent(client_a):
    response = client_a.post(URL, bochnia_post(contact_name="Jan Kowalski", contact_phone="600 100 200"))
    assert "Zaznacz zgodę na publikację albo usuń dane osoby kontaktowej." in response.content.decode()
    assert not EntitySubmission.objects.exists()
    client_a.post(URL, bochnia_post(contact_name="Jan Kowalski", contact_consent="on"))
    data = EntitySubmission.objects.get().data
    assert data["contact_name"] == "Jan Kowalski"
    assert data["contact_consent"] is True


def test_a_filled_honeypot_is_refused(client_a):
    response = client_a.post(URL, bochnia_post(fax="spam"))
    assert response.status_code == 200
    assert not EntitySubmission.objects.exists()


def test_submissions_are_rate_limited_per_account(client_a, settings):
    settings.SUBMISSION_RATE_PER_USER = "2/h"
    for index in range(2):
        response = client_a.post(URL, bochnia_post(nip="", name=f"Nowa organizacja {index}"))
        assert response.status_code == 302
    response = client_a.post(URL, bochnia_post(nip="", name="Trzecia organizacja"))
    assert response.status_code == 429
    assert "Wysłano zbyt wiele zgłoszeń" in response.content.decode()
    assert "Trzecia organizacja" in response.content.decode()
    assert EntitySubmission.objects.count() == 2


def test_submissions_are_rate_limited_per_ip_address_across_accounts(client, member_a, member_b, settings):
    settings.SUBMISSION_RATE_PER_IP = "1/h"
    client.force_login(member_a)
    assert client.post(URL, bochnia_post()).status_code == 302
    client.force_login(member_b)
    assert client.post(URL, bochnia_post(nip="", name="Inna")).status_code == 429
    assert EntitySubmission.objects.count() == 1


def test_a_wrong_method_is_refused(client_a):
    assert client_a.put(URL).status_code == 405


def test_a_rejected_proposal_can_be_corrected_without_retyping(client_a, member_a, member_b):
    client_a.post(URL, bochnia_post(description="Opis, który redakcja odrzuciła."))
    proposal = EntitySubmission.objects.get()
    proposal.record_decision("rejected", None, "Uzupełnij ofertę.")
    detail = client_a.get(reverse("member:submission_detail", args=[proposal.pk])).content.decode()
    assert f"{URL}?z={proposal.pk}" in detail
    html = client_a.get(URL, {"z": proposal.pk}).content.decode()
    assert "Opis, który redakcja odrzuciła." in html
    assert "Spółdzielnia Socjalna Zielony Zakątek" in html


def test_someone_elses_rejected_proposal_is_not_prefilled(client, member_a, member_b):
    client.force_login(member_b)
    client.post(URL, bochnia_post(description="Cudzy opis."))
    proposal = EntitySubmission.objects.get()
    proposal.record_decision("rejected", None, "Nie.")
    client.force_login(member_a)
    assert "Cudzy opis." not in client.get(URL, {"z": proposal.pk}).content.decode()
    assert client.get(URL, {"z": "abc"}).status_code == 200
