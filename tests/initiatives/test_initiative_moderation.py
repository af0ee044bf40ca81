"""Initiative reports in the editors' moderation queue: comparison, approve or reject with a reason, e-mail."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from initiatives import services
from initiatives.models import Initiative, InitiativeSubmission, InitiativeSubmissionImage
from tests.factories import InitiativeFactory, InitiativeSubmissionFactory, image_upload, verified_user

pytestmark = pytest.mark.django_db
QUEUE = reverse("admin:entities_moderation_queue")


def decide(submission):
    return reverse("admin:initiatives_initiativesubmission_decide", args=[submission.pk])


def change_page(submission):
    return reverse("admin:initiatives_initiativesubmission_change", args=[submission.pk])


@pytest.fixture
def submitter(db):
    return verified_user("zglaszajaca@example.org")


@pytest.fixture
def report(org_a):
    return InitiativeFactory(title="Kuchnia społeczna", summary="Gotujemy razem.", organisers=[org_a])


def new_report(entity, user, title="Warsztaty stolarskie"):
    data = {
        "title": title,
        "summary": "Uczymy stolarki.",
        "theme": "edukacja",
        "start_date": "2025-02-01",
        "organisers": [entity.pk],
        "powiaty": [],
    }
    return services.submission_create(user, entity=entity, data=data)


def test_the_queue_lists_initiative_proposals_and_changes_oldest_first_with_counts(
    editor_client, org_a, report, submitter
):
    now = timezone.now()
    newer = InitiativeSubmissionFactory(
        initiative=report, entity=org_a, submitted_by=submitter, created_at=now
    )
    older = InitiativeSubmissionFactory(
        initiative=report, entity=org_a, submitted_by=submitter, created_at=now - datetime.timedelta(days=3)
    )
    InitiativeSubmissionFactory(initiative=report, entity=org_a, state="approved")
    new_report(org_a, submitter)
    html = editor_client.get(QUEUE).content.decode()
    assert "Zmiana inicjatywy: 2" in html
    assert "Nowa inicjatywa: 1" in html
    assert "Warsztaty stolarskie" in html
    assert html.index(change_page(older)) < html.index(change_page(newer))
    index = editor_client.get(reverse("admin:index")).content.decode()
    assert 'Kolejka moderacji <span class="attention__count">3</span>' in index
    assert "Zgłoszenia inicjatyw: 3" in index


def test_the_change_page_compares_live_and_proposed_values(editor_client, org_a, report, submitter):
    change = InitiativeSubmissionFactory(
        initiative=report, entity=org_a, submitted_by=submitter, data={"summary": "Gotujemy i uczymy."}
    )
    html = editor_client.get(change_page(change)).content.decode()
    assert "Porównanie" in html
    assert "Gotujemy razem." in html and "Gotujemy i uczymy." in html
    assert 'value="approve"' in html and 'value="reject"' in html


def test_a_new_report_links_to_its_preview(editor_client, org_a, submitter):
    proposal = new_report(org_a, submitter)
    html = editor_client.get(change_page(proposal)).content.decode()
    assert proposal.initiative.get_absolute_url() in html
    assert editor_client.get(proposal.initiative.get_absolute_url()).status_code == 200


def test_approving_a_new_report_publishes_it_with_its_photos_and_emails_the_submitter(
    editor_client, editor, org_a, submitter
):
    proposal = new_report(org_a, submitter)
    InitiativeSubmissionImage.objects.create(submission=proposal, image=image_upload(), alt="Warsztat")
    assert editor_client.post(decide(proposal), {"decision": "approve"}).status_code == 302
    proposal.refresh_from_db()
    initiative = proposal.initiative
    assert initiative.state == "published"
    assert [photo.alt for photo in initiative.photos.all()] == ["Warsztat"]
    assert (proposal.state, proposal.decided_by) == ("approved", editor)
    assert proposal.decided_at is not None
    assert mail.outbox[-1].to == ["zglaszajaca@example.org"]
    assert "zatwierdziła" in mail.outbox[-1].body
    assert initiative.get_absolute_url() in mail.outbox[-1].body


def test_approving_a_change_applies_it_atomically(editor_client, org_a, report, submitter):
    photo = report.photos.create(image=image_upload(), alt="Stara")
    change = InitiativeSubmissionFactory(
        initiative=report,
        entity=org_a,
        submitted_by=submitter,
        data={"summary": "Gotujemy i uczymy.", "end_date": "2025-12-31"},
        photos_removed=[photo.pk],
    )
    editor_client.post(decide(change), {"decision": "approve"})
    report.refresh_from_db()
    assert report.summary == "Gotujemy i uczymy."
    assert report.end_date == datetime.date(2025, 12, 31)
    assert not report.photos.exists()


def test_a_change_that_no_longer_fits_is_not_applied(editor_client, org_a, report, submitter):
    change = InitiativeSubmissionFactory(
        initiative=report,
        entity=org_a,
        submitted_by=submitter,
        data={"summary": "Nowe.", "end_date": "2020-01-01"},  # before the start (2024-03-01)
    )
    response = editor_client.post(decide(change), {"decision": "approve"}, follow=True)
    assert "Nie zastosowano" in response.content.decode()
    report.refresh_from_db()
    change.refresh_from_db()
    assert (report.summary, change.state) == ("Gotujemy razem.", "pending")


def test_rejecting_needs_a_reason_which_the_submitter_receives(editor_client, org_a, submitter):
    proposal = new_report(org_a, submitter)
    editor_client.post(decide(proposal), {"decision": "reject", "reason": ""})
    proposal.refresh_from_db()
    assert proposal.state == "pending"
    editor_client.post(decide(proposal), {"decision": "reject", "reason": "Brak opisu rezultatów."})
    proposal.refresh_from_db()
    assert (proposal.state, proposal.reason) == ("rejected", "Brak opisu rezultatów.")
    # The report was never public: it goes, the submission keeps what was proposed.
    assert proposal.initiative is None
    assert not Initiative.objects.exists()
    assert proposal.data["title"] == "Warsztaty stolarskie"
    assert "Brak opisu rezultatów." in mail.outbox[-1].body


def test_a_report_an_editor_already_published_is_not_removed_by_a_rejection(editor_client, org_a, submitter):
    proposal = new_report(org_a, submitter)
    proposal.initiative.publish()
    editor_client.post(decide(proposal), {"decision": "reject", "reason": "Zgłoszenie powielone."})
    assert Initiative.objects.get().is_published


def test_members_cannot_decide(client_a, org_a, member_a):
    proposal = new_report(org_a, member_a)
    client_a.post(decide(proposal), {"decision": "approve"})
    proposal.refresh_from_db()
    assert proposal.state == "pending"
    assert proposal.initiative.state == "pending"


def test_the_decision_needs_post(editor_client, org_a, submitter):
    assert editor_client.get(decide(new_report(org_a, submitter))).status_code == 405


def test_a_decided_item_cannot_be_decided_again(editor_client, org_a, report, submitter):
    change = InitiativeSubmissionFactory(initiative=report, entity=org_a, state="rejected")
    response = editor_client.post(decide(change), {"decision": "approve"}, follow=True)
    assert "już rozpatrzone" in response.content.decode()


def test_editors_are_told_about_new_reports(org_a, submitter, settings, django_capture_on_commit_callbacks):
    settings.MODERATION_NOTIFY_EMAILS = ["redakcja@example.org"]
    with django_capture_on_commit_callbacks(execute=True):
        new_report(org_a, submitter)
    assert mail.outbox[-1].to == ["redakcja@example.org"]
    assert "Warsztaty stolarskie" in mail.outbox[-1].subject
    assert QUEUE in mail.outbox[-1].body


def test_editors_publish_and_feature_directly_in_the_admin(editor_client, org_a):
    draft = InitiativeFactory(state="draft")
    editor_client.post(
        reverse("admin:initiatives_initiative_changelist"),
        {"action": "publish_selected", "_selected_action": [draft.pk]},
    )
    draft.refresh_from_db()
    assert draft.is_published
    assert InitiativeSubmission.objects.count() == 0


def test_the_initiative_admin_shows_members_submissions_about_it(editor_client, org_a, report, submitter):
    change = InitiativeSubmissionFactory(initiative=report, entity=org_a, submitted_by=submitter)
    html = editor_client.get(
        reverse("admin:initiatives_initiative_change", args=[report.pk])
    ).content.decode()
    assert "Zgłoszenia członków organizacji" in html
    assert change_page(change) in html
    response = editor_client.post(
        reverse("admin:initiatives_initiative_changelist"),
        {"action": "publish_selected", "_selected_action": [report.pk]},
    )
    assert response.status_code == 302
