"""Line breaks in one-line fields: refused with a Polish message, and never able to break an e-mail.

Before, name="Fundacja Nowa\r\nBcc: x@example.org" on the proposal form gave the member a 500 after the
submission was stored, and the editor a 500 on approval (the decision saved, the submitter never told).
"""

import pytest
from django.core import mail
from django.urls import reverse

from entities.models import EntitySubmission
from initiatives.models import InitiativeSubmission
from tests.entities.posts import entity_post, entity_post_for
from tests.factories import gmina, redaktor, verified_user
from tests.initiatives.posts import initiative_post

pytestmark = pytest.mark.django_db
INJECTED = "Fundacja Nowa\r\nBcc: x@example.org"
MESSAGE = "musi mieścić się w jednym wierszu"


def test_a_proposed_name_with_a_line_break_is_refused_and_nothing_is_stored(client_a, settings):
    settings.MODERATION_NOTIFY_EMAILS = ["redakcja@example.org"]
    data = entity_post(gmina=str(gmina("120102").pk), name=INJECTED)
    response = client_a.post(reverse("member:propose"), data)
    assert response.status_code == 200
    assert MESSAGE in response.content.decode()
    assert not EntitySubmission.objects.exists()


@pytest.mark.parametrize("field", ["name", "short_name", "town", "phone", "contact_name"])
def test_one_line_fields_of_a_change_refuse_line_breaks(client_a, org_a, field):
    response = client_a.post(
        reverse("member:entity_edit", args=[org_a.slug]), entity_post_for(org_a, **{field: "Jeden\nDwa"})
    )
    assert response.status_code == 200
    assert MESSAGE in response.content.decode()
    assert not EntitySubmission.objects.exists()


def test_an_initiative_title_and_a_photo_description_refuse_line_breaks(client_a, org_a):
    url = reverse("initiative_member:propose", args=[org_a.slug])
    response = client_a.post(url, initiative_post(title="Ogród\r\nBcc: x@example.org"))
    assert MESSAGE in response.content.decode()
    assert not InitiativeSubmission.objects.exists()


def test_multi_line_fields_keep_their_lines(client_a, org_a):
    response = client_a.post(
        reverse("member:entity_edit", args=[org_a.slug]), entity_post_for(org_a, description="Jeden.\r\nDwa.")
    )
    assert response.status_code == 302


def test_a_stored_name_with_a_line_break_cannot_break_the_decision_or_its_e_mails(client, settings):
    """A submission stored before the rule (or by other means): approving it works and tells the submitter."""
    settings.MODERATION_NOTIFY_EMAILS = ["redakcja@example.org"]
    submitter = verified_user("zglaszajaca@example.org")
    data = {"name": INJECTED, "legal_form": "fundacja", "town": "Bochnia", "gmina": gmina("120102").pk}
    proposal = EntitySubmission.objects.create(kind="create", submitted_by=submitter, data=data)
    client.force_login(redaktor())
    response = client.post(
        reverse("admin:entities_entitysubmission_decide", args=[proposal.pk]), {"decision": "approve"}
    )
    assert response.status_code == 302
    proposal.refresh_from_db()
    assert proposal.state == "approved"
    [message] = mail.outbox
    assert message.to == ["zglaszajaca@example.org"]
    assert "\n" not in message.subject and "\r" not in message.subject
    assert "Fundacja Nowa Bcc: x@example.org" in message.subject
    assert message.bcc == []
