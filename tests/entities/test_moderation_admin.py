"""The editors' moderation queue in the admin: comparison, approve or reject with a reason, e-mail."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from entities.models import Entity, EntitySubmission, Membership
from tests.entities.posts import entity_post_for
from tests.factories import ClaimFactory, EntityFactory, EntitySubmissionFactory, verified_user

pytestmark = pytest.mark.django_db
QUEUE = reverse("admin:entities_moderation_queue")


def decide(submission):
    return reverse("admin:entities_entitysubmission_decide", args=[submission.pk])


@pytest.fixture
def submitter(db):
    return verified_user("zglaszajaca@example.org")


def test_the_queue_lists_pending_items_oldest_first_with_counts(editor_client, org_a, submitter):
    now = timezone.now()
    newer = EntitySubmissionFactory(entity=org_a, submitted_by=submitter, created_at=now)
    older = EntitySubmissionFactory(
        entity=org_a, submitted_by=submitter, created_at=now - datetime.timedelta(days=2)
    )
    EntitySubmissionFactory(entity=org_a, state="approved")
    EntitySubmission.objects.create(kind="create", submitted_by=submitter, data={"name": "Nowa Spółdzielnia"})
    ClaimFactory(entity=org_a, submitted_by=submitter)
    html = editor_client.get(QUEUE).content.decode()
    assert "Zmiana danych: 2" in html
    assert "Nowy podmiot: 1" in html
    assert "Prośby o dostęp do profilu: 1" in html
    assert "Archiwizacja: 0" in html
    assert html.index(f"/{older.pk}/change/") < html.index(f"/{newer.pk}/change/")
    home = editor_client.get(reverse("admin:index")).content.decode()
    assert 'Kolejka moderacji <span class="attention__count">4</span>' in home
    assert "Zgłoszenia organizacji: 3" in home and "Prośby o dostęp do profilu: 1" in home


def test_only_editors_see_the_queue(client, client_a):
    assert client_a.get(QUEUE).status_code == 302
    client.logout()
    assert client.get(QUEUE).status_code == 302


def test_the_change_page_compares_live_and_proposed_values(editor_client, org_a, submitter):
    change = EntitySubmissionFactory(
        entity=org_a, submitted_by=submitter, data={"description": "Nowy opis.", "town": "Tarnów"}
    )
    html = editor_client.get(
        reverse("admin:entities_entitysubmission_change", args=[change.pk])
    ).content.decode()
    assert "Porównanie" in html
    assert org_a.description in html
    assert "Nowy opis." in html
    assert "Tarnów" in html
    assert 'value="approve"' in html


def test_approving_applies_the_change_records_the_editor_and_emails_the_submitter(
    editor_client, editor, org_a, submitter
):
    change = EntitySubmissionFactory(entity=org_a, submitted_by=submitter, data={"description": "Nowy opis."})
    response = editor_client.post(decide(change), {"decision": "approve"})
    assert response.status_code == 302
    org_a.refresh_from_db()
    change.refresh_from_db()
    assert org_a.description == "Nowy opis."
    assert (change.state, change.decided_by) == ("approved", editor)
    assert mail.outbox[-1].to == ["zglaszajaca@example.org"]
    assert "zatwierdziła" in mail.outbox[-1].body


def test_rejecting_needs_a_reason_which_the_submitter_receives(editor_client, org_a, submitter):
    change = EntitySubmissionFactory(entity=org_a, submitted_by=submitter, data={"description": "Reklama."})
    editor_client.post(decide(change), {"decision": "reject", "reason": ""})
    change.refresh_from_db()
    assert change.state == "pending"
    assert not mail.outbox
    editor_client.post(decide(change), {"decision": "reject", "reason": "Opis nie dotyczy organizacji."})
    change.refresh_from_db()
    org_a.refresh_from_db()
    assert (change.state, change.reason) == ("rejected", "Opis nie dotyczy organizacji.")
    assert org_a.description != "Reklama."
    assert "Opis nie dotyczy organizacji." in mail.outbox[-1].body


def test_the_decision_needs_post(editor_client, org_a):
    change = EntitySubmissionFactory(entity=org_a)
    assert editor_client.get(decide(change)).status_code == 405


def test_members_cannot_decide(client_a, org_a, member_a):
    change = EntitySubmissionFactory(entity=org_a, submitted_by=member_a)
    client_a.post(decide(change), {"decision": "approve"})
    change.refresh_from_db()
    assert change.state == "pending"


def test_a_change_that_no_longer_fits_is_not_applied(editor_client, org_a, org_b, submitter):
    change = EntitySubmissionFactory(
        entity=org_a, submitted_by=submitter, data={"nip": org_b.nip, "description": "Nowy opis."}
    )
    response = editor_client.post(decide(change), {"decision": "approve"}, follow=True)
    assert "Nie zastosowano" in response.content.decode()
    change.refresh_from_db()
    org_a.refresh_from_db()
    assert change.state == "pending"
    assert org_a.description != "Nowy opis."


def test_approving_a_proposal_publishes_the_entity_and_makes_the_submitter_a_member(
    editor_client, submitter, gmina_krakow
):
    proposal = EntitySubmission.objects.create(
        kind="create",
        submitted_by=submitter,
        data={
            "name": "Koło Gospodyń Wiejskich w Mogile",
            "legal_form": "kgw",
            "town": "Kraków",
            "gmina": gmina_krakow.pk,
        },
    )
    editor_client.post(decide(proposal), {"decision": "approve"})
    entity = Entity.objects.get(name="Koło Gospodyń Wiejskich w Mogile")
    assert entity.is_published
    assert Membership.objects.filter(user=submitter, entity=entity).exists()
    proposal.refresh_from_db()
    assert proposal.entity == entity


def test_approving_an_archive_request_hides_the_entity_from_the_list(editor_client, client, org_a, member_a):
    request = EntitySubmission.objects.create(kind="archive", entity=org_a, submitted_by=member_a)
    editor_client.post(decide(request), {"decision": "approve"})
    org_a.refresh_from_db()
    assert org_a.state == "archived"
    client.logout()
    assert client.get(org_a.get_absolute_url()).status_code == 404
    assert Entity.objects.filter(pk=org_a.pk).exists()


def test_claims_are_decided_from_their_admin_page(editor_client, org_a, submitter):
    claim = ClaimFactory(entity=org_a, submitted_by=submitter)
    page = editor_client.get(reverse("admin:entities_claim_change", args=[claim.pk])).content.decode()
    assert claim.justification in page
    editor_client.post(reverse("admin:entities_claim_decide", args=[claim.pk]), {"decision": "approve"})
    assert Membership.objects.filter(user=submitter, entity=org_a).exists()


def test_a_decided_item_cannot_be_decided_again(editor_client, org_a, submitter):
    change = EntitySubmissionFactory(entity=org_a, submitted_by=submitter, state="rejected")
    response = editor_client.post(decide(change), {"decision": "approve"}, follow=True)
    assert "już rozpatrzone" in response.content.decode()


def test_editors_manage_photos_in_the_entity_admin(editor_client):
    entity = EntityFactory()
    response = editor_client.get(reverse("admin:entities_entity_change", args=[entity.pk]))
    assert "photos-TOTAL_FORMS" in response.content.decode()


def test_editors_are_told_about_new_submissions_and_claims(
    client_a, org_a, org_b, settings, django_capture_on_commit_callbacks
):
    settings.MODERATION_NOTIFY_EMAILS = ["redakcja@example.org"]
    with django_capture_on_commit_callbacks(execute=True):
        client_a.post(reverse("member:entity_edit", args=[org_a.slug]), entity_post_for(org_a, offer="Nowa."))
    client_a.post(reverse("member:claim", args=[org_b.slug]), {"justification": "Też tam pracuję."})
    assert [message.to for message in mail.outbox] == [["redakcja@example.org"]] * 2
    assert QUEUE in mail.outbox[0].body
    assert org_b.name in mail.outbox[1].subject
