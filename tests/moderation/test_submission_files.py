"""Files sent with submissions: private until approved, deleted with refused and withdrawn submissions.

Before, every submission's image was public media from the moment it was sent, and the images of withdrawn
and rejected submissions stayed public at their address, even after the account was deleted.
"""

from pathlib import Path

import pytest
from django.core.files.storage import FileSystemStorage
from django.urls import reverse

from entities.models import EntitySubmission, SubmissionImage
from members.services import account_delete
from moderation import services
from moderation.files import move_images_to_private
from tests.factories import EntitySubmissionFactory, image_upload, member_of, redaktor

pytestmark = pytest.mark.django_db


@pytest.fixture
def pending_photo(member_a, org_a):
    submission = EntitySubmissionFactory(entity=org_a, submitted_by=member_a, data={})
    return SubmissionImage.objects.create(
        submission=submission, role="photo", image=image_upload(), alt_text="Pracownia"
    )


def test_a_pending_image_is_not_public_media(pending_photo, settings):
    assert not (Path(settings.MEDIA_ROOT) / pending_photo.image.name).exists()
    assert (Path(settings.PRIVATE_MEDIA_ROOT) / pending_photo.image.name).exists()
    with pytest.raises(ValueError):
        pending_photo.image.url  # noqa: B018  (private storage has no address)


def test_it_is_served_to_its_submitter_and_to_editors_only(client, client_a, org_b, pending_photo):
    url = pending_photo.private_url
    response = client_a.get(url)
    assert response.status_code == 200 and response["Content-Type"] == "image/jpeg"
    assert "private" in response["Cache-Control"]
    client.force_login(redaktor())
    assert client.get(url).status_code == 200
    client.force_login(member_of(org_b, "bartek@beta.example.org"))
    assert client.get(url).status_code == 404
    client.logout()
    assert client.get(url).status_code == 302


def test_an_unknown_kind_of_file_is_a_404(client_a, pending_photo):
    url = reverse("moderation:submission_image", args=["auth.user", pending_photo.pk])
    assert client_a.get(url).status_code == 404


def test_the_submitter_sees_it_on_their_submission_page(client_a, pending_photo):
    page = client_a.get(reverse("member:submission_detail", args=[pending_photo.submission.pk]))
    assert pending_photo.private_url in page.content.decode()


@pytest.mark.parametrize("decide", ["reject", "withdraw"])
def test_refused_and_withdrawn_submissions_lose_their_images(
    pending_photo, settings, django_capture_on_commit_callbacks, decide
):
    path = Path(settings.PRIVATE_MEDIA_ROOT) / pending_photo.image.name
    with django_capture_on_commit_callbacks(execute=True):
        if decide == "reject":
            services.reject(pending_photo.submission, redaktor(), "Zdjęcie nie przedstawia organizacji.")
        else:
            services.withdraw(pending_photo.submission)
    assert not SubmissionImage.objects.exists()
    assert not path.exists()


def test_approving_publishes_a_copy_and_keeps_the_private_file(pending_photo, org_a, settings):
    services.approve(pending_photo.submission, redaktor())
    [photo] = org_a.photos.all()
    assert (Path(settings.MEDIA_ROOT) / photo.image.name).exists()
    assert photo.image.name != pending_photo.image.name
    assert (Path(settings.PRIVATE_MEDIA_ROOT) / pending_photo.image.name).exists()


def test_deleting_the_account_deletes_the_images_of_refused_submissions(
    member_a, org_a, settings, django_capture_on_commit_callbacks
):
    refused = EntitySubmissionFactory(entity=org_a, submitted_by=member_a, state="rejected")
    image = SubmissionImage.objects.create(submission=refused, role="logo", image=image_upload())
    path = Path(settings.PRIVATE_MEDIA_ROOT) / image.image.name
    with django_capture_on_commit_callbacks(execute=True):
        account_delete(member_a)
    assert EntitySubmission.objects.get() == refused
    assert not SubmissionImage.objects.exists() and not path.exists()


def test_files_sent_before_move_to_private_storage(member_a, org_a, settings):
    """The data migration's step: pending files become private, refused ones go, approved ones are copied."""
    public = FileSystemStorage(location=settings.MEDIA_ROOT)
    rows = {}
    for state in ("pending", "rejected", "approved"):
        submission = EntitySubmissionFactory(entity=org_a, submitted_by=member_a, state=state)
        name = public.save(f"entities/submissions/{state}.jpg", image_upload())
        rows[state] = SubmissionImage.objects.create(submission=submission, role="photo", image=name)
    move_images_to_private(SubmissionImage)
    private = Path(settings.PRIVATE_MEDIA_ROOT)
    assert (private / "entities/submissions/pending.jpg").exists()
    assert not public.exists("entities/submissions/pending.jpg")
    assert not public.exists("entities/submissions/rejected.jpg")
    assert not SubmissionImage.objects.filter(pk=rows["rejected"].pk).exists()
    assert public.exists("entities/submissions/approved.jpg")
    assert (private / "entities/submissions/approved.jpg").exists()


def test_the_decision_page_shows_the_image_through_the_private_address(editor_client, pending_photo):
    url = reverse("admin:entities_entitysubmission_change", args=[pending_photo.submission.pk])
    response = editor_client.get(url)
    assert response.status_code == 200
    assert pending_photo.private_url in response.content.decode()
