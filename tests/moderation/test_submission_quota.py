"""The submission quota counts stored submissions, not form mistakes.

Before, every POST counted: ten forms sent back with mistakes locked a person out for an hour.
"""

import pytest
from django.urls import reverse

from entities.models import EntitySubmission
from tests.entities.posts import entity_post
from tests.factories import gmina

pytestmark = pytest.mark.django_db
URL = reverse("member:propose")


def proposal(name, **overrides):
    return entity_post(gmina=str(gmina("120102").pk), nip="", name=name, **overrides)


def test_forms_sent_back_with_mistakes_use_up_nothing(client_a, settings):
    settings.SUBMISSION_RATE_PER_USER = "2/h"
    for _attempt in range(5):
        assert client_a.post(URL, proposal("")).status_code == 200  # the name is missing
    assert client_a.post(URL, proposal("Pierwsza organizacja")).status_code == 302
    assert client_a.post(URL, proposal("Druga organizacja")).status_code == 302
    response = client_a.post(URL, proposal("Trzecia organizacja"))
    assert response.status_code == 429
    assert EntitySubmission.objects.count() == 2


def test_mistakes_on_another_submission_form_use_up_nothing_either(client_a, org_a, settings):
    settings.SUBMISSION_RATE_PER_IP = "1/h"
    claim = reverse("member:claim", args=[org_a.slug])
    for _attempt in range(3):
        assert client_a.post(claim, {"justification": ""}).status_code == 200
    assert client_a.post(URL, proposal("Nowa organizacja")).status_code == 302
    assert client_a.post(URL, proposal("Kolejna organizacja")).status_code == 429
