"""The demo accounts of organisations' members: idempotent, refused in production."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from entities.models import Claim, EntitySubmission, Membership
from tests.factories import EntityFactory

pytestmark = pytest.mark.django_db


def test_it_creates_members_and_pending_items_once(client, settings):
    settings.DEBUG = True
    EntityFactory.create_batch(3)
    call_command("seed_demo_members")
    call_command("seed_demo_members")
    assert Membership.objects.count() == 2
    assert EntitySubmission.objects.pending().count() == 1
    assert Claim.objects.pending().count() == 1
    member = get_user_model().objects.get(email="czlonek@example.org")
    assert member.check_password("czlonek-demo-123")


def test_it_refuses_production_without_force(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError):
        call_command("seed_demo_members")


def test_it_needs_demo_entities(settings):
    settings.DEBUG = True
    with pytest.raises(CommandError, match="seed_demo"):
        call_command("seed_demo_members")
