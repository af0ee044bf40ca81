"""A member proposes an initiative report for their organisation: pending, not public until an editor approves."""

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from entities.models import Membership
from initiatives.models import Initiative, InitiativeSubmission
from tests.factories import EntityFactory, image_upload
from tests.initiatives.posts import initiative_post, links_post

pytestmark = pytest.mark.django_db


def url(entity):
    return reverse("initiative_member:propose", args=[entity.slug])


def test_the_form_names_the_organisation_and_hides_editors_fields(client_a, org_a):
    html = client_a.get(url(org_a)).content.decode()
    assert "Zgłoś inicjatywę: Spółdzielnia Socjalna Alfa" in html
    assert "Zawsze wśród organizatorów: Spółdzielnia Socjalna Alfa." in html
    for hidden in ('name="state"', 'name="is_featured"', 'name="slug"'):
        assert hidden not in html


def test_a_report_waits_as_a_pending_initiative_and_is_not_public(client, client_a, member_a, org_a):
    response = client_a.post(url(org_a), initiative_post())
    assert response.status_code == 302
    submission = InitiativeSubmission.objects.get()
    initiative = submission.initiative
    assert (submission.kind, submission.state, submission.entity) == ("create", "pending", org_a)
    assert submission.submitted_by == member_a
    assert initiative.state == "pending"
    assert list(initiative.organisers.all()) == [org_a]
    assert submission.data["start_date"] == "2025-04-01"
    assert (
        initiative.description
        == "<p>Zaczęliśmy wiosną.</p>\n\n<p>Do jesieni powstało dwadzieścia grządek.</p>"
    )
    client.logout()
    assert client.get(initiative.get_absolute_url()).status_code == 404
    assert "Ogród sąsiedzki" not in client.get(reverse("initiatives:list")).content.decode()
    assert "Ogród sąsiedzki" not in client.get(org_a.get_absolute_url()).content.decode()


def test_other_organisers_may_be_only_the_members_own_organisations(client_a, member_a, org_a, org_b):
    own = EntityFactory(name="Stowarzyszenie Gamma")
    Membership.objects.create(user=member_a, entity=own)
    response = client_a.post(url(org_a), initiative_post(organisers=[str(org_b.pk)]))
    assert response.status_code == 200
    assert "Wybierz poprawną wartość" in response.content.decode()
    assert not InitiativeSubmission.objects.exists()

    client_a.post(url(org_a), initiative_post(organisers=[str(own.pk)], partners="Parafia św. Jana"))
    initiative = Initiative.objects.get()
    assert set(initiative.organisers.all()) == {org_a, own}
    assert initiative.partners == "Parafia św. Jana"


def test_forged_editor_fields_change_nothing(client_a, org_a):
    client_a.post(url(org_a), initiative_post(state="published", is_featured="on", slug="podrobka"))
    initiative = Initiative.objects.get()
    assert (initiative.state, initiative.is_featured) == ("pending", False)
    assert initiative.slug == "ogrod-sasiedzki-na-pradniku"
    assert not {"state", "is_featured", "slug"} & set(InitiativeSubmission.objects.get().data)


