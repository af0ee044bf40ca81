"""'Moje konto' and the submission pages: a member follows, withdraws and reads decisions on their reports."""

import re

import pytest
from django.urls import reverse

from initiatives import services
from initiatives.models import Initiative, InitiativeSubmission
from members.services import account_delete
from tests.factories import InitiativeFactory, InitiativeSubmissionFactory

pytestmark = pytest.mark.django_db
INLINE = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*application/(ld\+)?json)|\son[a-z]+=|\sstyle=", re.I)


def new_report(entity, user, title="Warsztaty stolarskie"):
    data = {"title": title, "summary": "Uczymy.", "theme": "edukacja", "start_date": "2025-02-01"}
    return services.submission_create(user, entity=entity, data={**data, "organisers": [entity.pk]})


def detail(submission):
    return reverse("initiative_member:submission_detail", args=[submission.pk])


def withdraw(submission):
    return reverse("initiative_member:submission_withdraw", args=[submission.pk])


def test_the_account_page_lists_my_reports_states_and_reasons(client_a, member_a, org_a, member_b, org_b):
    report = InitiativeFactory(title="Kuchnia społeczna", organisers=[org_a])
    InitiativeSubmissionFactory(
        initiative=report, entity=org_a, submitted_by=member_a, state="rejected", reason="Brak zdjęć."
    )
    new_report(org_a, member_a)
    InitiativeSubmissionFactory(entity=org_b, submitted_by=member_b, reason="Tajne uzasadnienie.")
    html = client_a.get(reverse("member:dashboard")).content.decode()
    assert "Zmiana inicjatywy: Kuchnia społeczna" in html
    assert "Brak zdjęć." in html and "odrzucone" in html
    assert "Nowa inicjatywa: Warsztaty stolarskie" in html
    assert "oczekuje na decyzję redakcji" in html
    assert "Tajne uzasadnienie." not in html
    assert reverse("initiative_member:edit", args=[report.slug]) in html


def test_the_account_page_has_an_empty_state(client_a):
    assert (
        "Nie zgłaszałeś(-aś) jeszcze żadnej inicjatywy."
        in client_a.get(reverse("member:dashboard")).content.decode()
    )


def test_the_submission_page_compares_proposed_and_live_values(client_a, member_a, org_a):
    report = InitiativeFactory(summary="Gotujemy razem.", organisers=[org_a])
    change = InitiativeSubmissionFactory(
        initiative=report, entity=org_a, submitted_by=member_a, data={"summary": "Gotujemy i uczymy."}
    )
    html = client_a.get(detail(change)).content.decode()
    assert "Gotujemy razem." in html and "Gotujemy i uczymy." in html
    assert withdraw(change) in html


def test_withdrawing_a_new_report_removes_the_unpublished_initiative(client_a, member_a, org_a):
    proposal = new_report(org_a, member_a)
    assert client_a.post(withdraw(proposal)).status_code == 302
    proposal.refresh_from_db()
    assert proposal.state == "withdrawn"
    assert not Initiative.objects.exists()
    again = client_a.get(detail(proposal)).content.decode()
    assert reverse("initiative_member:propose", args=[org_a.slug]) + f"?z={proposal.pk}" in again


def test_a_decided_submission_cannot_be_withdrawn(client_a, member_a, org_a):
    change = InitiativeSubmissionFactory(entity=org_a, submitted_by=member_a, state="approved")
    client_a.post(withdraw(change))
    change.refresh_from_db()
    assert change.state == "approved"


def test_withdrawing_needs_post(client_a, member_a, org_a):
    proposal = new_report(org_a, member_a)
    assert client_a.get(withdraw(proposal)).status_code == 405
    assert client_a.post(detail(proposal)).status_code == 405


@pytest.mark.parametrize("persona", ["member_b", "editor"])
def test_other_people_get_404_and_change_nothing(client, request, member_a, org_a, persona):
    proposal = new_report(org_a, member_a)
    client.force_login(request.getfixturevalue(persona))
    assert client.get(detail(proposal)).status_code == 404
    assert client.post(withdraw(proposal)).status_code == 404
    proposal.refresh_from_db()
    assert proposal.state == "pending"


def test_anonymous_visitors_are_sent_to_log_in(client, member_a, org_a):
    proposal = new_report(org_a, member_a)
    for response in (client.get(detail(proposal)), client.post(withdraw(proposal))):
        assert reverse("account_login") in response["Location"]
    proposal.refresh_from_db()
    assert proposal.state == "pending"


def test_unknown_ids_and_slugs_are_404(client_a):
    assert client_a.get(reverse("initiative_member:submission_detail", args=[999999])).status_code == 404
    assert client_a.get(reverse("initiative_member:propose", args=["nie-ma"])).status_code == 404
    assert client_a.get(reverse("initiative_member:edit", args=["nie-ma"])).status_code == 404


def test_deleting_the_account_takes_pending_reports_along(member_a, org_a):
    new_report(org_a, member_a)
    decided = InitiativeSubmissionFactory(entity=org_a, submitted_by=member_a, state="approved")
    account_delete(member_a)
    assert not Initiative.objects.filter(state="pending").exists()
    assert list(InitiativeSubmission.objects.all()) == [decided]


def test_the_pages_have_no_inline_code_or_styles(client_a, member_a, org_a):
    report = InitiativeFactory(organisers=[org_a])
    proposal = new_report(org_a, member_a)
    for url in [
        reverse("initiative_member:propose", args=[org_a.slug]),
        reverse("initiative_member:edit", args=[report.slug]),
        detail(proposal),
        reverse("member:dashboard"),
    ]:
        response = client_a.get(url)
        assert response.status_code == 200, url
        assert not INLINE.search(response.content.decode()), url


def test_the_account_page_query_count_does_not_grow_with_reports(
    client_a, member_a, org_a, django_assert_num_queries
):
    # No profile submissions here, so the profiles' list needs only its count (one query fewer than 11,
    # which includes the monitoring questionnaires', the Pakt declarations' and the publication proposals' ones).
    report = InitiativeFactory(organisers=[org_a])
    InitiativeSubmissionFactory(initiative=report, entity=org_a, submitted_by=member_a)
    client_a.get(reverse("member:dashboard"))
    with django_assert_num_queries(10):
        client_a.get(reverse("member:dashboard"))
    InitiativeSubmissionFactory.create_batch(12, initiative=report, entity=org_a, submitted_by=member_a)
    InitiativeFactory.create_batch(3, organisers=[org_a])
    with django_assert_num_queries(10):
        response = client_a.get(reverse("member:dashboard"))
    assert len(response.context["initiative_submissions"]) == 13
