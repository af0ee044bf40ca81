"""A member form sent with errors opens with a summary that names each wrong field and links to it; the small
script that focuses the summary is a static file, and a form without errors has no summary."""

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from tests import factories
from tests.entities.posts import entity_post
from tests.initiatives.posts import initiative_post_for, links_post

pytestmark = pytest.mark.django_db
HEADING = "Formularz zawiera błędy – popraw pola oznaczone poniżej."


def test_an_empty_proposal_comes_back_with_a_focusable_summary_linking_to_the_required_fields(client_a):
    response = client_a.post(reverse("member:propose"), entity_post(name="", legal_form="", town=""))

    html = response.content.decode()
    assert 'id="form-errors" role="alert" tabindex="-1" aria-labelledby="form-errors-heading"' in html
    assertContains(response, f'<h2 id="form-errors-heading">{HEADING}</h2>', html=True)
    assertContains(response, '<li><a href="#id_name">Nazwa</a>: To pole jest wymagane.</li>', html=True)
    assertContains(response, '<a href="#id_legal_form">Forma prawna</a>', html=True)
    assertContains(response, '<a href="#id_gmina">Gmina</a>', html=True)
    assertContains(response, '<script src="/static/js/form-errors.js" defer></script>', html=True)


def test_a_wrong_choice_in_a_checkbox_group_links_to_its_first_checkbox(client_a):
    response = client_a.post(reverse("member:propose"), entity_post(sectors=["999"]))

    assertContains(response, '<a href="#id_sectors_0">Branże</a>', html=True)


def test_a_photo_without_a_description_is_named_by_its_row(client_a):
    photo = factories.image_upload("ogrod.jpg")
    response = client_a.post(reverse("member:propose"), {**entity_post(), "zdjecia-1-image": photo})

    assertContains(
        response,
        '<li><a href="#id_zdjecia-1-alt_text">Zdjęcie 2 – Opis zdjęcia</a>: Opisz, co widać na zdjęciu.</li>',
        html=True,
    )


def test_a_form_without_errors_has_no_summary_and_no_script(client_a, org_a):
    for url in [reverse("member:propose"), reverse("member:entity_edit", args=[org_a.slug])]:
        response = client_a.get(url)
        assertNotContains(response, 'id="form-errors"')
        assertNotContains(response, "form-errors.js")


def test_the_account_deletion_summary_names_the_password_and_the_confirmation(client_a):
    response = client_a.post(reverse("member:account_delete"), {"password": ""})

    assertContains(response, '<a href="#id_password">Twoje hasło</a>', html=True)
    assertContains(response, '<a href="#id_confirm">', count=1)


def test_an_initiative_reports_wrong_link_is_named_by_its_row(client_a, org_a):
    report = factories.InitiativeFactory(title="Kuchnia społeczna", organisers=[org_a])
    data = initiative_post_for(report, summary="Nowe streszczenie.")
    data.update(links_post([("Gazeta", "nie adres")]))
    response = client_a.post(reverse("initiative_member:edit", args=[report.slug]), data)

    assertContains(
        response,
        '<li><a href="#id_odnosniki-0-url">Odnośnik 1 – Adres</a>: Wpisz poprawny URL.</li>',
        html=True,
    )