def test_bad_input_gets_polish_errors_and_keeps_what_was_typed(client_a, org_a):
    response = client_a.post(
        url(org_a), initiative_post(title="", start_date="2025-05-01", end_date="2025-01-01", theme="x")
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "To pole jest wymagane." in html
    assert "Wybierz poprawną wartość" in html
    assert "Mieszkańcy i spółdzielnia wspólnie założyli ogród." in html
    assert "Rada Dzielnicy III" in html
    assert not Initiative.objects.exists()


def test_an_end_before_the_start_is_refused(client_a, org_a):
    response = client_a.post(url(org_a), initiative_post(start_date="2025-05-01", end_date="2025-01-01"))
    assert "Koniec nie może być przed początkiem." in response.content.decode()
    assert not Initiative.objects.exists()


def test_a_malformed_date_is_an_error_not_a_crash(client_a, org_a):
    response = client_a.post(url(org_a), initiative_post(start_date="31.02.2025"))
    assert response.status_code == 200
    assert "Wpisz poprawną datę." in response.content.decode()


def test_photos_are_checked_and_need_alternative_text(client_a, org_a):
    response = client_a.post(url(org_a), {**initiative_post(), "zdjecia-0-image": image_upload()})
    assert "Opisz, co widać na zdjęciu." in response.content.decode()
    fake = SimpleUploadedFile("zdjecie.jpg", b"<?php echo 1; ?>", content_type="image/jpeg")
    response = client_a.post(
        url(org_a), {**initiative_post(), "zdjecia-0-image": fake, "zdjecia-0-alt_text": "Grządki"}
    )
    assert response.status_code == 200
    assert "Plik nie jest obrazem JPEG, PNG ani WebP" in response.content.decode()
    assert not InitiativeSubmission.objects.exists()

    client_a.post(
        url(org_a),
        {**initiative_post(), "zdjecia-0-image": image_upload(), "zdjecia-0-alt_text": "Grządki jesienią"},
    )
    image = InitiativeSubmission.objects.get().images.get()
    assert image.alt == "Grządki jesienią"
    assert image.image.name.startswith("initiatives/submissions/")
    assert not Initiative.objects.get().photos.exists()  # photos go public only on approval


def test_the_honeypot_stops_bots(client_a, org_a):
    response = client_a.post(url(org_a), initiative_post(fax="http://spam.example"))
    assert response.status_code == 200
    assert not InitiativeSubmission.objects.exists()


def test_the_shared_rate_limit_applies(client_a, org_a, settings):
    settings.SUBMISSION_RATE_PER_USER = "1/h"
    cache.clear()
    assert client_a.post(url(org_a), initiative_post()).status_code == 302
    response = client_a.post(url(org_a), initiative_post(title="Druga inicjatywa"))
    assert response.status_code == 429
    assert "Druga inicjatywa" in response.content.decode()
    assert InitiativeSubmission.objects.count() == 1


@pytest.mark.parametrize("persona", ["member_b", "editor"])
def test_people_outside_the_organisation_get_404(client, request, org_a, persona):
    client.force_login(request.getfixturevalue(persona))
    assert client.get(url(org_a)).status_code == 404
    assert client.post(url(org_a), initiative_post()).status_code == 404
    assert not Initiative.objects.exists()


def test_an_anonymous_visitor_is_sent_to_log_in(client, org_a):
    response = client.post(url(org_a), initiative_post())
    assert reverse("account_login") in response["Location"]
    assert not Initiative.objects.exists()


def test_an_archived_organisation_cannot_report(client_a, org_a):
    org_a.state = "archived"
    org_a.save()
    assert client_a.get(url(org_a)).status_code == 404


def test_a_wrong_method_is_refused(client_a, org_a):
    assert client_a.put(url(org_a)).status_code == 405
    assert client_a.delete(url(org_a)).status_code == 405


def test_the_organisation_pages_link_to_the_form(client_a, org_a):
    link = url(org_a)
    assert link in client_a.get(org_a.get_absolute_url()).content.decode()
    assert link in client_a.get(reverse("member:dashboard")).content.decode()
    assert link in client_a.get(reverse("member:entity_edit", args=[org_a.slug])).content.decode()


def test_markup_a_member_types_is_cleaned_before_it_is_stored(client_a, org_a):
    client_a.post(
        url(org_a),
        initiative_post(
            description='<p>Opis</p><script>alert(1)</script><a href="javascript:x()" onclick="y()">z</a>'
        ),
    )
    stored = InitiativeSubmission.objects.get().data["description"]
    assert "<p>Opis</p>" in stored
    assert "script" not in stored and "javascript:" not in stored and "onclick" not in stored


def test_links_go_with_the_report_and_are_public_only_once_approved(client, client_a, org_a):
    data = initiative_post()
    data.update(links_post([("Relacja w prasie", "https://gazeta.example.org/ogrod")]))
    client_a.post(url(org_a), data)
    initiative = Initiative.objects.get()
    assert [link.url for link in initiative.links.all()] == ["https://gazeta.example.org/ogrod"]
    client.logout()
    assert client.get(initiative.get_absolute_url()).status_code == 404
