"""The demo member's initiative report: pending in the queue, created once, refused in production."""

import pytest
from django.core.management import CommandError, call_command

from initiatives.models import Initiative, InitiativeSubmission
from tests.factories import EntityFactory

pytestmark = pytest.mark.django_db


def test_it_creates_one_pending_report_of_the_demo_member(settings):
    settings.DEBUG = True
    EntityFactory.create_batch(3)
    call_command("seed_demo_members")
    call_command("seed_demo_reports")
    call_command("seed_demo_reports")
    submission = InitiativeSubmission.objects.pending().get()
    assert submission.submitted_by.email == "czlonek@example.org"
    assert Initiative.objects.get().state == "pending"


def test_it_needs_the_demo_members_first(settings):
    settings.DEBUG = True
    with pytest.raises(CommandError, match="seed_demo_members"):
        call_command("seed_demo_reports")


def test_it_refuses_production_without_force(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError):
        call_command("seed_demo_reports")
