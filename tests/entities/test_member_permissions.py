"""Every member page that takes a slug or an id, tried by each persona that must not get in."""

import pytest
from django.urls import reverse

from entities.models import EntitySubmission
from tests.factories import EntitySubmissionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def own_pages(org_a, member_a):
    submission = EntitySubmissionFactory(entity=org_a, submitted_by=member_a)
    return submission, [
        ("get", reverse("member:entity_edit", args=[org_a.slug])),
        ("post", reverse("member:entity_edit", args=[org_a.slug])),
        ("get", reverse("member:entity_archive", args=[org_a.slug])),
        ("post", reverse("member:entity_archive", args=[org_a.slug])),
        ("get", reverse("member:submission_detail", args=[submission.pk])),
        ("post", reverse("member:submission_withdraw", args=[submission.pk])),
    ]


@pytest.mark.parametrize("persona", ["member_b", "editor"])
def test_other_people_get_404_and_change_nothing(client, request, own_pages, persona):
    submission, pages = own_pages
    client.force_login(request.getfixturevalue(persona))
    for method, url in pages:
        assert getattr(client, method)(url, {"message": "x", "description": "y"}).status_code == 404, url
    submission.refresh_from_db()
    assert submission.state == "pending"
    assert EntitySubmission.objects.count() == 1


def test_anonymous_visitors_are_sent_to_log_in_and_change_nothing(client, own_pages):
    submission, pages = own_pages
    for method, url in pages:
        response = getattr(client, method)(url)
        assert response.status_code == 302, url
        assert reverse("account_login") in response["Location"]
    submission.refresh_from_db()
    assert submission.state == "pending"


def test_the_member_gets_in(client_a, own_pages):
    _, pages = own_pages
    for method, url in pages:
        if method == "get":
            assert client_a.get(url).status_code == 200, url


def test_unknown_ids_and_slugs_are_404(client_a):
    assert client_a.get(reverse("member:entity_edit", args=["nie-ma-takiego"])).status_code == 404
    assert client_a.get(reverse("member:submission_detail", args=[999999])).status_code == 404
    assert client_a.get(reverse("member:claim", args=["nie-ma-takiego"])).status_code == 404
