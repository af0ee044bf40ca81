import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from tests.factories import UserFactory, redaktor

pytestmark = pytest.mark.django_db


def test_the_editor_group_holds_exactly_the_content_apps_permissions():
    perms = set(
        Group.objects.get(name="Redaktor").permissions.values_list("content_type__app_label", flat=True)
    )
    assert perms == {
        "entities",
        "initiatives",
        "news",
        "monitoring",
        "search",
        "office",
        "knowledge",
        "newsletter",
        "pakt",
        "axes",
    }
    axes = Group.objects.get(name="Redaktor").permissions.filter(content_type__app_label="axes")
    assert set(axes.values_list("codename", flat=True)) == {"view_accessattempt", "delete_accessattempt"}
    codenames = set(Group.objects.get(name="Redaktor").permissions.values_list("codename", flat=True))
    assert {"change_entity", "view_historicalentity", "add_post", "delete_initiative"} <= codenames
    assert not codenames & {"change_user", "add_user", "change_group", "change_permission"}


def test_the_administrator_group_holds_every_permission():
    assert Group.objects.get(name="Administrator").permissions.count() == Permission.objects.count()


@pytest.mark.parametrize(
    "url_name", ["admin:auth_user_changelist", "admin:auth_group_changelist", "admin:auth_user_add"]
)
def test_an_editor_cannot_reach_users_or_groups(client, url_name):
    client.force_login(redaktor())
    assert client.get(reverse(url_name)).status_code == 403


def test_an_editor_cannot_reach_permissions(client):
    client.force_login(redaktor())
    assert client.get("/admin/auth/permission/").status_code == 404


def test_an_editor_cannot_make_themselves_administrator(client):
    editor = redaktor()
    client.force_login(editor)
    url = reverse("admin:auth_user_change", args=[editor.pk])
    response = client.post(url, {"username": editor.username, "is_staff": "on", "is_superuser": "on"})
    assert response.status_code == 403
    editor.refresh_from_db()
    assert not editor.is_superuser
    assert list(editor.groups.values_list("name", flat=True)) == ["Redaktor"]


def test_an_editor_reaches_the_registry_and_content(client):
    client.force_login(redaktor())
    for name in ["entities_entity", "news_post", "initiatives_initiative"]:
        assert client.get(reverse(f"admin:{name}_changelist")).status_code == 200


def test_make_editor_gives_the_staff_flag_and_the_group():
    person = UserFactory(username="nowa")
    call_command("make_editor", "nowa", stdout=None)
    person.refresh_from_db()
    assert person.is_staff and not person.is_superuser
    assert list(person.groups.values_list("name", flat=True)) == ["Redaktor"]


def test_make_editor_with_admin_gives_the_administrator_group():
    person = UserFactory(username="szefowa")
    call_command("make_editor", "szefowa", "--admin")
    assert list(person.groups.values_list("name", flat=True)) == ["Administrator"]


def test_make_editor_refuses_an_unknown_account():
    with pytest.raises(CommandError, match="Nie ma konta"):
        call_command("make_editor", "nikt")


def test_make_editor_warns_that_an_account_without_an_email_cannot_sign_in():
    from io import StringIO

    UserFactory(username="bez-adresu", email="")
    errors = StringIO()
    call_command("make_editor", "bez-adresu", stderr=errors)
    assert "nie ma adresu e-mail" in errors.getvalue()
