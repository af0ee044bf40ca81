"""A member proposes changes to a published initiative their organisation organises; the public page waits."""

import pytest
from django.urls import reverse

from entities.models import Powiat
from initiatives.models import InitiativeSubmission
from moderation import services
from tests.factories import EntityFactory, InitiativeFactory, InitiativePhotoFactory, image_upload
from tests.initiatives.posts import initiative_post_for, links_post

pytestmark = pytest.mark.django_db


def url(initiative):
    return reverse("initiative_member:edit", args=[initiative.slug])


@pytest.fixture
def report(org_a):
    return InitiativeFactory(title="Kuchnia społeczna", summary="Gotujemy razem.", organisers=[org_a])


def test_the_form_is_filled_with_the_live_report(client_a, report):
    html = client_a.get(url(report)).content.decode()
    assert "Zaproponuj zmiany: Kuchnia społeczna" in html
    assert "Gotujemy razem." in html
    assert 'name="is_featured"' not in html and 'name="state"' not in html


def test_a_change_stores_only_the_changed_fields_and_leaves_the_public_page(
    client, client_a, member_a, report
):
    response = client_a.post(url(report), initiative_post_for(report, summary="Gotujemy i uczymy."))
    assert response.status_code == 302
    submission = InitiativeSubmission.objects.get()
    assert (submission.kind, submission.state, submission.initiative) == ("change", "pending", report)
    assert submission.data == {"summary": "Gotujemy i uczymy."}
    report.refresh_from_db()
    assert report.summary == "Gotujemy razem."
    client.logout()
    assert "Gotujemy i uczymy." not in client.get(report.get_absolute_url()).content.decode()


def test_an_unchanged_form_is_not_a_proposal(client_a, report):
    response = client_a.post(url(report), initiative_post_for(report))
    assert "Nie wprowadzono żadnych zmian." in response.content.decode()
    assert not InitiativeSubmission.objects.exists()


def test_forged_editor_fields_change_nothing(client_a, report):
    client_a.post(
        url(report),
        initiative_post_for(report, summary="Nowe.", state="archived", is_featured="on", slug="x"),
    )
    assert set(InitiativeSubmission.objects.get().data) == {"summary"}
    report.refresh_from_db()
    assert (report.state, report.is_featured, report.slug) == ("published", False, "kuchnia-spoleczna")


def test_organisers_the_member_does_not_belong_to_stay(client_a, org_a, org_b):
    shared = InitiativeFactory(organisers=[org_a, org_b])
    html = client_a.get(url(shared)).content.decode()
    assert "Zawsze wśród organizatorów: Fundacja Beta." in html
    client_a.post(
        url(shared), initiative_post_for(shared, organisers=[str(org_a.pk)], partners="Szkoła nr 5")
    )
    data = InitiativeSubmission.objects.get().data
    assert data == {"partners": "Szkoła nr 5"}  # Fundacja Beta kept, so organisers did not change


def test_one_of_the_members_organisations_must_stay(client_a, org_a, org_b):
    shared = InitiativeFactory(organisers=[org_a, org_b])
    response = client_a.post(url(shared), initiative_post_for(shared, organisers=[]))
    assert "Wybierz co najmniej jedną ze swoich organizacji." in response.content.decode()
    response = client_a.post(url(shared), initiative_post_for(shared, organisers=[str(EntityFactory().pk)]))
    assert "Wybierz poprawną wartość" in response.content.decode()
    assert not InitiativeSubmission.objects.exists()


def test_photos_may_be_added_and_removed(client_a, report):
    photo = InitiativePhotoFactory(initiative=report, alt="Stara fotografia")
    data = initiative_post_for(report, remove=[str(photo.pk)])
    data.update({"zdjecia-0-image": image_upload(), "zdjecia-0-alt_text": "Nowa fotografia"})
    assert client_a.post(url(report), data).status_code == 302
    submission = InitiativeSubmission.objects.get()
    assert submission.photos_removed == [photo.pk]
    assert [image.alt for image in submission.images.all()] == ["Nowa fotografia"]
    assert list(report.photos.all()) == [photo]


def test_bad_input_keeps_what_was_typed(client_a, report):
    response = client_a.post(url(report), initiative_post_for(report, title="", summary="Mój nowy tekst."))
    assert response.status_code == 200
    assert "Mój nowy tekst." in response.content.decode()
    assert not InitiativeSubmission.objects.exists()


@pytest.mark.parametrize("state", ["draft", "pending", "archived"])
def test_only_published_reports_can_be_changed(client_a, org_a, state):
    assert client_a.get(url(InitiativeFactory(state=state, organisers=[org_a]))).status_code == 404


