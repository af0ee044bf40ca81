"""A full disk or a media folder the app may not write to: a clear Polish page, nothing half-written."""

import errno

import pytest
from django.test import Client
from django.urls import reverse

from entities.models import EntitySubmission, SubmissionImage
from tests.entities.test_propose import bochnia_post, jpeg

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("failure", [errno.ENOSPC, errno.EACCES], ids=["disk full", "folder not writable"])
def test_a_proposal_whose_photo_cannot_be_written_leaves_nothing_behind(
    member_a, monkeypatch, settings, failure
):
    def cannot_write(self, name, content):
        raise OSError(failure, "simulated")

    monkeypatch.setattr("django.core.files.storage.FileSystemStorage._save", cannot_write)
    client = Client(raise_request_exception=False)
    client.force_login(member_a)
    response = client.post(
        reverse("member:propose"),
        bochnia_post(**{"logo": jpeg(), "zdjecia-0-image": jpeg("ogrod.jpg"), "zdjecia-0-alt_text": "Ogród"}),
    )
    assert response.status_code == 507
    assert "Nie udało się zapisać przesłanego pliku" in response.content.decode()
    assert not EntitySubmission.objects.exists()
    assert not SubmissionImage.objects.exists()
