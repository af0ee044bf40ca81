"""'Moje konto': the person's organisations and submissions with their state and the editor's reason."""

import pytest
from django.urls import reverse

from tests.factories import ClaimFactory, EntitySubmissionFactory, verified_user

pytestmark = pytest.mark.django_db
URL = reverse("member:dashboard")


def test_it_lists_my_organisations_submissions_and_reasons(client_a, member_a, org_a, org_b):
    EntitySubmissionFactory(entity=org_a, submitted_by=member_a, state="rejected", reason="Brak źródła.")
    ClaimFactory(entity=org_b, submitted_by=member_a)
    html = client_a.get(URL).content.decode()
    assert org_a.name in html
    assert "Brak źródła." in html
    assert "odrzucone" in html
    assert org_b.name in html
    assert reverse("member:entity_edit", args=[org_a.slug]) in html


def test_it_shows_nothing_of_other_people(client_a, member_b, org_b):
    EntitySubmissionFactory(entity=org_b, submitted_by=member_b, reason="Tajne uzasadnienie.")
    html = client_a.get(URL).content.decode()
    assert "Tajne uzasadnienie." not in html
    assert reverse("member:entity_edit", args=[org_b.slug]) not in html


def test_it_has_empty_states(client):
    client.force_login(verified_user("pusta@example.org"))
    html = client.get(URL).content.decode()
    assert "Nie należysz jeszcze do żadnej organizacji." in html
    assert "Nie masz jeszcze żadnych zgłoszeń." in html


def test_its_query_count_does_not_grow_with_submissions(client_a, member_a, org_a, django_assert_num_queries):
    # Six for the profiles' part, two for initiative reports (the person's submissions and their
    # organisations' reports they may propose changes to), one for the monitoring questionnaires, one each for the
    # person's Pakt declarations and publication proposals.
    EntitySubmissionFactory(entity=org_a, submitted_by=member_a)
    client_a.get(URL)
    with django_assert_num_queries(11):
        client_a.get(URL)
    EntitySubmissionFactory.create_batch(15, entity=org_a, submitted_by=member_a)
    ClaimFactory.create_batch(3, submitted_by=member_a)
    with django_assert_num_queries(11):
        response = client_a.get(URL)
    assert len(response.context["page"].object_list) == 16


def test_an_anonymous_visitor_is_sent_to_log_in(client):
    assert reverse("account_login") in client.get(URL)["Location"]


def test_a_wrong_method_is_refused(client_a):
    assert client_a.post(URL).status_code == 405