@pytest.mark.parametrize("persona", ["member_b", "editor"])
def test_people_outside_the_organisers_get_404_and_change_nothing(client, request, report, persona):
    client.force_login(request.getfixturevalue(persona))
    assert client.get(url(report)).status_code == 404
    assert client.post(url(report), initiative_post_for(report, summary="Przejęte.")).status_code == 404
    assert not InitiativeSubmission.objects.exists()


def test_an_anonymous_visitor_is_sent_to_log_in(client, report):
    assert reverse("account_login") in client.post(url(report))["Location"]


def test_a_wrong_method_is_refused(client_a, report):
    assert client_a.delete(url(report)).status_code == 405


def test_the_public_page_offers_members_the_edit_link_only(client, client_a, report, member_b):
    assert url(report) in client_a.get(report.get_absolute_url()).content.decode()
    client.force_login(member_b)
    assert url(report) not in client.get(report.get_absolute_url()).content.decode()
    client.logout()
    assert url(report) not in client.get(report.get_absolute_url()).content.decode()


def test_the_members_organisation_is_ticked_among_the_organisers(client_a, org_a, report):
    html = client_a.get(url(report)).content.decode()
    assert f'value="{org_a.pk}" ' in html
    assert "checked" in html.split(f'value="{org_a.pk}"')[1].split(">")[0]


def test_line_breaks_as_browsers_send_them_are_not_a_change(client_a, org_a):
    report = InitiativeFactory(organisers=[org_a], summary="Pierwsza linia.\nDruga linia.", partners="A\nB")
    data = initiative_post_for(report, summary="Pierwsza linia.\r\nDruga linia.", partners="A\r\nB")
    assert "Nie wprowadzono żadnych zmian." in client_a.post(url(report), data).content.decode()


def test_links_are_proposed_as_a_whole_and_replace_the_current_ones_on_approval(client_a, editor, report):
    report.links.create(label="Strona projektu", url="https://example.org/projekt")
    unchanged = initiative_post_for(report)
    assert "Nie wprowadzono żadnych zmian." in client_a.post(url(report), unchanged).content.decode()

    changed = initiative_post_for(report)
    changed.update(links_post([("", ""), ("Relacja w radiu", "radio.example.org/relacja")], initial=1))
    assert client_a.post(url(report), changed).status_code == 302
    submission = InitiativeSubmission.objects.get()
    assert submission.data == {}
    assert submission.links == [{"label": "Relacja w radiu", "url": "https://radio.example.org/relacja"}]
    assert [link.label for link in report.links.all()] == ["Strona projektu"]
    assert "Relacja w radiu" in [change.proposed.split(":")[0] for change in submission.changes()]

    services.approve(submission, editor)
    assert [(link.label, link.url) for link in report.links.all()] == [
        ("Relacja w radiu", "https://radio.example.org/relacja")
    ]


def test_a_link_without_a_description_or_a_valid_address_is_an_error(client_a, report):
    data = initiative_post_for(report, summary="Nowe streszczenie.")
    data.update(links_post([("", "https://example.org"), ("Gazeta", "nie adres")]))
    html = client_a.post(url(report), data).content.decode()
    assert "Opisz, dokąd prowadzi odnośnik" in html
    assert "Wpisz poprawny URL." in html
    assert "Nowe streszczenie." in html
    assert not InitiativeSubmission.objects.exists()


def test_rich_text_is_edited_as_plain_paragraphs_and_kept_when_untouched(client_a, org_a):
    report = InitiativeFactory(organisers=[org_a], results="<ul><li>7 ogrodów</li><li>45 osób</li></ul>")
    html = client_a.get(url(report)).content.decode()
    assert "7 ogrodów\n\n45 osób" in html
    assert "&lt;li&gt;" not in html
    untouched = initiative_post_for(report, results="7 ogrodów\r\n\r\n45 osób")
    assert "Nie wprowadzono żadnych zmian." in client_a.post(url(report), untouched).content.decode()
    edited = initiative_post_for(report, results="8 ogrodów\r\n\r\n45 osób")
    client_a.post(url(report), edited)
    assert InitiativeSubmission.objects.get().data == {"results": "<p>8 ogrodów</p>\n\n<p>45 osób</p>"}


def test_a_retired_powiat_of_the_report_stays_selectable(client_a, org_a):
    retired = Powiat.objects.order_by("pk").first()
    retired.retired = True
    retired.save()
    report = InitiativeFactory(organisers=[org_a], powiaty=[retired])
    html = client_a.get(url(report)).content.decode()
    assert f'value="{retired.pk}"' in html
    response = client_a.post(url(report), initiative_post_for(report, summary="Nowe."))
    assert response.status_code == 302
    assert InitiativeSubmission.objects.get().data == {"summary": "Nowe."}
