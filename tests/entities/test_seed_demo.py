import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from stdnum.pl import nip, regon

from entities.models import Entity, PSStatus

pytestmark = pytest.mark.django_db


def test_it_creates_realistic_entities_and_a_demo_editor():
    call_command("seed_demo", entities=60, force=True, verbosity=0)
    assert Entity.objects.count() == 60
    published = Entity.objects.published()
    assert 0 < published.count() < 60  # some drafts
    assert PSStatus.objects.exists()
    with_nip = Entity.objects.exclude(nip=None)
    assert with_nip.exists()
    assert all(nip.is_valid(e.nip) and regon.is_valid(e.regon) for e in with_nip)
    assert all(e.sectors.exists() for e in Entity.objects.all()[:10])
    assert (
        Entity.objects.filter(name__contains="ó").exists()
        or Entity.objects.filter(name__contains="ł").exists()
    )
    editor = get_user_model().objects.get(username="redaktor")
    assert editor.is_staff and editor.check_password("redaktor-demo")
    assert not editor.is_superuser and editor.groups.filter(name="Redaktor").exists()
    assert editor.has_perm("entities.change_entity") and not editor.has_perm("auth.change_user")


def test_running_it_twice_does_not_duplicate():
    call_command("seed_demo", entities=40, force=True, verbosity=0)
    call_command("seed_demo", entities=40, force=True, verbosity=0)
    assert Entity.objects.count() == 40
    call_command("seed_demo", entities=50, force=True, verbosity=0)
    assert Entity.objects.count() == 50
    assert get_user_model().objects.filter(username="redaktor").count() == 1


def test_demo_entities_are_searchable():
    call_command("seed_demo", entities=40, force=True, verbosity=0)
    first = Entity.objects.published().first()
    assert first in Entity.objects.search(first.name)


def test_it_refuses_to_run_in_production_without_force(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="--force"):
        call_command("seed_demo", entities=5, verbosity=0)
    assert Entity.objects.count() == 0


def test_the_demo_editor_signs_in_with_a_verified_email_address():
    call_command("seed_demo", entities=0, force=True, verbosity=0)
    editor = get_user_model().objects.get(username="redaktor")
    assert editor.emailaddress_set.filter(email="redaktor@example.org", verified=True, primary=True).exists()
