"""A round from opening to closing: who is asked, invitations, reminders, answers, review, deadline."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.utils import timezone

from entities.models import Membership
from monitoring import services
from monitoring.models import Notice, Report, Round
from tests.factories import (
    EntityFactory,
    MembershipFactory,
    PSStatusFactory,
    RoundFactory,
    member_of,
    valid_answers,
)

TODAY = datetime.date(2026, 3, 1)


@pytest.fixture
def draft_round(db):
    return RoundFactory(
        year=2025,
        state="draft",
        opens_on=TODAY - datetime.timedelta(days=1),
        closes_on=TODAY + datetime.timedelta(days=30),
    )


def test_opening_asks_the_chosen_legal_forms_only_published_entities(draft_round):
    cooperative = EntityFactory(legal_form="spoldzielnia-socjalna")
    EntityFactory(legal_form="fundacja")
    EntityFactory(legal_form="spoldzielnia-socjalna", state="draft")
    draft_round.legal_forms = ["spoldzielnia-socjalna"]
    draft_round.save()
    assert services.round_open(draft_round) == 1
    assert list(draft_round.reports.values_list("entity", flat=True)) == [cooperative.pk]
    assert draft_round.state == Round.State.OPEN


def test_opening_can_ask_social_enterprises_only_or_a_list(draft_round):
    enterprise = PSStatusFactory().entity
    listed = EntityFactory()
    EntityFactory()
    draft_round.ps_status_only = True
    draft_round.save()
    assert set(draft_round.asked_entities()) == {enterprise}
    draft_round.entities.set([listed])
    assert set(draft_round.asked_entities()) == {listed}


def test_invitations_go_to_members_or_to_the_entity_with_a_claim_link(draft_round, settings):
    with_members = EntityFactory(email="biuro@alfa.example.org")
    member_of(with_members, "anna@alfa.example.org")
    member_of(with_members, "ola@alfa.example.org")
    without = EntityFactory(email="biuro@beta.example.org", slug="beta")
    silent = EntityFactory(email="")
    draft_round.entities.set([with_members, without, silent])
    services.round_open(draft_round)
    assert services.invitations_send(draft_round, TODAY) == 3
    recipients = sorted(address for message in mail.outbox for address in message.to)
    assert recipients == ["anna@alfa.example.org", "biuro@beta.example.org", "ola@alfa.example.org"]
    claim = next(m for m in mail.outbox if m.to == ["biuro@beta.example.org"])
    assert f"{settings.SITE_URL}/konto/podmioty/beta/to-moja-organizacja/" in claim.body
    member_mail = next(m for m in mail.outbox if m.to == ["anna@alfa.example.org"])
    report = Report.objects.get(entity=with_members)
    assert f"/konto/monitoring/{report.pk}/" in member_mail.body
    assert draft_round.invitation_text in member_mail.body


def test_inviting_again_sends_only_to_new_members(draft_round):
    entity = EntityFactory()
    member_of(entity, "anna@alfa.example.org")
    draft_round.entities.set([entity])
    services.round_open(draft_round)
    services.invitations_send(draft_round, TODAY)
    assert services.invitations_send(draft_round, TODAY) == 0
    member_of(entity, "nowa@alfa.example.org")
    assert services.invitations_send(draft_round, TODAY) == 1
    assert [m.to for m in mail.outbox] == [["anna@alfa.example.org"], ["nowa@alfa.example.org"]]


def test_no_invitations_before_the_opening_day(draft_round):
    entity = EntityFactory()
    member_of(entity, "anna@alfa.example.org")
    draft_round.entities.set([entity])
    services.round_open(draft_round)
    assert services.invitations_send(draft_round, draft_round.opens_on - datetime.timedelta(days=1)) == 0


def test_reminders_go_once_to_those_who_have_not_answered(draft_round):
    quiet, answered = EntityFactory(), EntityFactory()
    member_of(quiet, "cicha@example.org")
    member_of(answered, "pilna@example.org")
    draft_round.entities.set([quiet, answered])
    services.round_open(draft_round)
    Report.objects.filter(entity=answered).update(state=Report.State.SUBMITTED)
    two_weeks_before = draft_round.closes_on - datetime.timedelta(days=14)
    assert services.reminders_send(draft_round, two_weeks_before - datetime.timedelta(days=1)) == 0
    assert services.reminders_send(draft_round, two_weeks_before) == 1
    assert services.reminders_send(draft_round, two_weeks_before) == 0
    assert services.reminders_send(draft_round, two_weeks_before + datetime.timedelta(days=1)) == 0
    # The last reminder, three days before; nothing after the deadline.
    assert services.reminders_send(draft_round, draft_round.closes_on - datetime.timedelta(days=2)) == 1
    assert services.reminders_send(draft_round, draft_round.closes_on + datetime.timedelta(days=1)) == 0
    assert [m.to for m in mail.outbox] == [["cicha@example.org"], ["cicha@example.org"]]
    assert set(Notice.objects.values_list("kind", flat=True)) == {"przypomnienie-14", "przypomnienie-3"}


def test_a_missed_cron_day_does_not_send_two_reminders_at_once(draft_round):
    entity = EntityFactory()
    member_of(entity, "cicha@example.org")
    draft_round.entities.set([entity])
    services.round_open(draft_round)
    assert services.reminders_send(draft_round, draft_round.closes_on - datetime.timedelta(days=1)) == 1
    assert len(mail.outbox) == 1


def test_the_daily_command_invites_reminds_and_closes_and_can_run_twice(db, monkeypatch):
    monkeypatch.setattr(timezone, "localdate", lambda *args: TODAY)
    due = RoundFactory(
        year=2024, opens_on=TODAY - datetime.timedelta(days=60), closes_on=TODAY - datetime.timedelta(days=1)
    )
    running = RoundFactory(year=2025, opens_on=TODAY, closes_on=TODAY + datetime.timedelta(days=3))
    entity = EntityFactory()
    member_of(entity, "anna@alfa.example.org")
    running.entities.set([entity])
    services.round_open(running)
    call_command("monitoring_daily", verbosity=0)
    call_command("monitoring_daily", verbosity=0)
    due.refresh_from_db()
    assert due.state == Round.State.CLOSED
    kinds = sorted(Notice.objects.values_list("kind", flat=True))
    assert kinds == ["przypomnienie-3", "zaproszenie"]
    assert len(mail.outbox) == 2


@pytest.fixture
def invited(draft_round):
    entity = EntityFactory()
    member = member_of(entity, "anna@alfa.example.org")
    draft_round.entities.set([entity])
    services.round_open(draft_round)
    return Report.objects.get(entity=entity), member


def test_answer_correct_accept(invited, monkeypatch):
    monkeypatch.setattr(timezone, "localdate", lambda *args: TODAY)
    report, member = invited
    editor = member  # who reviews does not matter to the services; the admin checks permissions
    services.report_save_draft(report, {"zatrudnieni": 10})
    assert report.state == Report.State.DRAFT
    services.report_submit(report, valid_answers(), member)
    assert report.state == Report.State.SUBMITTED and report.submitted_by == member
    assert not report.member_can_edit()
    with pytest.raises(ValidationError):
        services.report_save_draft(report, {"zatrudnieni": 1})
    services.report_request_correction(report, editor, "Proszę sprawdzić liczbę etatów.")
    assert report.state == Report.State.CORRECTION and report.member_can_edit()
    assert "Proszę sprawdzić liczbę etatów." in mail.outbox[-1].body
    services.report_submit(report, valid_answers(etaty="7"), member)
    services.report_accept(report, editor)
    report.refresh_from_db()
    assert report.state == Report.State.ACCEPTED
    assert report.powiat == report.entity.gmina.powiat and report.legal_form == report.entity.legal_form


def test_a_correction_needs_a_message_and_only_sent_answers_are_accepted(invited):
    report, member = invited
    with pytest.raises(ValidationError):
        services.report_accept(report, member)
    report.state = Report.State.SUBMITTED
    report.answers = valid_answers()
    report.save()
    with pytest.raises(ValidationError):
        services.report_request_correction(report, member, "  ")


def test_incomplete_answers_cannot_be_accepted(invited):
    report, member = invited
    Report.objects.filter(pk=report.pk).update(state=Report.State.SUBMITTED, answers={"zatrudnieni": 3})
    report.refresh_from_db()
    with pytest.raises(ValidationError):
        services.report_accept(report, member)


def test_after_the_deadline_answers_need_the_editors_consent(invited, monkeypatch):
    report, member = invited
    late = report.round.closes_on + datetime.timedelta(days=1)
    monkeypatch.setattr(timezone, "localdate", lambda *args: late)
    assert not report.member_can_edit()
    with pytest.raises(ValidationError):
        services.report_submit(report, valid_answers(), member)
    services.round_close(report.round)
    services.report_allow_late(report)
    assert report.member_can_edit()
    services.report_submit(report, valid_answers(), member)
    assert report.state == Report.State.SUBMITTED


def test_a_closed_round_cannot_be_opened_again(draft_round):
    services.round_close(draft_round)
    with pytest.raises(ValidationError):
        services.round_open(draft_round)


def test_a_round_cannot_close_before_it_opens(db):
    round_ = Round(
        year=2030, opens_on=TODAY, closes_on=TODAY - datetime.timedelta(days=1), invitation_text="x"
    )
    with pytest.raises(ValidationError):
        round_.full_clean()


def test_memberships_of_other_entities_do_not_receive_the_invitation(draft_round):
    asked, other = EntityFactory(), EntityFactory()
    MembershipFactory(entity=other)
    member_of(asked, "anna@alfa.example.org")
    draft_round.entities.set([asked])
    services.round_open(draft_round)
    services.invitations_send(draft_round, TODAY)
    assert [m.to for m in mail.outbox] == [["anna@alfa.example.org"]]


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_overlapping_cron_runs_send_each_reminder_once():
    import threading

    from django.db import connection

    round_ = RoundFactory(
        year=2025, opens_on=TODAY - datetime.timedelta(days=5), closes_on=TODAY + datetime.timedelta(days=2)
    )
    for number in range(6):
        member_of(EntityFactory(), f"osoba{number}@example.org")
    round_.entities.set(Membership.objects.values_list("entity", flat=True))
    services.round_open(round_)
    start = threading.Barrier(2)
    errors = []

    def run():
        try:
            start.wait()
            services.reminders_send(Round.objects.get(pk=round_.pk), TODAY)
        except Exception as error:  # surfaced below; a thread's exception would otherwise be lost
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert sorted(address for message in mail.outbox for address in message.to) == [
        f"osoba{number}@example.org" for number in range(6)
    ]
    assert Notice.objects.count() == 6


def test_the_daily_command_dry_run_changes_nothing(db, monkeypatch):
    from io import StringIO

    monkeypatch.setattr(timezone, "localdate", lambda *args: TODAY)
    due = RoundFactory(
        year=2024, opens_on=TODAY - datetime.timedelta(days=60), closes_on=TODAY - datetime.timedelta(days=1)
    )
    running = RoundFactory(year=2025, opens_on=TODAY, closes_on=TODAY + datetime.timedelta(days=3))
    member_of(EntityFactory(), "anna@alfa.example.org")
    running.entities.set(Membership.objects.values_list("entity", flat=True))
    services.round_open(running)
    out = StringIO()
    call_command("monitoring_daily", dry_run=True, stdout=out)
    due.refresh_from_db()
    assert due.state == Round.State.OPEN and mail.outbox == []
    assert "przypomnienie (3 dni przed terminem)" in out.getvalue()


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_of_two_members_sending_at_once_the_second_is_told_it_is_too_late(monkeypatch):
    import threading

    from django.db import connection

    monkeypatch.setattr(timezone, "localdate", lambda *args: TODAY)
    entity = EntityFactory()
    first, second = member_of(entity, "anna@alfa.example.org"), member_of(entity, "ola@alfa.example.org")
    round_ = RoundFactory(
        year=2025, opens_on=TODAY - datetime.timedelta(days=5), closes_on=TODAY + datetime.timedelta(days=2)
    )
    report = Report.objects.create(round=round_, entity=entity)
    start = threading.Barrier(2)
    outcomes = []

    def send(user, employees):
        try:
            start.wait()
            services.report_submit(
                Report.objects.select_related("round").get(pk=report.pk),
                valid_answers(zatrudnieni=employees),
                user,
            )
            outcomes.append("sent")
        except ValidationError:
            outcomes.append("refused")
        finally:
            connection.close()

    threads = [threading.Thread(target=send, args=args) for args in ((first, 10), (second, 12))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["refused", "sent"]
    report.refresh_from_db()
    assert report.state == Report.State.SUBMITTED
