"""Security events go to the `wortal.security` log as JSON, without passwords, tokens or e-mail addresses."""

import json
import logging

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from tests.factories import UserFactory, verified_email
from wortal.security_log import JSONFormatter, login_hash

pytestmark = pytest.mark.django_db


@pytest.fixture
def events(caplog):
    caplog.set_level(logging.INFO, logger="wortal.security")

    def lines():
        formatter = JSONFormatter()
        return [formatter.format(r) for r in caplog.records if r.name == "wortal.security"]

    return lines


def parsed(lines):
    return [json.loads(line) for line in lines]


def test_failed_and_successful_sign_ins_and_the_lockout_are_logged_without_personal_data(
    client, events, settings
):
    person = verified_email(UserFactory(username="biuro"))
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(reverse("account_login"), {"login": "Biuro@example.org", "password": "Tajne-Haslo-99"})
    client.post(reverse("account_login"), {"login": "biuro@example.org", "password": "haslo-testowe-123"})
    lines = events()
    names = [event["event"] for event in parsed(lines)]
    assert names.count("login_failed") >= settings.AXES_FAILURE_LIMIT
    assert "lockout" in names
    failed = next(event for event in parsed(lines) if event["event"] == "login_failed")
    assert failed["login_hash"] == login_hash("biuro@example.org")
    assert failed["view"] == "account_login" and failed["ip"] == "127.0.0.1"
    text = "\n".join(lines)
    assert "example.org" not in text and "Tajne-Haslo" not in text and "haslo-testowe" not in text

    client.post(
        reverse("account_login"),
        {"login": "biuro@example.org", "password": "haslo-testowe-123"},
        REMOTE_ADDR="10.9.9.9",
    )
    assert {"event": "login_succeeded", "user_id": person.pk}.items() <= parsed(events())[-1].items()


def test_a_confirmation_link_is_logged_by_its_name_not_its_token(client, events):
    client.force_login(UserFactory())
    client.get(reverse("account_confirm_email", args=["sekretny-klucz-123"]))
    client.post(reverse("account_logout"))
    assert "sekretny-klucz" not in "\n".join(events())


def test_role_changes_are_logged(events):
    person = UserFactory()
    person.groups.add(Group.objects.get(name="Redaktor"))
    person.is_staff = True
    person.save()
    role_events = [event for event in parsed(events()) if event["event"] == "role_changed"]
    assert role_events[0]["user_ids"] == [person.pk] and role_events[0]["groups"] == "add"
    assert role_events[1] == {**role_events[1], "user_id": person.pk, "is_staff": True}


def test_a_refused_csrf_check_is_logged(events):
    from django.test import Client

    Client(enforce_csrf_checks=True).post(reverse("account_login"), {})
    assert parsed(events())[-1]["event"] == "csrf_failure"


def test_a_moderation_decision_is_logged_with_the_editor_and_no_reason_text(events):
    from moderation import services
    from tests.factories import EntitySubmissionFactory, redaktor

    submission = EntitySubmissionFactory()
    editor = redaktor()
    services.reject(submission, editor, "Dane Jana Kowalskiego są nieaktualne")
    decision = next(event for event in parsed(events()) if event["event"] == "moderation_decision")
    assert decision["object_id"] == submission.pk and decision["editor_id"] == editor.pk
    assert decision["state"] == "rejected"
    assert "Kowalskiego" not in "\n".join(events())
